// Holdings: who held a number or a SIM, from when until when. Each change that starts or
// ends one writes it in its own transaction (activation's statement writes its own, in
// provisioning.store.ts); usage is rated to the holding its record started in.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { holdings } from '../../db/schema.ts';

export type HoldingKind = 'msisdn' | 'iccid';
export type Holding = typeof holdings.$inferSelect;

export async function startHolding(db: Executor, row: { organizationId: string; kind: HoldingKind; identifier: string; subscriptionId: string | null; at: Date }): Promise<void> {
  await db.insert(holdings).values({
    organizationId: row.organizationId,
    kind: row.kind,
    identifier: row.identifier,
    subscriptionId: row.subscriptionId,
    heldFrom: row.at,
  });
}

/** Ends the current holding of a number or SIM. */
export async function endHolding(db: Executor, organizationId: string, kind: HoldingKind, identifier: string, at: Date): Promise<void> {
  await db
    .update(holdings)
    .set({ heldUntil: at })
    .where(and(eq(holdings.organizationId, organizationId), eq(holdings.kind, kind), eq(holdings.identifier, identifier), isNull(holdings.heldUntil)));
}

/** Ends every current holding of the subscription: its numbers and its SIM. */
export async function endHoldingsOf(db: Executor, organizationId: string, subscriptionId: string, at: Date): Promise<void> {
  await db
    .update(holdings)
    .set({ heldUntil: at })
    .where(and(eq(holdings.organizationId, organizationId), eq(holdings.subscriptionId, subscriptionId), isNull(holdings.heldUntil)));
}

/**
 * The holdings of the identifiers that overlap `from`…`until` (the first and last start
 * of a batch's records): one query per batch, whatever its size.
 */
export async function holdingsOverlapping(db: Executor, identifiers: string[], from: Date, until: Date): Promise<Holding[]> {
  if (identifiers.length === 0) return [];
  return db.select().from(holdings).where(sql`${holdings.identifier} = ANY(${sql.param([...new Set(identifiers)])}::text[])
      AND ${holdings.heldFrom} <= ${until.toISOString()}::timestamptz
      AND (${holdings.heldUntil} IS NULL OR ${holdings.heldUntil} > ${from.toISOString()}::timestamptz)`);
}
