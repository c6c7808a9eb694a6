// The background work of a process, started over a built platform: the SMSC link (or
// its simulator) with the receipt inbox and chaser, the webhook dispatcher, the job
// handlers and housekeeping. What only workers have lives here, built in order and
// never added to the platform afterwards; whoever started them stops them, before
// closing the platform.
import { randomBytes } from 'node:crypto';
import type { Platform } from './platform.ts';
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import { jobHandlers } from './jobs/handlers.ts';
import { SmppClient } from './network/smsc/smpp-client.ts';
import { SmscSimulator } from './network/smsc/simulator.ts';
import type { SmscAdapter } from './network/smsc/smsc.ts';
import { ReceiptInbox } from './domain/sms/receipt-inbox.ts';
import { ReceiptChaser } from './domain/sms/receipt-chaser.ts';
import { WebhookSender } from './network/webhooks/sender.ts';
import { WebhookDispatcher } from './domain/webhooks/dispatcher.ts';
import { releaseQuarantinedNumbers } from './domain/inventory/numbers.store.ts';
import { deleteExpiredRefreshTokens } from './auth/refresh-tokens.store.ts';
import { expireEvents } from './domain/events/events.service.ts';

const HOUSEKEEPING_EVERY_MS = 60_000;

/** The parts of the platform the workers use. */
export type WorkerDeps = Pick<Platform, 'config' | 'db' | 'sealing' | 'queue' | 'smdp' | 'templates' | 'readCache' | 'mailer' | 'log'>;

export interface Workers {
  /** The SMSC link. */
  smsc: SmscAdapter;
  /** The built-in SMSC simulator, when no SMSC_URL is configured. */
  smscSimulator?: SmscSimulator;
  /** Sends webhooks; wake() it when a delivery is due now. */
  webhooks: WebhookDispatcher;
  /** True until stop() is called, while the job queue works. */
  running(): boolean;
  /** Stops everything started here; calling it again waits for the same stop. */
  stop(): Promise<void>;
}

async function startSmsc(config: Config, db: Db) {
  const options = { bind: config.smscBind, window: config.smscWindow };
  if (config.smscUrl) return { smsc: new SmppClient({ url: config.smscUrl, ...options }) };
  const simulator = new SmscSimulator({ db, systemId: 'cellhub', password: randomBytes(6).toString('base64url'), receiptDelayMs: config.smscSimulatorReceiptMs });
  const url = await simulator.start();
  return { smsc: new SmppClient({ url, ...options }), simulator };
}

export async function startWorkers(deps: WorkerDeps): Promise<Workers> {
  const { config, db, queue, log } = deps;
  const { smsc, simulator: smscSimulator } = await startSmsc(config, db);
  const receipts = new ReceiptInbox(db, log);
  smsc.onReceipt((receipt) => receipts.add(receipt));
  const chaser = new ReceiptChaser(db, smsc, { chaseAfterSeconds: config.smsReceiptChaseAfterSeconds, log });
  await chaser.start();
  const webhookSender = new WebhookSender(config.webhookTimeoutMs, { allowPrivate: config.webhookAllowPrivate });
  const webhooks = new WebhookDispatcher(db, deps.sealing, webhookSender, {
    retrySchedule: config.webhookRetrySchedule,
    concurrency: config.webhookConcurrency,
    embedded: !config.databaseUrl,
    log,
  });
  webhooks.start();
  await queue.work(
    jobHandlers({
      db,
      queue,
      smdp: deps.smdp,
      templates: deps.templates,
      readCache: deps.readCache,
      mailer: deps.mailer,
      quarantineDays: config.numberQuarantineDays,
      smsc,
      smsTiming: { validitySeconds: config.smsValiditySeconds, chaseAfterSeconds: config.smsReceiptChaseAfterSeconds },
    }),
    config.workerConcurrency,
  );
  const housekeeping = setInterval(() => {
    void releaseQuarantinedNumbers(db).catch(() => {});
    void deleteExpiredRefreshTokens(db).catch(() => {});
    void expireEvents(db, config.eventRetentionDays).catch(() => {});
  }, HOUSEKEEPING_EVERY_MS);
  housekeeping.unref();

  let stopping: Promise<void> | undefined;
  const stop = async () => {
    clearInterval(housekeeping);
    await queue.stopWorking();
    await webhooks.stop();
    await webhookSender.close();
    // The link closes first, so that the chaser's questions still in the air end now.
    const chased = chaser.stop();
    await smsc.close();
    await chased;
    await smscSimulator?.stop();
    await receipts.close();
  };
  return {
    smsc,
    smscSimulator,
    webhooks,
    running: () => !stopping && queue.working(),
    stop: () => (stopping ??= stop()),
  };
}
