// How an order's request is kept: the JSON in orders.request (and, at the end, a Connect
// order's in connect_orders.input). It is the order's record,
// a storage format of its own, not the body of any API: placeOrder writes it from the
// command, and readers (fulfilment, the Enterprise representation) get the command back
// with orderCommandOf, so only this file and one statement in orders.store.ts (which
// reads `request #>> '{sim_profile,sim_type}'`) know its field names.
//
// Why snake_case, the names of the Enterprise body of the day it was first written:
// rows written since migration 0002 (and the demo world's) hold exactly that, the
// operator API shows the record as it is (`request`), and no migration may rewrite
// them here. Storing the camelCase command instead would make every reader, that SQL
// included, read two shapes; keeping one fixed record format makes none of them do so.
import type { OrderRow } from './orders.store.ts';
import type { Delivery, OrderType, PlaceOrder, SuspensionReason } from './order-types.ts';
import type { ConnectOrder } from './connect-orders.store.ts';
import type { ConnectDevice, PlaceConnectOrder } from './connect-orders.service.ts';

/** The stored form of a PlaceOrder. Change it only with a migration of the rows. */
export interface OrderRecord {
  type: OrderType;
  account_id: string;
  template_id?: string;
  subscription_id?: string;
  subscriber?: {
    first_name: string;
    last_name: string;
    email: string;
    employee_id?: string;
    group?: string;
  };
  sim_profile?: { sim_type: 'esim' | 'psim'; delivery?: Delivery };
  reason?: SuspensionReason;
}

const deliveryOf = (d: Delivery): Delivery => ({ type: d.type, to: d.to, cc: d.cc });

/** The record of a command; absent fields stay absent (JSON drops undefined). */
export function recordOf(c: PlaceOrder): OrderRecord {
  const s = c.subscriber;
  return {
    type: c.type,
    account_id: c.accountId,
    template_id: c.templateId,
    subscription_id: c.subscriptionId,
    subscriber: s && { first_name: s.firstName, last_name: s.lastName, email: s.email, employee_id: s.employeeId ?? undefined, group: s.group ?? undefined },
    sim_profile: c.simProfile && { sim_type: c.simProfile.simType, delivery: c.simProfile.delivery && deliveryOf(c.simProfile.delivery) },
    reason: c.reason,
  };
}

export function commandOf(r: OrderRecord): PlaceOrder {
  const s = r.subscriber;
  return {
    type: r.type,
    accountId: r.account_id,
    templateId: r.template_id,
    subscriptionId: r.subscription_id,
    subscriber: s && { firstName: s.first_name, lastName: s.last_name, email: s.email, employeeId: s.employee_id, group: s.group },
    simProfile: r.sim_profile && { simType: r.sim_profile.sim_type, delivery: r.sim_profile.delivery && deliveryOf(r.sim_profile.delivery) },
    reason: r.reason,
  };
}

/** What the order asked for, from its stored record. */
export const orderCommandOf = (order: Pick<OrderRow, 'request'>): PlaceOrder => commandOf(order.request as OrderRecord);

/**
 * The stored form of a PlaceConnectOrder: the `input` of the Connect body it was first
 * written from (TOPUP_ACTIVATION already named TOPUP), kept for the same reasons. Only
 * fulfilment reads it back.
 */
export interface ConnectOrderRecord {
  operationType: 'NEW_ESIM' | 'TOPUP';
  countryCode: string;
  customer?: { email: string; [more: string]: unknown };
  device?: ConnectDevice;
  subscriptions: { product_id: string; activationDate?: string; price?: number; currency?: string }[];
  esim?: { iccid: string };
}

export function connectRecordOf(c: PlaceConnectOrder): ConnectOrderRecord {
  return {
    operationType: c.operationType,
    countryCode: c.countryCode,
    customer: c.customer,
    device: c.device,
    subscriptions: c.subscriptions.map((s) => ({ product_id: s.productId, activationDate: s.activationDate, price: s.price, currency: s.currency })),
    esim: c.iccid ? { iccid: c.iccid } : undefined,
  };
}

/** What the Connect order asked for, from its stored record. */
export function connectCommandOf(order: Pick<ConnectOrder, 'input'>): PlaceConnectOrder {
  const r = order.input as ConnectOrderRecord;
  return {
    operationType: r.operationType,
    countryCode: r.countryCode,
    customer: r.customer,
    device: r.device,
    subscriptions: r.subscriptions.map((s) => ({ productId: s.product_id, activationDate: s.activationDate, price: s.price, currency: s.currency })),
    iccid: r.esim?.iccid,
  };
}
