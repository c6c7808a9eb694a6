// @cellhub/sdk: a typed client for cellhub's Enterprise, Connect and operator APIs.
export { createCellhub, type Cellhub, type CellhubOptions, type DataOf, type ItemOf } from './client.ts';
export { CellhubError } from './errors.ts';
export type { Page } from './pages.ts';
export type { RetryOptions } from './retry.ts';
export { ClientCredentials, REALMS, staticToken, type Credentials, type Realm, type TokenSource } from './tokens.ts';
export { verifyWebhook, WebhookVerificationError, type VerifyOptions, type WebhookHeaders } from './webhooks.ts';
export type { components, operations, paths } from './schema.d.ts';
