// API clients: the credentials partners use. The secret is shown once at creation and
// kept only as a hash.
import { randomBytes } from 'node:crypto';
import type { Executor } from '../db/database.ts';
import { invalidParams, notFound } from '../domain/errors.ts';
import { checkLicences, getOrganization } from '../domain/organizations/organizations.service.ts';
import { CONNECT_ROLES, type ConnectRole, type Family } from './realms.ts';
import type { Licence } from './licences.ts';
import { generateSecret, hashSecret, verifySecret } from './secrets.ts';
import * as store from './clients.store.ts';
import { revokeClientRefreshTokens } from './refresh-tokens.store.ts';
import { personIdOf, personPrincipal } from './person-principals.ts';

export type { ApiClient } from './clients.store.ts';

/** Who is calling: what the guard attaches to an authenticated request. */
export interface Principal {
  clientId: string;
  organizationId: string;
  family: Family;
  role: ConnectRole | null;
  /** The client's licences that its organization holds too. */
  licences: Licence[];
  /** A console viewer's token: every request but a read is refused. */
  readOnly?: boolean;
}

export interface NewClient {
  name: string;
  family: string;
  role?: string | null;
  licences?: string[];
  isDemo?: boolean;
  /** Only the demo seeding chooses its secret (derived, see demo/credentials.ts). */
  secret?: string;
  clientId?: string;
}

export async function createClient(db: Executor, organizationId: string, input: NewClient) {
  await getOrganization(db, organizationId);
  if (input.family !== 'enterprise' && input.family !== 'connect') {
    throw invalidParams('family: must be one of enterprise, connect');
  }
  const role = input.family === 'connect' ? checkRole(input.role) : null;
  if (input.family === 'enterprise' && input.role) throw invalidParams('role: only connect clients have a role');
  const secret = input.secret ?? generateSecret();
  const client = await store.insertClient(db, {
    clientId: input.clientId ?? `${input.family}-${randomBytes(10).toString('hex')}`,
    organizationId,
    name: input.name.trim() || input.family,
    family: input.family,
    role,
    licences: input.family === 'enterprise' ? checkLicences(input.licences ?? []) : [],
    secretHash: await hashSecret(secret),
    isDemo: input.isDemo ?? false,
  });
  return { client, secret };
}

function checkRole(role: string | null | undefined): ConnectRole {
  if (!role || !(CONNECT_ROLES as readonly string[]).includes(role)) {
    throw invalidParams(`role: must be one of ${CONNECT_ROLES.join(', ')}`);
  }
  return role as ConnectRole;
}

function toPrincipal(row: NonNullable<Awaited<ReturnType<typeof store.findActiveClient>>>): Principal {
  const { client, organizationLicences } = row;
  return {
    clientId: client.clientId,
    organizationId: client.organizationId,
    family: client.family as Family,
    role: client.role as ConnectRole | null,
    licences: client.licences.filter((l) => organizationLicences.includes(l)) as Licence[],
  };
}

/** The principal for valid credentials; undefined for an unknown client or a wrong secret alike. */
export async function authenticateClient(db: Executor, clientId: string, secret: string): Promise<Principal | undefined> {
  const row = await store.findActiveClient(db, clientId);
  const valid = await verifySecret(secret, row?.client.secretHash);
  return valid && row ? toPrincipal(row) : undefined;
}

export async function disableClient(db: Executor, organizationId: string, clientId: string): Promise<void> {
  if (!(await store.disableClient(db, organizationId, clientId))) throw notFound(`client ${clientId}`);
}

/**
 * Gives an enabled client a new secret, shown once like the first; the old one stops
 * working at once, and so do the refresh tokens it obtained (both in one transaction).
 */
export async function rotateClientSecret(db: Executor, organizationId: string, clientId: string) {
  const secret = generateSecret();
  const secretHash = await hashSecret(secret);
  const client = await db.transaction(async (tx) => {
    const rotated = await store.replaceSecretHash(tx, organizationId, clientId, secretHash);
    if (!rotated) throw notFound(`client ${clientId}`);
    await revokeClientRefreshTokens(tx, clientId);
    return rotated;
  });
  return { client, secret };
}

export const listClients = store.listClients;

const PRINCIPAL_TTL_MS = 5_000;

/**
 * Looks up the principal behind a token on each request, cached for a few seconds:
 * a disabled client or a withdrawn licence takes effect within that time on every process.
 */
export class ClientDirectory {
  private cache = new Map<string, { principal: Principal | undefined; until: number }>();

  constructor(private readonly db: Executor) {}

  async principal(clientId: string): Promise<Principal | undefined> {
    const hit = this.known(clientId);
    if (hit) return hit.principal;
    const personId = personIdOf(clientId);
    const row = personId ? undefined : await store.findActiveClient(this.db, clientId);
    const principal = personId ? await personPrincipal(this.db, personId) : row ? toPrincipal(row) : undefined;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(clientId, { principal, until: Date.now() + PRINCIPAL_TTL_MS });
    return principal;
  }

  /** The principal looked up lately (undefined inside: no such client), without waiting; undefined when not known. */
  known(clientId: string): { principal: Principal | undefined } | undefined {
    const hit = this.cache.get(clientId);
    return hit && hit.until > Date.now() ? hit : undefined;
  }

  forget(): void {
    this.cache.clear();
  }
}
