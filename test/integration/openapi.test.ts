import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { OPERATOR_TOKEN, startHarness, type Harness } from '../support/harness.ts';
import { parseUsageRecord } from '../../src/domain/usage/usage-record.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

interface Media {
  schema?: unknown;
  example?: unknown;
  examples?: Record<string, { value: unknown }>;
}
interface Operation {
  summary?: string;
  description?: string;
  requestBody?: { content?: Record<string, Media> };
  responses: Record<string, { description?: string; content?: Record<string, Media> }>;
}
const hasNestedExamples = (schema: unknown): boolean =>
  !!schema && typeof schema === 'object' && (Array.isArray((schema as { examples?: unknown }).examples) || Object.values(schema).some(hasNestedExamples));
/** A media object's examples: `example`, or the values of `examples`. */
const examplesOf = (media: Media): unknown[] => (media.example !== undefined ? [media.example] : Object.values(media.examples ?? {}).map((e) => e.value));

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('OpenAPI', () => {
  it('documents every route with its error responses', async () => {
    const res = await h.app.inject({ url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.schemas.Error.properties).toHaveProperty('messages');
    const documented = new Set<string>();
    for (const [path, item] of Object.entries<Record<string, { responses: Record<string, unknown> }>>(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        documented.add(`${method.toUpperCase()} ${path}`);
        const statuses = Object.keys(op.responses);
        // The liveness probe has no error to document: it answers whenever the process does.
        if (path === '/healthz') continue;
        expect(
          statuses.some((s) => s.startsWith('4') || s.startsWith('5')),
          `${method} ${path} documents no error`,
        ).toBe(true);
      }
    }
    const expected = [
      'GET /enterprise/accounts',
      'GET /enterprise/accounts/{id}',
      'GET /enterprise/subscribers',
      'GET /enterprise/subscribers/{id}',
      'GET /enterprise/subscriptions',
      'GET /enterprise/subscriptions/{id}',
      'GET /enterprise/subscriptions/{id}/phone-numbers',
      'GET /enterprise/subscriptions/{id}/services',
      'GET /enterprise/subscriptions/{id}/sim-profile',
      'GET /enterprise/order-templates',
      'GET /enterprise/order-templates/{id}',
      'GET /enterprise/products',
      'GET /enterprise/products/{id}',
      'POST /auth/realms/{realm}/protocol/openid-connect/token',
      'GET /auth/realms/{realm}/protocol/openid-connect/certs',
      'POST /operator/organizations',
      'POST /operator/sims',
      'POST /operator/number-pools/{id}/numbers',
      'POST /enterprise/orders',
      'GET /enterprise/orders',
      'GET /enterprise/orders/{id}',
      'GET /enterprise/subscriptions/{id}/sim-profile/qr-code.png',
      'GET /enterprise/subscriptions/{id}/sim-profile/qr-code.svg',
      'GET /operator/orders',
      'POST /operator/orders/{id}/retry',
      'GET /operator/mail',
      'POST /operator/sims/{iccid}/events',
      'POST /es2plus/gsma/rsp2/es2plus/handleDownloadProgressInfo',
      'GET /healthz',
      'GET /readyz',
      'GET /metrics',
      'POST /connect-api/v1/customer',
      'GET /connect-api/v1/customer',
      'PATCH /connect-api/v1/customer/{id}',
      'PATCH /connect-api/v1/customer',
      'GET /connect-api/v1/customer/{customerId}/payment-method',
      'POST /connect-api/v1/customer/{customerId}/payment-method',
      'DELETE /connect-api/v1/customer/{customerId}/payment-method/{id}',
      'GET /operator/organizations/{org}/customers',
    ];
    for (const route of expected) expect(documented, route).toContain(route);
    const get = doc.paths['/enterprise/subscriptions'].get;
    expect(get.responses['401']).toBeDefined();
    expect(get.security).toEqual([{ enterprise: [] }]);
    expect(doc.paths['/connect-api/v1/products'].get.security).toEqual([{ connect: [] }]);
    expect(doc.paths['/readyz'].get.responses['503']).toBeDefined();
    expect(doc.paths['/metrics'].get.security).toEqual([{ operator: [] }]);
  });

  it('gives every operation a summary, a description, documented errors with examples, and every request body an example', async () => {
    const doc = (await h.app.inject({ url: '/openapi.json' })).json();
    const missing: string[] = [];
    for (const [path, item] of Object.entries<Record<string, Operation>>(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const name = `${method.toUpperCase()} ${path}`;
        if (!op.summary) missing.push(`${name}: summary`);
        if (!op.description || op.description.length < 20) missing.push(`${name}: description`);
        const errors = Object.entries(op.responses).filter(([status]) => /^[45]/.test(status));
        // Liveness has no error to document: it answers while the process runs.
        if (errors.length === 0 && name !== 'GET /healthz') missing.push(`${name}: error response`);
        for (const [status, response] of errors) {
          if (!response.description || response.description === 'Default Response') missing.push(`${name} ${status}: description of its cases`);
          const media = Object.values(response.content ?? {})[0];
          if (media && examplesOf(media).length === 0) missing.push(`${name} ${status}: example`);
        }
        // A partner's success answers show an example: of the whole, or of the items of a list.
        for (const [status, response] of Object.entries(op.responses)) {
          const media = Object.values(response.content ?? {})[0];
          if (/^2/.test(status) && media && /^\/(enterprise|connect-api|auth)\//.test(path) && examplesOf(media).length === 0 && !hasNestedExamples(media.schema)) {
            missing.push(`${name} ${status}: example`);
          }
        }
        const body = op.requestBody?.content?.['application/json'];
        if (body && examplesOf(body).length === 0) missing.push(`${name}: request example`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has examples that validate against their own schemas', async () => {
    const doc = (await h.app.inject({ url: '/openapi.json' })).json();
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: 'openapi', components: doc.components });
    // The document's references are to its own components: point them at the schema added above.
    const local = (schema: unknown): unknown => JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\//g, '"$ref":"openapi#/'));
    let checked = 0;
    const invalid: string[] = [];
    const check = (where: string, schema: unknown, example: unknown) => {
      const validate = ajv.compile(local(schema) as object);
      checked++;
      if (!validate(example)) invalid.push(`${where}: ${ajv.errorsText(validate.errors)}`);
    };
    for (const [path, item] of Object.entries<Record<string, Operation>>(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const name = `${method.toUpperCase()} ${path}`;
        for (const [type, media] of Object.entries(op.requestBody?.content ?? {})) {
          for (const example of examplesOf(media)) check(`${name} request ${type}`, media.schema, example);
        }
        for (const [status, response] of Object.entries(op.responses)) {
          for (const [type, media] of Object.entries(response.content ?? {})) {
            for (const example of examplesOf(media)) check(`${name} ${status} ${type}`, media.schema, example);
          }
        }
      }
    }
    // Examples inside schemas (OpenAPI 3.1 keeps JSON Schema's `examples`), e.g. of a list's items.
    const walk = (where: string, schema: unknown): void => {
      if (!schema || typeof schema !== 'object') return;
      const s = schema as Record<string, unknown>;
      if (Array.isArray(s.examples) && typeof s.type === 'string') for (const example of s.examples) check(where, s, example);
      for (const [key, value] of Object.entries(s)) if (key !== 'examples') walk(`${where}.${key}`, value);
    };
    walk('paths', doc.paths);
    expect(invalid).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it('declares the OAuth2 client-credentials flow of each realm, so Authorize fetches a token', async () => {
    const doc = (await h.app.inject({ url: '/openapi.json' })).json();
    const schemes = doc.components.securitySchemes;
    expect(schemes.enterprise).toMatchObject({ type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/auth/realms/enterprise-apis/protocol/openid-connect/token' } } });
    expect(schemes.connect).toMatchObject({ type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/auth/realms/tru-staff/protocol/openid-connect/token' } } });
    // Every partner operation uses its realm's flow; the token URL of each flow is a served route.
    for (const [path, item] of Object.entries<Record<string, { security?: unknown }>>(doc.paths)) {
      for (const op of Object.values(item)) {
        if (path.startsWith('/enterprise/')) expect(op.security, path).toEqual([{ enterprise: [] }]);
        if (path.startsWith('/connect-api/')) expect(op.security, path).toEqual([{ connect: [] }]);
      }
    }
    expect(doc.paths['/auth/realms/{realm}/protocol/openid-connect/token'].post).toBeDefined();
    // What Swagger UI sends for a client-credentials flow (Basic client authentication, form body) gets a token.
    const tenant = await h.tenant();
    const res = await h.app.inject({
      method: 'POST',
      url: schemes.enterprise.flows.clientCredentials.tokenUrl,
      headers: { authorization: `Basic ${Buffer.from(`${tenant.clientId}:${tenant.secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'grant_type=client_credentials',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().token_type).toBe('Bearer');
    // ... and with the credentials in the request body instead (Swagger UI's other choice), scope left empty.
    const inBody = await h.app.inject({
      method: 'POST',
      url: schemes.enterprise.flows.clientCredentials.tokenUrl,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ grant_type: 'client_credentials', client_id: tenant.clientId, client_secret: tenant.secret, scope: '' }).toString(),
    });
    expect(inBody.statusCode).toBe(200);
    // The token it answers opens the operations that declare the scheme.
    const me = await h.app.inject({ url: '/enterprise/accounts', headers: { authorization: `Bearer ${inBody.json().access_token}` } });
    expect(me.statusCode).toBe(200);
  });

  it('serves the docs UI', async () => {
    const res = await h.app.inject({ url: '/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('swagger');
  });

  it('serves a docs page that needs nothing from another host', async () => {
    const page = await h.app.inject({ url: '/docs/' });
    const assets = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThan(3);
    const external: string[] = [];
    const noted = (where: string, text: string) => {
      // Any absolute URL a browser would fetch: in HTML attributes, CSS url(), @import, or a script's config.
      for (const m of text.matchAll(/(?:src|href)\s*=\s*["'](?:https?:)?\/\/[^"']+|url\(\s*["']?(?:https?:)?\/\/[^)]+|@import\s+["'](?:https?:)?\/\/[^"']+/gi))
        external.push(`${where}: ${m[0]}`);
    };
    noted('/docs/', page.body);
    for (const asset of assets) {
      expect(asset, 'a relative asset').toMatch(/^\.\//);
      const res = await h.app.inject({ url: `/docs/${asset.slice(2)}` });
      expect(res.statusCode, asset).toBe(200);
      if (/\.(css|html)$/.test(asset) || asset.endsWith('swagger-initializer.js')) noted(asset, res.body);
    }
    expect(external).toEqual([]);
    // Swagger UI's default validator badge is an image from validator.swagger.io: turned off.
    const initializer = (await h.app.inject({ url: '/docs/static/swagger-initializer.js' })).body;
    expect(initializer).toMatch(/validatorUrl"?\s*:\s*null/);
    // No absolute URL in any string of the page's configuration (a comment's link does not count).
    expect(initializer).not.toMatch(/["'`](?:https?:)?\/\//);
  });

  it('sends the big docs assets compressed, with a validator', async () => {
    const res = await h.app.inject({ url: '/docs/static/swagger-ui-bundle.js', headers: { 'accept-encoding': 'gzip, br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.rawPayload.length).toBeLessThan(700_000);
    const again = await h.app.inject({ url: '/docs/static/swagger-ui-bundle.js', headers: { 'if-none-match': String(res.headers.etag) } });
    expect(again.statusCode).toBe(304);
    const plain = await h.app.inject({ url: '/docs/static/swagger-ui.css' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toContain('.swagger-ui');
  });
});

describe('the usage-record ingest body', () => {
  const op = { authorization: `Bearer ${OPERATOR_TOKEN}` };
  const documented = async () => {
    const doc = (await h.app.inject({ url: '/openapi.json' })).json();
    const body = doc.paths['/operator/usage/records'].post.requestBody.content['application/json'];
    return { schema: body.schema, examples: [body.example ?? Object.values<{ value: unknown }>(body.examples ?? {}).map((e) => e.value)].flat() };
  };

  it('describes the records the parser accepts, JSON and CSV-shaped alike', async () => {
    const { schema, examples } = await documented();
    const record = schema.properties.records.items;
    expect(Object.keys(record.properties)).toEqual(
      expect.arrayContaining(['source_record_id', 'msisdn', 'iccid', 'type', 'direction', 'quantity', 'location_country', 'started_at', 'ended_at']),
    );
    const ajv = new Ajv({ strict: false });
    addFormats(ajv);
    const validRecord = ajv.compile(record);
    const now = new Date('2026-12-01T00:00:00Z');
    const records = (examples[0] as { records: unknown[] }).records;
    // CSV rows arrive as strings (cellhub usage import): the parser takes them, so the schema must too.
    const csvShaped = {
      source_record_id: ' csv-1 ',
      msisdn: '+447700900123',
      type: 'data',
      direction: 'inbound',
      quantity: '1024',
      unit: 'bytes',
      location_country: 'pt',
      started_at: '2026-11-30T10:00+01:00',
      ended_at: '',
      other_party: '',
      technology: '',
      is_recorded: 'true',
    };
    for (const r of [...records, csvShaped, { ...csvShaped, ended_at: null, other_party: null, technology: null, is_recorded: true, quantity: 0 }]) {
      expect(parseUsageRecord(r, now), JSON.stringify(r)).toHaveProperty('record');
      expect(validRecord(r), `${JSON.stringify(r)}: ${ajv.errorsText(validRecord.errors)}`).toBe(true);
    }
    expect(ajv.compile(schema)(examples[0])).toBe(true);
  });

  it('still checks records one by one: a bad record is refused with its index, not the batch', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/operator/usage/records', headers: op, payload: { records: [42, { source_record_id: 'x', type: 'fax' }, 'text'] } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ received: 3, accepted: 0, rejected: 3 });
    expect(res.json().rejections.map((r: { index: number }) => r.index)).toEqual([0, 1, 2]);
    expect(res.json().rejections[1]).toEqual({ index: 1, source_record_id: 'x', reason: 'msisdn: either msisdn or iccid is required' });
    // The batch's own shape is still validated.
    const empty = await h.app.inject({ method: 'POST', url: '/operator/usage/records', headers: op, payload: { records: [] } });
    expect(empty.statusCode).toBe(400);
    const notArray = await h.app.inject({ method: 'POST', url: '/operator/usage/records', headers: op, payload: { records: {} } });
    expect(notArray.statusCode).toBe(400);
  });
});
