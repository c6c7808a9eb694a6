import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/database.ts';
import { authorizedSenders, phoneNumbers, smsMessages, smsReceipts, smsRecipients, smsSubmissions, subscriptions } from '../../db/schema.ts';
import type { PartOutcome } from '../../network/smsc/smsc.ts';

export type SmsMessage = typeof smsMessages.$inferSelect;
export type SmsRecipient = typeof smsRecipients.$inferSelect;
/** A message, named as its recipients and parts are keyed: by organization, then id. */
export type MessageKey = Pick<SmsMessage, 'organizationId' | 'id'>;

export interface Sender {
  msisdn: string;
  country: string;
  subscriptionId: string | null;
  subscriptionStatus: string | null;
  authorized: boolean;
}

/** The organization's number `msisdn`: its country, the subscription holding it, and whether it may send. */
export async function findSender(db: Executor, organizationId: string, msisdn: string): Promise<Sender | undefined> {
  const [row] = await db
    .select({
      msisdn: phoneNumbers.msisdn,
      country: phoneNumbers.country,
      subscriptionId: phoneNumbers.subscriptionId,
      subscriptionStatus: subscriptions.status,
      authorized: sql<boolean>`${authorizedSenders.msisdn} IS NOT NULL`,
    })
    .from(phoneNumbers)
    .leftJoin(subscriptions, and(eq(subscriptions.id, phoneNumbers.subscriptionId), eq(phoneNumbers.state, 'assigned')))
    .leftJoin(authorizedSenders, and(eq(authorizedSenders.organizationId, organizationId), eq(authorizedSenders.msisdn, phoneNumbers.msisdn)))
    .where(and(eq(phoneNumbers.msisdn, msisdn), eq(phoneNumbers.organizationId, organizationId)));
  return row;
}

/** The message and all its recipients, in one statement (a 1,000-recipient request stays one round trip). */
export async function insertMessage(db: Executor, message: typeof smsMessages.$inferInsert, recipients: string[]): Promise<void> {
  await db.execute(sql`
    WITH message AS (
      INSERT INTO ${smsMessages} (id, organization_id, subscription_id, from_msisdn, country, text, encoding, parts, concat_ref, recipient_count, correlation_id)
      VALUES (${message.id}, ${message.organizationId}, ${message.subscriptionId}, ${message.fromMsisdn}, ${message.country}, ${message.text},
              ${message.encoding}, ${message.parts}, ${message.concatRef}, ${message.recipientCount}, ${message.correlationId ?? null})
      RETURNING organization_id, id
    )
    INSERT INTO ${smsRecipients} (organization_id, message_id, position, to_msisdn)
    SELECT message.organization_id, message.id, r.position::int - 1, r.msisdn
    FROM message, unnest(${sql.param(recipients)}::text[]) WITH ORDINALITY AS r(msisdn, position)`);
}

export async function findMessage(db: Executor, organizationId: string, id: string): Promise<SmsMessage | undefined> {
  const [row] = await db
    .select()
    .from(smsMessages)
    .where(and(eq(smsMessages.id, id), eq(smsMessages.organizationId, organizationId)));
  return row;
}

export async function messageById(db: Executor, id: string): Promise<SmsMessage | undefined> {
  const [row] = await db.select().from(smsMessages).where(eq(smsMessages.id, id));
  return row;
}

const recipientsOfMessage = (m: MessageKey) => and(eq(smsRecipients.organizationId, m.organizationId), eq(smsRecipients.messageId, m.id));

export async function recipientsOf(db: Executor, message: MessageKey): Promise<SmsRecipient[]> {
  return db.select().from(smsRecipients).where(recipientsOfMessage(message)).orderBy(asc(smsRecipients.position));
}

export async function queuedRecipients(db: Executor, message: MessageKey): Promise<{ position: number; toMsisdn: string }[]> {
  return db
    .select({ position: smsRecipients.position, toMsisdn: smsRecipients.toMsisdn })
    .from(smsRecipients)
    .where(and(recipientsOfMessage(message), eq(smsRecipients.status, 'queued')))
    .orderBy(asc(smsRecipients.position));
}

/** The parts an earlier attempt already submitted, per recipient position. */
export async function submittedParts(db: Executor, message: MessageKey): Promise<Map<number, Set<number>>> {
  const rows = await db
    .select({ position: smsSubmissions.position, part: smsSubmissions.part })
    .from(smsSubmissions)
    .where(and(eq(smsSubmissions.organizationId, message.organizationId), eq(smsSubmissions.messageId, message.id)));
  const parts = new Map<number, Set<number>>();
  for (const r of rows) parts.set(r.position, (parts.get(r.position) ?? new Set()).add(r.part));
  return parts;
}

export interface SubmittedPart {
  position: number;
  part: number;
  smscMessageId: string;
}

/** How long a part may wait: its validity period, and how long for its receipt before the SMSC is asked. */
export interface PartTiming {
  validitySeconds: number;
  chaseAfterSeconds: number;
}

const seconds = (n: number) => sql`${n} * interval '1 second'`;

/**
 * Records the parts the SMSC accepted, with the end of their validity period and when to
 * ask after them. An SMSC may reuse a message id long after; the newer submission takes
 * it over.
 */
export async function insertSubmissions(db: Executor, message: MessageKey, parts: SubmittedPart[], timing: PartTiming): Promise<void> {
  if (parts.length === 0) return;
  const expiresAt = sql`now() + ${seconds(timing.validitySeconds)}`;
  await db.execute(sql`
    INSERT INTO ${smsSubmissions} (smsc_message_id, organization_id, message_id, position, part, expires_at, chase_at)
    SELECT id, ${message.organizationId}, ${message.id}, position, part, ${expiresAt}, least(now() + ${seconds(timing.chaseAfterSeconds)}, ${expiresAt})
    FROM unnest(${sql.param(parts.map((p) => p.smscMessageId))}::text[], ${sql.param(parts.map((p) => p.position))}::int[],
                ${sql.param(parts.map((p) => p.part))}::int[]) AS s(id, position, part)
    ON CONFLICT (smsc_message_id) DO UPDATE
      SET organization_id = excluded.organization_id, message_id = excluded.message_id, position = excluded.position, part = excluded.part,
          outcome = NULL, reason = NULL, submitted_at = now(), expires_at = excluded.expires_at, chase_at = excluded.chase_at`);
}

/** Moves queued recipients on: `sent` (every part accepted) or `failed` with the reason. */
export async function settleRecipients(db: Executor, message: MessageKey, outcomes: { position: number; reason: string | null }[]): Promise<void> {
  if (outcomes.length === 0) return;
  await db.execute(sql`
    UPDATE ${smsRecipients} r
    SET status = CASE WHEN o.reason IS NULL THEN 'sent' ELSE 'failed' END,
        reason = o.reason,
        sent_at = CASE WHEN o.reason IS NULL THEN now() END,
        done_at = CASE WHEN o.reason IS NULL THEN NULL ELSE now() END
    FROM unnest(${sql.param(outcomes.map((o) => o.position))}::int[], ${sql.param(outcomes.map((o) => o.reason))}::text[]) AS o(position, reason)
    WHERE r.organization_id = ${message.organizationId} AND r.message_id = ${message.id} AND r.position = o.position AND r.status = 'queued'`);
}

/** Fails every recipient still queued (the SMSC stayed unreachable through every retry). */
export async function failQueued(db: Executor, message: MessageKey, reason: string): Promise<void> {
  await db
    .update(smsRecipients)
    .set({ status: 'failed', reason, doneAt: new Date() })
    .where(and(recipientsOfMessage(message), eq(smsRecipients.status, 'queued')));
}

export async function insertReceipts(db: Executor, receipts: { smscMessageId: string; outcome: PartOutcome; error: string | null }[]): Promise<void> {
  if (receipts.length === 0) return;
  await db.insert(smsReceipts).values(receipts).onConflictDoNothing();
}

/** A part whose outcome was just decided (by its receipt, or by chasing it), named for the log. */
export interface DecidedPart {
  smscMessageId: string;
  /** The message's id (sms_…). */
  messageId: string;
  /** The correlation id of the request that sent the message. */
  correlationId: string | null;
  /** The recipient's position in the message. */
  position: number;
  part: number;
  outcome: PartOutcome;
  reason: string | null;
}

/**
 * Settles the recipients of parts just decided, and answers those parts. `decided` are
 * CTEs, the last named `decided`, yielding (smsc_message_id, organization_id,
 * message_id, position, part, outcome, reason) of each part settled now.
 * A recipient is delivered when every part is; failed when any part fails; expired when
 * any part expires (and none failed); its first final state stays.
 */
async function settleParts(db: Executor, decided: SQL): Promise<DecidedPart[]> {
  const rows = await queryRows<{
    smsc_message_id: string;
    message_id: string;
    correlation_id: string | null;
    position: number;
    part: number;
    outcome: PartOutcome;
    reason: string | null;
  }>(
    db,
    sql`
    WITH ${decided}, tally AS (
      SELECT organization_id, message_id, position,
             count(*) FILTER (WHERE outcome = 'delivered')::int AS delivered,
             min(reason) FILTER (WHERE outcome = 'failed') AS failure,
             min(reason) FILTER (WHERE outcome = 'expired') AS expiry
      FROM decided GROUP BY organization_id, message_id, position
    ), settled AS (
      -- Computed from the row as updated, so that two transactions settling parts of one
      -- recipient at once see each other's work.
      UPDATE ${smsRecipients} r
      SET parts_delivered = r.parts_delivered + t.delivered,
          status = CASE WHEN r.status IN ('failed', 'expired') THEN r.status
                        WHEN t.failure IS NOT NULL THEN 'failed'
                        WHEN t.expiry IS NOT NULL THEN 'expired'
                        WHEN r.parts_delivered + t.delivered >= m.parts THEN 'delivered'
                        ELSE r.status END,
          reason = coalesce(r.reason, t.failure, t.expiry),
          done_at = CASE WHEN r.status IN ('failed', 'expired') OR t.failure IS NOT NULL OR t.expiry IS NOT NULL
                              OR r.parts_delivered + t.delivered >= m.parts
                         THEN coalesce(r.done_at, now()) END
      FROM tally t JOIN ${smsMessages} m ON m.id = t.message_id
      WHERE r.organization_id = t.organization_id AND r.message_id = t.message_id AND r.position = t.position
      RETURNING 1
    )
    -- settled runs to completion whether read or not.
    SELECT d.smsc_message_id, d.message_id, m.correlation_id, d.position, d.part, d.outcome, d.reason
    FROM decided d JOIN ${smsMessages} m ON m.id = d.message_id`,
  );
  return rows.map((r) => ({
    smscMessageId: r.smsc_message_id,
    messageId: r.message_id,
    correlationId: r.correlation_id,
    position: r.position,
    part: r.part,
    outcome: r.outcome,
    reason: r.reason,
  }));
}

/**
 * Applies waiting receipts whose submission is known (all of them, or those of `ids`):
 * each part's outcome is set once, however often its receipt arrives. Answers the parts
 * decided now.
 */
export async function applyReceipts(db: Executor, ids?: string[]): Promise<DecidedPart[]> {
  const only = ids ? sql`AND w.smsc_message_id = ANY(${sql.param(ids)}::text[])` : sql``;
  return settleParts(
    db,
    sql`
    matched AS (
      DELETE FROM ${smsReceipts} w USING ${smsSubmissions} s
      WHERE w.smsc_message_id = s.smsc_message_id ${only}
      RETURNING w.smsc_message_id, w.outcome, w.error
    ), decided AS (
      UPDATE ${smsSubmissions} s
      SET outcome = m.outcome, reason = m.error
      FROM matched m
      WHERE s.smsc_message_id = m.smsc_message_id AND s.outcome IS NULL
      RETURNING s.smsc_message_id, s.organization_id, s.message_id, s.position, s.part, s.outcome, s.reason
    )`,
  );
}

/** A part whose receipt is overdue, to ask the SMSC after: by its id and the address it was sent from. */
export interface OverduePart {
  smscMessageId: string;
  from: string;
  /** Its message (sms_…), recipient position and part, and the message's correlation id: for the log. */
  messageId: string;
  position: number;
  part: number;
  correlationId: string | null;
}

/**
 * Up to `limit` parts whose receipt is overdue (or whose validity has ended), each
 * held back for `leaseSeconds` so that no other process asks at the same time; a
 * process that dies asking leaves them to come due again.
 */
export async function claimOverdue(db: Executor, limit: number, leaseSeconds: number): Promise<OverduePart[]> {
  const rows = await queryRows<{ smsc_message_id: string; from_msisdn: string; message_id: string; position: number; part: number; correlation_id: string | null }>(
    db,
    sql`
    UPDATE ${smsSubmissions} s SET chase_at = now() + ${seconds(leaseSeconds)}
    FROM ${smsMessages} m
    WHERE s.smsc_message_id IN (
      SELECT smsc_message_id FROM ${smsSubmissions}
      WHERE outcome IS NULL AND chase_at <= now()
      ORDER BY chase_at LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
      AND m.id = s.message_id AND m.organization_id = s.organization_id
    RETURNING s.smsc_message_id, m.from_msisdn, s.message_id, s.position, s.part, m.correlation_id`,
  );
  return rows.map((r) => ({ smscMessageId: r.smsc_message_id, from: r.from_msisdn, messageId: r.message_id, position: r.position, part: r.part, correlationId: r.correlation_id }));
}

/** What the SMSC said of an overdue part: its final outcome, or null with what it said instead. */
export interface ChaseResult {
  smscMessageId: string;
  outcome: PartOutcome | null;
  reason: string | null;
}

/**
 * Settles chased parts in one transaction: those the SMSC gave a final state, and those
 * without one whose validity period has ended (expired); the rest are asked after again
 * `chaseAfterSeconds` later, or at the end of their validity period if sooner. Answers
 * the parts settled.
 */
export async function recordChase(db: Executor, results: ChaseResult[], chaseAfterSeconds: number): Promise<DecidedPart[]> {
  if (results.length === 0) return [];
  const ids = sql.param(results.map((r) => r.smscMessageId));
  return db.transaction(async (tx) => {
    const decided = await settleParts(
      tx,
      sql`
      decided AS (
        UPDATE ${smsSubmissions} s
        SET outcome = coalesce(d.outcome, 'expired'),
            reason = CASE WHEN d.outcome IS NULL THEN 'not delivered within its validity period (' || d.reason || ')' ELSE d.reason END
        FROM unnest(${ids}::text[], ${sql.param(results.map((r) => r.outcome))}::text[], ${sql.param(results.map((r) => r.reason))}::text[])
             AS d(id, outcome, reason)
        WHERE s.smsc_message_id = d.id AND s.outcome IS NULL AND (d.outcome IS NOT NULL OR s.expires_at <= now())
        RETURNING s.smsc_message_id, s.organization_id, s.message_id, s.position, s.part, s.outcome, s.reason
      )`,
    );
    await tx.execute(sql`
      UPDATE ${smsSubmissions} SET chase_at = least(now() + ${seconds(chaseAfterSeconds)}, expires_at)
      WHERE smsc_message_id = ANY(${ids}::text[]) AND outcome IS NULL`);
    return decided;
  });
}

/** After a restart every part still waiting is asked after at once: the receipts owed may have died with a process. */
export async function chaseAllNow(db: Executor): Promise<void> {
  await db.execute(sql`UPDATE ${smsSubmissions} SET chase_at = now() WHERE outcome IS NULL AND chase_at > now()`);
}

/** Receipts nobody submitted (another system's, or long forgotten) are dropped after a day. */
export async function dropStaleReceipts(db: Executor): Promise<void> {
  await db.execute(sql`DELETE FROM ${smsReceipts} WHERE received_at < now() - interval '1 day'`);
}

/** Takes the message's sending lease for `seconds`, unless another attempt holds it. */
export async function takeSendingLease(db: Executor, messageId: string, lease: string, seconds: number): Promise<boolean> {
  const rows = await db
    .update(smsMessages)
    .set({ sendingLease: lease, sendingUntil: sql`now() + ${seconds} * interval '1 second'` })
    .where(and(eq(smsMessages.id, messageId), sql`(${smsMessages.sendingUntil} IS NULL OR ${smsMessages.sendingUntil} <= now())`))
    .returning({ id: smsMessages.id });
  return rows.length > 0;
}

export async function renewSendingLease(db: Executor, messageId: string, lease: string, seconds: number): Promise<void> {
  await db
    .update(smsMessages)
    .set({ sendingUntil: sql`now() + ${seconds} * interval '1 second'` })
    .where(and(eq(smsMessages.id, messageId), eq(smsMessages.sendingLease, lease)));
}

export async function releaseSendingLease(db: Executor, messageId: string, lease: string): Promise<void> {
  await db
    .update(smsMessages)
    .set({ sendingLease: null, sendingUntil: null })
    .where(and(eq(smsMessages.id, messageId), eq(smsMessages.sendingLease, lease)));
}

/**
 * Marks finished the messages among `ids` that no recipient waits on any more, once
 * each, and answers them.
 */
export async function finishMessages(db: Executor, ids: string[]): Promise<MessageKey[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<{ organization_id: string; id: string }>(
    db,
    sql`
    UPDATE ${smsMessages} m SET finished_at = now()
    WHERE m.id = ANY(${sql.param([...new Set(ids)])}::text[]) AND m.finished_at IS NULL
      AND NOT EXISTS (SELECT FROM ${smsRecipients} r
                      WHERE r.organization_id = m.organization_id AND r.message_id = m.id AND r.status IN ('queued', 'sent'))
    RETURNING m.organization_id, m.id`,
  );
  return rows.map((r) => ({ organizationId: r.organization_id, id: r.id }));
}
