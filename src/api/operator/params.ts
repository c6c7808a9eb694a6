// Parameter schemas the operator routes share.
import { Type } from 'typebox';

export const literals = <const T extends string[]>(values: readonly [...T]) => Type.Enum(values);
export const OrgParams = Type.Object({ org: Type.String() });
export const Country = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' });
