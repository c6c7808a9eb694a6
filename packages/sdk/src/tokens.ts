// OAuth2 tokens for both families: a client-credentials grant at first, then the
// refresh-token grant shortly before the access token expires (the server rotates the
// refresh token at each use), and a fresh client-credentials grant when the refresh
// token is spent or refused. Concurrent callers share one grant in flight: two
// refreshes with the same token would look like a replay and revoke its family.
import { CellhubError } from './errors.ts';
import type { Fetch } from './transport.ts';

/** The realm of each family: `enterprise-apis` for Enterprise, `tru-staff` for Connect. */
export const REALMS = { enterprise: 'enterprise-apis', connect: 'tru-staff' } as const;
export type Realm = (typeof REALMS)[keyof typeof REALMS];

/** Anything that hands out bearer tokens; `invalidate` is called when the server refuses one. */
export interface TokenSource {
  token(): Promise<string>;
  invalidate?(): void;
}

export interface Credentials {
  realm: Realm;
  clientId: string;
  clientSecret: string;
  /** Renew this long before the access token expires, at most half its lifetime (default 30). */
  refreshBeforeSeconds?: number;
  /** The clock, in milliseconds (default Date.now). */
  now?: () => number;
}

interface TokenAnswer {
  access_token: string;
  expires_in: number;
  refresh_token?: string;
  refresh_expires_in?: number;
}

interface Held {
  accessToken: string;
  /** When to stop using the access token and renew it. */
  renewAt: number;
  refreshToken?: string;
  /** When to stop offering the refresh token. */
  refreshUntil: number;
}

export class ClientCredentials implements TokenSource {
  private held?: Held;
  private renewing?: Promise<Held>;
  private readonly now: () => number;

  constructor(
    private readonly baseUrl: string,
    private readonly credentials: Credentials,
    /** Sends token requests: retried, never authenticated with a bearer token. */
    private readonly send: Fetch,
  ) {
    this.now = credentials.now ?? Date.now;
  }

  async token(): Promise<string> {
    if (this.held && this.now() < this.held.renewAt) return this.held.accessToken;
    this.renewing ??= this.renew().finally(() => (this.renewing = undefined));
    return (await this.renewing).accessToken;
  }

  /** The server refused the access token: the next call renews it (by refresh token while that lasts). */
  invalidate(): void {
    if (this.held) this.held = { ...this.held, renewAt: -Infinity };
  }

  private async renew(): Promise<Held> {
    const refreshToken = this.held && this.now() < this.held.refreshUntil ? this.held.refreshToken : undefined;
    if (refreshToken) {
      try {
        return (this.held = await this.grant({ grant_type: 'refresh_token', refresh_token: refreshToken }));
      } catch (error) {
        // invalid_grant: expired, used or revoked; a client-credentials grant starts a new family.
        if (!(error instanceof CellhubError && error.status === 400)) throw error;
      }
    }
    return (this.held = await this.grant({ grant_type: 'client_credentials' }));
  }

  private async grant(form: Record<string, string>): Promise<Held> {
    const issuedAt = this.now();
    const { clientId, clientSecret, realm } = this.credentials;
    // RFC 6749 §2.3.1: HTTP Basic with the form-encoded id and secret.
    const basic = btoa(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`);
    const response = await this.send(
      new Request(`${this.baseUrl}/auth/realms/${realm}/protocol/openid-connect/token`, {
        method: 'POST',
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams(form).toString(),
      }),
    );
    if (!response.ok) throw await CellhubError.from(response);
    return this.hold((await response.json()) as TokenAnswer, issuedAt);
  }

  private hold(answer: TokenAnswer, issuedAt: number): Held {
    const lead = (lifetimeSeconds: number) => Math.min((this.credentials.refreshBeforeSeconds ?? 30) * 1000, (lifetimeSeconds * 1000) / 2);
    const refreshLifetime = answer.refresh_expires_in ?? 0;
    return {
      accessToken: answer.access_token,
      renewAt: issuedAt + answer.expires_in * 1000 - lead(answer.expires_in),
      refreshToken: answer.refresh_token,
      refreshUntil: issuedAt + refreshLifetime * 1000 - lead(refreshLifetime),
    };
  }
}

/** A token that never changes, such as the operator API's. */
export const staticToken = (token: string): TokenSource => ({ token: async () => token });
