// An organization's webhook endpoints for its Enterprise events (a cellhub extension).
// Each has its own `whsec_` secret, stored sealed (it must sign, so it cannot be hashed);
// a rotation keeps the previous one signing for an overlap, so a receiver can switch
// without missing a message. Deliveries go through the shared webhook subsystem.
import { randomBytes } from 'node:crypto';
import type { Executor } from '../../db/database.ts';
import type { KeyEncryption } from '../../auth/key-encryption.ts';
import { refusedUrl, type OutboundPolicy } from '../../network/outbound/guard.ts';
import { conflict, invalidParams, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import * as store from './endpoints.store.ts';
import * as deliveries from './webhooks.store.ts';

export type WebhookEndpoint = store.WebhookEndpointRow;

export interface EndpointChange {
  url?: string;
  eventTypes?: string[];
  description?: string | null;
  status?: 'enabled' | 'disabled';
}

const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

function checkUrl(url: string | undefined, policy: OutboundPolicy): void {
  const refusal = url === undefined ? null : refusedUrl(url, policy);
  if (refusal) throw invalidParams(`url: ${refusal}`);
}

export async function createEndpoint(db: Executor, sealing: KeyEncryption, policy: OutboundPolicy, organizationId: string, change: EndpointChange & { url: string }) {
  checkUrl(change.url, policy);
  return store.insertEndpoint(db, {
    id: newId('webhookEndpoint'),
    organizationId,
    url: change.url,
    description: change.description ?? null,
    eventTypes: [...new Set(change.eventTypes ?? [])],
    status: change.status ?? 'enabled',
    secret: sealing.seal(newSecret()),
  });
}

export async function getEndpoint(db: Executor, organizationId: string, id: string): Promise<WebhookEndpoint> {
  const endpoint = await store.findEndpoint(db, organizationId, id);
  if (!endpoint) throw notFound(`webhook endpoint ${id}`);
  return endpoint;
}

export const listEndpoints = store.selectEndpoints;

export async function changeEndpoint(db: Executor, policy: OutboundPolicy, organizationId: string, id: string, change: EndpointChange) {
  checkUrl(change.url, policy);
  const eventTypes = change.eventTypes && [...new Set(change.eventTypes)];
  const updated = await store.updateEndpoint(db, organizationId, id, { ...change, eventTypes });
  if (!updated) throw notFound(`webhook endpoint ${id}`);
  return updated;
}

/** A new secret; the one it replaces also signs for `overlapHours`. */
export async function rotateEndpointSecret(db: Executor, sealing: KeyEncryption, organizationId: string, id: string, overlapHours: number, now = new Date()) {
  const endpoint = await getEndpoint(db, organizationId, id);
  return (await store.updateEndpoint(db, organizationId, id, {
    secret: sealing.seal(newSecret()),
    previousSecret: endpoint.secret,
    previousSecretExpiresAt: new Date(now.getTime() + overlapHours * 3_600_000),
  }))!;
}

export interface EndpointSecrets {
  secret: string;
  /** The secret before the last rotation, while it still signs. */
  previous?: { secret: string; expiresAt: Date };
}

export function secretsOf(sealing: KeyEncryption, endpoint: WebhookEndpoint, now = new Date()): EndpointSecrets {
  const { previousSecret, previousSecretExpiresAt: expiresAt } = endpoint;
  const overlapping = previousSecret && expiresAt && expiresAt > now;
  return { secret: sealing.open(endpoint.secret), ...(overlapping ? { previous: { secret: sealing.open(previousSecret), expiresAt } } : {}) };
}

export async function endpointDeliveries(db: Executor, organizationId: string, endpointId: string, page: { after?: string; rows: number }) {
  await getEndpoint(db, organizationId, endpointId);
  return store.selectEndpointDeliveries(db, organizationId, endpointId, page);
}

async function endpointDelivery(db: Executor, organizationId: string, endpointId: string, id: string) {
  const delivery = await deliveries.findDeliveryById(db, id);
  if (!delivery || delivery.organizationId !== organizationId || delivery.endpointId !== endpointId) throw notFound(`webhook delivery ${id}`);
  return delivery;
}

export async function getEndpointDelivery(db: Executor, organizationId: string, endpointId: string, id: string) {
  const delivery = await endpointDelivery(db, organizationId, endpointId, id);
  return { delivery, attempts: await deliveries.attemptsOf(db, delivery) };
}

/** Sends one of the endpoint's deliveries again from the start of the retry schedule, with the same webhook-id. */
export async function redeliverToEndpoint(db: Executor, organizationId: string, endpointId: string, id: string) {
  const existing = await endpointDelivery(db, organizationId, endpointId, id);
  if (existing.status === 'pending' && existing.attempts === existing.seriesStart) throw conflict(`webhook delivery ${id} is already waiting for its first attempt`);
  return (await deliveries.requeueById(db, id))!;
}
