// Subscriptions: a line of service for a subscriber under an account, with its SIM
// profile, phone numbers, services and products.
import type { Executor } from '../../db/database.ts';
import { notFound } from '../errors.ts';
import type { TenantCache } from '../tenant-cache.ts';
import * as store from './subscriptions.store.ts';

export type { SubscriptionView, SubscriptionParts, PhoneNumberPart, ServicePart } from './subscriptions.store.ts';

export const SUBSCRIPTION_STATUSES = ['active', 'suspended', 'terminated'] as const;

export async function getSubscription(db: Executor, organizationId: string, id: string, parts: store.SubscriptionParts = {}) {
  const [view] = await store.selectSubscriptions(db, organizationId, { id, rows: 1 }, parts);
  if (!view) throw notFound(`subscription ${id}`);
  return view;
}

export function listSubscriptions(db: Executor, organizationId: string, filter: { status?: string; after?: string; rows: number }, parts: store.SubscriptionParts = {}) {
  return store.selectSubscriptions(db, organizationId, filter, parts);
}

/**
 * Single-subscription reads through the tenant cache: the API's hottest path, and the
 * same answer as getSubscription (the cache drops an organization's entries on every
 * committed change to it).
 */
export class SubscriptionReads {
  constructor(
    private readonly db: Executor,
    private readonly cache: TenantCache,
  ) {}

  get(organizationId: string, id: string, parts: store.SubscriptionParts = {}) {
    const key = `subscription ${id} ${parts.phoneNumbers ? 'numbers' : ''} ${parts.services ? 'services' : ''}`;
    return this.cache.get(organizationId, key, () => getSubscription(this.db, organizationId, id, parts));
  }
}
