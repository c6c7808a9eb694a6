-- Hand-edited after drizzle-kit generate: usage_items is partitioned by month of
-- started_at (drizzle-kit cannot express it); partitions are created as usage arrives.
CREATE TABLE "usage_items" (
	"id" text NOT NULL,
	"organization_id" text NOT NULL,
	"account_id" text NOT NULL,
	"subscription_id" text NOT NULL,
	"subscriber_id" text NOT NULL,
	"msisdn" text NOT NULL,
	"source_record_id" text NOT NULL,
	"part" integer DEFAULT 0 NOT NULL,
	"type" text NOT NULL,
	"direction" text NOT NULL,
	"technology" text,
	"from_msisdn" text,
	"to_msisdn" text,
	"location_country" text NOT NULL,
	"roaming" boolean NOT NULL,
	"is_recorded" boolean DEFAULT false NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"quantity" bigint NOT NULL,
	"unit" text NOT NULL,
	"charged_quantity" bigint NOT NULL,
	"cost_type" text NOT NULL,
	"product_id" text,
	CONSTRAINT "usage_items_id_started_at_pk" PRIMARY KEY("id","started_at")
) PARTITION BY RANGE ("started_at");
--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "data_used_bytes" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "voice_used_seconds" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "sms_used" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "usage_items_source_uq" ON "usage_items" USING btree ("source_record_id","part","started_at");--> statement-breakpoint
CREATE INDEX "usage_items_org_idx" ON "usage_items" USING btree ("organization_id","started_at","id");--> statement-breakpoint
CREATE INDEX "usage_items_account_idx" ON "usage_items" USING btree ("organization_id","account_id","started_at","id");--> statement-breakpoint
CREATE INDEX "usage_items_subscription_idx" ON "usage_items" USING btree ("organization_id","subscription_id","started_at","id");--> statement-breakpoint
CREATE INDEX "usage_items_subscriber_idx" ON "usage_items" USING btree ("organization_id","subscriber_id","started_at","id");--> statement-breakpoint
CREATE INDEX "usage_items_msisdn_idx" ON "usage_items" USING btree ("organization_id","msisdn","started_at","id");--> statement-breakpoint
CREATE INDEX "usage_items_processed_idx" ON "usage_items" USING btree ("organization_id","processed_at");