-- A Connect SIM's page of subscriptions is cached per process like an Enterprise
-- subscription view (src/domain/tenant-cache.ts): every committed change that can alter
-- one is announced on tenant_changes with the organization's id. What the page shows:
-- the subscriptions (balances, status, dates), their products, and the SIM's owner,
-- customer and device.
--
-- A page is cached only for a SIM that exists (an unknown SIM is refused, and a refusal
-- is never cached). So a new subscription is announced only when its SIM existed
-- before this transaction: a new eSIM order's first subscriptions are on a SIM no page
-- showed yet, and announcing them would make every such order wait its turn at commit
-- (see 0012). A SIM locked FOR UPDATE keeps its xmin; one updated in this transaction
-- announced itself. (A row written in a savepoint has the savepoint's xid: announced.)
CREATE FUNCTION notify_connect_subscription_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tenant_changes', NEW.organization_id)
  FROM connect_sims s
  WHERE s.iccid = NEW.iccid AND s.xmin <> xid(pg_current_xact_id());
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER connect_subscriptions_inserted AFTER INSERT ON connect_subscriptions FOR EACH ROW EXECUTE FUNCTION notify_connect_subscription_insert();
--> statement-breakpoint
CREATE TRIGGER connect_subscriptions_changed AFTER UPDATE OR DELETE ON connect_subscriptions FOR EACH ROW EXECUTE FUNCTION notify_tenant_change();
--> statement-breakpoint
CREATE TRIGGER connect_sims_changed AFTER UPDATE OR DELETE ON connect_sims FOR EACH ROW EXECUTE FUNCTION notify_tenant_change();
--> statement-breakpoint
CREATE TRIGGER connect_products_changed AFTER UPDATE OR DELETE ON connect_products FOR EACH ROW EXECUTE FUNCTION notify_tenant_change();
