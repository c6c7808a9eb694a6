// Subscribers: the people (employees) who use subscriptions.
import type { Executor } from '../../db/database.ts';
import { notFound } from '../errors.ts';
import * as store from './subscribers.store.ts';

export type { Subscriber } from './subscribers.store.ts';

export async function getSubscriber(db: Executor, organizationId: string, id: string) {
  const subscriber = await store.findSubscriber(db, organizationId, id);
  if (!subscriber) throw notFound(`subscriber ${id}`);
  return subscriber;
}

export const listSubscribers = store.listSubscribers;
