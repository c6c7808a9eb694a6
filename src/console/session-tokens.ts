// What a console session trades for a short-lived bearer token, scoped to its person's
// organization and role: the page then calls /operator, /enterprise or /connect-api/v1
// with it, and those APIs apply their own rules plus the person's role.
import type { TokenService } from '../auth/tokens.ts';
import { personClientId } from '../auth/person-principals.ts';
import type { Organization } from '../domain/organizations/organizations.store.ts';
import type { Person } from './people.store.ts';

export const CONSOLE_TOKEN_TTL_SECONDS = 300;

export type ConsoleApi = 'operator' | 'enterprise' | 'connect';

export const BASE_PATH = { operator: '/operator', enterprise: '/enterprise', connect: '/connect-api/v1' } as const;

export interface ConsoleToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  api: ConsoleApi;
  base_path: (typeof BASE_PATH)[ConsoleApi];
}

export function apiOf(person: Person): ConsoleApi {
  if (!person.organizationId) return 'operator';
  return person.family === 'connect' ? 'connect' : 'enterprise';
}

export async function issueConsoleToken(tokens: TokenService, person: Person, organization: Organization | undefined): Promise<ConsoleToken> {
  const api = apiOf(person);
  const clientId = personClientId(person.id);
  const organizationId = organization?.id ?? null;
  const accessToken =
    api === 'operator'
      ? await tokens.issueAccessOnly({ clientId, organizationId, role: person.role, scope: `operator:${person.role}` }, 'operator', CONSOLE_TOKEN_TTL_SECONDS)
      : api === 'connect'
        ? await tokens.issueAccessOnly({ clientId, organizationId, role: 'RESELLER', scope: 'RESELLER' }, 'tru-staff', CONSOLE_TOKEN_TTL_SECONDS)
        : await tokens.issueAccessOnly({ clientId, organizationId, scope: (organization?.licences ?? []).join(' ') }, 'enterprise-apis', CONSOLE_TOKEN_TTL_SECONDS);
  return { access_token: accessToken, token_type: 'Bearer', expires_in: CONSOLE_TOKEN_TTL_SECONDS, api, base_path: BASE_PATH[api] };
}
