// Who may do what in the console, as pure rules the API guards apply (and the unit
// tests check without a server). Operator staff: admin or support; members of an
// organization: admin or viewer.

export const OPERATOR_ROLES = ['admin', 'support'] as const;
export const MEMBER_ROLES = ['admin', 'viewer'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];
export type MemberRole = (typeof MEMBER_ROLES)[number];
export type PersonRole = OperatorRole | MemberRole;

export const MEMBER_FAMILIES = ['enterprise', 'connect'] as const;
export type MemberFamily = (typeof MEMBER_FAMILIES)[number];

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const isRead = (method: string): boolean => READS.has(method.toUpperCase());

/** A viewer reads; every other request of theirs is refused by the API. */
export function memberMay(role: MemberRole, method: string): boolean {
  return role === 'admin' || isRead(method);
}

/**
 * The operator routes support staff may change: a failed order's retry and a webhook
 * delivery's redelivery (they fix what went wrong; they do not set anything up).
 * Patterns are route URLs under /operator.
 */
export const SUPPORT_ACTIONS: readonly string[] = ['POST /operator/orders/:id/retry', 'POST /operator/webhooks/deliveries/:id/redeliver'];

/** Admins do everything; support reads everything and runs the actions above. */
export function operatorMay(role: OperatorRole, method: string, routeUrl: string): boolean {
  if (role === 'admin' || isRead(method)) return true;
  return SUPPORT_ACTIONS.includes(`${method.toUpperCase()} ${routeUrl}`);
}
