-- Every tenant table carries organization_id and leads its key with it, so that a
-- tenant's rows can be co-located when the database is sharded by organization. These
-- tables lacked it: each is backfilled from its parent row, then made NOT NULL.
ALTER TABLE "connect_notification_preferences" ADD COLUMN "organization_id" text;--> statement-breakpoint
ALTER TABLE "connect_usage_records" ADD COLUMN "organization_id" text;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD COLUMN "organization_id" text;--> statement-breakpoint
ALTER TABLE "order_template_offerings" ADD COLUMN "organization_id" text;--> statement-breakpoint
ALTER TABLE "sms_recipients" ADD COLUMN "organization_id" text;--> statement-breakpoint
ALTER TABLE "sms_submissions" ADD COLUMN "organization_id" text;--> statement-breakpoint
ALTER TABLE "webhook_attempts" ADD COLUMN "organization_id" text;--> statement-breakpoint
UPDATE "connect_notification_preferences" p SET "organization_id" = c."organization_id" FROM "connect_sims" c WHERE c."iccid" = p."iccid";--> statement-breakpoint
-- A Connect usage record is the organization's that held the SIM when it started (its
-- holding, as rating found it); the SIM's sale, or its profile, for any older than that.
UPDATE "connect_usage_records" r SET "organization_id" = coalesce(
	(SELECT h."organization_id" FROM "holdings" h
	 WHERE h."kind" = 'iccid' AND h."identifier" = r."iccid" AND h."subscription_id" IS NULL
	   AND h."held_from" <= r."started_at" AND (h."held_until" IS NULL OR r."started_at" < h."held_until")
	 ORDER BY h."held_from" DESC LIMIT 1),
	(SELECT c."organization_id" FROM "connect_sims" c WHERE c."iccid" = r."iccid"),
	(SELECT s."organization_id" FROM "sim_profiles" s WHERE s."iccid" = r."iccid"));--> statement-breakpoint
UPDATE "idempotency_keys" k SET "organization_id" = c."organization_id" FROM "api_clients" c WHERE c."client_id" = k."client_id";--> statement-breakpoint
-- A key of a client no longer known can never be replayed (and would expire within a day anyway).
DELETE FROM "idempotency_keys" WHERE "organization_id" IS NULL;--> statement-breakpoint
UPDATE "order_template_offerings" o SET "organization_id" = t."organization_id" FROM "order_templates" t WHERE t."id" = o."template_id";--> statement-breakpoint
UPDATE "sms_recipients" r SET "organization_id" = m."organization_id" FROM "sms_messages" m WHERE m."id" = r."message_id";--> statement-breakpoint
UPDATE "sms_submissions" s SET "organization_id" = m."organization_id" FROM "sms_messages" m WHERE m."id" = s."message_id";--> statement-breakpoint
UPDATE "webhook_attempts" a SET "organization_id" = d."organization_id" FROM "webhook_deliveries" d WHERE d."id" = a."delivery_id";--> statement-breakpoint
ALTER TABLE "connect_notification_preferences" ALTER COLUMN "organization_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "connect_usage_records" ALTER COLUMN "organization_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ALTER COLUMN "organization_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "order_template_offerings" ALTER COLUMN "organization_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "sms_recipients" ALTER COLUMN "organization_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "sms_submissions" ALTER COLUMN "organization_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_attempts" ALTER COLUMN "organization_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "connect_notification_preferences" ADD CONSTRAINT "connect_notification_preferences_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connect_usage_records" ADD CONSTRAINT "connect_usage_records_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_template_offerings" ADD CONSTRAINT "order_template_offerings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_recipients" ADD CONSTRAINT "sms_recipients_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_submissions" ADD CONSTRAINT "sms_submissions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_attempts" ADD CONSTRAINT "webhook_attempts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Composite keys now lead with the organization, as services' and holdings' do.
ALTER TABLE "connect_notification_preferences" DROP CONSTRAINT "connect_notification_preferences_iccid_type_pk";--> statement-breakpoint
ALTER TABLE "idempotency_keys" DROP CONSTRAINT "idempotency_keys_client_id_key_pk";--> statement-breakpoint
ALTER TABLE "order_template_offerings" DROP CONSTRAINT "order_template_offerings_template_id_position_pk";--> statement-breakpoint
ALTER TABLE "sms_recipients" DROP CONSTRAINT "sms_recipients_message_id_position_pk";--> statement-breakpoint
ALTER TABLE "webhook_attempts" DROP CONSTRAINT "webhook_attempts_delivery_id_attempt_pk";--> statement-breakpoint
ALTER TABLE "connect_notification_preferences" ADD CONSTRAINT "connect_notification_preferences_pkey" PRIMARY KEY("organization_id","iccid","type");--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY("organization_id","client_id","key");--> statement-breakpoint
ALTER TABLE "order_template_offerings" ADD CONSTRAINT "order_template_offerings_pkey" PRIMARY KEY("organization_id","template_id","position");--> statement-breakpoint
ALTER TABLE "sms_recipients" ADD CONSTRAINT "sms_recipients_pkey" PRIMARY KEY("organization_id","message_id","position");--> statement-breakpoint
ALTER TABLE "webhook_attempts" ADD CONSTRAINT "webhook_attempts_pkey" PRIMARY KEY("organization_id","delivery_id","attempt");--> statement-breakpoint
-- Tables keyed by an outside id alone (the SMSC's, the network's record) keep that key,
-- as orders keep theirs, and find a tenant's rows by an index led by the organization.
DROP INDEX "sms_submissions_recipient_idx";--> statement-breakpoint
CREATE INDEX "sms_submissions_recipient_idx" ON "sms_submissions" USING btree ("organization_id","message_id","position");--> statement-breakpoint
CREATE INDEX "connect_usage_records_org_idx" ON "connect_usage_records" USING btree ("organization_id","iccid","started_at");
