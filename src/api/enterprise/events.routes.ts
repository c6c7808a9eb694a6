// Events (a cellhub extension): the organization's feed of changes, oldest first. A
// client keeps the cursor of its last page and reads on from it later: every event
// written since comes after it, none is skipped (see events.store.ts).
import { Type } from 'typebox';
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { principalOf } from '../../http/auth-guard.ts';
import { decodeCursor, encodeCursor } from '../../http/cursor.ts';
import { Link, link, ListQuery } from '../../http/hal.ts';
import { errorResponses } from '../../http/schemas.ts';
import { invalidParams } from '../../domain/errors.ts';
import { EVENT_TYPES } from '../../domain/events/event-types.ts';
import { eventBody, getEvent, listEvents } from '../../domain/events/events.service.ts';
import { IdParams, pathId } from './path-ids.ts';
import { AlertEventData } from './alert-thresholds.routes.ts';

export const EXTENSION_NOTE = 'A cellhub extension (not in the provider’s API); needs the `events` licence.';

export const EventAnswer = Type.Object(
  {
    id: Type.String({ description: 'Stable: the `webhook-id` of every webhook that carries the event' }),
    type: Type.String({ enum: [...EVENT_TYPES] }),
    occurred_at: Type.String(),
    data: Type.Union([AlertEventData, Type.Object({}, { additionalProperties: true })], {
      description: 'The object as the Enterprise API returned it when the event happened; for `usage.threshold_crossed` and `spend.alert`, the alert (AlertEventData)',
    }),
    _links: Type.Object({ self: Link }),
  },
  {
    examples: [
      {
        id: 'evt_01HZS5KETGM8XXF53WZJWDDV4C',
        type: 'subscription.suspended',
        occurred_at: '2026-11-30T09:00:00.000Z',
        data: { id: 'sub_01HZS5KETGM8XXF53WZJWDDV4D', status: 'suspended' },
        _links: { self: { href: '/enterprise/events/evt_01HZS5KETGM8XXF53WZJWDDV4C' } },
      },
    ],
  },
);

const EventsPage = Type.Object({
  _links: Type.Object({ self: Link, next: Link }),
  _embedded: Type.Object({ events: Type.Array(EventAnswer) }),
});

/** The feed position a cursor holds (0: before the first event). */
function positionOf(key: string | undefined): number {
  if (key === undefined) return 0;
  if (!/^\d{1,15}$/.test(key)) throw invalidParams('cursor: is not a cursor this API issued');
  return Number(key);
}

function dateOf(field: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw invalidParams(`${field}: must be a date-time (RFC 3339)`);
  return date;
}

export function eventRoutes(platform: Platform) {
  return async (app: App) => {
    app.get(
      '/events',
      {
        schema: {
          tags: ['events'],
          summary: 'List events (cellhub extension)',
          description: `${EXTENSION_NOTE} The organization's events, oldest first, filtered by \`type\` and by \`from\`/\`to\` (occurred at, \`from\` inclusive). The \`next\` link is always present: follow it for the following page now, or keep it and follow it later to catch up on everything that happened since; an empty page means there is nothing newer yet. Events are kept for \`EVENT_RETENTION_DAYS\` (30 by default).`,
          querystring: Type.Object({
            type: Type.Optional(Type.String({ enum: [...EVENT_TYPES] })),
            from: Type.Optional(Type.String({ format: 'date-time' })),
            to: Type.Optional(Type.String({ format: 'date-time' })),
            ...ListQuery,
          }),
          response: { 200: EventsPage, ...errorResponses(400, 401, 403, 429) },
        },
      },
      async (request) => {
        const org = principalOf(request).organizationId;
        const { type, from, to, limit = 10 } = request.query;
        const filters = { type, from, to };
        const after = positionOf(decodeCursor(request.query.cursor, filters));
        const rows = await listEvents(platform.db, org, { types: type ? [type] : undefined, from: dateOf('from', from), to: dateOf('to', to), after, rows: limit });
        const last = rows.at(-1);
        const next = encodeCursor(String(last ? last.position : after), filters);
        const [path, query = ''] = request.url.split('?');
        const params = new URLSearchParams(query);
        params.set('cursor', next);
        return { _links: { self: link(request.url), next: link(`${path}?${params.toString()}`) }, _embedded: { events: rows.map(eventBody) } };
      },
    );

    app.get(
      '/events/:id',
      {
        schema: {
          tags: ['events'],
          summary: 'Get an event (cellhub extension)',
          description: `${EXTENSION_NOTE} One event (\`evt_\` + ULID): its type, when it happened, and its object as the API returned it then.`,
          params: IdParams,
          response: { 200: EventAnswer, ...errorResponses(401, 403, 404, 429) },
        },
      },
      async (request) => eventBody(await getEvent(platform.db, principalOf(request).organizationId, pathId('event', request.params.id))),
    );
  };
}
