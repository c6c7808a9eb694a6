// The two Keycloak-style realms (contract §1): each API family authenticates in its own.

export type Family = 'enterprise' | 'connect';

export const REALMS = {
  'enterprise-apis': { family: 'enterprise', basePath: '/enterprise' },
  'tru-staff': { family: 'connect', basePath: '/connect-api' },
} as const satisfies Record<string, { family: Family; basePath: string }>;

export type RealmName = keyof typeof REALMS;

export function isRealm(name: string): name is RealmName {
  return Object.hasOwn(REALMS, name);
}

export function issuerOf(publicUrl: string, realm: RealmName): string {
  return `${publicUrl}/auth/realms/${realm}`;
}

/** The audience an access token is for: the API family's base URL. */
export function audienceOf(publicUrl: string, realm: RealmName): string {
  return publicUrl + REALMS[realm].basePath;
}

export const CONNECT_ROLES = ['RESELLER', 'ACCOUNT_MANAGER'] as const;
export type ConnectRole = (typeof CONNECT_ROLES)[number];
