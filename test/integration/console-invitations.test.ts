// Inviting people to the console (docs/console.md): the operator invites, the link
// arrives through the mail outbox, the person sets a password and logs in; the token
// works once and not after it expires. An organization admin invites their own members.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { OPERATOR_TOKEN, startHarness, type Harness } from '../support/harness.ts';
import { consoleToken, createPerson, logIn } from '../support/console.ts';
import { until } from '../support/wait.ts';
import { consoleInvitations, people } from '../../src/db/schema.ts';

let h: Harness;
let org: string;
const op = { authorization: `Bearer ${OPERATOR_TOKEN}` };
const NEW_PASSWORD = 'a brand new long password';

beforeAll(async () => {
  h = await startHarness();
  org = (await h.tenant({ name: 'Invite Org' })).organizationId;
});
afterAll(() => h.close());

const invite = (payload: object, headers: Record<string, string> = {}) => h.app.inject({ method: 'POST', url: '/operator/people', payload, headers: { ...op, ...headers } });
const accept = (token: string, password: string) => h.app.inject({ method: 'POST', url: '/console/api/invitations/accept', payload: { token, password } });

/** The invitation link's token, read from the mail outbox as the operator would. */
async function tokenMailedTo(email: string): Promise<string> {
  const mail = await until(`an invitation mail to ${email} reaches the outbox`, async () => {
    const items = (await h.app.inject({ url: '/operator/mail?state=outbox&limit=100', headers: op })).json().items as { id: string; to: string[] }[];
    return items.find((m) => m.to.includes(email));
  });
  const full = (await h.app.inject({ url: `/operator/mail/${mail.id}`, headers: op })).json();
  expect(full.subject).toBe('Your cellhub console invitation');
  const link = /http:\/\/cellhub\.test\/console\/invite#token=([\w-]+)/.exec(full.text);
  expect(link, full.text).not.toBeNull();
  return link![1];
}

describe('an invitation from the operator', () => {
  it('mails a one-time link; accepting it sets the password and the person logs in', async () => {
    const res = await invite({ email: 'Kim@Example.test', name: 'Kim Park', role: 'admin', organization_id: org }, { 'idempotency-key': 'invite-kim' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email: 'kim@example.test', role: 'admin', scope: 'organization', organization_id: org, family: 'enterprise', status: 'invited' });
    // The same key replays the answer, and invites no one twice.
    expect((await invite({ email: 'Kim@Example.test', name: 'Kim Park', role: 'admin', organization_id: org }, { 'idempotency-key': 'invite-kim' })).json().id).toBe(res.json().id);

    const token = await tokenMailedTo('kim@example.test');
    const stored = await h.platform.db.select().from(consoleInvitations).where(eq(consoleInvitations.personId, res.json().id));
    expect(stored).toHaveLength(1);
    expect(stored[0].tokenHash).not.toBe(token);

    // An invited person cannot log in before setting a password.
    expect((await h.app.inject({ method: 'POST', url: '/console/api/session', payload: { email: 'kim@example.test', password: '' } })).statusCode).toBe(401);
    const accepted = await accept(token, NEW_PASSWORD);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ email: 'kim@example.test', status: 'active' });
    const session = await logIn(h, 'kim@example.test', NEW_PASSWORD);
    expect(session.response.json().person).toMatchObject({ email: 'kim@example.test', organization: { id: org, name: 'Invite Org', family: 'enterprise' } });

    const again = await accept(token, 'another long password');
    expect(again.statusCode).toBe(400);
    expect(again.json()).toEqual({ type: 'INVALID_REQUEST_PARAMS', messages: ['token: is unknown, used already or expired'] });
  });

  it('invites operator staff, whose mail has no organization', async () => {
    const res = await invite({ email: 'ops@example.test', name: 'Ops', role: 'support' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ scope: 'operator', organization_id: null, family: null });
    await accept(await tokenMailedTo('ops@example.test'), NEW_PASSWORD);
    expect((await logIn(h, 'ops@example.test', NEW_PASSWORD)).response.json().person).toMatchObject({ scope: 'operator', role: 'support' });
  });

  it("keeps an invitation's link from operator support staff, who could otherwise become the person invited", async () => {
    await invite({ email: 'boss@example.test', name: 'Boss', role: 'admin' });
    await tokenMailedTo('boss@example.test');
    const items = (await h.app.inject({ url: '/operator/mail?limit=100', headers: op })).json().items as { id: string; to: string[] }[];
    const mail = items.find((m) => m.to.includes('boss@example.test'))!;
    const support = await consoleToken(h, await logIn(h, (await createPerson(h, { role: 'support' })).email));
    const res = await h.app.inject({ url: `/operator/mail/${mail.id}`, headers: support });
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain('token=');
    const admin = await consoleToken(h, await logIn(h, (await createPerson(h, { role: 'admin' })).email));
    expect((await h.app.inject({ url: `/operator/mail/${mail.id}`, headers: admin })).statusCode).toBe(200);
  });

  it('refuses a short password naming password, and keeps the token usable', async () => {
    await invite({ email: 'short@example.test', name: 'Short', role: 'viewer', organization_id: org });
    const token = await tokenMailedTo('short@example.test');
    const res = await accept(token, 'too short');
    expect(res.statusCode).toBe(400);
    expect(res.json().messages).toEqual(['password: must be at least 12 characters']);
    expect((await accept(token, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses an expired token naming token', async () => {
    const person = (await invite({ email: 'late@example.test', name: 'Late', role: 'viewer', organization_id: org })).json();
    const token = await tokenMailedTo('late@example.test');
    await h.platform.db
      .update(consoleInvitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(consoleInvitations.personId, person.id));
    const res = await accept(token, NEW_PASSWORD);
    expect(res.statusCode).toBe(400);
    expect(res.json().messages[0]).toMatch(/^token: /);
    const [row] = await h.platform.db.select().from(people).where(eq(people.id, person.id));
    expect(row.passwordHash).toBeNull();
  });

  it.each([
    [{ email: 'not-an-email', name: 'X', role: 'admin' }, 'email: must be an email address'],
    [{ email: 'x1@example.test', name: ' ', role: 'admin' }, 'name: must not be blank'],
    [{ email: 'x2@example.test', name: 'X', role: 'viewer' }, 'role: must be one of admin, support for operator staff'],
    [{ email: 'x3@example.test', name: 'X', role: 'support', organization_id: 'org' }, 'role: must be one of admin, viewer for a member of an organization'],
    [{ email: 'x4@example.test', name: 'X', role: 'admin', family: 'connect' }, 'family: only members of an organization have one'],
  ])('refuses %j naming the field', async (payload, message) => {
    const res = await invite(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().messages).toContain(message);
  });

  it('refuses an unknown organization (404) and an email already invited (409)', async () => {
    expect((await invite({ email: 'y@example.test', name: 'Y', role: 'admin', organization_id: 'org_01HTJA47C93ABKKR58T05JBAJB' })).statusCode).toBe(404);
    await invite({ email: 'twice@example.test', name: 'T', role: 'admin' });
    const second = await invite({ email: 'TWICE@example.test', name: 'T', role: 'admin' });
    expect(second.statusCode).toBe(409);
    expect(second.json().messages[0]).toMatch(/^email: /);
  });

  it('changes a role within the scope, refusing one of the other scope', async () => {
    const person = await createPerson(h, { role: 'viewer', organizationId: org });
    const patch = (payload: object) => h.app.inject({ method: 'PATCH', url: `/operator/people/${person.id}`, payload, headers: op });
    expect((await patch({ role: 'admin' })).json()).toMatchObject({ role: 'admin' });
    const wrong = await patch({ role: 'support' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().messages[0]).toMatch(/^role: /);
    expect((await h.app.inject({ method: 'PATCH', url: '/operator/people/person_01HTJA47C93ABKKR58T05JBAJB', payload: { role: 'admin' }, headers: op })).statusCode).toBe(404);
  });

  it('lists people, by organization or the staff', async () => {
    const member = await createPerson(h, { role: 'viewer', organizationId: org });
    const staff = await createPerson(h, { role: 'admin' });
    const ids = async (query: string) => ((await h.app.inject({ url: `/operator/people?limit=100${query}`, headers: op })).json().items as { id: string }[]).map((p) => p.id);
    expect(await ids(`&organization_id=${org}`)).toContain(member.id);
    expect(await ids(`&organization_id=${org}`)).not.toContain(staff.id);
    expect(await ids('&organization_id=operator')).toContain(staff.id);
    expect(await ids('&organization_id=operator')).not.toContain(member.id);
  });
});

describe('members invited by an organization admin', () => {
  it('an admin invites into their own organization; a viewer may not; members list stays in the organization', async () => {
    const other = (await h.tenant({ name: 'Other Org' })).organizationId;
    const outsider = await createPerson(h, { role: 'admin', organizationId: other });
    const admin = await logIn(h, (await createPerson(h, { role: 'admin', organizationId: org, family: 'connect' })).email);
    const res = await h.app.inject({
      method: 'POST',
      url: '/console/api/members',
      payload: { email: 'member@example.test', name: 'Member', role: 'viewer' },
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ organization_id: org, family: 'connect', role: 'viewer' });
    await tokenMailedTo('member@example.test');

    const listed = (await h.app.inject({ url: '/console/api/members', headers: { cookie: admin.cookie } })).json().items as { id: string; organization_id: string }[];
    expect(listed.map((p) => p.id)).toContain(res.json().id);
    expect(listed.map((p) => p.id)).not.toContain(outsider.id);
    expect(new Set(listed.map((p) => p.organization_id))).toEqual(new Set([org]));

    const viewer = await logIn(h, (await createPerson(h, { role: 'viewer', organizationId: org })).email);
    const refused = await h.app.inject({ method: 'POST', url: '/console/api/members', payload: { email: 'nope@example.test', name: 'N', role: 'admin' }, headers: viewer.headers });
    expect(refused.statusCode).toBe(403);

    const staff = await logIn(h, (await createPerson(h, { role: 'admin' })).email);
    expect((await h.app.inject({ url: '/console/api/members', headers: { cookie: staff.cookie } })).statusCode).toBe(403);
  });
});
