// The operator API's answers, as the SDK types them from /openapi.json (the operator
// routes' response schemas, src/operator/schemas.ts): named here for the pages.
import type { DataOf } from '@cellhub/sdk';

export type OrganizationJson = DataOf<'/operator/organizations/{org}', 'get'>;
export type ClientJson = DataOf<'/operator/organizations/{org}/clients', 'get'>[number];
export type ClientWithSecretJson = DataOf<'/operator/organizations/{org}/clients', 'post'>;
export type MailJson = DataOf<'/operator/mail/{id}', 'get'>;
export type DeliveryJson = DataOf<'/operator/webhooks/deliveries/{id}', 'get'>;
export type OrderJson = DataOf<'/operator/orders', 'get'>['items'][number];
export type PoolJson = DataOf<'/operator/number-pools', 'get'>[number];
