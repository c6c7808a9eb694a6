// Order templates: the pre-configured recipe an activation order follows, which plans
// and add-ons to put on the subscription and which number pool to draw numbers from.
import type { Executor } from '../../db/database.ts';
import { invalidParams, notFound } from '../errors.ts';
import { getOrganization } from '../organizations/organizations.service.ts';
import { findPool } from '../inventory/numbers.store.ts';
import { newId } from '../ids.ts';
import { findOfferings } from './offerings.store.ts';
import * as store from './templates.store.ts';

export interface OrderTemplate extends store.TemplateRow {
  offerings: store.TemplateOffering[];
}

export const SERVICE_TYPES = ['voice', 'sms', 'data', 'roaming'] as const;

export interface NewTemplate {
  description: string;
  offeringIds: string[];
  numberPoolId?: string;
  services?: string[];
}

export async function createTemplate(db: Executor, organizationId: string, input: NewTemplate): Promise<OrderTemplate> {
  await getOrganization(db, organizationId);
  const found = await findOfferings(db, organizationId, input.offeringIds);
  const missing = input.offeringIds.findIndex((id) => !found.some((o) => o.id === id));
  if (missing >= 0) throw invalidParams(`offering_ids[${missing}]: no such product offering in this organization`);
  if (!found.some((o) => o.type === 'plan')) throw invalidParams('offering_ids: must include at least one plan');
  if (input.numberPoolId && !(await findPool(db, input.numberPoolId))) {
    throw invalidParams('number_pool_id: no such number pool');
  }
  const badService = (input.services ?? []).findIndex((s) => !(SERVICE_TYPES as readonly string[]).includes(s));
  if (badService >= 0) throw invalidParams(`services[${badService}]: must be one of ${SERVICE_TYPES.join(', ')}`);
  const row = await store.insertTemplate(
    db,
    {
      id: newId('orderTemplate'),
      organizationId,
      type: 'activate_subscription',
      description: input.description,
      numberPoolId: input.numberPoolId ?? null,
      ...(input.services ? { services: [...new Set(input.services)] } : {}),
    },
    input.offeringIds,
  );
  return (await withOfferings(db, organizationId, [row]))[0];
}

async function withOfferings(db: Executor, organizationId: string, rows: store.TemplateRow[]): Promise<OrderTemplate[]> {
  const offerings = await store.offeringsOfTemplates(
    db,
    organizationId,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    ...row,
    offerings: offerings.filter((o) => o.templateId === row.id).map(({ id, type, name, validityDays }) => ({ id, type, name, validityDays })),
  }));
}

export async function getTemplate(db: Executor, organizationId: string, id: string): Promise<OrderTemplate> {
  const rows = await store.selectTemplates(db, organizationId, { id, rows: 1 });
  if (rows.length === 0) throw notFound(`order template ${id}`);
  return (await withOfferings(db, organizationId, rows))[0];
}

export async function listTemplates(db: Executor, organizationId: string, after: string | undefined, rows: number) {
  return withOfferings(db, organizationId, await store.selectTemplates(db, organizationId, { after, rows }));
}
