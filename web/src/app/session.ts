// The person's session: a secure cookie set by the server, a CSRF token for every state
// change, and short-lived API tokens minted from the session for the pages' calls.
import { CellhubError, type DataOf, type TokenSource } from '@cellhub/sdk';

export type Scope = 'operator' | 'organization';
export type Role = 'admin' | 'support' | 'viewer';
export type ApiFamily = 'operator' | 'enterprise' | 'connect';

export interface Person {
  id: string;
  email: string;
  name: string;
  role: Role;
  scope: Scope;
  organization: null | { id: string; name: string; family: 'enterprise' | 'connect' };
}

export interface Session {
  person: Person;
  csrfToken: string;
}

interface MintedToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  api: ApiFamily;
  base_path: string;
}

const SESSION = '/console/api/session';

async function send(method: string, path: string, options: { body?: unknown; csrf?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.csrf) headers['x-csrf-token'] = options.csrf;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  if (!response.ok) throw await CellhubError.from(response);
  return response;
}

/** The session the cookie holds, or null when there is none. */
export async function readSession(): Promise<Session | null> {
  try {
    return (await (await send('GET', SESSION)).json()) as Session;
  } catch (error) {
    if (error instanceof CellhubError && error.status === 401) return null;
    throw error;
  }
}

export async function logIn(email: string, password: string): Promise<Session> {
  return (await (await send('POST', SESSION, { body: { email, password } })).json()) as Session;
}

export async function logOut(csrf: string): Promise<void> {
  await send('DELETE', SESSION, { csrf });
}

export async function acceptInvitation(token: string, password: string): Promise<void> {
  await send('POST', '/console/api/invitations/accept', { body: { token, password } });
}

export type Members = DataOf<'/console/api/members', 'get'>;
export type Member = Members['items'][number];
export interface NewMember {
  email: string;
  name: string;
  role: 'admin' | 'viewer';
}

/** The members of the person's organization (the session's own API: the cookie, not a token). */
export async function listMembers(): Promise<Members> {
  return (await (await send('GET', '/console/api/members')).json()) as Members;
}

/** An organization admin invites a member: the invitation link goes by mail. */
export async function inviteMember(csrf: string, member: NewMember): Promise<Member> {
  return (await (await send('POST', '/console/api/members', { body: member, csrf })).json()) as Member;
}

/** Tokens for the session's API, renewed a little before they expire (or at half their life, if shorter). */
export class SessionTokens implements TokenSource {
  private current?: { token: string; renewAt: number };
  private pending?: Promise<string>;

  constructor(private readonly csrf: string) {}

  async token(): Promise<string> {
    if (this.current && Date.now() < this.current.renewAt) return this.current.token;
    this.pending ??= this.mint().finally(() => (this.pending = undefined));
    return this.pending;
  }

  invalidate(): void {
    this.current = undefined;
  }

  private async mint(): Promise<string> {
    const minted = (await (await send('POST', `${SESSION}/token`, { csrf: this.csrf })).json()) as MintedToken;
    const margin = Math.min(30, minted.expires_in / 2);
    this.current = { token: minted.access_token, renewAt: Date.now() + (minted.expires_in - margin) * 1000 };
    return minted.access_token;
  }
}
