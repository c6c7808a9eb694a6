// Access tokens are RFC 9068 JWTs signed by the key ring, checked without a table.
// Refresh tokens are JWTs of their own type, and each is recorded so that it is used
// once: redeeming one rotates it, and a second use revokes its family (RFC 9700 §4.14).
// With an external issuer configured (a real Keycloak), tokens are verified against
// its JWKS instead.
import { randomUUID } from 'node:crypto';
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Executor } from '../db/database.ts';
import { DomainError, unauthorised } from '../domain/errors.ts';
import { recordRefreshToken, redeemRefreshToken } from './refresh-tokens.store.ts';
import type { Principal } from './clients.service.ts';
import type { KeyRing } from './key-ring.ts';
import { audienceOf, issuerOf, type RealmName } from './realms.ts';

const ACCESS_TYPE = 'at+jwt';
const REFRESH_TYPE = 'refresh+jwt';
/** Clocks differ between machines by this much at most; a token issued later than this is refused. */
const CLOCK_SKEW_SECONDS = 30;

export interface TokenSettings {
  publicUrl: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** External issuer URL; `{realm}` is replaced by the realm's name. */
  issuerUrl?: string;
}

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token: string;
  refresh_expires_in: number;
  scope: string;
}

function scopeOf(principal: Principal): string {
  return principal.family === 'connect' ? (principal.role ?? '') : principal.licences.join(' ');
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'token: has expired';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'token: signature does not verify';
  if (error instanceof errors.JWTClaimValidationFailed) return `token: ${error.claim} claim is not valid for this API`;
  if (error instanceof errors.JOSEAlgNotAllowed) return 'token: signing algorithm is not accepted';
  if (error instanceof errors.JWKSNoMatchingKey) return 'token: signed by an unknown key';
  if (error instanceof FutureToken) return `token: ${error.message}`;
  return 'token: is malformed';
}

class FutureToken extends Error {}

/** The client id prefix of a console person's tokens (console/session-tokens.ts). */
export const PERSON_CLIENT_PREFIX = 'person:';

function isPersonToken(token: string): boolean {
  try {
    const clientId = decodeJwt(token).client_id;
    return typeof clientId === 'string' && clientId.startsWith(PERSON_CLIENT_PREFIX);
  } catch {
    return false;
  }
}

/** jose checks nbf against the skew but iat only with a maximum age: both here, for every issuer. */
function notFromTheFuture(payload: JWTPayload): JWTPayload {
  const latest = Math.floor(Date.now() / 1000) + CLOCK_SKEW_SECONDS;
  if (typeof payload.iat === 'number' && payload.iat > latest) throw new FutureToken('iat claim lies in the future');
  if (typeof payload.nbf === 'number' && payload.nbf > latest) throw new FutureToken('nbf claim lies in the future');
  return payload;
}

/** RFC 6749 §5.2: the refresh token is invalid, expired, revoked or another client's. */
export class InvalidGrant extends DomainError {
  constructor(message: string) {
    super('invalid', `refresh_token: ${message}`);
  }
}

const VERIFIED_CACHE_LIMIT = 50_000;

export class TokenService {
  /** Verified access tokens by realm, until they expire: a token's signature is checked once, not on every request. */
  private readonly verified = new Map<RealmName, Map<string, { clientId: string; exp: number }>>();
  private readonly remoteKeys = new Map<RealmName, JWTVerifyGetKey>();

  constructor(
    private readonly keys: KeyRing,
    private readonly settings: TokenSettings,
    private readonly db: Executor,
  ) {}

  get external(): boolean {
    return this.settings.issuerUrl !== undefined;
  }

  issuer(realm: RealmName): string {
    return this.settings.issuerUrl?.replace('{realm}', realm) ?? issuerOf(this.settings.publicUrl, realm);
  }

  /** An access token and a refresh token; a refresh grant passes the family it continues. */
  async issue(principal: Principal, realm: RealmName, family: string = randomUUID()): Promise<TokenResponse> {
    const key = this.keys.signingKey();
    const { accessTokenTtlSeconds: accessTtl, refreshTokenTtlSeconds: refreshTtl } = this.settings;
    const scope = scopeOf(principal);
    const accessToken = await new SignJWT({
      client_id: principal.clientId,
      organization_id: principal.organizationId,
      ...(principal.role ? { role: principal.role } : {}),
      scope,
    })
      .setProtectedHeader({ alg: 'RS256', typ: ACCESS_TYPE, kid: key.kid })
      .setIssuer(this.issuer(realm))
      .setSubject(principal.clientId)
      .setAudience(audienceOf(this.settings.publicUrl, realm))
      .setIssuedAt()
      .setExpirationTime(`${accessTtl}s`)
      .setJti(randomUUID())
      .sign(key.privateKey);
    const jti = randomUUID();
    const refreshToken = await new SignJWT({ client_id: principal.clientId })
      .setProtectedHeader({ alg: 'RS256', typ: REFRESH_TYPE, kid: key.kid })
      .setIssuer(this.issuer(realm))
      .setSubject(principal.clientId)
      .setAudience(this.issuer(realm))
      .setIssuedAt()
      .setExpirationTime(`${refreshTtl}s`)
      .setJti(jti)
      .sign(key.privateKey);
    await recordRefreshToken(this.db, { jti, family, clientId: principal.clientId, expiresAt: new Date(Date.now() + refreshTtl * 1000) });
    return {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: accessTtl,
      refresh_token: refreshToken,
      refresh_expires_in: refreshTtl,
      scope,
    };
  }

  /**
   * A short-lived access token alone, no refresh token: what a console session gets for
   * one API (console/session-tokens.ts). `audience` is a realm, or the operator API.
   */
  async issueAccessOnly(
    claims: { clientId: string; organizationId: string | null; role?: string; scope: string },
    audience: RealmName | 'operator',
    ttlSeconds: number,
  ): Promise<string> {
    const key = this.keys.signingKey();
    const { issuer, aud } =
      audience === 'operator'
        ? { issuer: this.operatorIssuer(), aud: this.operatorAudience() }
        : { issuer: this.issuer(audience), aud: audienceOf(this.settings.publicUrl, audience) };
    return new SignJWT({
      client_id: claims.clientId,
      ...(claims.organizationId ? { organization_id: claims.organizationId } : {}),
      ...(claims.role ? { role: claims.role } : {}),
      scope: claims.scope,
    })
      .setProtectedHeader({ alg: 'RS256', typ: ACCESS_TYPE, kid: key.kid })
      .setIssuer(issuer)
      .setSubject(claims.clientId)
      .setAudience(aud)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .setJti(randomUUID())
      .sign(key.privateKey);
  }

  /** Operator tokens come only from console sessions, so always from this server's key ring. */
  private operatorIssuer(): string {
    return `${this.settings.publicUrl}/console`;
  }

  private operatorAudience(): string {
    return `${this.settings.publicUrl}/operator`;
  }

  /** The client id (a person's, see console/) an operator access token speaks for, or 401 naming why. */
  async verifyOperatorAccessToken(token: string): Promise<string> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.localKey, {
        issuer: this.operatorIssuer(),
        audience: this.operatorAudience(),
        typ: ACCESS_TYPE,
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'iat', 'jti', 'client_id'],
      }));
      notFromTheFuture(payload);
    } catch (error) {
      throw unauthorised(reasonOf(error));
    }
    if (typeof payload.client_id !== 'string') throw unauthorised('token: names no client');
    return payload.client_id;
  }

  /**
   * Uses up an authenticated client's refresh token and answers the family its
   * successor continues; a token used before revokes its family.
   */
  async redeem(token: string, realm: RealmName, clientId: string): Promise<string> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.localKey, {
        issuer: this.issuer(realm),
        audience: this.issuer(realm),
        typ: REFRESH_TYPE,
        algorithms: ['RS256'],
        requiredClaims: ['jti', 'exp'],
      }));
      notFromTheFuture(payload);
    } catch (error) {
      throw new InvalidGrant(reasonOf(error).replace('token: ', ''));
    }
    if (payload.client_id !== clientId) throw new InvalidGrant('was issued to another client');
    const redemption = await redeemRefreshToken(this.db, payload.jti!);
    if (redemption.outcome === 'replayed') throw new InvalidGrant('was used before; every token of its family is revoked');
    if (redemption.outcome === 'unknown') throw new InvalidGrant('is not known here');
    return redemption.family;
  }

  /** The client id an access token speaks for, or 401 naming why. */
  async verifyAccessToken(token: string, realm: RealmName): Promise<string> {
    const known = this.verifiedClientId(token, realm);
    if (known !== undefined) return known;
    let payload: JWTPayload;
    try {
      // A console session's tokens are always this server's own, even beside an external issuer.
      payload = this.external && !isPersonToken(token) ? await this.verifyExternal(token, realm) : await this.verifyLocal(token, realm);
    } catch (error) {
      throw unauthorised(reasonOf(error));
    }
    const clientId = payload.client_id ?? payload.azp ?? payload.clientId;
    if (typeof clientId !== 'string' || typeof payload.exp !== 'number') throw unauthorised('token: names no client');
    let verified = this.verified.get(realm);
    if (!verified) this.verified.set(realm, (verified = new Map()));
    if (verified.size >= VERIFIED_CACHE_LIMIT) verified.clear();
    verified.set(token, { clientId, exp: payload.exp });
    return clientId;
  }

  /**
   * The client id of an access token this process verified before and which has not
   * expired since; undefined otherwise (verifyAccessToken then checks it in full).
   */
  verifiedClientId(token: string, realm: RealmName): string | undefined {
    const hit = this.verified.get(realm)?.get(token);
    return hit && hit.exp * 1000 > Date.now() ? hit.clientId : undefined;
  }

  private readonly localKey: JWTVerifyGetKey = async (header) => {
    const key = await this.keys.verificationKey(header.kid);
    if (!key) throw new errors.JWKSNoMatchingKey();
    return key;
  };

  private async verifyLocal(token: string, realm: RealmName): Promise<JWTPayload> {
    const { payload } = await jwtVerify(token, this.localKey, {
      issuer: this.issuer(realm),
      audience: audienceOf(this.settings.publicUrl, realm),
      typ: ACCESS_TYPE,
      algorithms: ['RS256'],
      requiredClaims: ['exp', 'iat', 'jti', 'client_id'],
    });
    return notFromTheFuture(payload);
  }

  private async verifyExternal(token: string, realm: RealmName): Promise<JWTPayload> {
    let keys = this.remoteKeys.get(realm);
    if (!keys) {
      keys = createRemoteJWKSet(new URL(`${this.issuer(realm)}/protocol/openid-connect/certs`));
      this.remoteKeys.set(realm, keys);
    }
    const { payload } = await jwtVerify(token, keys, {
      issuer: this.issuer(realm),
      algorithms: ['RS256', 'PS256', 'ES256'],
      requiredClaims: ['exp'],
    });
    return notFromTheFuture(payload);
  }
}
