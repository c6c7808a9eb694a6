// Every operation in /openapi.json, sent what a careless or hostile client sends:
// wrong types, missing and extra fields, huge strings, NUL, deep nesting, malformed
// cursors and Prefer headers. Each answer must be below 500, and each error must be in
// the contract's model ({type, messages}) with a short body.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchToken, OPERATOR_TOKEN, startHarness, type Harness } from '../support/harness.ts';
import { createClient } from '../../src/auth/clients.service.ts';
import { createCustomer } from '../../src/domain/customers/customers.service.ts';

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema?: { type?: string };
}
interface Schema {
  properties?: Record<string, Schema>;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}

let h: Harness;
const auth: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  h = await startHarness({ WORKERS: 'off' });
  const t = await h.tenant();
  // An ACCOUNT_MANAGER with a customer: entitled to every Connect resource, customer included.
  const { client, secret } = await createClient(h.platform.db, t.organizationId, { name: 'shop', family: 'connect', role: 'ACCOUNT_MANAGER' });
  await createCustomer(
    h.platform.db,
    { organizationId: t.organizationId, clientId: client.clientId },
    { email: 'fuzz@example.com', type: 'PERSONAL', firstName: 'F', lastName: 'Z' },
  );
  auth['/enterprise'] = t.auth;
  auth['/connect-api'] = { authorization: `Bearer ${await fetchToken(h.app, 'tru-staff', client.clientId, secret)}` };
  auth['/operator'] = { authorization: `Bearer ${OPERATOR_TOKEN}` };
  auth['/es2plus'] = { authorization: `Bearer ${h.platform.smdpCallbackToken}` };
});
afterAll(() => h.close());

const HUGE = 'x'.repeat(70_000);
const deep = (n: number): unknown => (n === 0 ? 'bottom' : { a: deep(n - 1) });
const STRANGE_VALUES = ['', '-1', '1e309', 'NaN', 'abc', '%00', encodeURIComponent('\u0000'), 'x'.repeat(5000), '😀', '../../etc/passwd', '[]', '{"a":1}'];
const WRONG_TYPES = [null, 0, -1, 1.5, 1e308, true, 'text', 'x\u0000y', HUGE, [], [1, 'a', null], {}, { nested: deep(5) }];

/** Each field of a body, two levels deep: ['input'], ['input', 'device'], … */
function fieldsOf(schema: Schema | undefined, prefix: string[] = []): string[][] {
  if (!schema?.properties || prefix.length >= 2) return [];
  return Object.entries(schema.properties).flatMap(([name, child]) => [[...prefix, name], ...fieldsOf(child, [...prefix, name])]);
}

/** A body holding `value` at `path`. */
const bodyWith = (path: string[], value: unknown): unknown => path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);

function pathWith(path: string, value: string): string {
  return path.replace(/\{[^}]+\}/g, value);
}

function variants(path: string, method: string, op: Operation) {
  const requests: { url: string; payload?: unknown; headers?: Record<string, string> }[] = [];
  const base = pathWith(path, 'x');
  for (const value of ['%00', encodeURIComponent('A'.repeat(300)), '%FF%FE', encodeURIComponent('😀'), '..%2F..']) {
    if (path.includes('{')) requests.push({ url: pathWith(path, value) });
  }
  for (const param of op.parameters ?? []) {
    if (param.in !== 'query') continue;
    for (const value of STRANGE_VALUES) requests.push({ url: `${base}?${param.name}=${encodeURIComponent(value)}` });
    requests.push({ url: `${base}?${param.name}=1&${param.name}=2` });
  }
  requests.push({ url: `${base}?cursor=${encodeURIComponent('eyJub3QiOiJvdXJzIn0')}&limit=5` });
  requests.push({ url: base, headers: { prefer: 'transclude="(((;;"' } });
  requests.push({ url: base, headers: { prefer: `transclude="${'a;'.repeat(2000)}"` } });
  if (method === 'get' || method === 'delete') return requests;
  for (const payload of [{}, [], 'null', '"text"', { unexpected: true }, deep(200), { [HUGE.slice(0, 300)]: 1 }]) requests.push({ url: base, payload });
  for (const field of fieldsOf(op.requestBody?.content['application/json']?.schema)) {
    for (const wrong of WRONG_TYPES) requests.push({ url: base, payload: bodyWith(field, wrong) });
  }
  return requests;
}

describe('fuzzing every operation', () => {
  it('never answers 5xx, and answers every error in the model', async () => {
    const doc = (await h.app.inject({ url: '/openapi.json' })).json<{ paths: Record<string, Record<string, Operation>> }>();
    const failures: string[] = [];
    let sent = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      const family = Object.keys(auth).find((prefix) => path.startsWith(prefix));
      for (const [method, op] of Object.entries(item)) {
        for (const request of variants(path, method, op)) {
          const json = request.payload !== undefined && typeof request.payload !== 'string';
          const res = await h.app.inject({
            method: method.toUpperCase() as 'GET',
            url: request.url,
            headers: { ...(family ? auth[family] : {}), ...(request.payload !== undefined ? { 'content-type': 'application/json' } : {}), ...request.headers },
            ...(request.payload !== undefined ? { payload: json ? JSON.stringify(request.payload) : (request.payload as string) } : {}),
          });
          sent++;
          const where = `${method.toUpperCase()} ${request.url.slice(0, 120)} ${JSON.stringify(request.payload ?? '').slice(0, 80)}`;
          if (res.statusCode >= 500) failures.push(`${res.statusCode} ${where}: ${res.body.slice(0, 200)}`);
          if (res.statusCode < 400) continue;
          let body: { type?: unknown; messages?: unknown } = {};
          try {
            body = res.json();
          } catch {
            // not JSON: reported below
          }
          const keys = Object.keys(body)
            .filter((k) => k !== 'error' && k !== 'error_description')
            .sort();
          if (keys.join() !== 'messages,type' || !Array.isArray(body.messages)) failures.push(`not in the model: ${res.statusCode} ${where}: ${res.body.slice(0, 200)}`);
          if (res.body.length > 2_000) failures.push(`echoes too much (${res.body.length} bytes): ${where}`);
        }
      }
    }
    expect(sent).toBeGreaterThan(1_000);
    expect(failures).toEqual([]);
  });
});
