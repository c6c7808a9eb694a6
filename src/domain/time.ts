// Units of time the business counts in.
export const DAY_MS = 86_400_000;

/**
 * A moment as the Connect pages print one: UTC to the second ("2019-08-02T09:09:33Z",
 * subscriptions.md, sims.md). RFC 3339 either way; a client parsing the pages' format
 * (yyyy-MM-dd'T'HH:mm:ssZ) reads it.
 */
export const connectTime = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
