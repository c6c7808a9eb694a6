// Console people and sessions for tests: a person with a password made directly (as an
// accepted invitation would leave them), and logging in through the console API.
import type { LightMyRequestResponse } from 'fastify';
import type { Harness } from './harness.ts';
import { hashSecret } from '../../src/auth/secrets.ts';
import { newId } from '../../src/domain/ids.ts';
import { insertPerson, type Person } from '../../src/console/people.store.ts';

export const PASSWORD = 'correct horse battery staple';

let counter = 0;

export async function createPerson(
  h: Harness,
  input: { role: string; organizationId?: string; family?: 'enterprise' | 'connect'; email?: string; password?: string },
): Promise<Person> {
  const person = await insertPerson(h.platform.db, {
    id: newId('person'),
    email: input.email ?? `person-${process.pid}-${counter++}@example.test`,
    name: 'Test Person',
    role: input.role,
    organizationId: input.organizationId ?? null,
    family: input.organizationId ? (input.family ?? 'enterprise') : null,
    passwordHash: await hashSecret(input.password ?? PASSWORD),
  });
  if (!person) throw new Error('person not created');
  return person;
}

export interface ConsoleLogin {
  cookie: string;
  csrfToken: string;
  /** Headers of a state-changing console request: the cookie and the CSRF token. */
  headers: { cookie: string; 'x-csrf-token': string };
  response: LightMyRequestResponse;
}

export async function logIn(h: Harness, email: string, password = PASSWORD, headers: Record<string, string> = {}): Promise<ConsoleLogin> {
  const response = await h.app.inject({ method: 'POST', url: '/console/api/session', payload: { email, password }, headers });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const value = response.cookies.find((c) => c.name === 'cellhub_session')!.value;
  const cookie = `cellhub_session=${value}`;
  const csrfToken = response.json().csrfToken as string;
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken }, response };
}

/** A console session's bearer token for its API. */
export async function consoleToken(h: Harness, login: Pick<ConsoleLogin, 'headers'>): Promise<{ authorization: string; api: string; base_path: string }> {
  const res = await h.app.inject({ method: 'POST', url: '/console/api/session/token', headers: login.headers });
  if (res.statusCode !== 200) throw new Error(`token failed: ${res.statusCode} ${res.body}`);
  const body = res.json();
  return { authorization: `Bearer ${body.access_token}`, api: body.api, base_path: body.base_path };
}
