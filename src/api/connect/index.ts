// The Connect family (/connect-api): plain JSON over the shared domain, for resellers.
// Every route needs a token of the tru-staff realm; both roles (RESELLER and
// ACCOUNT_MANAGER) are entitled to the resources served here.
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { SECURITY_SCHEME } from '../../http/openapi.ts';
import { authenticate } from '../../http/auth-guard.ts';
import { productRoutes } from './products.routes.ts';
import { connectOrderRoutes } from './orders.routes.ts';
import { connectSimRoutes } from './sims.routes.ts';
import { connectSubscriptionRoutes } from './subscriptions.routes.ts';

export async function registerConnectApi(app: App, platform: Platform): Promise<void> {
  app.addHook('onRequest', authenticate(platform, 'tru-staff'));
  app.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, security: [{ [SECURITY_SCHEME['tru-staff']]: [] }] };
  });
  await app.register(productRoutes(platform));
  await app.register(connectOrderRoutes(platform));
  await app.register(connectSimRoutes(platform));
  await app.register(connectSubscriptionRoutes(platform));
}
