// Enterprise APIs are licensed one by one ("Obtain a relevant license for the API");
// SMS is the premium one. An organization holds licences; each of its clients is given
// some of them; a request needs both.

// 'events' (a cellhub extension) guards the event feed and the organization's webhook endpoints.
export const LICENCES = ['accounts', 'subscribers', 'subscriptions', 'orders', 'order_templates', 'products', 'usage', 'sms', 'events'] as const;

export type Licence = (typeof LICENCES)[number];

export function isLicence(value: string): value is Licence {
  return (LICENCES as readonly string[]).includes(value);
}

// Connect clients have a role instead (roles.md): each role is entitled to some of the
// API's resources; a route serves one resource, and a client whose role is not
// entitled to it is refused (ACCESS_DENIED) before the route runs.

export const CONNECT_RESOURCES = ['order', 'products', 'sim', 'subscriptions', 'customer', 'notifications'] as const;

export type ConnectResource = (typeof CONNECT_RESOURCES)[number];

/** roles.md, "Entitled API resources". */
export const CONNECT_ENTITLEMENTS = {
  RESELLER: ['order', 'products', 'sim', 'subscriptions', 'notifications'],
  ACCOUNT_MANAGER: ['order', 'products', 'sim', 'subscriptions', 'customer', 'notifications'],
} as const satisfies Record<string, readonly ConnectResource[]>;

export function entitled(role: string | null, resource: ConnectResource): boolean {
  const resources: readonly string[] | undefined = role ? CONNECT_ENTITLEMENTS[role as keyof typeof CONNECT_ENTITLEMENTS] : undefined;
  return resources?.includes(resource) ?? false;
}

/**
 * The resource a Connect route (its URL under /connect-api) serves: the first segment
 * after the version, singular or plural alike; a SIM's notification preferences are
 * the notifications resource. Undefined for a URL of no resource.
 */
export function connectResourceOf(url: string): ConnectResource | undefined {
  // /esim: the family's deprecated base URL; /v1/status/…: deprecated paths of subscriptions.
  const path = url.replace(/^\/(connect-api|esim)/, '').replace(/^\/v1\/status\//, '/v1/');
  if (/^\/v1\/sim\/[^/]+\/preferences(\/|$)/.test(path)) return 'notifications';
  const segment = /^\/v1\/([a-z-]+)/.exec(path)?.[1];
  const bySegment: Record<string, ConnectResource> = {
    order: 'order',
    orders: 'order',
    product: 'products',
    products: 'products',
    sim: 'sim',
    sims: 'sim',
    subscription: 'subscriptions',
    subscriptions: 'subscriptions',
    customer: 'customer',
    customers: 'customer',
  };
  return segment ? bySegment[segment] : undefined;
}
