-- Only changes that can alter a subscription view some process may have cached are
-- announced on tenant_changes. NOTIFY is not free: a notifying transaction takes a
-- database-wide lock from just before its commit until the commit is on disk, so all
-- notifying transactions commit one at a time. An activation writes only rows no
-- cached read can show (its new subscription and what that holds), and announcing it
-- would make every activation wait its turn.
--
-- Only existing subscriptions are cached. So a new account, subscriber or subscription
-- is announced by nobody, and an update that changes nothing neither.
CREATE OR REPLACE FUNCTION notify_tenant_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  org text;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD IS NOT DISTINCT FROM NEW THEN RETURN NULL; END IF;
  IF TG_OP = 'DELETE' THEN org := OLD.organization_id; ELSE org := NEW.organization_id; END IF;
  IF org IS NOT NULL THEN PERFORM pg_notify('tenant_changes', org); END IF;
  IF TG_OP = 'UPDATE' AND OLD.organization_id IS DISTINCT FROM NEW.organization_id AND OLD.organization_id IS NOT NULL THEN
    PERFORM pg_notify('tenant_changes', OLD.organization_id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER accounts_changed ON accounts;
--> statement-breakpoint
CREATE TRIGGER accounts_changed AFTER UPDATE OR DELETE ON accounts FOR EACH ROW EXECUTE FUNCTION notify_tenant_change();
--> statement-breakpoint
DROP TRIGGER subscribers_changed ON subscribers;
--> statement-breakpoint
CREATE TRIGGER subscribers_changed AFTER UPDATE OR DELETE ON subscribers FOR EACH ROW EXECUTE FUNCTION notify_tenant_change();
--> statement-breakpoint
DROP TRIGGER subscriptions_changed ON subscriptions;
--> statement-breakpoint
CREATE TRIGGER subscriptions_changed AFTER UPDATE OR DELETE ON subscriptions FOR EACH ROW EXECUTE FUNCTION notify_tenant_change();
--> statement-breakpoint
-- A part of a subscription (its SIM profile, a number, a service) is announced when it
-- belongs, before or after the change, to a subscription that existed before this
-- transaction: the organization of that subscription. A part of no subscription is in
-- no view; a part of one this transaction created is in no view yet; and a
-- subscription this transaction changed (its xmin is this transaction too) announced
-- itself. (A row written in a savepoint has the savepoint's xid: announced, to be safe.)
CREATE FUNCTION notify_subscription_part_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  before_id text;
  after_id text;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD IS NOT DISTINCT FROM NEW THEN RETURN NULL; END IF;
  IF TG_OP <> 'INSERT' THEN before_id := OLD.subscription_id; END IF;
  IF TG_OP <> 'DELETE' THEN after_id := NEW.subscription_id; END IF;
  IF before_id IS NULL AND after_id IS NULL THEN RETURN NULL; END IF;
  PERFORM pg_notify('tenant_changes', s.organization_id)
  FROM subscriptions s
  WHERE s.id IN (before_id, after_id) AND s.xmin <> xid(pg_current_xact_id());
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER sim_profiles_changed ON sim_profiles;
--> statement-breakpoint
CREATE TRIGGER sim_profiles_changed AFTER INSERT OR UPDATE OR DELETE ON sim_profiles FOR EACH ROW EXECUTE FUNCTION notify_subscription_part_change();
--> statement-breakpoint
DROP TRIGGER phone_numbers_changed ON phone_numbers;
--> statement-breakpoint
CREATE TRIGGER phone_numbers_changed AFTER INSERT OR UPDATE OR DELETE ON phone_numbers FOR EACH ROW EXECUTE FUNCTION notify_subscription_part_change();
--> statement-breakpoint
DROP TRIGGER services_changed ON services;
--> statement-breakpoint
CREATE TRIGGER services_changed AFTER INSERT OR UPDATE OR DELETE ON services FOR EACH ROW EXECUTE FUNCTION notify_subscription_part_change();
