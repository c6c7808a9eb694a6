// Logging in and the session behind the cookie. The cookie holds a random id; the table
// keeps only its SHA-256, so a leaked table opens no session. A session ends after its
// lifetime, after an idle spell, at logout, or when its person is disabled. Each session
// has a CSRF token the console sends back on every state-changing request.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db, Executor } from '../db/database.ts';
import { tooManyAttempts, unauthorised } from '../domain/errors.ts';
import { verifySecret } from '../auth/secrets.ts';
import * as store from './people.store.ts';
import type { Person } from './people.store.ts';

export const SESSION_COOKIE = 'cellhub_session';
export const SESSION_TTL_SECONDS = 12 * 3600;
export const IDLE_TIMEOUT_SECONDS = 30 * 60;
/** lastSeenAt is written at most this often, not on every request. */
const TOUCH_AFTER_MS = 60_000;
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_SECONDS = 15 * 60;

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('base64url');

export const normalEmail = (email: string): string => email.trim().toLowerCase();

export interface NewSession {
  /** The cookie's value: shown once, never stored. */
  sessionId: string;
  csrfToken: string;
  person: Person;
}

/** The same answer for an unknown email and a wrong password. */
const NOT_RECOGNISED = 'email or password: not recognised';

/**
 * Checks the password (an unknown email costs the same scrypt as a known one) and
 * opens a session. Too many failures lock the person for a while, whatever the password.
 */
export async function logIn(db: Db, email: string, password: string, now = new Date()): Promise<NewSession> {
  const person = await store.findPersonByEmail(db, normalEmail(email));
  const valid = await verifySecret(password, person?.passwordHash ?? undefined);
  if (person?.lockedUntil && person.lockedUntil > now) {
    const retry = Math.ceil((person.lockedUntil.getTime() - now.getTime()) / 1000);
    throw tooManyAttempts(`email: this person is locked after ${LOCK_AFTER_FAILURES} failed logins; try again in ${Math.ceil(retry / 60)} min`, retry);
  }
  if (!person || !valid || person.disabledAt) {
    if (person) await store.recordFailedLogin(db, person.id, LOCK_AFTER_FAILURES, new Date(now.getTime() + LOCK_SECONDS * 1000));
    throw unauthorised(NOT_RECOGNISED);
  }
  const sessionId = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    await store.clearFailedLogins(tx, person.id);
    // Ended sessions are swept here, where sessions begin, rather than by a job of their own.
    await store.deleteExpiredSessions(tx, now);
    await store.insertSession(tx, {
      idHash: sha256(sessionId),
      personId: person.id,
      csrfToken,
      expiresAt: new Date(now.getTime() + SESSION_TTL_SECONDS * 1000),
      lastSeenAt: now,
    });
  });
  return { sessionId, csrfToken, person };
}

export interface CurrentSession {
  idHash: string;
  csrfToken: string;
  person: Person;
}

/** The live session behind a cookie's value, or undefined (unknown, expired, idle too long, person disabled). */
export async function currentSession(db: Executor, sessionId: string | undefined, now = new Date()): Promise<CurrentSession | undefined> {
  if (!sessionId) return undefined;
  const idHash = sha256(sessionId);
  const session = await store.findLiveSession(db, idHash, now);
  if (!session) return undefined;
  if (session.lastSeenAt.getTime() + IDLE_TIMEOUT_SECONDS * 1000 <= now.getTime()) {
    await store.deleteSession(db, idHash);
    return undefined;
  }
  const person = await store.findPerson(db, session.personId);
  if (!person || person.disabledAt) return undefined;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) await store.touchSession(db, idHash, now);
  return { idHash, csrfToken: session.csrfToken, person };
}

export async function logOut(db: Executor, session: CurrentSession): Promise<void> {
  await store.deleteSession(db, session.idHash);
}

/** Constant-time comparison of the header's token with the session's. */
export function csrfMatches(session: CurrentSession, header: string | undefined): boolean {
  if (!header) return false;
  const given = Buffer.from(sha256(header));
  const expected = Buffer.from(sha256(session.csrfToken));
  return timingSafeEqual(given, expected);
}
