// Console sessions (docs/console.md): logging in, lockout, the cookie's flags, CSRF on
// every state change, logout and expiry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startHarness, type Harness } from '../support/harness.ts';
import { consoleToken, createPerson, logIn, PASSWORD } from '../support/console.ts';
import { demoPeople } from '../../src/demo/people.ts';
import { consoleSessions, people } from '../../src/db/schema.ts';
import { sha256 } from '../../src/console/sessions.ts';

let h: Harness;
let org: string;

beforeAll(async () => {
  h = await startHarness({ WORKERS: 'off', TRUST_PROXY: 'true' });
  org = (await h.tenant({ name: 'Console Org' })).organizationId;
});
afterAll(() => h.close());

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  h.app.inject({ method: 'POST', url: '/console/api/session', payload: { email, password }, headers });

describe('logging in', () => {
  it('opens a session for the right password and answers the person and a CSRF token', async () => {
    const person = await createPerson(h, { role: 'admin', organizationId: org });
    const res = await login(person.email.toUpperCase(), PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      person: {
        id: person.id,
        email: person.email,
        name: 'Test Person',
        role: 'admin',
        scope: 'organization',
        organization: { id: org, name: 'Console Org', family: 'enterprise' },
      },
      csrfToken: expect.any(String),
    });
    const session = await h.app.inject({ url: '/console/api/session', headers: { cookie: `cellhub_session=${res.cookies[0].value}` } });
    expect(session.statusCode).toBe(200);
    expect(session.json()).toEqual(res.json());
  });

  it('answers operator staff with no organization', async () => {
    const person = await createPerson(h, { role: 'support' });
    expect((await login(person.email, PASSWORD)).json().person).toMatchObject({ role: 'support', scope: 'operator', organization: null });
  });

  it('answers a wrong password and an unknown email the same 401, and sets no cookie', async () => {
    const person = await createPerson(h, { role: 'admin', organizationId: org });
    const wrong = await login(person.email, 'not the password at all');
    const unknown = await login('nobody@example.test', PASSWORD);
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.cookies).toEqual([]);
    }
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toEqual({ type: 'UNAUTHORISED', messages: ['email or password: not recognised'] });
  });

  it('refuses a login without email or password naming the field', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/console/api/session', payload: { email: 'a@example.test' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().messages.join()).toContain('password');
  });

  it('locks a person after 5 failures, even for the right password, then lets them in after the lock', async () => {
    const person = await createPerson(h, { role: 'admin', organizationId: org });
    for (let i = 0; i < 5; i++) expect((await login(person.email, `wrong password ${i}`)).statusCode).toBe(401);
    const locked = await login(person.email, PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().messages[0]).toMatch(/^email: this person is locked after 5 failed logins/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    // The lock ends (moved into the past rather than waited for).
    await h.platform.db
      .update(people)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(people.id, person.id));
    expect((await login(person.email, PASSWORD)).statusCode).toBe(200);
  });

  it('refuses a disabled person with the same 401', async () => {
    const person = await createPerson(h, { role: 'admin', organizationId: org });
    await h.platform.db.update(people).set({ disabledAt: new Date() }).where(eq(people.id, person.id));
    expect((await login(person.email, PASSWORD)).statusCode).toBe(401);
  });
});

describe('the demo people', () => {
  it('log in with the passwords the demo prints, each to their own console', async () => {
    const people = await demoPeople(h.platform.db, 'demo-key-of-this-test', [{ id: org, slug: 'acme', name: 'Console Org' }]);
    expect(people.map((p) => p.email)).toEqual(['operator@demo.cellhub.test', 'admin@acme-logistics.example', 'reseller@acme-logistics.example']);
    // Seeding again changes nothing and answers the same passwords.
    expect(await demoPeople(h.platform.db, 'demo-key-of-this-test', [{ id: org, slug: 'acme', name: 'Console Org' }])).toEqual(people);
    const apis = [];
    for (const p of people) {
      const res = await login(p.email, p.password);
      expect(res.statusCode, p.email).toBe(200);
      expect(res.json().person.organization).toEqual(p.organization);
      apis.push((await consoleToken(h, { headers: { cookie: `cellhub_session=${res.cookies[0].value}`, 'x-csrf-token': res.json().csrfToken } })).api);
    }
    expect(apis).toEqual(['operator', 'enterprise', 'connect']);
  });
});

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Strict, Path=/, and not Secure over plain HTTP', async () => {
    const person = await createPerson(h, { role: 'admin', organizationId: org });
    const header = String((await login(person.email, PASSWORD)).headers['set-cookie']);
    expect(header).toMatch(/^cellhub_session=[\w-]{43};/);
    expect(header).toContain('HttpOnly');
    expect(header).toContain('SameSite=Strict');
    expect(header).toContain('Path=/');
    expect(header).not.toContain('Secure');
  });

  it('is Secure when a trusted proxy says the request came over HTTPS', async () => {
    const person = await createPerson(h, { role: 'admin', organizationId: org });
    const header = String((await login(person.email, PASSWORD, { 'x-forwarded-proto': 'https' })).headers['set-cookie']);
    expect(header).toContain('Secure');
  });

  it('ignores X-Forwarded-Proto when no proxy is trusted', async () => {
    const plain = await startHarness({ WORKERS: 'off' });
    try {
      const person = await createPerson(plain, { role: 'admin' });
      const res = await plain.app.inject({
        method: 'POST',
        url: '/console/api/session',
        payload: { email: person.email, password: PASSWORD },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(res.statusCode).toBe(200);
      expect(String(res.headers['set-cookie'])).not.toContain('Secure');
    } finally {
      await plain.close();
    }
  });

  it('stores only a hash of the session id', async () => {
    const person = await createPerson(h, { role: 'admin', organizationId: org });
    const session = await logIn(h, person.email);
    const rows = await h.platform.db.select().from(consoleSessions).where(eq(consoleSessions.personId, person.id));
    expect(rows).toHaveLength(1);
    expect(rows[0].idHash).not.toBe(session.cookie.split('=')[1]);
  });
});

describe('CSRF', () => {
  const stateChanging = [
    { method: 'DELETE' as const, url: '/console/api/session' },
    { method: 'POST' as const, url: '/console/api/session/token' },
    { method: 'POST' as const, url: '/console/api/members', payload: { email: 'new@example.test', name: 'New', role: 'viewer' } },
  ];

  it.each(stateChanging)('refuses $method $url without the X-CSRF-Token or with a wrong one (403), and without a session (401)', async ({ method, url, payload }) => {
    const person = await createPerson(h, { role: 'admin', organizationId: org });
    const session = await logIn(h, person.email);
    for (const headers of [{ cookie: session.cookie }, { cookie: session.cookie, 'x-csrf-token': 'wrong' }]) {
      const res = await h.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({ type: 'ACCESS_DENIED', messages: ['x-csrf-token: must be the csrfToken of this session'] });
    }
    const other = await logIn(h, (await createPerson(h, { role: 'admin', organizationId: org })).email);
    // Another session's token is no better.
    expect((await h.app.inject({ method, url, headers: { cookie: session.cookie, 'x-csrf-token': other.csrfToken }, ...(payload ? { payload } : {}) })).statusCode).toBe(403);
    expect((await h.app.inject({ method, url, headers: { 'x-csrf-token': session.csrfToken }, ...(payload ? { payload } : {}) })).statusCode).toBe(401);
    // The session still works: nothing was changed by the refused requests.
    expect((await h.app.inject({ url: '/console/api/session', headers: { cookie: session.cookie } })).statusCode).toBe(200);
  });
});

describe('ending a session', () => {
  it('logs out: 204, the cookie cleared, the session gone', async () => {
    const person = await createPerson(h, { role: 'admin', organizationId: org });
    const session = await logIn(h, person.email);
    const res = await h.app.inject({ method: 'DELETE', url: '/console/api/session', headers: session.headers });
    expect(res.statusCode).toBe(204);
    expect(String(res.headers['set-cookie'])).toMatch(/^cellhub_session=;.*Max-Age=0/);
    const after = await h.app.inject({ url: '/console/api/session', headers: { cookie: session.cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json().type).toBe('UNAUTHORISED');
    expect((await h.app.inject({ method: 'POST', url: '/console/api/session/token', headers: session.headers })).statusCode).toBe(401);
  });

  it('answers 401 for an expired session, and for one idle too long', async () => {
    const person = await createPerson(h, { role: 'admin', organizationId: org });
    const expired = await logIn(h, person.email);
    const idle = await logIn(h, person.email);
    const hashOf = (cookie: string) => sha256(cookie.split('=')[1]);
    await h.platform.db
      .update(consoleSessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(consoleSessions.idHash, hashOf(expired.cookie)));
    await h.platform.db
      .update(consoleSessions)
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
      .where(eq(consoleSessions.idHash, hashOf(idle.cookie)));
    for (const s of [expired, idle]) expect((await h.app.inject({ url: '/console/api/session', headers: { cookie: s.cookie } })).statusCode).toBe(401);
  });

  it('answers 401 without a cookie or with a made-up one', async () => {
    for (const headers of [{}, { cookie: 'cellhub_session=made-up' }]) {
      expect((await h.app.inject({ url: '/console/api/session', headers })).statusCode).toBe(401);
    }
  });
});
