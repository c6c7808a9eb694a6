// The console (web/, built into web/dist by `npm install`'s prepare step) served at /console:
// hashed assets as files (precompressed .br/.gz when the client takes them, cached for good),
// and index.html for every other /console path, so that a page's address works when typed
// or reloaded. /console/api/* is the session API's: an unknown path there is a 404, not a page.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../http/errors.ts';

export const CONSOLE_PREFIX = '/console';

// Only this server's scripts and API; Mantine sets inline styles, QR codes are data: images, a CSV export a blob.
const CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** web/dist from the sources (src/console/) or from the bundle (dist/). */
export function consoleDirectory(): string | undefined {
  for (const relative of ['../../web/dist/', '../web/dist/']) {
    const dir = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(`${dir}index.html`)) return dir;
  }
  return undefined;
}

/** `root`: the built console's folder (web/dist/), or null when it is not built. */
export async function registerConsoleStatic(app: FastifyInstance, root: string | null): Promise<void> {
  if (!root) {
    app.log.warn('The console is not built (web/dist is missing): /console answers 503. Run `npm run build:web` (npm install does it) to build it.');
    const missing = async (_request: unknown, reply: FastifyReply) =>
      reply.code(503).type('text/plain; charset=utf-8').send('The console is not built: run `npm run build:web` (npm install does it), then restart.\n');
    app.get(CONSOLE_PREFIX, { schema: { hide: true } }, missing);
    app.get(`${CONSOLE_PREFIX}/*`, { schema: { hide: true } }, notApi(missing));
    return;
  }
  const index = readFileSync(`${root}index.html`);
  const page = async (_request: unknown, reply: FastifyReply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', CONTENT_SECURITY_POLICY)
      .header('referrer-policy', 'no-referrer')
      .send(index);
  await app.register(fastifyStatic, {
    root: `${root}assets`,
    prefix: `${CONSOLE_PREFIX}/assets/`,
    decorateReply: false,
    preCompressed: true,
    index: false,
    // Asset names carry their content's hash: a new build has new names.
    immutable: true,
    maxAge: '365d',
    schemaHide: true,
  });
  app.get(CONSOLE_PREFIX, { schema: { hide: true } }, page);
  app.get(`${CONSOLE_PREFIX}/*`, { schema: { hide: true } }, notApi(page));
}

function notApi(handler: (request: unknown, reply: FastifyReply) => Promise<FastifyReply>) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.url.startsWith(`${CONSOLE_PREFIX}/api/`) || request.url.startsWith(`${CONSOLE_PREFIX}/assets/`)) {
      throw new ApiError('NOT_FOUND', `no route GET ${request.url.split('?')[0].slice(0, 200)}`);
    }
    return handler(request, reply);
  };
}
