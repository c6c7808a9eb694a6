-- Events are written without a position, so an organization's changes no longer wait on
-- one another's commit; a reader of the feed numbers the committed ones first.
ALTER TABLE "events" ALTER COLUMN "position" DROP NOT NULL;--> statement-breakpoint
CREATE INDEX "events_unnumbered_idx" ON "events" USING btree ("organization_id","id") WHERE "events"."position" IS NULL;