// Enterprise events (a cellhub extension): each change an organization cares about is
// recorded in the transaction of the change, with its object as the API shows it, and
// fanned out to the organization's webhook endpoints in that same transaction.
import type { Executor } from '../../db/database.ts';
import { notFound } from '../errors.ts';
import { idFloor, newId } from '../ids.ts';
import { enqueueWebhooks } from '../webhooks/webhooks.service.ts';
import type { EventSubject, EventType } from './event-types.ts';
import { renderEvent } from './renderers.ts';
import * as store from './events.store.ts';

export interface NewEvent {
  type: EventType;
  subject: EventSubject;
}

/** The event as the API and the webhooks carry it. */
export function eventBody(row: Pick<store.EventRow, 'id' | 'type' | 'occurredAt' | 'data'>) {
  return { id: row.id, type: row.type, occurred_at: row.occurredAt.toISOString(), data: row.data as object, _links: { self: { href: `/enterprise/events/${row.id}` } } };
}

/** Records events within `db`: pass the transaction of the change. */
export async function recordEvents(db: Executor, organizationId: string, changes: NewEvent[], correlationId?: string | null): Promise<void> {
  if (changes.length === 0) return;
  const occurredAt = new Date();
  const rendered = [];
  for (const change of changes) {
    const data = await renderEvent(db, organizationId, change.subject);
    if (data) rendered.push({ id: newId('event'), type: change.type, data });
  }
  if (rendered.length === 0) return;
  const endpoints = await store.writeEvents(db, organizationId, occurredAt, rendered);
  if (endpoints.length === 0) return;
  await enqueueWebhooks(
    db,
    rendered.flatMap((row) =>
      endpoints
        .filter((e) => e.eventTypes.length === 0 || e.eventTypes.includes(row.type))
        .map((e) => ({
          organizationId,
          url: e.url,
          eventType: row.type,
          payload: eventBody({ ...row, occurredAt }),
          correlationId: correlationId ?? undefined,
          endpointId: e.id,
          messageId: row.id,
        })),
    ),
  );
}

export const recordEvent = (db: Executor, organizationId: string, type: EventType, subject: EventSubject, correlationId?: string | null) =>
  recordEvents(db, organizationId, [{ type, subject }], correlationId);

export async function getEvent(db: Executor, organizationId: string, id: string) {
  const row = await store.findEvent(db, organizationId, id);
  if (!row) throw notFound(`event ${id}`);
  return row;
}

/** The feed: the organization's events after a position, those committed since the last read numbered first. */
export async function listEvents(db: Executor, organizationId: string, filter: store.FeedFilter): Promise<store.EventRow[]> {
  await store.numberEvents(db, organizationId);
  return store.selectFeed(db, organizationId, filter);
}

/** Deletes the events older than the retention (housekeeping); answers how many. */
export function expireEvents(db: Executor, retentionDays: number, now = new Date()): Promise<number> {
  return store.deleteEventsBefore(db, idFloor('event', new Date(now.getTime() - retentionDays * 86_400_000)));
}
