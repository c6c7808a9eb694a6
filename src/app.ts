// Builds the HTTP app from the parts; no logic of its own.
import Fastify, { LogController } from 'fastify';
import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Platform } from './platform.ts';
import type { App } from './http/app-type.ts';
import { correlationIdOf, CORRELATION_HEADER } from './http/correlation.ts';
import { clientErrorHandler, frameworkErrors, registerErrorHandling } from './http/error-handler.ts';
import { parseJsonNotingNul, refuseNul } from './http/nul-guard.ts';
import { redactError } from './http/log-redaction.ts';
import { leaveTenantGate } from './http/auth-guard.ts';
import { schemaErrorToApiError, validatorCompiler } from './http/validation.ts';
import { ErrorBody } from './http/schemas.ts';
import { registerTokenRoutes } from './auth/token.routes.ts';
import { registerEnterpriseApi } from './api/enterprise/index.ts';
import { registerConnectApi } from './api/connect/index.ts';
import { registerOperatorApi } from './api/operator/index.ts';
import { registerEs2PlusCallbacks } from './api/network/es2plus.routes.ts';

export interface AppOptions {
  logger?: boolean;
  /** Where log lines go (default stdout); tests read them. */
  logStream?: NodeJS.WritableStream;
  /** The operator API's bearer token; the operator API is off without one. */
  operatorToken?: string;
  /** False for a worker process: only /health is served. */
  api?: boolean;
}

// Bodies are not logged; should one ever be, these never are: credentials, and what a
// payment method carries (the gateway's token; card data is refused before any use).
const REDACTED = [
  'req.headers.authorization', 'req.headers.cookie', 'req.body.client_secret', 'req.body.refresh_token',
  'req.body.token', 'req.body.cvv', 'req.body.cvc', 'req.body.card_number', 'req.body.cardNumber', 'req.body.pan',
];
/** Most operations take a small body; the few that import in bulk raise their own limit. */
const BODY_LIMIT = 256 * 1024;

export async function buildApp(platform: Platform, options: AppOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: platform.config.logLevel, redact: REDACTED, stream: options.logStream, serializers: { err: redactError } },
    genReqId: correlationIdOf,
    logController: new LogController({ requestIdLogLabel: 'correlation_id' }),
    bodyLimit: BODY_LIMIT,
    // The provider's pages print some URLs with a trailing slash (`/v1/products/{id}/?currency=USD`):
    // every route answers with or without one. The OpenAPI document lists each path once.
    routerOptions: { ignoreTrailingSlash: true },
    trustProxy: false,
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSchemaErrorFormatter((errors, context) => schemaErrorToApiError(errors, context));
  registerErrorHandling(app);
  app.addHook('onRequest', async (request, reply) => {
    reply.header(CORRELATION_HEADER, request.id);
  });
  parseJsonNotingNul(app);
  app.addHook('preValidation', refuseNul);
  app.addHook('onResponse', leaveTenantGate);
  app.addHook('onRequestAbort', leaveTenantGate);
  app.addSchema(ErrorBody);
  // The APIs speak JSON (and forms at the token endpoint); plain text is a wrong content type.
  app.removeContentTypeParser('text/plain');

  await app.register(formbody);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'cellhub',
        version: '0.1.0',
        description:
          'The Enterprise (`/enterprise`) and Connect (`/connect-api/v1`) partner APIs, the OAuth2 realms that guard them, and the operator surface (`/operator`).',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          operator: { type: 'http', scheme: 'bearer', description: 'OPERATOR_TOKEN' },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  if (options.api === false) return app;

  registerTokenRoutes(app, platform);
  await app.register(async (scope) => registerEnterpriseApi(scope as App, platform), { prefix: '/enterprise' });
  await app.register(async (scope) => registerConnectApi(scope as App, platform), { prefix: '/connect-api' });
  // environments.md still lists https://services.truphone.com/esim, the family's deprecated base URL.
  await app.register(async (scope) => registerConnectApi(scope as App, platform, { deprecatedBase: '/esim' }), { prefix: '/esim' });
  await app.register(async (scope) => registerOperatorApi(scope as App, platform, options.operatorToken), {
    prefix: '/operator',
  });
  await app.register(async (scope) => registerEs2PlusCallbacks(scope as App, platform, platform.smdpCallbackToken), {
    prefix: '/es2plus',
  });
  return app;
}
