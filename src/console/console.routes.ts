// The console's own API (/console/api, a cellhub extension): log in and out, the session,
// the short-lived API token a session gets, accepting an invitation, and an organization
// admin's members. Everything else the console does, it does through /operator,
// /enterprise and /connect-api with the token.
import { Type } from 'typebox';
import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../http/app-type.ts';
import type { Platform } from '../platform.ts';
import { errorResponses } from '../http/schemas.ts';
import { accessDenied, unauthorised } from '../domain/errors.ts';
import { findOrganization } from '../domain/organizations/organizations.store.ts';
import { recordAuthFailure } from '../observability/metrics.ts';
import { csrfMatches, currentSession, logIn, logOut, SESSION_COOKIE, SESSION_TTL_SECONDS, type CurrentSession } from './sessions.ts';
import { issueConsoleToken } from './session-tokens.ts';
import { acceptInvitation, invitePerson } from './invitations.ts';
import { listPeople, type Person } from './people.store.ts';
import { PersonBody, personJson, SessionBody, sessionPersonJson } from './representations.ts';
import { MEMBER_FAMILIES, MEMBER_ROLES } from './roles.ts';

declare module 'fastify' {
  interface FastifyRequest {
    consoleSession?: CurrentSession;
  }
}

const tags = ['Console'];
const EXTENSION = 'A cellhub extension (the console, docs/console.md).';
export const CSRF_HEADER = 'x-csrf-token';

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, value: string, maxAge: number): void {
  // Secure when the request came over HTTPS, as the server sees it (TRUST_PROXY honours X-Forwarded-Proto).
  reply.setCookie(SESSION_COOKIE, value, { httpOnly: true, sameSite: 'strict', path: '/', secure: request.protocol === 'https', maxAge });
}

export async function registerConsoleApi(app: App, platform: Platform): Promise<void> {
  const db = platform.db;
  await app.register(cookie);
  app.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, tags, response: { ...errorResponses(400, 401, 403, 429), ...(route.schema?.response as object) } };
  });

  const session = async (request: FastifyRequest) => {
    request.consoleSession = await currentSession(db, request.cookies[SESSION_COOKIE]);
    if (!request.consoleSession) throw unauthorised('cellhub_session: no valid console session; log in');
  };
  /** Every state change needs the session's CSRF token in X-CSRF-Token. */
  const csrf = async (request: FastifyRequest) => {
    await session(request);
    const header = request.headers[CSRF_HEADER];
    if (!csrfMatches(request.consoleSession!, typeof header === 'string' ? header : undefined)) {
      throw accessDenied('x-csrf-token: must be the csrfToken of this session');
    }
  };
  const sessionBody = async (person: Person, csrfToken: string) => {
    const organization = person.organizationId ? await findOrganization(db, person.organizationId) : undefined;
    return { person: sessionPersonJson(person, organization), csrfToken };
  };

  app.post(
    '/session',
    {
      schema: {
        summary: 'Log in to the console',
        description: `Checks the email and password and sets the \`${SESSION_COOKIE}\` cookie (HttpOnly, SameSite=Strict, Secure over HTTPS). A wrong email and a wrong password answer the same 401; ${'5'} failures in a row lock the person for 15 min (429). ${EXTENSION}`,
        body: Type.Object(
          { email: Type.String({ maxLength: 320 }), password: Type.String({ maxLength: 1000 }) },
          { examples: [{ email: 'operator@demo.cellhub.test', password: 'the password' }] },
        ),
        response: { 200: SessionBody },
      },
    },
    async (request, reply) => {
      const source = [`console ip:${request.ip}`];
      platform.authFailures.check(source);
      const opened = await logIn(platform.db, request.body.email, request.body.password).catch((error) => {
        platform.authFailures.record(source);
        recordAuthFailure('console');
        throw error;
      });
      setSessionCookie(request, reply, opened.sessionId, SESSION_TTL_SECONDS);
      return sessionBody(opened.person, opened.csrfToken);
    },
  );

  app.get(
    '/session',
    {
      schema: {
        summary: 'The current console session',
        description: `The person logged in and the session's CSRF token; 401 without a valid session. ${EXTENSION}`,
        response: { 200: SessionBody },
      },
      onRequest: session,
    },
    async (request) => sessionBody(request.consoleSession!.person, request.consoleSession!.csrfToken),
  );

  app.delete(
    '/session',
    { schema: { summary: 'Log out of the console', description: `Ends the session and clears its cookie; needs \`X-CSRF-Token\`. ${EXTENSION}` }, onRequest: csrf },
    async (request, reply) => {
      await logOut(db, request.consoleSession!);
      setSessionCookie(request, reply, '', 0);
      return reply.code(204).send();
    },
  );

  app.post(
    '/session/token',
    {
      schema: {
        summary: "A short-lived bearer token for the session's API",
        description: `A token of about 300 s for \`base_path\`: \`/operator\` for operator staff, \`/enterprise\` or \`/connect-api/v1\` (role RESELLER) for a member of an organization, scoped to the person's organization and role; a viewer's is refused on every request but a read. Needs \`X-CSRF-Token\`. ${EXTENSION}`,
        response: {
          200: Type.Object({
            access_token: Type.String(),
            token_type: Type.Literal('Bearer'),
            expires_in: Type.Integer(),
            api: Type.Enum(['operator', 'enterprise', 'connect']),
            base_path: Type.Enum(['/operator', '/enterprise', '/connect-api/v1']),
          }),
        },
      },
      onRequest: csrf,
    },
    async (request) => {
      const person = request.consoleSession!.person;
      const organization = person.organizationId ? await findOrganization(db, person.organizationId) : undefined;
      return issueConsoleToken(platform.tokens, person, organization);
    },
  );

  app.post(
    '/invitations/accept',
    {
      schema: {
        summary: 'Accept an invitation: set the password',
        description: `Sets the invited person's password (at least 12 characters) with the one-time token of the invitation link (\`/console/invite#token=…\`); a used, expired or unknown token is 400 naming \`token\`. Then log in. ${EXTENSION}`,
        body: Type.Object(
          { token: Type.String({ minLength: 1, maxLength: 200 }), password: Type.String({ maxLength: 1000 }) },
          { examples: [{ token: 'the token after #token= in the invitation link', password: 'a long new password' }] },
        ),
        response: { 200: PersonBody },
      },
    },
    async (request) => personJson(await acceptInvitation(platform.db, request.body.token, request.body.password)),
  );

  const member = async (request: FastifyRequest) => {
    const person = request.consoleSession!.person;
    if (!person.organizationId) throw accessDenied('members: only members of an organization have members; operator staff manage people at /operator/people');
  };

  app.get(
    '/members',
    {
      schema: {
        summary: "The members of the person's organization",
        description: `Every person of the logged-in member's organization, newest first. ${EXTENSION}`,
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }),
        response: { 200: Type.Object({ items: Type.Array(PersonBody) }) },
      },
      onRequest: [session, member],
    },
    async (request) => {
      const people = await listPeople(db, { organizationId: request.consoleSession!.person.organizationId!, rows: request.query.limit ?? 200 });
      return { items: people.map((p) => personJson(p)) };
    },
  );

  app.post(
    '/members',
    {
      schema: {
        summary: 'Invite a member to the organization',
        description: `An organization admin invites a person (admin or viewer) to their own organization; the invitation link is mailed (outbox without SMTP). \`family\` defaults to the inviting admin's. Needs \`X-CSRF-Token\`. ${EXTENSION}`,
        body: Type.Object(
          {
            email: Type.String({ maxLength: 320 }),
            name: Type.String({ maxLength: 200 }),
            role: Type.Enum(MEMBER_ROLES),
            family: Type.Optional(Type.Enum(MEMBER_FAMILIES)),
          },
          { examples: [{ email: 'sam@acme.example', name: 'Sam Lee', role: 'viewer' }] },
        ),
        response: { 201: PersonBody },
      },
      onRequest: [csrf, member],
    },
    async (request, reply) => {
      const admin = request.consoleSession!.person;
      if (admin.role !== 'admin') throw accessDenied('role: only an organization admin may invite members');
      const person = await db.transaction((tx) =>
        invitePerson(
          { tx, queue: platform.queue, publicUrl: platform.config.publicUrl },
          { ...request.body, organizationId: admin.organizationId, family: request.body.family ?? admin.family },
        ),
      );
      platform.queue.wake();
      return reply.code(201).send(personJson(person));
    },
  );
}
