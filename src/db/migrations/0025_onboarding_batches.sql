CREATE TABLE "onboarding_batches" (
	"id" text NOT NULL,
	"organization_id" text NOT NULL,
	"account_id" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"total" integer NOT NULL,
	"ordered" integer DEFAULT 0 NOT NULL,
	"refused" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"correlation_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "onboarding_batches_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "onboarding_rows" (
	"organization_id" text NOT NULL,
	"batch_id" text NOT NULL,
	"row_number" integer NOT NULL,
	"employee_id" text,
	"fields" jsonb NOT NULL,
	"status" text NOT NULL,
	"order_id" text,
	"reason" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "onboarding_rows_pkey" PRIMARY KEY("organization_id","batch_id","row_number")
);
--> statement-breakpoint
ALTER TABLE "onboarding_batches" ADD CONSTRAINT "onboarding_batches_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_batches" ADD CONSTRAINT "onboarding_batches_account_fk" FOREIGN KEY ("organization_id","account_id") REFERENCES "public"."accounts"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_rows" ADD CONSTRAINT "onboarding_rows_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_rows" ADD CONSTRAINT "onboarding_rows_batch_fk" FOREIGN KEY ("organization_id","batch_id") REFERENCES "public"."onboarding_batches"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "onboarding_rows_employee_idx" ON "onboarding_rows" USING btree ("organization_id","employee_id") WHERE status IN ('pending', 'ordered');--> statement-breakpoint
CREATE INDEX "onboarding_rows_pending_idx" ON "onboarding_rows" USING btree ("organization_id","batch_id","row_number") WHERE status = 'pending';