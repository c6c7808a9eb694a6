// Request validation with two Ajv instances: bodies are strict JSON (a string where a
// number belongs is a malformed message), while query strings, path parameters and
// headers are text and get coerced. Ajv's errors become the contract's messages,
// naming the field the way a client wrote it: `to[3]`, `subscriber.email`, `limit`.
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import { ApiError } from './errors.ts';
import { compiledOnce } from './compile-once.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    allErrors: false,
    coerceTypes: coerce ? 'array' : false,
    useDefaults: true,
    removeAdditional: false,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}

const strictAjv = makeAjv(false);
const coercingAjv = makeAjv(true);

/** Bodies by the strict instance, the rest by the coercing one; each distinct schema compiled once (compile-once.ts). */
export const validatorCompiler: FastifySchemaCompiler<unknown> = compiledOnce(
  ({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? strictAjv : coercingAjv;
    return ajv.compile(schema as object) as ReturnType<FastifySchemaCompiler<unknown>>;
  },
  ({ httpPart }) => (httpPart === 'body' ? 'strict' : 'coercing'),
);

/** `/to/3` → `to[3]`, `/subscriber/email` → `subscriber.email`. */
export function fieldPath(instancePath: string, extra?: string): string {
  const parts = instancePath.split('/').filter(Boolean);
  if (extra) parts.push(extra);
  return parts.map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')).reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

function describe(error: ErrorObject): { field: string; message: string } {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { field: fieldPath(error.instancePath, String(p.missingProperty)), message: 'is required' };
    case 'additionalProperties':
      return { field: fieldPath(error.instancePath, String(p.additionalProperty)), message: 'is not a known field' };
    case 'enum':
      return {
        field: fieldPath(error.instancePath),
        message: `must be one of ${(p.allowedValues as unknown[]).map(String).join(', ')}`,
      };
    case 'pattern':
      return { field: fieldPath(error.instancePath), message: `must match ${String(p.pattern)}` };
    default:
      return { field: fieldPath(error.instancePath), message: error.message ?? 'is invalid' };
  }
}

/** Fastify calls this with Ajv's errors; `context` is body, querystring, params or headers. */
export function schemaErrorToApiError(errors: ErrorObject[], context: string): ApiError {
  const first = errors[0];
  const { field, message } = describe(first);
  const name = field || (context === 'body' ? 'body' : context);
  // A value of the wrong JSON type means the message itself is malformed (contract §1).
  const type = first.keyword === 'type' && context === 'body' ? 'INVALID_HTTP_MESSAGE' : 'INVALID_REQUEST_PARAMS';
  return new ApiError(type, `${name}: ${message}`);
}
