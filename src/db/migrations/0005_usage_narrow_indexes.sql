-- Hand-edited after drizzle-kit generate: the freshness backfill at the end.
CREATE TABLE "usage_freshness" (
	"organization_id" text PRIMARY KEY NOT NULL,
	"complete_until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DROP INDEX "usage_items_processed_idx";--> statement-breakpoint
DROP INDEX "usage_items_account_idx";--> statement-breakpoint
DROP INDEX "usage_items_subscription_idx";--> statement-breakpoint
DROP INDEX "usage_items_subscriber_idx";--> statement-breakpoint
DROP INDEX "usage_items_msisdn_idx";--> statement-breakpoint
ALTER TABLE "usage_freshness" ADD CONSTRAINT "usage_freshness_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "usage_items_account_idx" ON "usage_items" USING btree ("account_id","started_at","id");--> statement-breakpoint
CREATE INDEX "usage_items_subscription_idx" ON "usage_items" USING btree ("subscription_id","started_at","id");--> statement-breakpoint
CREATE INDEX "usage_items_subscriber_idx" ON "usage_items" USING btree ("subscriber_id","started_at","id");--> statement-breakpoint
CREATE INDEX "usage_items_msisdn_idx" ON "usage_items" USING btree ("msisdn","started_at","id");--> statement-breakpoint
-- Hand-added: freshness of the usage already rated.
INSERT INTO "usage_freshness" ("organization_id", "complete_until")
SELECT "organization_id", max("processed_at") FROM "usage_items" GROUP BY "organization_id";
