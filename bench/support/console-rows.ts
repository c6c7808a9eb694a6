// The rows the console's subscriptions page shows, read straight from the database for the
// bench's static baseline table.
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../src/db/database.ts';

export async function listSubscriptionRows(db: Executor, organizationId: string, rows: number) {
  const found = await queryRows<{ id: string; status: string; subscriber: string; msisdn: string | null; created_at: string | Date }>(
    db,
    sql`SELECT s.id, s.status, b.first_name || ' ' || b.last_name AS subscriber, n.msisdn, s.created_at
    FROM subscriptions s JOIN subscribers b ON b.id = s.subscriber_id LEFT JOIN phone_numbers n ON n.subscription_id = s.id AND n.is_primary
    WHERE s.organization_id = ${organizationId} ORDER BY s.id DESC LIMIT ${rows}`,
  );
  return found.map((r) => ({
    id: r.id,
    status: r.status,
    subscriber: r.subscriber,
    msisdn: r.msisdn ?? '—',
    createdAt: new Date(r.created_at).toISOString(),
  }));
}
