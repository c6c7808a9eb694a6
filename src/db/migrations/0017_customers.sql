CREATE TABLE "connect_customers" (
	"organization_id" text NOT NULL,
	"id" text NOT NULL,
	"client_id" text NOT NULL,
	"type" text NOT NULL,
	"email" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"language" text,
	"country_of_residence" text,
	"phone_number" text,
	"default_currency" text,
	"billing_address" jsonb,
	"shipping_address" jsonb,
	"company_name" text,
	"company_number" text,
	"job_title" text,
	"verified" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "connect_customers_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "connect_customers_type" CHECK ("connect_customers"."type" IN ('PERSONAL', 'BUSINESS')),
	CONSTRAINT "connect_customers_personal_no_company" CHECK ("connect_customers"."type" = 'BUSINESS' OR ("connect_customers"."company_name" IS NULL AND "connect_customers"."company_number" IS NULL AND "connect_customers"."job_title" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "connect_payment_methods" (
	"organization_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"id" text NOT NULL,
	"token" text NOT NULL,
	"name" text,
	"type" text NOT NULL,
	"last_digits" text NOT NULL,
	"expiry_month" text NOT NULL,
	"expiry_year" text NOT NULL,
	"gateway" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "connect_payment_methods_pkey" PRIMARY KEY("organization_id","customer_id","id"),
	CONSTRAINT "connect_payment_methods_last_digits" CHECK ("connect_payment_methods"."last_digits" ~ '^[0-9]{4}$')
);
--> statement-breakpoint
ALTER TABLE "connect_orders" ADD COLUMN "customer_id" text;--> statement-breakpoint
ALTER TABLE "connect_sims" ADD COLUMN "customer_id" text;--> statement-breakpoint
ALTER TABLE "connect_customers" ADD CONSTRAINT "connect_customers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connect_customers" ADD CONSTRAINT "connect_customers_client_id_api_clients_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."api_clients"("client_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connect_payment_methods" ADD CONSTRAINT "connect_payment_methods_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connect_payment_methods" ADD CONSTRAINT "connect_payment_methods_customer_fk" FOREIGN KEY ("organization_id","customer_id") REFERENCES "public"."connect_customers"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "connect_customers_id_uq" ON "connect_customers" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "connect_customers_client_uq" ON "connect_customers" USING btree ("organization_id","client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "connect_customers_email_uq" ON "connect_customers" USING btree ("organization_id",lower("email"));--> statement-breakpoint
ALTER TABLE "connect_orders" ADD CONSTRAINT "connect_orders_customer_fk" FOREIGN KEY ("organization_id","customer_id") REFERENCES "public"."connect_customers"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connect_sims" ADD CONSTRAINT "connect_sims_customer_fk" FOREIGN KEY ("organization_id","customer_id") REFERENCES "public"."connect_customers"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "connect_orders_org_customer_idx" ON "connect_orders" USING btree ("organization_id","customer_id","created_at","id");--> statement-breakpoint
CREATE INDEX "connect_sims_org_customer_idx" ON "connect_sims" USING btree ("organization_id","customer_id","created_at","iccid");