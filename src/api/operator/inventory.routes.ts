// Operator: SIM inventory, number pools and simulated profile events.
import { Type } from 'typebox';
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { paginate } from '../../http/cursor.ts';
import { ListQuery } from '../../http/hal.ts';
import { countSimsByState, importSims, listSims, SIM_TYPES } from '../../domain/inventory/sims.service.ts';
import { createPool, importNumbers, listPools } from '../../domain/inventory/numbers.service.ts';
import { applyProfileEvent } from '../../domain/inventory/profile-events.ts';
import { poolJson } from '../../operator/representations.ts';
import { Country, literals } from './params.ts';
import { created, keyed, ok } from './keyed.ts';
import { IdempotencyKeyHeader } from '../../http/schemas.ts';
import { ImportBody, OperatorList, PoolBody, SimBody, SimCountBody } from '../../operator/schemas.ts';

/** 100,000 ICCIDs or MSISDNs as JSON, with room to spare. */
const IMPORT_BODY_LIMIT = 8 * 1024 * 1024;

export function inventoryRoutes(app: App, platform: Platform): void {
  const db = platform.db;
  const keyedRun = keyed(platform);

  app.post(
    '/sims',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        summary: 'Import ICCIDs into the SIM inventory',
        description: 'Adds SIM profiles (ICCIDs, eSIM or physical) to the inventory that orders draw from; ICCIDs already there are skipped.',
        headers: IdempotencyKeyHeader,
        body: Type.Object(
          {
            sim_type: literals(SIM_TYPES),
            iccids: Type.Array(Type.String(), { minItems: 1, maxItems: 100_000 }),
          },
          { examples: [{ sim_type: 'esim', iccids: ['8944500102198304826'] }] },
        ),
        response: { 200: ImportBody },
      },
    },
    async (request, reply) => keyedRun(request, reply, async (tx) => ok(await importSims(tx, request.body.iccids, request.body.sim_type))),
  );

  app.get(
    '/sims',
    {
      schema: {
        summary: 'List SIM inventory',
        description: 'SIMs in the inventory with their type and state.',
        querystring: Type.Object({ state: Type.Optional(Type.String()), ...ListQuery }),
        response: { 200: OperatorList(SimBody) },
      },
    },
    async (request) => {
      const { state } = request.query;
      const page = await paginate(request.query, { state }, async (after, rows) => (await listSims(db, { state, after, rows })).map((s) => ({ ...s, id: s.iccid })));
      return {
        items: page.items.map((s) => ({ iccid: s.iccid, sim_type: s.simType, state: s.state, organization_id: s.organizationId })),
        next_cursor: page.next ?? null,
      };
    },
  );

  app.get(
    '/sims/summary',
    {
      schema: {
        summary: 'Count SIMs by type and state',
        description: 'How many SIMs of each type are in each state, for watching stock.',
        response: { 200: Type.Array(SimCountBody) },
      },
    },
    async () => (await countSimsByState(db)).map((r) => ({ sim_type: r.simType, state: r.state, count: r.count })),
  );

  app.get(
    '/number-pools',
    {
      schema: {
        summary: 'List number pools with their counts',
        description: 'Number pools (MSISDN ranges by country) with how many numbers are free, held and in quarantine.',
        response: { 200: Type.Array(PoolBody) },
      },
    },
    async () => (await listPools(db)).map(({ pool, ...counts }) => poolJson(pool, counts)),
  );

  app.post(
    '/number-pools',
    {
      schema: {
        summary: 'Create a number pool',
        description: "Creates a pool of MSISDNs for a country, which order templates draw new subscriptions' numbers from.",
        headers: IdempotencyKeyHeader,
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }), country: Country }, { examples: [{ name: 'London mobile', country: 'GB' }] }),
        response: { 201: PoolBody },
      },
    },
    async (request, reply) => keyedRun(request, reply, async (tx) => created(poolJson(await createPool(tx, request.body)))),
  );

  app.post(
    '/number-pools/:id/numbers',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        summary: 'Import MSISDNs into a number pool',
        description: 'Adds numbers (E.164 digits) to a pool; numbers already there are skipped.',
        params: Type.Object({ id: Type.String() }),
        headers: IdempotencyKeyHeader,
        body: Type.Object({ msisdns: Type.Array(Type.String(), { minItems: 1, maxItems: 100_000 }) }, { examples: [{ msisdns: ['447700900123', '447700900124'] }] }),
        response: { 200: ImportBody },
      },
    },
    async (request, reply) => keyedRun(request, reply, async (tx) => ok(await importNumbers(tx, request.params.id, request.body.msisdns))),
  );

  app.post(
    '/sims/:iccid/events',
    {
      schema: {
        summary: 'Simulate a device event on a SIM profile (as the SM-DP+ would report it)',
        description: 'Reports a download, install, enable, disable or delete of an eSIM as the SM-DP+ would, to move a profile through its states in a sandbox.',
        params: Type.Object({ iccid: Type.String() }),
        headers: IdempotencyKeyHeader,
        body: Type.Object(
          { event: Type.Enum(['downloaded', 'installed', 'deleted']), eid: Type.Optional(Type.String({ pattern: '^[0-9]{32}$' })) },
          { examples: [{ event: 'installed', eid: '89049032004008882600019002596666' }] },
        ),
      },
    },
    async (request, reply) => keyedRun(request, reply, async (tx) => ok(await applyProfileEvent(tx, request.params.iccid, request.body.event, request.body.eid))),
  );
}
