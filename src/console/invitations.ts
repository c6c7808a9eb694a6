// Inviting a person: the person (without a password), a one-time link's token (kept only
// as its SHA-256, live for 72 h) and the mail that carries the link, all in one
// transaction with the job that sends the mail. Accepting sets the password and uses
// the token up.
import { randomBytes } from 'node:crypto';
import type { Db, Executor } from '../db/database.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { SEND_MAIL } from '../jobs/kinds.ts';
import { conflict, invalidParams } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import { getOrganization } from '../domain/organizations/organizations.service.ts';
import { insertMail } from '../domain/orders/mail.store.ts';
import { hashSecret } from '../auth/secrets.ts';
import { MEMBER_FAMILIES, MEMBER_ROLES, OPERATOR_ROLES } from './roles.ts';
import { normalEmail, sha256 } from './sessions.ts';
import * as store from './people.store.ts';
import type { Person } from './people.store.ts';

export const INVITATION_TTL_HOURS = 72;
export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 200;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface Invitation {
  email: string;
  name: string;
  role: string;
  /** Unset: operator staff. */
  organizationId?: string | null;
  /** Organization members: enterprise (default) or connect. */
  family?: string | null;
}

export interface InviteDeps {
  /** The transaction the person, the token, the mail and its job are written in. */
  tx: Executor;
  queue: JobQueue;
  publicUrl: string;
}

/** The rules an invitation must meet; the messages name the field. */
export function checkInvitation(input: Invitation): { email: string; name: string; role: string; organizationId: string | null; family: string | null } {
  const email = normalEmail(input.email);
  const name = input.name.trim();
  const organizationId = input.organizationId ?? null;
  const roles: readonly string[] = organizationId ? MEMBER_ROLES : OPERATOR_ROLES;
  const problems: string[] = [];
  if (!EMAIL.test(email)) problems.push('email: must be an email address');
  if (!name) problems.push('name: must not be blank');
  if (!roles.includes(input.role)) problems.push(`role: must be one of ${roles.join(', ')}${organizationId ? ' for a member of an organization' : ' for operator staff'}`);
  if (!organizationId && input.family) problems.push('family: only members of an organization have one');
  const family = organizationId ? (input.family ?? 'enterprise') : null;
  if (family && !(MEMBER_FAMILIES as readonly string[]).includes(family)) problems.push(`family: must be one of ${MEMBER_FAMILIES.join(', ')}`);
  if (problems.length) throw invalidParams(problems);
  return { email, name, role: input.role, organizationId, family };
}

export async function invitePerson(deps: InviteDeps, input: Invitation, now = new Date()): Promise<Person> {
  const checked = checkInvitation(input);
  const organization = checked.organizationId ? await getOrganization(deps.tx, checked.organizationId) : undefined;
  const person = await store.insertPerson(deps.tx, { id: newId('person'), ...checked });
  if (!person) throw conflict(`email: ${checked.email} is already a person's`);
  const token = randomBytes(32).toString('base64url');
  await store.insertInvitation(deps.tx, { tokenHash: sha256(token), personId: person.id, expiresAt: new Date(now.getTime() + INVITATION_TTL_HOURS * 3600_000) });
  const link = `${deps.publicUrl}/console/invite#token=${token}`;
  const mailId = newId('mail');
  await insertMail(deps.tx, { id: mailId, organizationId: checked.organizationId, ...invitationMail(person.name, organization?.name ?? 'the operator', link), to: [person.email] });
  await deps.queue.send(deps.tx, SEND_MAIL, { mailId });
  return person;
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function invitationMail(name: string, inviter: string, link: string) {
  const text = [
    `Hello ${name},`,
    '',
    `You are invited to the cellhub console of ${inviter}. Set your password here (the link works once, for ${INVITATION_TTL_HOURS} hours):`,
    '',
    `  ${link}`,
    '',
    'If you did not expect this, ignore this message.',
  ].join('\n');
  const html = `<p>Hello ${escapeHtml(name)},</p>
<p>You are invited to the cellhub console of ${escapeHtml(inviter)}. <a href="${escapeHtml(link)}">Set your password</a> (the link works once, for ${INVITATION_TTL_HOURS} hours).</p>
<p>If you did not expect this, ignore this message.</p>`;
  return { subject: 'Your cellhub console invitation', text, html };
}

export function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw invalidParams(`password: must be at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > MAX_PASSWORD_LENGTH) throw invalidParams(`password: must be at most ${MAX_PASSWORD_LENGTH} characters`);
}

/** Sets the invited person's password and uses the token up; a token used, expired or unknown is refused naming `token`. */
export async function acceptInvitation(db: Db, token: string, password: string, now = new Date()): Promise<Person> {
  checkPassword(password);
  const passwordHash = await hashSecret(password);
  return db.transaction(async (tx) => {
    const personId = await store.consumeInvitation(tx, sha256(token), now);
    if (!personId) throw invalidParams('token: is unknown, used already or expired');
    const person = await store.updatePerson(tx, personId, { passwordHash });
    if (!person) throw invalidParams('token: is unknown, used already or expired');
    await store.clearFailedLogins(tx, personId);
    return person;
  });
}
