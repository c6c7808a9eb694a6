CREATE TABLE "alert_firings" (
	"organization_id" text NOT NULL,
	"threshold_id" text NOT NULL,
	"level" numeric(14, 4) NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"fired_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_firings_pkey" PRIMARY KEY("organization_id","threshold_id","level","period_start")
);
--> statement-breakpoint
CREATE TABLE "alert_thresholds" (
	"id" text NOT NULL,
	"organization_id" text NOT NULL,
	"account_id" text NOT NULL,
	"subscription_id" text,
	"kind" text NOT NULL,
	"levels" numeric(14, 4)[] NOT NULL,
	"currency" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_thresholds_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "spend_totals" (
	"organization_id" text NOT NULL,
	"owner_id" text NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"currency" text NOT NULL,
	"out_of_bundle" numeric(16, 4) NOT NULL,
	"roaming" numeric(16, 4) NOT NULL,
	CONSTRAINT "spend_totals_pkey" PRIMARY KEY("organization_id","owner_id","period_start","currency")
);
--> statement-breakpoint
ALTER TABLE "connect_notification_preferences" ADD COLUMN "levels" integer[];--> statement-breakpoint
ALTER TABLE "connect_subscriptions" ADD COLUMN "threshold_levels_reached" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "product_offerings" ADD COLUMN "out_of_bundle_per_mb" numeric(12, 4);--> statement-breakpoint
ALTER TABLE "product_offerings" ADD COLUMN "out_of_bundle_per_minute" numeric(12, 4);--> statement-breakpoint
ALTER TABLE "product_offerings" ADD COLUMN "out_of_bundle_per_sms" numeric(12, 4);--> statement-breakpoint
ALTER TABLE "product_offerings" ADD COLUMN "roaming_multiplier" numeric(8, 4) DEFAULT '1' NOT NULL;--> statement-breakpoint
ALTER TABLE "usage_items" ADD COLUMN "amount" numeric(14, 4);--> statement-breakpoint
ALTER TABLE "usage_items" ADD COLUMN "currency" text;--> statement-breakpoint
ALTER TABLE "alert_firings" ADD CONSTRAINT "alert_firings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_thresholds" ADD CONSTRAINT "alert_thresholds_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spend_totals" ADD CONSTRAINT "spend_totals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_thresholds_org_subscription_idx" ON "alert_thresholds" USING btree ("organization_id","subscription_id");--> statement-breakpoint
CREATE INDEX "alert_thresholds_org_account_idx" ON "alert_thresholds" USING btree ("organization_id","account_id");