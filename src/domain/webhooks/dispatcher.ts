// Sends due webhook deliveries: claims a batch (SKIP LOCKED, so several processes share
// the work) while the previous one is still being sent, posts them side by side, and
// records the outcomes in batches (one statement each). A failed attempt is retried on
// the schedule (each delay with ±20 % jitter, so a receiver that comes back is not hit by
// every retry at once); after the last it is `failed`, and the operator may redeliver it.
import type { Db } from '../../db/database.ts';
import type { AttemptOutcome, WebhookSender } from '../../network/webhooks/sender.ts';
import { webhookSecret } from './secrets.ts';
import type { KeyEncryption } from '../../auth/key-encryption.ts';
import * as store from './webhooks.store.ts';
import { findEndpoint } from './endpoints.store.ts';
import { secretsOf } from './endpoints.service.ts';
import { WorkLoop } from '../../jobs/work-loop.ts';
import { BatchWriter } from '../../db/batch-writer.ts';
import { recordWebhookAttempt } from '../../observability/metrics.ts';
import type { Logger } from '../../observability/logger.ts';

export interface DispatcherOptions {
  /** Seconds to wait before each retry; its length is the number of retries. */
  retrySchedule: number[];
  /** Deliveries in flight at once in this process. */
  concurrency: number;
  pollMs?: number;
  /** The database is the embedded one: its one connection is shared by everything, so it is held in shorter turns. */
  embedded?: boolean;
  /** Each attempt is logged at info (never its URL, which may hold a receiver's token). */
  log?: Logger;
}

/** Secrets are kept this long per process: a rotated one signs within 10 s everywhere. */
const SECRET_TTL_MS = 10_000;
/**
 * How deliveries are claimed and their outcomes recorded. Claims are held ahead of the
 * free slots (`prefetchSlots` slots' worth, the next claim going out while they are
 * sent), at least `minFetchSlots` slots' worth a claim, and outcomes are written
 * `recordBatch` (or `recordWaitMs`) at a time: on PostgreSQL, large batches cost the
 * database less per delivery; the embedded database's one connection is held briefly.
 */
const BATCHING = {
  postgres: { prefetchSlots: 4, minFetchSlots: 1, recordBatch: 500, recordWaitMs: 50 },
  embedded: { prefetchSlots: 0.25, minFetchSlots: 0.25, recordBatch: 200, recordWaitMs: 20 },
};
/**
 * A claimed delivery not reported back within its lease is taken again (its process died).
 * A delivery claimed ahead may wait `prefetchSlots` attempts (rounded up) before its own,
 * so the lease covers one more than that, and this margin; one that still waited too long to finish
 * within its lease is handed back.
 */
const LEASE_MARGIN_MS = 30_000;

export class WebhookDispatcher {
  private readonly loop: WorkLoop<store.Claimed>;
  private readonly leaseMs: number;
  // Promises, so that the deliveries that find a secret missing at once share one lookup.
  private readonly secrets = new Map<string, { secret: Promise<string>; at: number }>();
  private readonly endpointSecrets = new Map<string, { secrets: Promise<Secrets | undefined>; at: number }>();
  private readonly outcomes: BatchWriter<store.Outcome>;

  constructor(
    private readonly db: Db,
    private readonly sealing: KeyEncryption,
    private readonly sender: WebhookSender,
    private readonly options: DispatcherOptions,
  ) {
    const batching = options.embedded ? BATCHING.embedded : BATCHING.postgres;
    // Each slot's worth held ahead (or part of one) is at most one attempt's wait.
    this.leaseMs = (Math.ceil(batching.prefetchSlots) + 1) * sender.timeoutMs + LEASE_MARGIN_MS;
    // A batch that cannot be written is retried by the lease: those deliveries come due again.
    this.outcomes = new BatchWriter((batch) => store.recordOutcomes(this.db, batch), { size: batching.recordBatch, waitMs: batching.recordWaitMs });
    this.loop = new WorkLoop({
      concurrency: options.concurrency,
      // Whole items: a fractional count would reach claimDue's LIMIT and claim nothing, ever.
      prefetch: Math.ceil(batching.prefetchSlots * options.concurrency),
      minFetch: Math.ceil(batching.minFetchSlots * options.concurrency),
      idleMs: options.pollMs ?? 250,
      fetch: (free) => store.claimDue(this.db, free, this.leaseMs),
      release: (claims) => store.releaseClaims(this.db, claims),
      run: (delivery) => this.attempt(delivery),
    });
  }

  start(): void {
    this.loop.start();
  }

  /** Looks for due deliveries now rather than at the next poll. */
  wake(): void {
    this.loop.wake();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    await this.outcomes.drain().catch(() => {});
  }

  private async attempt(delivery: store.Claimed): Promise<void> {
    // Too late to finish within the lease, where another dispatcher may take it: handed
    // back, due at once with this attempt uncounted (if that fails, the lease brings it back).
    if (Date.now() - delivery.claimedAt > this.leaseMs - this.sender.timeoutMs - LEASE_MARGIN_MS / 2) {
      await store.releaseClaims(this.db, [delivery]).catch(() => {});
      return;
    }
    const at = new Date();
    let outcome: AttemptOutcome;
    try {
      const secrets = await this.secretsOf(delivery);
      const body = JSON.stringify(delivery.payload);
      outcome = secrets
        ? await this.sender.send({ id: delivery.messageId, url: delivery.url, body, ...secrets })
        : { ok: false, statusCode: null, error: 'refused: the webhook endpoint is disabled', durationMs: 0, refused: true };
    } catch (error) {
      outcome = { ok: false, statusCode: null, error: error instanceof Error ? error.message : String(error), durationMs: 0 };
    }
    const { id, organizationId, attempt } = delivery;
    const next = this.next(delivery, outcome);
    const result = next.status === 'pending' ? 'retry' : next.status;
    recordWebhookAttempt(result, outcome.durationMs / 1000);
    this.options.log?.[result === 'failed' ? 'warn' : 'info'](
      {
        correlation_id: delivery.correlationId ?? undefined,
        webhook_delivery_id: id,
        attempt,
        outcome: result,
        status_code: outcome.statusCode,
        error: outcome.error ?? undefined,
        duration_ms: outcome.durationMs,
      },
      'webhook attempt',
    );
    this.outcomes.add({ ...next, id, organizationId, attempt, at, statusCode: outcome.statusCode, error: outcome.error, durationMs: outcome.durationMs });
  }

  /** Where the delivery goes after this attempt. */
  private next(delivery: store.Claimed, outcome: AttemptOutcome): Pick<store.Outcome, 'status' | 'nextAttemptAt'> {
    if (outcome.ok) return { status: 'delivered', nextAttemptAt: null };
    if (outcome.refused) return { status: 'failed', nextAttemptAt: null };
    const delay = this.options.retrySchedule[delivery.attemptInSeries - 1];
    if (delay === undefined) return { status: 'failed', nextAttemptAt: null };
    const jittered = delay * 1000 * (0.8 + Math.random() * 0.4);
    return { status: 'pending', nextAttemptAt: new Date(Date.now() + jittered) };
  }

  /** The secrets that sign the delivery; none when its endpoint is disabled or gone. */
  private secretsOf(delivery: store.Claimed): Promise<Secrets | undefined> {
    if (!delivery.endpointId) return this.secretOf(delivery.organizationId).then((secret) => ({ secret }));
    const key = `${delivery.organizationId}/${delivery.endpointId}`;
    let cached = this.endpointSecrets.get(key);
    if (!cached || Date.now() - cached.at >= SECRET_TTL_MS) {
      cached = { secrets: this.endpointSecretsOf(delivery.organizationId, delivery.endpointId), at: Date.now() };
      this.endpointSecrets.set(key, cached);
      // A failed lookup is not kept: the next delivery asks again.
      const entry = cached;
      entry.secrets.catch(() => this.endpointSecrets.get(key) === entry && this.endpointSecrets.delete(key));
    }
    return cached.secrets;
  }

  private async endpointSecretsOf(organizationId: string, endpointId: string): Promise<Secrets | undefined> {
    const endpoint = await findEndpoint(this.db, organizationId, endpointId);
    const secrets = endpoint?.status === 'enabled' ? secretsOf(this.sealing, endpoint) : undefined;
    return secrets && { secret: secrets.secret, previousSecret: secrets.previous?.secret };
  }

  private secretOf(organizationId: string): Promise<string> {
    const cached = this.secrets.get(organizationId);
    if (cached && Date.now() - cached.at < SECRET_TTL_MS) return cached.secret;
    const entry = { secret: webhookSecret(this.db, this.sealing, organizationId), at: Date.now() };
    this.secrets.set(organizationId, entry);
    entry.secret.catch(() => this.secrets.get(organizationId) === entry && this.secrets.delete(organizationId));
    return entry.secret;
  }
}

interface Secrets {
  secret: string;
  previousSecret?: string;
}
