DROP INDEX "phone_numbers_org_subscription_idx";--> statement-breakpoint
DROP INDEX "usage_items_source_uq";--> statement-breakpoint
DROP INDEX "products_subscription_idx";--> statement-breakpoint
ALTER TABLE "usage_items" DROP CONSTRAINT "usage_items_id_started_at_pk";--> statement-breakpoint
ALTER TABLE "usage_items" ADD CONSTRAINT "usage_items_pkey" PRIMARY KEY("source_record_id","part","started_at");--> statement-breakpoint
CREATE INDEX "phone_numbers_subscription_idx" ON "phone_numbers" USING btree ("subscription_id");--> statement-breakpoint
CREATE INDEX "products_subscription_idx" ON "products" USING btree ("subscription_id");