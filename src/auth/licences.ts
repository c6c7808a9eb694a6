// Enterprise APIs are licensed one by one ("Obtain a relevant license for the API");
// SMS is the premium one. An organization holds licences; each of its clients is given
// some of them; a request needs both.

export const LICENCES = [
  'accounts',
  'subscribers',
  'subscriptions',
  'orders',
  'order_templates',
  'products',
  'usage',
  'sms',
] as const;

export type Licence = (typeof LICENCES)[number];

export function isLicence(value: string): value is Licence {
  return (LICENCES as readonly string[]).includes(value);
}
