// Operator: the demo world and token signing keys (what `cellhub demo` and `cellhub keys
// rotate` do, for when the server holds the embedded database).
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { seedDemo } from '../../demo/seed.ts';
import { demoJson } from '../../demo/demo-json.ts';
import { createSigningKey } from '../../auth/key-ring.ts';
import { created, keyed } from './keyed.ts';
import { IdempotencyKeyHeader } from '../../http/schemas.ts';

export function platformRoutes(app: App, platform: Platform): void {
  const keyedRun = keyed(platform);
  // Naturally idempotent, so it takes no Idempotency-Key: the demo world is seeded once
  // (under a lock), and every call answers the same credentials.
  app.post(
    '/demo',
    {
      schema: {
        summary: 'Seed the demo organizations (once; idempotent) and answer every demo credential',
        description:
          'Seeds Acme Logistics and Globex Health with accounts, subscriptions, usage and a Connect catalogue (once), and answers their credentials for both API families, and the console people (an operator admin; per organization an Enterprise and a Connect admin) with their passwords.',
      },
    },
    async () => demoJson(platform.config.publicUrl, await seedDemo(platform.db)),
  );

  app.post(
    '/signing-keys',
    {
      schema: {
        summary: 'Add a token signing key: it signs from now on, older keys keep verifying',
        description: 'Rotates the token signing key: a new key signs from now on; older ones stay in the JWKS and keep verifying the tokens they signed.',
        headers: IdempotencyKeyHeader,
      },
    },
    async (request, reply) => {
      const answer = await keyedRun(request, reply, async (tx) => created({ kid: await createSigningKey(tx, platform.sealing) }));
      await platform.keys.reload(); // after the key's transaction has committed
      return answer;
    },
  );
}
