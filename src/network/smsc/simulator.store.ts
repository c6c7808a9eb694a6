// The SMSC simulator's memory, kept in its own table (smsc_sim_messages) so that what it
// accepted, and the receipts it owes, outlive a restart as a real SMSC's would. Several
// simulators (one per worker process) share it like the front ends of one SMSC: a receipt
// is claimed by one of them for a while, and comes due again unless acknowledged.
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/database.ts';
import { smscSimMessages } from '../../db/schema.ts';

export interface Accepted {
  messageId: string;
  sourceAddr: string;
  destinationAddr: string;
  /** How long until the handset has it. */
  deliverInMs: number;
  /** How long the sender let the SMSC try (its validity period); null for the SMSC's default. */
  validForMs: number | null;
  receiptOwed: boolean;
}

export interface OwedReceipt {
  messageId: string;
  sourceAddr: string;
  destinationAddr: string;
  submittedAt: Date;
  finalAt: Date;
  finalState: number;
}

export interface StoredMessage {
  messageId: string;
  sourceAddr: string;
  finalAt: Date;
  finalState: number;
  /** Whether finalAt has passed by the database's clock. */
  final: boolean;
}

/** A real SMSC forgets old messages too; a week covers the longest validity period. */
const KEEP_DAYS = 7;

/**
 * Stores accepted messages, timed by the database's clock: each is delivered when due,
 * unless its validity period ends first, when it expires (SMPP message_state 2 or 3).
 */
export async function insertAccepted(db: Executor, rows: Accepted[]): Promise<void> {
  if (rows.length === 0) return;
  const column = <K extends keyof Accepted>(key: K) => sql.param(rows.map((r) => r[key]));
  await db.execute(sql`
    INSERT INTO ${smscSimMessages} (message_id, source_addr, destination_addr, final_at, final_state, receipt_owed, receipt_at)
    SELECT id, source, destination, now() + ends * interval '1 millisecond', CASE WHEN valid < deliver THEN 3 ELSE 2 END, owed,
           now() + ends * interval '1 millisecond'
    FROM unnest(${column('messageId')}::text[], ${column('sourceAddr')}::text[], ${column('destinationAddr')}::text[],
                ${column('deliverInMs')}::float8[], ${column('validForMs')}::float8[], ${column('receiptOwed')}::boolean[])
           AS a(id, source, destination, deliver, valid, owed),
         LATERAL (SELECT greatest(0, least(deliver, coalesce(valid, deliver))) AS ends) e`);
}

/** Up to `limit` receipts now due, each held back for `leaseMs` (sent again then unless acknowledged). */
export async function claimDueReceipts(db: Executor, limit: number, leaseMs: number): Promise<OwedReceipt[]> {
  const rows = await queryRows<{ message_id: string; source_addr: string; destination_addr: string; submitted_at: string | Date; final_at: string | Date; final_state: number }>(
    db,
    sql`
    UPDATE ${smscSimMessages} m SET receipt_at = now() + ${leaseMs} * interval '1 millisecond'
    WHERE m.message_id IN (
      SELECT message_id FROM ${smscSimMessages}
      WHERE receipt_owed AND receipt_at <= now()
      ORDER BY receipt_at LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING m.message_id, m.source_addr, m.destination_addr, m.submitted_at, m.final_at, m.final_state`,
  );
  return rows.map((r) => ({
    messageId: r.message_id,
    sourceAddr: r.source_addr,
    destinationAddr: r.destination_addr,
    submittedAt: new Date(r.submitted_at),
    finalAt: new Date(r.final_at),
    finalState: r.final_state,
  }));
}

export async function receiptsAcknowledged(db: Executor, messageIds: string[]): Promise<void> {
  if (messageIds.length === 0) return;
  await db.execute(sql`UPDATE ${smscSimMessages} SET receipt_owed = false WHERE message_id = ANY(${sql.param(messageIds)}::text[])`);
}

export async function findMessages(db: Executor, messageIds: string[]): Promise<StoredMessage[]> {
  if (messageIds.length === 0) return [];
  const rows = await queryRows<{ message_id: string; source_addr: string; final_at: string | Date; final_state: number; final: boolean }>(
    db,
    sql`
    SELECT message_id, source_addr, final_at, final_state, final_at <= now() AS final
    FROM ${smscSimMessages} WHERE message_id = ANY(${sql.param(messageIds)}::text[])`,
  );
  return rows.map((r) => ({ messageId: r.message_id, sourceAddr: r.source_addr, finalAt: new Date(r.final_at), finalState: r.final_state, final: r.final }));
}

export async function forgetOld(db: Executor): Promise<void> {
  await db.execute(sql`DELETE FROM ${smscSimMessages} WHERE submitted_at < now() - ${KEEP_DAYS} * interval '1 day'`);
}
