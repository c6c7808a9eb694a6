CREATE TABLE "connect_usage_records" (
	"source_record_id" text PRIMARY KEY NOT NULL,
	"iccid" text NOT NULL,
	"bytes" bigint NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "connect_subscriptions" ADD COLUMN "threshold_reached_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "connect_subscriptions" ADD COLUMN "ended_at" timestamp with time zone;