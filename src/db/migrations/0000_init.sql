CREATE TABLE "accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"reference_code" text NOT NULL,
	"name" text NOT NULL,
	"country" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_clients" (
	"client_id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"name" text NOT NULL,
	"family" text NOT NULL,
	"role" text,
	"licences" text[] DEFAULT '{}'::text[] NOT NULL,
	"secret_hash" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "authorized_senders" (
	"organization_id" text NOT NULL,
	"msisdn" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "authorized_senders_organization_id_msisdn_pk" PRIMARY KEY("organization_id","msisdn")
);
--> statement-breakpoint
CREATE TABLE "number_pools" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"country" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "number_pools_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "order_template_offerings" (
	"template_id" text NOT NULL,
	"offering_id" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "order_template_offerings_template_id_position_pk" PRIMARY KEY("template_id","position")
);
--> statement-breakpoint
CREATE TABLE "order_templates" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"type" text NOT NULL,
	"description" text NOT NULL,
	"number_pool_id" text,
	"services" text[] DEFAULT '{voice,sms,data}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"licences" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phone_numbers" (
	"msisdn" text PRIMARY KEY NOT NULL,
	"pool_id" text NOT NULL,
	"country" text NOT NULL,
	"organization_id" text,
	"subscription_id" text,
	"is_primary" boolean DEFAULT false NOT NULL,
	"state" text DEFAULT 'available' NOT NULL,
	"quarantined_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "phone_numbers_msisdn_format" CHECK ("phone_numbers"."msisdn" ~ '^[1-9][0-9]{6,14}$')
);
--> statement-breakpoint
CREATE TABLE "product_offerings" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"data_bytes" bigint,
	"voice_seconds" integer,
	"sms_count" integer,
	"validity_days" integer NOT NULL,
	"price_amount" numeric(12, 2) NOT NULL,
	"currency" text NOT NULL,
	"footprint" text[] DEFAULT '{}'::text[] NOT NULL,
	"voice_increment_seconds" integer DEFAULT 60 NOT NULL,
	"data_increment_bytes" integer DEFAULT 1024 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"account_id" text NOT NULL,
	"subscription_id" text NOT NULL,
	"offering_id" text NOT NULL,
	"status" text NOT NULL,
	"activated_at" timestamp with time zone NOT NULL,
	"terminates_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limit_counters" (
	"key" text NOT NULL,
	"window_start" bigint NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "rate_limit_counters_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "services" (
	"organization_id" text NOT NULL,
	"subscription_id" text NOT NULL,
	"type" text NOT NULL,
	"enabled" boolean NOT NULL,
	CONSTRAINT "services_organization_id_subscription_id_type_pk" PRIMARY KEY("organization_id","subscription_id","type")
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signing_keys" (
	"kid" text PRIMARY KEY NOT NULL,
	"algorithm" text NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"private_jwk" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sim_profiles" (
	"iccid" text PRIMARY KEY NOT NULL,
	"organization_id" text,
	"subscription_id" text,
	"sim_type" text NOT NULL,
	"state" text DEFAULT 'available' NOT NULL,
	"eid" text,
	"smdp_address" text,
	"matching_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"allocated_at" timestamp with time zone,
	"updated_at" timestamp with time zone,
	CONSTRAINT "sim_profiles_iccid_format" CHECK ("sim_profiles"."iccid" ~ '^89[0-9]{17}$')
);
--> statement-breakpoint
CREATE TABLE "subscribers" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text NOT NULL,
	"employee_id" text,
	"group" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"account_id" text NOT NULL,
	"subscriber_id" text NOT NULL,
	"iccid" text,
	"status" text NOT NULL,
	"suspension_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"terminated_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_clients" ADD CONSTRAINT "api_clients_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authorized_senders" ADD CONSTRAINT "authorized_senders_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_template_offerings" ADD CONSTRAINT "order_template_offerings_template_id_order_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."order_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_template_offerings" ADD CONSTRAINT "order_template_offerings_offering_id_product_offerings_id_fk" FOREIGN KEY ("offering_id") REFERENCES "public"."product_offerings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_templates" ADD CONSTRAINT "order_templates_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_templates" ADD CONSTRAINT "order_templates_number_pool_id_number_pools_id_fk" FOREIGN KEY ("number_pool_id") REFERENCES "public"."number_pools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_numbers" ADD CONSTRAINT "phone_numbers_pool_id_number_pools_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."number_pools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_numbers" ADD CONSTRAINT "phone_numbers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_numbers" ADD CONSTRAINT "phone_numbers_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_offerings" ADD CONSTRAINT "product_offerings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_offering_id_product_offerings_id_fk" FOREIGN KEY ("offering_id") REFERENCES "public"."product_offerings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sim_profiles" ADD CONSTRAINT "sim_profiles_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sim_profiles" ADD CONSTRAINT "sim_profiles_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscribers" ADD CONSTRAINT "subscribers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_iccid_sim_profiles_iccid_fk" FOREIGN KEY ("iccid") REFERENCES "public"."sim_profiles"("iccid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accounts_org_idx" ON "accounts" USING btree ("organization_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_org_reference_uq" ON "accounts" USING btree ("organization_id","reference_code");--> statement-breakpoint
CREATE INDEX "api_clients_org_idx" ON "api_clients" USING btree ("organization_id","client_id");--> statement-breakpoint
CREATE INDEX "order_templates_org_idx" ON "order_templates" USING btree ("organization_id","id");--> statement-breakpoint
CREATE INDEX "phone_numbers_pool_idx" ON "phone_numbers" USING btree ("pool_id","msisdn") WHERE "phone_numbers"."state" = 'available';--> statement-breakpoint
CREATE INDEX "phone_numbers_org_subscription_idx" ON "phone_numbers" USING btree ("organization_id","subscription_id");--> statement-breakpoint
CREATE INDEX "product_offerings_org_idx" ON "product_offerings" USING btree ("organization_id","id");--> statement-breakpoint
CREATE INDEX "products_org_idx" ON "products" USING btree ("organization_id","id");--> statement-breakpoint
CREATE INDEX "products_org_account_idx" ON "products" USING btree ("organization_id","account_id","id");--> statement-breakpoint
CREATE INDEX "products_org_status_idx" ON "products" USING btree ("organization_id","status","id");--> statement-breakpoint
CREATE INDEX "products_subscription_idx" ON "products" USING btree ("organization_id","subscription_id");--> statement-breakpoint
CREATE INDEX "sim_profiles_stock_idx" ON "sim_profiles" USING btree ("sim_type","iccid") WHERE "sim_profiles"."state" = 'available';--> statement-breakpoint
CREATE INDEX "sim_profiles_org_subscription_idx" ON "sim_profiles" USING btree ("organization_id","subscription_id");--> statement-breakpoint
CREATE INDEX "subscribers_org_idx" ON "subscribers" USING btree ("organization_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "subscribers_org_email_uq" ON "subscribers" USING btree ("organization_id",lower("email"));--> statement-breakpoint
CREATE INDEX "subscriptions_org_idx" ON "subscriptions" USING btree ("organization_id","id");--> statement-breakpoint
CREATE INDEX "subscriptions_org_status_idx" ON "subscriptions" USING btree ("organization_id","status","id");--> statement-breakpoint
CREATE INDEX "subscriptions_subscriber_idx" ON "subscriptions" USING btree ("organization_id","subscriber_id");