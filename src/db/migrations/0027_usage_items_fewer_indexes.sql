DROP INDEX "usage_items_subscriber_idx";--> statement-breakpoint
DROP INDEX "usage_items_msisdn_idx";