// Webhooks, shared by both API families: a change that should notify someone enqueues
// the delivery in its own transaction (so no notification is lost or sent for a change
// that rolled back); the dispatcher sends it at least once.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Executor } from '../../db/database.ts';
import { conflict, notFound } from '../errors.ts';
import { idFloor, newId } from '../ids.ts';
import * as store from './webhooks.store.ts';

export interface WebhookEvent {
  organizationId: string;
  url: string;
  eventType: string;
  payload: object;
  /** The request that caused it, so the delivery's attempts log under its correlation id. */
  correlationId?: string;
  /** The organization's webhook endpoint it goes to: signed with that endpoint's secrets. */
  endpointId?: string;
  /** The `webhook-id` when it is not the delivery's own id (an event's id, shared by its deliveries). */
  messageId?: string;
}

/** Enqueues within `db`: pass the transaction of the change that causes the events. Answers the webhook ids. */
export async function enqueueWebhooks(db: Executor, events: WebhookEvent[]): Promise<string[]> {
  const rows = events.map((e) => ({
    id: newId('webhook'),
    organizationId: e.organizationId,
    url: e.url,
    eventType: e.eventType,
    payload: e.payload,
    correlationId: e.correlationId ?? null,
    endpointId: e.endpointId ?? null,
    messageId: e.messageId ?? null,
  }));
  await store.insertDeliveries(db, rows);
  return rows.map((r) => r.id);
}

export async function getDelivery(db: Executor, id: string) {
  const delivery = await store.findDeliveryById(db, id);
  if (!delivery) throw notFound(`webhook delivery ${id}`);
  return { delivery, attempts: await store.attemptsOf(db, delivery) };
}

export const listDeliveries = store.selectDeliveries;

/** Sends a delivery again from the start of the retry schedule, with the same webhook-id. */
export async function redeliver(db: Executor, id: string) {
  const existing = await store.findDeliveryById(db, id);
  if (!existing) throw notFound(`webhook delivery ${id}`);
  if (existing.status === 'pending' && existing.attempts === existing.seriesStart) throw conflict(`webhook delivery ${id} is already waiting for its first attempt`);
  return (await store.requeueById(db, id))!;
}

export interface FollowOptions {
  /** The last delivery id seen; absent, the answer is only the cursor of now. */
  after?: string;
  rows: number;
  /** How long to wait for a delivery when there is none yet. */
  waitMs: number;
  /** Ends the wait early (the caller went away, the server is closing). */
  signal?: AbortSignal;
  /** How often the database is asked while waiting. */
  pollMs?: number;
}

/**
 * Follows an organization's webhook deliveries as they are made (what `cellhub listen`
 * reads): those after the cursor, oldest first, waiting up to `waitMs` for one; and the
 * cursor to ask from next. Without a cursor, answers none and the cursor of now.
 */
export async function followDeliveries(db: Executor, organizationId: string, options: FollowOptions): Promise<{ deliveries: store.WebhookDelivery[]; next: string }> {
  const { after } = options;
  if (after === undefined) return { deliveries: [], next: idFloor('webhook', new Date()) };
  const deadline = Date.now() + options.waitMs;
  for (;;) {
    const deliveries = await store.selectDeliveriesAfter(db, organizationId, after, options.rows);
    const left = deadline - Date.now();
    if (deliveries.length > 0 || left <= 0 || options.signal?.aborted) return { deliveries, next: deliveries.at(-1)?.id ?? after };
    try {
      await sleep(Math.min(options.pollMs ?? 250, left), undefined, { signal: options.signal });
    } catch {
      return { deliveries: [], next: after }; // aborted
    }
  }
}
