// What `cellhub demo` prints, and POST /operator/demo answers: each demo organization's
// credentials with where to use them.
import type { DemoSummary } from './seed.ts';
import type { RealmName } from '../auth/realms.ts';

export function demoJson(publicUrl: string, summary: DemoSummary) {
  const family = (realm: RealmName, base: string) => ({
    base_url: publicUrl + base,
    base_path: base,
    realm,
    token_url: `${publicUrl}/auth/realms/${realm}/protocol/openid-connect/token`,
  });
  return {
    created: summary.created,
    organizations: summary.organizations.map((o) => ({
      id: o.id,
      name: o.name,
      enterprise: { ...family('enterprise-apis', '/enterprise'), clients: [o.enterprise] },
      connect: { ...family('tru-staff', '/connect-api/v1'), clients: o.connect },
      sms_senders: o.sms_senders,
    })),
    /** Console people: log in at console_url with the email and password. */
    console_url: `${publicUrl}/console`,
    people: summary.people,
  };
}

export type DemoJson = ReturnType<typeof demoJson>;
