// The Connect family (/connect-api): plain JSON over the shared domain, for resellers.
// Every route needs a token of the tru-staff realm, and a role entitled to the route's
// resource (roles.md): RESELLER to order, products, sim, subscriptions and
// notifications; ACCOUNT_MANAGER to those and customer. A route of no known resource
// is a mistake caught when the app is built.
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { SECURITY_SCHEME } from '../../http/openapi.ts';
import { authenticate, requireEntitlement } from '../../http/auth-guard.ts';
import { connectResourceOf } from '../../auth/licences.ts';
import { deprecateRoute } from '../../http/deprecation.ts';
import { connectCustomerRoutes } from './customers.routes.ts';
import { productRoutes } from './products.routes.ts';
import { connectOrderRoutes } from './orders.routes.ts';
import { connectSimRoutes } from './sims.routes.ts';
import { connectSubscriptionRoutes } from './subscriptions.routes.ts';

/**
 * `deprecatedBase`: the family served again under its deprecated base URL (/esim,
 * environments.md), every route a deprecated alias of its /connect-api successor.
 */
export async function registerConnectApi(app: App, platform: Platform, options: { deprecatedBase?: string } = {}): Promise<void> {
  app.addHook('onRequest', authenticate(platform, 'tru-staff'));
  app.addHook('onRequest', requireEntitlement);
  app.addHook('onRoute', (route) => {
    if (!connectResourceOf(route.url)) throw new Error(`Connect route ${String(route.method)} ${route.url} serves no resource of roles.md`);
    const base = options.deprecatedBase;
    // A route deprecated of its own (/v1/status/…) already names its /connect-api successor.
    if (base && !route.schema?.deprecated) {
      deprecateRoute(route, platform.config.publicUrl, (request) => `/connect-api${request.url.slice(base.length)}`);
    }
    route.schema = { ...route.schema, security: [{ [SECURITY_SCHEME['tru-staff']]: [] }] };
  });
  await app.register(productRoutes(platform));
  await app.register(connectOrderRoutes(platform));
  await app.register(connectSimRoutes(platform));
  await app.register(connectSubscriptionRoutes(platform));
  await app.register(connectCustomerRoutes(platform));
}
