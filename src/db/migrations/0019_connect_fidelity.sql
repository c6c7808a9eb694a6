-- Connect fidelity: a reseller's settings (a TOPUP's countryCode required or not), the
-- operator's exchange rates, auto-renewing subscriptions (each renews once: renewal_of
-- is unique), and payment-method tokens sealed at rest.
CREATE TABLE "connect_reseller_settings" (
	"organization_id" text PRIMARY KEY NOT NULL,
	"topup_requires_country_code" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_rates" (
	"from_currency" text NOT NULL,
	"to_currency" text NOT NULL,
	"rate" numeric(20, 10) NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_rates_pkey" PRIMARY KEY("from_currency","to_currency"),
	CONSTRAINT "exchange_rates_positive" CHECK ("exchange_rates"."rate" > 0),
	CONSTRAINT "exchange_rates_two_currencies" CHECK ("exchange_rates"."from_currency" <> "exchange_rates"."to_currency")
);
--> statement-breakpoint
-- Tokens stored before sealing become JSON strings; the next start seals them (platform.ts).
ALTER TABLE "connect_payment_methods" ALTER COLUMN "token" SET DATA TYPE jsonb USING to_jsonb("token");--> statement-breakpoint
ALTER TABLE "connect_subscriptions" ADD COLUMN "auto_renew" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "connect_subscriptions" ADD COLUMN "renewal_of" text;--> statement-breakpoint
ALTER TABLE "connect_reseller_settings" ADD CONSTRAINT "connect_reseller_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "connect_subscriptions_renewal_uq" ON "connect_subscriptions" USING btree ("renewal_of");