// An Enterprise event's data: its subject as the Enterprise API returns it, read in the
// transaction of the change (so the data is the object as that change left it).
import type { Executor } from '../../db/database.ts';
import type { EventSubject } from '../../domain/events/event-types.ts';
import type { RenderEvent } from '../../domain/events/renderers.ts';
import { findOrder } from '../../domain/orders/orders.store.ts';
import { selectSubscriptions } from '../../domain/subscriptions/subscriptions.store.ts';
import { findMessage, recipientsOf } from '../../domain/sms/sms.store.ts';
import { representOrder } from './orders.routes.ts';
import { representSimProfile, representSubscription, representSubscriptionRow } from './subscriptions.routes.ts';
import { representSms } from './sms.routes.ts';

async function subscriptionView(db: Executor, organizationId: string, id: string) {
  const [view] = await selectSubscriptions(db, organizationId, { id, rows: 1 });
  return view;
}

export const renderEnterpriseEvent: RenderEvent = async (db: Executor, organizationId: string, subject: EventSubject) => {
  switch (subject.kind) {
    case 'order': {
      const order = subject.row ?? (await findOrder(db, subject.id));
      return order?.organizationId === organizationId ? representOrder(order) : null;
    }
    case 'subscription': {
      if (subject.row) return subject.row.organizationId === organizationId ? representSubscriptionRow(subject.row) : null;
      const view = await subscriptionView(db, organizationId, subject.id);
      return view ? representSubscription(view, []) : null;
    }
    case 'sim_profile': {
      const view = await subscriptionView(db, organizationId, subject.subscriptionId);
      return view ? representSimProfile(view) : null;
    }
    case 'sms': {
      const message = await findMessage(db, organizationId, subject.id);
      return message ? representSms(message, await recipientsOf(db, message)) : null;
    }
    case 'data':
      return subject.data;
  }
};
