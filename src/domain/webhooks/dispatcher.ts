// Sends due webhook deliveries: claims a batch (SKIP LOCKED, so several processes share
// the work), posts them side by side, and records the outcomes in batches. A failed
// attempt is retried on the schedule (each delay with ±20 % jitter, so a receiver that
// comes back is not hit by every retry at once); after the last it is `failed`, and the
// operator may redeliver it.
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
  /** A claimed delivery not reported back within this is taken again (its process died). */
  leaseMs: number;
  pollMs?: number;
  /** Each attempt is logged at info (never its URL, which may hold a receiver's token). */
  log?: Logger;
}

/** Secrets are kept this long per process: a rotated one signs within 10 s everywhere. */
const SECRET_TTL_MS = 10_000;
const RECORD_BATCH = 200;
const RECORD_WAIT_MS = 20;

export class WebhookDispatcher {
  private readonly loop: WorkLoop<store.Claimed>;
  private readonly secrets = new Map<string, { secret: string; at: number }>();
  private readonly endpointSecrets = new Map<string, { secrets?: { secret: string; previousSecret?: string }; at: number }>();
  // A batch that cannot be written is retried by the lease: those deliveries come due again.
  private readonly outcomes = new BatchWriter<store.Outcome>((batch) => store.recordOutcomes(this.db, batch), { size: RECORD_BATCH, waitMs: RECORD_WAIT_MS });

  constructor(
    private readonly db: Db,
    private readonly sealing: KeyEncryption,
    private readonly sender: WebhookSender,
    private readonly options: DispatcherOptions,
  ) {
    this.loop = new WorkLoop({
      concurrency: options.concurrency,
      // Deliveries are claimed a quarter of the slots at a time, not one per finished POST.
      minFetch: Math.ceil(options.concurrency / 4),
      idleMs: options.pollMs ?? 250,
      fetch: (free) => store.claimDue(this.db, free, this.options.leaseMs),
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
  private async secretsOf(delivery: store.Claimed): Promise<{ secret: string; previousSecret?: string } | undefined> {
    if (!delivery.endpointId) return { secret: await this.secretOf(delivery.organizationId) };
    const key = `${delivery.organizationId}/${delivery.endpointId}`;
    let cached = this.endpointSecrets.get(key);
    if (!cached || Date.now() - cached.at >= SECRET_TTL_MS) {
      const endpoint = await findEndpoint(this.db, delivery.organizationId, delivery.endpointId);
      const secrets = endpoint?.status === 'enabled' ? secretsOf(this.sealing, endpoint) : undefined;
      cached = { secrets: secrets && { secret: secrets.secret, previousSecret: secrets.previous?.secret }, at: Date.now() };
      this.endpointSecrets.set(key, cached);
    }
    return cached.secrets;
  }

  private async secretOf(organizationId: string): Promise<string> {
    const cached = this.secrets.get(organizationId);
    if (cached && Date.now() - cached.at < SECRET_TTL_MS) return cached.secret;
    const secret = await webhookSecret(this.db, this.sealing, organizationId);
    this.secrets.set(organizationId, { secret, at: Date.now() });
    return secret;
  }
}
