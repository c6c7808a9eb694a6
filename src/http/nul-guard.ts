// NUL characters have no place in any field of these APIs, and PostgreSQL refuses them
// in text. They are refused here, once for every route, naming the field, before any
// validation or handler sees them.
import type { FastifyRequest } from 'fastify';
import { invalidParams } from './errors.ts';
import { fieldPath } from './validation.ts';

const MAX_DEPTH = 32;

/** The path of the first string holding a NUL, in a parsed body, query or params. */
function nulIn(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (!value || typeof value !== 'object' || depth > MAX_DEPTH) return undefined;
  for (const [key, child] of Object.entries(value)) {
    if (key.includes('\u0000')) return `${path}/${key.replace(/\u0000/g, '?')}`;
    const found = nulIn(child, `${path}/${key}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

export async function refuseNul(request: FastifyRequest): Promise<void> {
  for (const part of [request.params, request.query, request.body]) {
    const path = nulIn(part, '');
    if (path !== undefined) throw invalidParams(`${fieldPath(path) || 'body'}: must not contain NUL characters`);
  }
}
