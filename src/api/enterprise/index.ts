// The Enterprise family (/enterprise): HAL resources over the shared domain. Every route
// needs a token of the enterprise-apis realm and the licence of its API.
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { SECURITY_SCHEME } from '../../http/openapi.ts';
import { authenticate, requireLicence } from '../../http/auth-guard.ts';
import { HAL_JSON } from '../../http/hal.ts';
import type { Licence } from '../../auth/licences.ts';
import { accountRoutes } from './accounts.routes.ts';
import { subscriberRoutes } from './subscribers.routes.ts';
import { subscriptionRoutes } from './subscriptions.routes.ts';
import { orderTemplateRoutes } from './order-templates.routes.ts';
import { productRoutes } from './products.routes.ts';
import { orderRoutes } from './orders.routes.ts';
import { usageRoutes } from './usage.routes.ts';
import { smsRoutes } from './sms.routes.ts';
import { eventRoutes } from './events.routes.ts';
import { webhookEndpointRoutes } from './webhook-endpoints.routes.ts';
import { alertThresholdRoutes } from './alert-thresholds.routes.ts';
import { onboardingRoutes } from './onboarding.routes.ts';

function licensed(licence: Licence, routes: (app: App) => Promise<void>) {
  return async (app: App) => {
    app.addHook('onRequest', requireLicence(licence));
    await routes(app);
  };
}

export async function registerEnterpriseApi(app: App, platform: Platform): Promise<void> {
  app.addHook('onRequest', authenticate(platform, 'enterprise-apis'));
  app.addHook('onRequest', (_request, reply, done) => {
    reply.type(HAL_JSON);
    done();
  });
  app.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, security: [{ [SECURITY_SCHEME['enterprise-apis']]: [] }] };
  });
  await app.register(licensed('accounts', accountRoutes(platform)));
  await app.register(licensed('subscribers', subscriberRoutes(platform)));
  await app.register(licensed('subscriptions', subscriptionRoutes(platform)));
  await app.register(licensed('order_templates', orderTemplateRoutes(platform)));
  await app.register(licensed('products', productRoutes(platform)));
  await app.register(licensed('orders', orderRoutes(platform)));
  await app.register(licensed('usage', usageRoutes(platform)));
  await app.register(licensed('sms', smsRoutes(platform)));
  // cellhub extensions
  await app.register(licensed('events', eventRoutes(platform)));
  await app.register(licensed('events', webhookEndpointRoutes(platform)));
  await app.register(licensed('events', alertThresholdRoutes(platform)));
  await app.register(licensed('orders', onboardingRoutes(platform)));
}
