// Operator: the demo world and token signing keys (what `cellhub demo` and `cellhub keys
// rotate` do, for when the server holds the embedded database).
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { seedDemo } from '../../demo/seed.ts';
import { demoJson } from '../../demo/demo-json.ts';
import { createSigningKey } from '../../auth/key-ring.ts';

export function platformRoutes(app: App, platform: Platform): void {
  app.post(
    '/demo',
    {
      schema: {
        summary: 'Seed the demo organizations (once; idempotent) and answer every demo credential',
        description:
          'Seeds Acme Logistics and Globex Health with accounts, subscriptions, usage and a Connect catalogue (once), and answers their credentials for both API families.',
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
      },
    },
    async (_request, reply) => {
      const kid = await createSigningKey(platform.db, platform.sealing);
      await platform.keys.reload();
      reply.code(201);
      return { kid };
    },
  );
}
