-- Every committed change to what a subscription view shows is announced on the
-- tenant_changes channel with the organization's id, so each process can drop its
-- cached reads of that organization (see src/domain/tenant-cache.ts). NOTIFY is
-- delivered at commit, once per distinct payload per transaction.
CREATE FUNCTION notify_tenant_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  org text;
BEGIN
  IF TG_OP = 'DELETE' THEN org := OLD.organization_id; ELSE org := NEW.organization_id; END IF;
  IF org IS NOT NULL THEN PERFORM pg_notify('tenant_changes', org); END IF;
  IF TG_OP = 'UPDATE' AND OLD.organization_id IS DISTINCT FROM NEW.organization_id AND OLD.organization_id IS NOT NULL THEN
    PERFORM pg_notify('tenant_changes', OLD.organization_id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER accounts_changed AFTER INSERT OR UPDATE OR DELETE ON accounts FOR EACH ROW EXECUTE FUNCTION notify_tenant_change();
--> statement-breakpoint
CREATE TRIGGER subscribers_changed AFTER INSERT OR UPDATE OR DELETE ON subscribers FOR EACH ROW EXECUTE FUNCTION notify_tenant_change();
--> statement-breakpoint
CREATE TRIGGER subscriptions_changed AFTER INSERT OR UPDATE OR DELETE ON subscriptions FOR EACH ROW EXECUTE FUNCTION notify_tenant_change();
--> statement-breakpoint
CREATE TRIGGER sim_profiles_changed AFTER INSERT OR UPDATE OR DELETE ON sim_profiles FOR EACH ROW EXECUTE FUNCTION notify_tenant_change();
--> statement-breakpoint
CREATE TRIGGER phone_numbers_changed AFTER INSERT OR UPDATE OR DELETE ON phone_numbers FOR EACH ROW EXECUTE FUNCTION notify_tenant_change();
--> statement-breakpoint
CREATE TRIGGER services_changed AFTER INSERT OR UPDATE OR DELETE ON services FOR EACH ROW EXECUTE FUNCTION notify_tenant_change();
