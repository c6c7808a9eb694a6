// Fulfilling a Connect order, on the same queue and SM-DP+ adapter as the enterprise
// orders: ACCEPTED → FULFILLING (a NEW_ESIM takes an ICCID from stock) → the profile is
// prepared at the SM-DP+ (outside any transaction) → COMPLETED, with the SIM and its
// subscriptions written in one transaction. A failure leaves the order FAILED with its
// reason and gives the ICCID back. Each subscription's clock (activation, expiry) is a
// job scheduled for its date (connect-subscriptions.service.ts). The eSIM steps, the
// failure type and the retry policy are the enterprise orders' (esim-lifecycle.ts).
import type { Db, Executor } from '../../db/database.ts';
import type { JobAttempt, JobQueue } from '../../jobs/queue.ts';
import { CONNECT_SUBSCRIPTION_CLOCK, type ConnectOrderJob } from '../../jobs/kinds.ts';
import type { PreparedProfile, SmdpAdapter } from '../../network/smdp/smdp.ts';
import { failAndRelease, FulfilmentFailure, fulfilling, prepareProfile, recordProfile, reserveIccid } from '../inventory/esim-lifecycle.ts';
import { startHolding } from '../inventory/holdings.store.ts';
import { activationCode } from '../telecom.ts';
import { opaqueId } from '../opaque-id.ts';
import { allowanceBytes, expirationOf } from '../catalog/reseller-plans.ts';
import { MAX_LIVE_SUBSCRIPTIONS } from './connect-order-rules.ts';
import { connectCommandOf } from './order-record.ts';
import { findConnectSimById, insertConnectSim, lockConnectSimById } from '../inventory/connect-sims.store.ts';
import { type ConnectOrder, lockConnectOrderById, updateConnectOrderById } from './connect-orders.store.ts';
import { countLiveSubscriptions, insertConnectSubscriptions } from '../subscriptions/connect-subscriptions.store.ts';
import { resellerProductsByIds } from '../catalog/reseller-products.store.ts';

export interface ConnectFulfilmentDeps {
  db: Db;
  queue: JobQueue;
  smdp: SmdpAdapter;
}

interface Output {
  iccid?: string;
  matchingId?: string;
  smdpUrl?: string;
  lpa_url?: string;
  subscription_id?: string;
}

export async function fulfilConnectOrder(deps: ConnectFulfilmentDeps, job: ConnectOrderJob, attempt: JobAttempt): Promise<void> {
  await fulfilling(
    attempt,
    async () => {
      const started = await start(deps.db, job.orderId);
      if (!started) return;
      const input = connectCommandOf(started);
      const iccid = (started.output as Output).iccid!;
      const profile = started.operationType === 'NEW_ESIM' ? await prepareProfile(deps.smdp, iccid, 'esim', input.device?.eid ?? null) : undefined;
      await complete(deps, job.orderId, iccid, attempt, profile, job.correlationId);
    },
    (reason) => fail(deps, job.orderId, reason, attempt),
  );
}

/** ACCEPTED → FULFILLING; a NEW_ESIM takes its ICCID. Answers the order when there is work left. */
async function start(db: Db, orderId: string): Promise<ConnectOrder | undefined> {
  return db.transaction(async (tx) => {
    const order = await lockConnectOrderById(tx, orderId);
    if (order?.status === 'FULFILLING') return order; // a retry
    if (order?.status !== 'ACCEPTED') return undefined;
    let output = order.output as Output;
    if (order.operationType === 'NEW_ESIM') output = { iccid: await reserveIccid(tx, order.organizationId, 'esim', 'eSIM') };
    await updateConnectOrderById(tx, orderId, { status: 'FULFILLING', output });
    return { ...order, status: 'FULFILLING', output };
  });
}

async function complete(deps: ConnectFulfilmentDeps, orderId: string, iccid: string, attempt: JobAttempt, profile?: PreparedProfile, correlationId?: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const order = await lockConnectOrderById(tx, orderId);
    if (order?.status !== 'FULFILLING') return;
    const input = connectCommandOf(order);
    if (profile) {
      await recordProfile(tx, iccid, profile, input.device?.eid ?? null);
      await insertConnectSim(tx, {
        iccid,
        organizationId: order.organizationId,
        customerId: order.customerId,
        customerEmail: input.customer?.email.toLowerCase() ?? null,
        deviceId: input.device?.id ?? null,
        deviceType: input.device?.type ?? null,
      });
      // The reseller's customer holds the SIM from now: its usage is theirs, none before.
      await startHolding(tx, { organizationId: order.organizationId, kind: 'iccid', identifier: iccid, subscriptionId: null, at: new Date() });
    } else {
      // Two top-ups of one SIM may both have passed the check at placing; here they take turns.
      await lockConnectSimById(tx, iccid);
      if ((await countLiveSubscriptions(tx, iccid)) + input.subscriptions.length > MAX_LIVE_SUBSCRIPTIONS) {
        throw new FulfilmentFailure(`SIM ${iccid} would hold more than ${MAX_LIVE_SUBSCRIPTIONS} active subscriptions`);
      }
    }
    const ids = await addSubscriptions(deps.queue, tx, order, iccid, correlationId);
    const sim = await findConnectSimById(tx, iccid);
    const output: Output = {
      iccid,
      matchingId: sim?.matchingId ?? undefined,
      smdpUrl: sim?.smdpAddress ?? undefined,
      lpa_url: activationCode(sim?.smdpAddress ?? null, sim?.matchingId ?? null)?.replace(/^LPA:/, '') ?? undefined,
      subscription_id: ids[0],
    };
    await updateConnectOrderById(tx, orderId, { status: 'COMPLETED', output });
    await attempt.completeWithin(tx);
  });
}

/** Writes the order's subscriptions and schedules each one's clock. */
async function addSubscriptions(queue: JobQueue, tx: Executor, order: ConnectOrder, iccid: string, correlationId?: string): Promise<string[]> {
  const input = connectCommandOf(order);
  const products = await resellerProductsByIds(
    tx,
    order.organizationId,
    input.subscriptions.map((s) => s.productId),
  );
  const now = new Date();
  const rows = input.subscriptions.map((s) => {
    const product = products.get(s.productId);
    if (!product) throw new FulfilmentFailure(`product ${s.productId} is no longer in the catalogue`);
    const activation = s.activationDate && new Date(s.activationDate) > now ? new Date(s.activationDate) : now;
    return {
      id: opaqueId(),
      organizationId: order.organizationId,
      iccid,
      orderId: order.id,
      productId: product.id,
      status: activation > now ? 'PENDING' : 'ACTIVE',
      initialBalance: allowanceBytes(product),
      activationDate: activation,
      expirationDate: expirationOf(product, activation),
      price: s.price === undefined ? null : String(s.price),
      currency: s.currency ?? null,
    };
  });
  await insertConnectSubscriptions(tx, rows);
  for (const row of rows) {
    await queue.send(tx, CONNECT_SUBSCRIPTION_CLOCK, { subscriptionId: row.id, correlationId }, row.status === 'PENDING' ? row.activationDate : row.expirationDate);
  }
  return rows.map((r) => r.id);
}

async function fail(deps: ConnectFulfilmentDeps, orderId: string, reason: string, attempt: JobAttempt): Promise<void> {
  await failAndRelease(deps, attempt, async (tx) => {
    const order = await lockConnectOrderById(tx, orderId);
    if (!order || (order.status !== 'ACCEPTED' && order.status !== 'FULFILLING')) return undefined;
    await updateConnectOrderById(tx, orderId, { status: 'FAILED', failureReason: reason });
    // A top-up names a SIM the customer already has: only a NEW_ESIM's is given back.
    const iccid = (order.output as Output).iccid;
    return { reserved: order.operationType === 'NEW_ESIM' && iccid ? { iccid, simType: 'esim' as const } : undefined };
  });
}
