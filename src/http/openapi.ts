// The OpenAPI document's frame (info, the OAuth2 flows of both realms, the operator
// token) and the docs page (/docs): Swagger UI from the server itself, nothing fetched
// from another host, its big assets sent compressed so the page renders quickly.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { REALMS, type RealmName } from '../auth/realms.ts';
import { errorExample } from './schemas.ts';

export const tokenPath = (realm: RealmName) => `/auth/realms/${realm}/protocol/openid-connect/token`;

/** The security scheme of each realm's API family. */
export const SECURITY_SCHEME: Record<RealmName, string> = { 'enterprise-apis': 'enterprise', 'tru-staff': 'connect' };

function clientCredentials(realm: RealmName, description: string) {
  return {
    type: 'oauth2' as const,
    description,
    flows: { clientCredentials: { tokenUrl: tokenPath(realm), scopes: {} } },
  };
}

export const OPENAPI = {
  openapi: '3.1.0' as const,
  info: {
    title: 'cellhub',
    version: '0.1.0',
    description: [
      'The Enterprise (`/enterprise`) and Connect (`/connect-api/v1`) partner APIs, the OAuth2 realms that guard them, and the operator surface (`/operator`).',
      '',
      "Authenticate with OAuth2 client credentials: **Authorize**, then the scheme of the API family (`enterprise` for the realm `enterprise-apis`, `connect` for the realm `tru-staff`), with your client id and secret; the page fetches a token (300 s) from the realm's token endpoint.",
      '',
      'Every error, in both families, is `{"type": "ERROR_TYPE", "messages": ["…"]}`, each message naming the field it is about; every response carries `X-Correlation-ID`.',
      'See `docs/contract.md` in the repository for the conventions, the webhook format and where cellhub differs from the provider.',
    ].join('\n'),
  },
  tags: [
    { name: 'auth', description: 'OAuth2 token endpoint, keys and discovery of the two realms (`enterprise-apis`, `tru-staff`)' },
    { name: 'operator', description: "The provider's staff: organizations, clients, catalogue, inventory, network feeds" },
    {
      name: 'Console',
      description:
        "cellhub extension: the web console's sessions (a cookie and a CSRF token), the short-lived API token a session gets, invitations and members. See `docs/console.md`.",
    },
  ],
  components: {
    securitySchemes: {
      enterprise: clientCredentials('enterprise-apis', `Enterprise API (${REALMS['enterprise-apis'].basePath}): client credentials of the realm \`enterprise-apis\`.`),
      connect: clientCredentials('tru-staff', `Connect API (${REALMS['tru-staff'].basePath}): client credentials of the realm \`tru-staff\` (role RESELLER or ACCOUNT_MANAGER).`),
      operator: { type: 'http' as const, scheme: 'bearer', description: "The operator API's bearer token (`OPERATOR_TOKEN`)" },
    },
  },
};

type Doc = {
  paths?: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: { $ref?: string }; example?: unknown; examples?: unknown }> }> }>>;
};

/**
 * Gives every error response of the error model a typical answer as its example
 * (@fastify/swagger drops keywords beside a $ref, so they are added to the document).
 */
export function withErrorExamples<T>(document: T): T {
  for (const item of Object.values((document as Doc).paths ?? {})) {
    for (const op of Object.values(item)) {
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        for (const media of Object.values(response.content ?? {})) {
          const example = errorExample(Number(status));
          if (example && media.schema?.$ref === '#/components/schemas/Error' && media.example === undefined && media.examples === undefined) media.example = example;
        }
      }
    }
  }
  return document;
}

const UI_DIR = join(dirname(createRequire(import.meta.url).resolve('@fastify/swagger-ui/package.json')), 'static');
/** The assets worth compressing (about 2 MB as they are, about 550 kB gzipped). */
const COMPRESSED = {
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'application/javascript; charset=utf-8',
  'swagger-ui.css': 'text/css; charset=utf-8',
};

export const DOCS_UI = {
  routePrefix: '/docs',
  theme: { title: 'cellhub API' },
  uiConfig: {
    // No badge from validator.swagger.io: the page makes no request to another host.
    validatorUrl: null,
    deepLinking: true,
    filter: true,
    displayRequestDuration: true,
    persistAuthorization: false,
  },
  initOAuth: {},
};

/**
 * The docs page's big assets, gzipped once (on first request) and sent with a validator
 * and a cache lifetime, in front of the static handler of @fastify/swagger-ui.
 */
export function serveCompressedDocsAssets(app: FastifyInstance): void {
  const cache = new Map<string, { raw: Buffer; gzip: Buffer; etag: string }>();
  const load = (file: string) => {
    let entry = cache.get(file);
    if (!entry) {
      const raw = readFileSync(join(UI_DIR, file));
      entry = { raw, gzip: gzipSync(raw, { level: 6 }), etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 27)}"` };
      cache.set(file, entry);
    }
    return entry;
  };
  for (const [file, type] of Object.entries(COMPRESSED)) {
    app.get(`${DOCS_UI.routePrefix}/static/${file}`, { schema: { hide: true } }, async (request, reply) => {
      const entry = load(file);
      reply.header('content-type', type).header('etag', entry.etag).header('cache-control', 'public, max-age=3600').header('vary', 'accept-encoding');
      if (request.headers['if-none-match'] === entry.etag) return reply.code(304).send();
      if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
        return reply.header('content-encoding', 'gzip').send(entry.gzip);
      }
      return reply.send(entry.raw);
    });
  }
}
