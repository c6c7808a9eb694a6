CREATE TABLE "holdings" (
	"organization_id" text NOT NULL,
	"kind" text NOT NULL,
	"identifier" text NOT NULL,
	"subscription_id" text,
	"held_from" timestamp with time zone NOT NULL,
	"held_until" timestamp with time zone,
	CONSTRAINT "holdings_pkey" PRIMARY KEY("organization_id","kind","identifier","held_from"),
	CONSTRAINT "holdings_kind" CHECK ("holdings"."kind" IN ('msisdn', 'iccid')),
	CONSTRAINT "holdings_connect_sims_only" CHECK ("holdings"."subscription_id" IS NOT NULL OR "holdings"."kind" = 'iccid'),
	CONSTRAINT "holdings_period" CHECK ("holdings"."held_until" IS NULL OR "holdings"."held_until" >= "holdings"."held_from")
);
--> statement-breakpoint
CREATE TABLE "subscription_suspensions" (
	"organization_id" text NOT NULL,
	"subscription_id" text NOT NULL,
	"suspended_from" timestamp with time zone NOT NULL,
	"suspended_until" timestamp with time zone,
	CONSTRAINT "subscription_suspensions_pkey" PRIMARY KEY("organization_id","subscription_id","suspended_from"),
	CONSTRAINT "subscription_suspensions_period" CHECK ("subscription_suspensions"."suspended_until" IS NULL OR "subscription_suspensions"."suspended_until" >= "subscription_suspensions"."suspended_from")
);
--> statement-breakpoint
ALTER TABLE "connect_usage_records" ADD COLUMN "out_of_bundle_bytes" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "holdings" ADD CONSTRAINT "holdings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holdings" ADD CONSTRAINT "holdings_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_suspensions" ADD CONSTRAINT "subscription_suspensions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_suspensions" ADD CONSTRAINT "subscription_suspensions_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "holdings_org_subscription_idx" ON "holdings" USING btree ("organization_id","subscription_id");--> statement-breakpoint
CREATE INDEX "holdings_identifier_idx" ON "holdings" USING btree ("identifier","held_from");--> statement-breakpoint
CREATE UNIQUE INDEX "holdings_one_current_uq" ON "holdings" USING btree ("kind","identifier") WHERE "holdings"."held_until" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "subscription_suspensions_one_current_uq" ON "subscription_suspensions" USING btree ("organization_id","subscription_id") WHERE "subscription_suspensions"."suspended_until" IS NULL;--> statement-breakpoint
-- Backfill: the holdings and suspensions as far as the rows and the orders tell them.
-- A subscription held its numbers from its activation (created_at) until its termination.
INSERT INTO "holdings" ("organization_id", "kind", "identifier", "subscription_id", "held_from", "held_until")
SELECT s.organization_id, 'msisdn', n.msisdn, s.id, s.created_at,
       CASE WHEN s.status = 'terminated' THEN greatest(s.created_at, coalesce(s.terminated_at, now())) END
FROM "phone_numbers" n JOIN "subscriptions" s ON s.id = n.subscription_id;
--> statement-breakpoint
-- Its SIMs: each from the activation or the swap that brought it in, until the swap that
-- took it out (a swapped-out SIM no order tells of: an empty holding) or the termination.
INSERT INTO "holdings" ("organization_id", "kind", "identifier", "subscription_id", "held_from", "held_until")
SELECT s.organization_id, 'iccid', sp.iccid, s.id, period.held_from,
       CASE WHEN sp.iccid IS DISTINCT FROM s.iccid THEN greatest(period.held_from, coalesce(period.swapped_out, period.held_from))
            WHEN s.status = 'terminated' THEN greatest(period.held_from, coalesce(s.terminated_at, now())) END
FROM "sim_profiles" sp
JOIN "subscriptions" s ON s.id = sp.subscription_id
CROSS JOIN LATERAL (
  SELECT coalesce(max(o.completed_at) FILTER (WHERE o.result->>'iccid' = sp.iccid), s.created_at) AS held_from,
         max(o.completed_at) FILTER (WHERE o.result->>'previousIccid' = sp.iccid) AS swapped_out
  FROM "orders" o
  WHERE o.subscription_id = s.id AND o.type = 'change_sim_profile' AND o.status = 'completed'
) period;
--> statement-breakpoint
-- SIMs sold through Connect, from their sale.
INSERT INTO "holdings" ("organization_id", "kind", "identifier", "subscription_id", "held_from")
SELECT organization_id, 'iccid', iccid, NULL, created_at FROM "connect_sims";
--> statement-breakpoint
-- Suspensions told by orders: each until the next resumption or termination.
INSERT INTO "subscription_suspensions" ("organization_id", "subscription_id", "suspended_from", "suspended_until")
SELECT o.organization_id, o.subscription_id, o.completed_at,
       coalesce(
         (SELECT min(e.completed_at) FROM "orders" e
          WHERE e.subscription_id = o.subscription_id AND e.status = 'completed'
            AND e.type IN ('resume_subscription', 'terminate_subscription') AND e.completed_at >= o.completed_at),
         CASE WHEN s.status <> 'suspended' THEN greatest(o.completed_at, coalesce(s.terminated_at, o.completed_at)) END)
FROM "orders" o JOIN "subscriptions" s ON s.id = o.subscription_id
WHERE o.type = 'suspend_subscription' AND o.status = 'completed' AND o.completed_at IS NOT NULL;
--> statement-breakpoint
-- Subscriptions suspended without an order (demo data): from now on.
INSERT INTO "subscription_suspensions" ("organization_id", "subscription_id", "suspended_from")
SELECT s.organization_id, s.id, now() FROM "subscriptions" s
WHERE s.status = 'suspended'
  AND NOT EXISTS (SELECT FROM "subscription_suspensions" x WHERE x.subscription_id = s.id AND x.suspended_until IS NULL);
