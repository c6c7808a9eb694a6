// Whose Connect orders, SIMs and subscriptions a client sees. A RESELLER acts outside
// any customer and sees all of its organization's (scope undefined). An ACCOUNT_MANAGER
// sees its customer's alone (scope: the customer's id), and none before it has created
// its customer (scope null). One outside the scope is refused as another's (ACCESS_DENIED).
import { eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { accessDenied } from '../errors.ts';

export type CustomerScope = string | null | undefined;

export function inCustomerScope(scope: CustomerScope, customerId: string | null): boolean {
  return scope === undefined || (scope !== null && customerId === scope);
}

/** Refuses a resource outside the scope, as another client's. */
export function checkCustomerScope(scope: CustomerScope, customerId: string | null, what: string): void {
  if (!inCustomerScope(scope, customerId)) throw accessDenied(`${what} belongs to another customer`);
}

/** The condition a list adds for the scope (none for the whole organization). */
export function customerCondition(column: PgColumn, scope: CustomerScope): SQL | undefined {
  if (scope === undefined) return undefined;
  return scope === null ? sql`false` : eq(column, scope);
}
