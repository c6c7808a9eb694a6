// Builds the HTTP app from the parts; no logic of its own.
import { notingWrites } from './http/read-choice.ts';
import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Platform } from './platform.ts';
import type { Workers } from './workers.ts';
import type { App } from './http/app-type.ts';
import { correlationIdOf, CORRELATION_HEADER } from './http/correlation.ts';
import { clientErrorHandler, frameworkErrors, registerErrorHandling } from './http/error-handler.ts';
import { parseJsonNotingNul, refuseNul } from './http/nul-guard.ts';
import { leaveTenantGateOnAbort, leaveTenantGateOnResponse } from './http/auth-guard.ts';
import { runOwned } from './db/turns.ts';
import { schemaErrorToApiError, validatorCompiler } from './http/validation.ts';
import { serializersCompiledOnce } from './http/compile-once.ts';
import { ErrorBody, errorResponses } from './http/schemas.ts';
import { DOCS_UI, OPENAPI, serveCompressedDocsAssets, withErrorExamples } from './http/openapi.ts';
import { registerTokenRoutes } from './auth/token.routes.ts';
import { registerEnterpriseApi } from './api/enterprise/index.ts';
import { registerConnectApi } from './api/connect/index.ts';
import { registerOperatorApi } from './api/operator/index.ts';
import { registerConsoleApi } from './console/console.routes.ts';
import { registerEs2PlusCallbacks } from './api/network/es2plus.routes.ts';
import { operatorGuard } from './api/operator/operator-auth.ts';
import { createLogger } from './observability/logger.ts';
import { lazyRequestLogger } from './observability/request-logger.ts';
import { exposition, METRICS_CONTENT_TYPE, recordHttpRequest } from './observability/metrics.ts';
import { notReady } from './observability/readiness.ts';
import { registerHealthRoutes } from './http/health.routes.ts';
import { consoleDirectory, registerConsoleStatic } from './console/static.routes.ts';

export interface AppOptions {
  logger?: boolean;
  /** Where log lines go (default stdout); tests read them. */
  logStream?: NodeJS.WritableStream;
  /** The operator API's bearer token; the operator API is off without one. */
  operatorToken?: string;
  /** False for a worker process: only /health, /healthz and /readyz are served. */
  api?: boolean;
  /**
   * The workers this process runs (workers.ts), started before the app: /readyz requires
   * them running, and a redelivery wakes their webhook dispatcher. Unset, it runs none.
   */
  workers?: Workers;
}

/** Most operations take a small body; the few that import in bulk raise their own limit. */
const BODY_LIMIT = 256 * 1024;

export async function buildApp(platform: Platform, options: AppOptions = {}): Promise<App> {
  const app = Fastify({
    ...(options.logger === false
      ? { logger: false }
      : // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- without it, the app's logger type is pino's Logger, which the plugins' FastifyInstance does not take
        { loggerInstance: (options.logStream ? createLogger({ level: platform.config.logLevel, format: 'json', stream: options.logStream }) : platform.log) as FastifyBaseLogger }),
    genReqId: correlationIdOf,
    logController: new LogController({ requestIdLogLabel: 'correlation_id' }),
    childLoggerFactory: lazyRequestLogger,
    bodyLimit: BODY_LIMIT,
    // The provider's pages print some URLs with a trailing slash (`/v1/products/{id}/?currency=USD`):
    // every route answers with or without one. The OpenAPI document lists each path once.
    routerOptions: { ignoreTrailingSlash: true },
    // Whom to believe about the client's address and protocol (X-Forwarded-*): nobody unless TRUST_PROXY says.
    trustProxy: platform.config.trustProxy,
    frameworkErrors,
    clientErrorHandler,
    schemaController: { compilersFactory: { buildSerializer: serializersCompiledOnce } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSchemaErrorFormatter((errors, context) => schemaErrorToApiError(errors, context));
  registerErrorHandling(app);
  // Each request's work runs as its own, so that its statements take its organization's turns (db/turns.ts).
  // (Hooks on every request take `done` rather than being async: a promise per hook per request is time a cached read notices.)
  app.addHook('onRequest', (request, reply, done) => {
    reply.header(CORRELATION_HEADER, request.id);
    runOwned(done);
  });
  parseJsonNotingNul(app);
  app.addHook('preValidation', refuseNul);
  app.addHook('onResponse', leaveTenantGateOnResponse);
  // The route's pattern, never its URL: ids in a label would make a series per resource.
  app.addHook('onResponse', (request, reply, done) => {
    recordHttpRequest(request.method, request.routeOptions.url, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
  app.addHook('onRequestAbort', leaveTenantGateOnAbort);
  app.addHook('onSend', notingWrites(platform.reads, platform.readCache));
  app.addSchema(ErrorBody);
  // The APIs speak JSON (and forms at the token endpoint); plain text is a wrong content type.
  app.removeContentTypeParser('text/plain');

  await app.register(formbody);
  await app.register(swagger, {
    openapi: OPENAPI,
    transformObject: (documentObject) => withErrorExamples('openapiObject' in documentObject ? documentObject.openapiObject : documentObject.swaggerObject),
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  serveCompressedDocsAssets(app);
  await app.register(swaggerUi, DOCS_UI);
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  registerHealthRoutes(app, () => notReady(platform.database, options.workers));
  if (options.api === false) return app;

  if (options.operatorToken) {
    app.get(
      '/metrics',
      {
        schema: {
          tags: ['operations'],
          summary: 'Prometheus metrics of this process (requests, jobs, webhooks, SMPP, database pool, authentication failures)',
          description:
            "The Prometheus text exposition format, behind the operator token (or without one on METRICS_PORT, when set). Labels are route patterns, job kinds and outcomes, never an organization or an id. Queue gauges are database-wide: take one process's value; counters are per process and add up.",
          security: [{ operator: [] }],
          produces: ['text/plain'],
          response: { 200: { type: 'string', description: 'The Prometheus text exposition format' }, ...errorResponses(401) },
        },
        onRequest: operatorGuard(options.operatorToken),
      },
      async (_request, reply) => {
        reply.type(METRICS_CONTENT_TYPE);
        return exposition();
      },
    );
  }

  registerTokenRoutes(app, platform);
  await app.register(async (scope) => registerEnterpriseApi(scope as App, platform), { prefix: '/enterprise' });
  await app.register(async (scope) => registerConnectApi(scope as App, platform), { prefix: '/connect-api' });
  // environments.md still lists https://services.truphone.com/esim, the family's deprecated base URL.
  await app.register(async (scope) => registerConnectApi(scope as App, platform, { deprecatedBase: '/esim' }), { prefix: '/esim' });
  await app.register(async (scope) => registerOperatorApi(scope as App, platform, options.operatorToken, options.workers?.webhooks), {
    prefix: '/operator',
  });
  await app.register(async (scope) => registerConsoleApi(scope as App, platform), { prefix: '/console/api' });
  await app.register(async (scope) => registerEs2PlusCallbacks(scope as App, platform, platform.smdpCallbackToken), {
    prefix: '/es2plus',
  });
  await registerConsoleStatic(app, consoleDirectory() ?? null);
  return app;
}
