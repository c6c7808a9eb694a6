import { Type } from 'typebox';
import { isId, type IdKind } from '../../domain/ids.ts';
import { notFound } from '../../domain/errors.ts';

export const IdParams = Type.Object({ id: Type.String() });

/** A malformed id in a path names no resource: 404, as the contract says. */
export function pathId(kind: IdKind, value: string, what: string = kind): string {
  if (!isId(kind, value)) throw notFound(`${what} ${value}`);
  return value;
}
