CREATE TABLE "sms_messages" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"subscription_id" text NOT NULL,
	"from_msisdn" text NOT NULL,
	"country" text NOT NULL,
	"text" text NOT NULL,
	"encoding" text NOT NULL,
	"parts" integer NOT NULL,
	"concat_ref" integer NOT NULL,
	"recipient_count" integer NOT NULL,
	"correlation_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_receipts" (
	"smsc_message_id" text PRIMARY KEY NOT NULL,
	"delivered" boolean NOT NULL,
	"error" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_recipients" (
	"message_id" text NOT NULL,
	"position" integer NOT NULL,
	"to_msisdn" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"parts_delivered" integer DEFAULT 0 NOT NULL,
	"reason" text,
	"sent_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	CONSTRAINT "sms_recipients_message_id_position_pk" PRIMARY KEY("message_id","position")
);
--> statement-breakpoint
CREATE TABLE "sms_submissions" (
	"smsc_message_id" text PRIMARY KEY NOT NULL,
	"message_id" text NOT NULL,
	"position" integer NOT NULL,
	"part" integer NOT NULL,
	"outcome" text,
	"reason" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sms_messages" ADD CONSTRAINT "sms_messages_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_messages" ADD CONSTRAINT "sms_messages_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_recipients" ADD CONSTRAINT "sms_recipients_message_id_sms_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."sms_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sms_messages_org_idx" ON "sms_messages" USING btree ("organization_id","id");--> statement-breakpoint
CREATE INDEX "sms_submissions_recipient_idx" ON "sms_submissions" USING btree ("message_id","position");