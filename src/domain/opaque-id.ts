import { randomBytes } from 'node:crypto';

/** Opaque ids like the provider's (products, subscriptions): 32 random bytes, URL-safe base64 with its padding. */
export const opaqueId = () => randomBytes(32).toString('base64url') + '=';
