CREATE TABLE "connect_products" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"plan_id" text DEFAULT 'default' NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"period" integer NOT NULL,
	"period_unit" text NOT NULL,
	"data_value" integer NOT NULL,
	"data_units" text NOT NULL,
	"footprint" text[] NOT NULL,
	"active_countries" text[] NOT NULL,
	"pricing" jsonb NOT NULL,
	"region" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "connect_products" ADD CONSTRAINT "connect_products_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "connect_products_org_plan_idx" ON "connect_products" USING btree ("organization_id","plan_id","created_at","id");