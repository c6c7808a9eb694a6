// Serving the built console at /console: assets as files (precompressed), index.html for any
// other console path (the page routes in the browser), the error model under /console/api/,
// and a plain 503 with a log line when the console was never built.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerConsoleStatic } from '../../src/console/static.routes.ts';
import { registerErrorHandling } from '../../src/http/error-handler.ts';

const INDEX = '<!doctype html><title>console</title><script type="module" src="/console/assets/index-abc.js"></script>';
const SCRIPT = 'console.log("the console");'.repeat(50);

describe('the console served at /console', () => {
  let root: string;
  let app: FastifyInstance;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'console-dist-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), INDEX);
    writeFileSync(join(root, 'assets', 'index-abc.js'), SCRIPT);
    writeFileSync(join(root, 'assets', 'index-abc.js.gz'), gzipSync(SCRIPT));
    app = Fastify({ logger: false });
    registerErrorHandling(app);
    await registerConsoleStatic(app, root + '/');
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers index.html at /console and at any page address below it, never cached and behind a content security policy', async () => {
    for (const url of ['/console', '/console/', '/console/subscriptions/sub_01HZZZZZZZZZZZZZZZZZZZZZZZ', '/console/accept']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toBe(INDEX);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    }
  });

  it('serves a hashed asset for good, gzip-compressed ahead of time when the client takes gzip', async () => {
    const plain = await app.inject({ url: '/console/assets/index-abc.js' });
    expect(plain.statusCode).toBe(200);
    expect(plain.body).toBe(SCRIPT);
    expect(plain.headers['cache-control']).toContain('immutable');
    const gzipped = await app.inject({ url: '/console/assets/index-abc.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.rawPayload.length).toBeLessThan(SCRIPT.length);
  });

  it('answers the error model, not the page, for an unknown session API path or a missing asset', async () => {
    for (const url of ['/console/api/nothing-here', '/console/assets/gone-123.js']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json()).toMatchObject({ type: 'NOT_FOUND' });
    }
  });

  it('says in the log and in the answer that the console is not built, when web/dist is missing', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const bare = Fastify({ logger: { level: 'info', stream } });
    registerErrorHandling(bare);
    await registerConsoleStatic(bare, null);
    const res = await bare.inject({ url: '/console/usage' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build:web');
    expect(lines.join('')).toContain('web/dist is missing');
    await bare.close();
  });
});
