CREATE TABLE "connect_notification_preferences" (
	"iccid" text NOT NULL,
	"type" text NOT NULL,
	"webhook_url" text NOT NULL,
	CONSTRAINT "connect_notification_preferences_iccid_type_pk" PRIMARY KEY("iccid","type")
);
--> statement-breakpoint
CREATE TABLE "connect_orders" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"operation_type" text NOT NULL,
	"status" text DEFAULT 'ACCEPTED' NOT NULL,
	"input" jsonb NOT NULL,
	"output" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"failure_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "connect_sims" (
	"iccid" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"customer_email" text,
	"device_id" text,
	"device_type" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "connect_subscriptions" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"iccid" text NOT NULL,
	"order_id" text NOT NULL,
	"product_id" text NOT NULL,
	"status" text NOT NULL,
	"initial_balance" bigint NOT NULL,
	"spent_balance" bigint DEFAULT 0 NOT NULL,
	"activation_date" timestamp with time zone NOT NULL,
	"expiration_date" timestamp with time zone NOT NULL,
	"price" numeric(12, 2),
	"currency" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "connect_notification_preferences" ADD CONSTRAINT "connect_notification_preferences_iccid_connect_sims_iccid_fk" FOREIGN KEY ("iccid") REFERENCES "public"."connect_sims"("iccid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connect_orders" ADD CONSTRAINT "connect_orders_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connect_sims" ADD CONSTRAINT "connect_sims_iccid_sim_profiles_iccid_fk" FOREIGN KEY ("iccid") REFERENCES "public"."sim_profiles"("iccid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connect_sims" ADD CONSTRAINT "connect_sims_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connect_subscriptions" ADD CONSTRAINT "connect_subscriptions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connect_subscriptions" ADD CONSTRAINT "connect_subscriptions_iccid_connect_sims_iccid_fk" FOREIGN KEY ("iccid") REFERENCES "public"."connect_sims"("iccid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connect_subscriptions" ADD CONSTRAINT "connect_subscriptions_order_id_connect_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."connect_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connect_subscriptions" ADD CONSTRAINT "connect_subscriptions_product_id_connect_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."connect_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "connect_orders_org_idx" ON "connect_orders" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "connect_orders_org_status_idx" ON "connect_orders" USING btree ("organization_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "connect_sims_org_idx" ON "connect_sims" USING btree ("organization_id","created_at","iccid");--> statement-breakpoint
CREATE INDEX "connect_subscriptions_org_idx" ON "connect_subscriptions" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "connect_subscriptions_iccid_idx" ON "connect_subscriptions" USING btree ("iccid","created_at","id");