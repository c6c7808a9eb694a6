-- SMS that outlive a crash: the built-in SMSC and SM-DP+ simulators keep what they
-- accepted (their own tables, not tenant data); every part sent carries the end of its
-- validity period and when to ask the SMSC after it (query_sm) if no receipt comes; and
-- one attempt at a time submits a message.
CREATE TABLE "smdp_sim_profiles" (
	"iccid" text PRIMARY KEY NOT NULL,
	"state" text NOT NULL,
	"matching_id" text,
	"eid" text,
	"event" text,
	"event_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "smsc_sim_messages" (
	"message_id" text PRIMARY KEY NOT NULL,
	"source_addr" text NOT NULL,
	"destination_addr" text NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"final_at" timestamp with time zone NOT NULL,
	"final_state" integer NOT NULL,
	"receipt_owed" boolean NOT NULL,
	"receipt_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
-- One attempt at a time submits a message: the attempt's lease, renewed as it goes.
ALTER TABLE "sms_messages" ADD COLUMN "sending_lease" text;--> statement-breakpoint
ALTER TABLE "sms_messages" ADD COLUMN "sending_until" timestamp with time zone;--> statement-breakpoint
-- Receipts say how a part ended (delivered, failed or expired), no longer just whether it was delivered.
ALTER TABLE "sms_receipts" ADD COLUMN "outcome" text;--> statement-breakpoint
UPDATE "sms_receipts" SET "outcome" = CASE WHEN "delivered" THEN 'delivered' ELSE 'failed' END;--> statement-breakpoint
ALTER TABLE "sms_receipts" ALTER COLUMN "outcome" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "sms_receipts" DROP COLUMN "delivered";--> statement-breakpoint
-- Parts sent before validity periods were given expire 48 hours (the default) after
-- their submission; the ones still waiting for a receipt are asked after at once.
ALTER TABLE "sms_submissions" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sms_submissions" ADD COLUMN "chase_at" timestamp with time zone;--> statement-breakpoint
UPDATE "sms_submissions" SET "expires_at" = "submitted_at" + interval '48 hours', "chase_at" = now();--> statement-breakpoint
ALTER TABLE "sms_submissions" ALTER COLUMN "expires_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "sms_submissions" ALTER COLUMN "chase_at" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "smdp_sim_profiles_event_idx" ON "smdp_sim_profiles" USING btree ("event_at") WHERE "smdp_sim_profiles"."event" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "smsc_sim_messages_receipt_idx" ON "smsc_sim_messages" USING btree ("receipt_at") WHERE "smsc_sim_messages"."receipt_owed";--> statement-breakpoint
CREATE INDEX "sms_submissions_chase_idx" ON "sms_submissions" USING btree ("chase_at") WHERE "sms_submissions"."outcome" IS NULL;