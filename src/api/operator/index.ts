// The operator surface (/operator): what the provider's staff set up before partners
// call the APIs. Plain JSON, the same error model, one bearer token.
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { errorResponses } from '../../http/schemas.ts';
import { operatorApiGuard } from './operator-auth.ts';
import { tenantRoutes } from './tenants.routes.ts';
import { catalogRoutes } from './catalog.routes.ts';
import { inventoryRoutes } from './inventory.routes.ts';
import { orderRoutes } from './orders.routes.ts';
import { usageRoutes } from './usage.routes.ts';
import { webhookRoutes, type Waker } from './webhooks.routes.ts';
import { connectProductRoutes } from './connect-products.routes.ts';
import { platformRoutes } from './platform.routes.ts';
import { customerRoutes } from './customers.routes.ts';
import { connectSettingsRoutes } from './connect-settings.routes.ts';
import { peopleRoutes } from './people.routes.ts';

const tags = ['operator'];
const errors = errorResponses(400, 401, 404, 409);

/** `webhooks`: this process's webhook dispatcher, when it runs the workers; a redelivery wakes it. */
export async function registerOperatorApi(app: App, platform: Platform, token?: string, webhooks?: Waker): Promise<void> {
  if (!token) return; // no operator token configured: the surface is off
  app.addHook('onRequest', operatorApiGuard(platform, token));
  app.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, tags, security: [{ operator: [] }], response: { ...errors, ...(route.schema?.response as object) } };
  });
  tenantRoutes(app, platform);
  catalogRoutes(app, platform);
  inventoryRoutes(app, platform);
  orderRoutes(app, platform);
  usageRoutes(app, platform);
  webhookRoutes(app, platform, webhooks);
  connectProductRoutes(app, platform);
  platformRoutes(app, platform);
  customerRoutes(app, platform);
  connectSettingsRoutes(app, platform);
  peopleRoutes(app, platform);
}
