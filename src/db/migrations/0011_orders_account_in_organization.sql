ALTER TABLE "orders" DROP CONSTRAINT "orders_account_id_accounts_id_fk";
--> statement-breakpoint
DROP INDEX "accounts_org_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_org_idx" ON "accounts" USING btree ("organization_id","id");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_account_fk" FOREIGN KEY ("organization_id","account_id") REFERENCES "public"."accounts"("organization_id","id") ON DELETE no action ON UPDATE no action;
