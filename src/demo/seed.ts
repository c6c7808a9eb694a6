// `cellhub demo`: seeds the demo world into the configured database, once. Running it
// again changes nothing and prints the same credentials. It all happens in one
// transaction under a lock, so two processes seeding at once cannot half-seed.
import type { Db, Executor } from '../db/database.ts';
import { LICENCES } from '../auth/licences.ts';
import { CONNECT_ROLES, type ConnectRole } from '../auth/realms.ts';
import { createClient } from '../auth/clients.service.ts';
import { createOrganization } from '../domain/organizations/organizations.service.ts';
import { createAccount, type Account } from '../domain/accounts/accounts.service.ts';
import { createOffering } from '../domain/catalog/offerings.service.ts';
import { createTemplate } from '../domain/catalog/templates.service.ts';
import { createPool, importNumbers } from '../domain/inventory/numbers.service.ts';
import { importSims } from '../domain/inventory/sims.service.ts';
import { updateSim } from '../domain/inventory/sims.store.ts';
import { authorizeSender } from '../domain/sms/senders.service.ts';
import { createResellerProduct } from '../domain/catalog/reseller-products.service.ts';
import { insertExchangeRateIfNone } from '../domain/catalog/exchange-rates.ts';
import { iccidWithCheckDigit } from '../domain/telecom.ts';
import { provisionSubscription, suspendSubscription, terminateSubscription } from '../domain/subscriptions/provisioning.ts';
import { lockForTransaction, readSetting, writeSetting } from '../domain/settings.store.ts';
import { demoSecret, newDemoKey } from './credentials.ts';
import { TemplateCache } from '../domain/catalog/template-cache.ts';
import { seedDemoUsage } from './usage.ts';
import { demoPeople, type DemoPerson } from './people.ts';
import {
  DEMO_CONNECT_PRODUCTS,
  DEMO_EXCHANGE_RATES,
  DEMO_NUMBER_RANGES,
  DEMO_ORGANIZATIONS,
  FIRST_NAMES,
  GROUPS,
  LAST_NAMES,
  seededRandom,
  type DemoOrganization,
} from './data.ts';
import { DAY_MS } from '../domain/time.ts';
import { createCustomer, getCustomer } from '../domain/customers/customers.service.ts';
import { findCustomerIdOfClient } from '../domain/customers/customers.store.ts';

const DEMO_LOCK = 727_002;
const DEMO_SMDP_ADDRESS = 'smdp.cellhub.example';

interface DemoState {
  key: string;
  organizations: { id: string; slug: string; name: string; senders: string[] }[];
  /** Whether the demo's exchange rates were set (a world seeded before they existed gets them on the next run). */
  exchangeRates?: boolean;
}

export interface DemoSummary {
  created: boolean;
  organizations: {
    id: string;
    name: string;
    enterprise: { client_id: string; client_secret: string; licences: string[] };
    /** The ACCOUNT_MANAGER client comes with the customer it acts for. */
    connect: { client_id: string; client_secret: string; role: ConnectRole; customer?: DemoCustomer }[];
    /** Authorized senders, each with a domestic number to try it on. */
    sms_senders: { from: string; to: string }[];
  }[];
  /** Console people with their passwords (demo/people.ts). */
  people: DemoPerson[];
}

export interface DemoCustomer {
  id: string;
  email: string;
  type: string;
  first_name: string;
  last_name: string;
  default_currency: string | null;
}

const enterpriseClientId = (slug: string) => `demo-${slug}-enterprise`;
const connectClientId = (slug: string, role: ConnectRole) => `demo-${slug}-${role.toLowerCase().replace('_', '-')}`;

export async function seedDemo(db: Db): Promise<DemoSummary> {
  return db.transaction(async (tx) => {
    await lockForTransaction(tx, DEMO_LOCK);
    let state = await readSetting<DemoState>(tx, 'demo');
    const created = !state;
    if (!state) state = await createDemoWorld(tx);
    if (!state.exchangeRates) {
      // Rates the operator set already are kept.
      for (const r of DEMO_EXCHANGE_RATES) await insertExchangeRateIfNone(tx, r.from, r.to, r.rate);
      state = { ...state, exchangeRates: true };
      await writeSetting(tx, 'demo', state);
    }
    return summarize(state, created, await demoCustomers(tx, state), await demoPeople(tx, state.key, state.organizations));
  });
}

/**
 * Each organization's ACCOUNT_MANAGER client acts for one customer. Created with the
 * world, or on the next run for a world seeded before customers existed.
 */
async function demoCustomers(db: Executor, state: DemoState): Promise<Map<string, DemoCustomer>> {
  const customers = new Map<string, DemoCustomer>();
  for (const org of state.organizations) {
    const spec = DEMO_ORGANIZATIONS.find((o) => o.slug === org.slug)!;
    const scope = { organizationId: org.id, clientId: connectClientId(org.slug, 'ACCOUNT_MANAGER') };
    const existing = await findCustomerIdOfClient(db, org.id, scope.clientId);
    const country = spec.accounts[0].country;
    const range = DEMO_NUMBER_RANGES[country];
    const customer = existing
      ? await getCustomer(db, scope, existing)
      : await createCustomer(db, scope, {
          type: 'PERSONAL',
          email: `alex.morgan@${spec.domain}`,
          firstName: 'Alex',
          lastName: 'Morgan',
          language: 'EN',
          countryOfResidence: country,
          phoneNumber: `+${range.prefix}${'8'.repeat(range.digits)}`,
          defaultCurrency: spec.currency,
          billingAddress: { streetAddress1: '1 Demo Street', city: spec.accounts[0].name.split(' - ')[1] ?? 'Demo City', country },
        });
    customers.set(org.id, {
      id: customer.id,
      email: customer.email,
      type: customer.type,
      first_name: customer.firstName,
      last_name: customer.lastName,
      default_currency: customer.defaultCurrency,
    });
  }
  return customers;
}

function summarize(state: DemoState, created: boolean, customers: Map<string, DemoCustomer>, people: DemoPerson[]): DemoSummary {
  return {
    created,
    people,
    organizations: state.organizations.map((org) => ({
      id: org.id,
      name: org.name,
      enterprise: {
        client_id: enterpriseClientId(org.slug),
        client_secret: demoSecret(state.key, enterpriseClientId(org.slug)),
        licences: [...LICENCES],
      },
      connect: CONNECT_ROLES.map((role) => ({
        client_id: connectClientId(org.slug, role),
        client_secret: demoSecret(state.key, connectClientId(org.slug, role)),
        role,
        ...(role === 'ACCOUNT_MANAGER' ? { customer: customers.get(org.id) } : {}),
      })),
      sms_senders: org.senders.map((msisdn) => ({ from: `+${msisdn}`, to: `+${domesticRecipient(msisdn)}` })),
    })),
  };
}

/** The last number of the sender's demo range: in the sender's country, and never given to a subscription. */
function domesticRecipient(sender: string): string {
  const range = Object.values(DEMO_NUMBER_RANGES).find((r) => sender.startsWith(r.prefix) && sender.length === r.prefix.length + r.digits);
  if (!range) throw new Error(`demo sender ${sender} is in no demo number range`);
  return range.prefix + '9'.repeat(range.digits);
}

async function createDemoWorld(db: Executor): Promise<DemoState> {
  const key = newDemoKey();
  const random = seededRandom(20261123);
  const countries = DEMO_ORGANIZATIONS.flatMap((o) => o.accounts.map((a) => a.country));
  const pools = await createNumberPools(db, countries);
  await createSimStock(db);
  const organizations = [];
  for (const spec of DEMO_ORGANIZATIONS) {
    organizations.push(await createDemoOrganization(db, spec, key, pools, random));
  }
  return { key, organizations };
}

async function createNumberPools(db: Executor, countries: string[]): Promise<Map<string, string>> {
  const pools = new Map<string, string>();
  for (const country of countries) {
    const range = DEMO_NUMBER_RANGES[country];
    const pool = await createPool(db, { name: `demo-${country.toLowerCase()}-mobile`, country });
    const count = Math.min(10 ** range.digits, 400);
    const msisdns = Array.from({ length: count }, (_, i) => range.prefix + String(i).padStart(range.digits, '0'));
    await importNumbers(db, pool.id, msisdns);
    pools.set(country, pool.id);
  }
  return pools;
}

async function createSimStock(db: Executor): Promise<void> {
  const batch = (issuer: string, count: number) => Array.from({ length: count }, (_, i) => iccidWithCheckDigit(`8944${issuer}${String(i).padStart(10, '0')}`));
  await importSims(db, batch('5000', 900), 'esim');
  await importSims(db, batch('5001', 150), 'psim');
}

async function createDemoOrganization(db: Executor, spec: DemoOrganization, key: string, pools: Map<string, string>, random: () => number) {
  const org = await createOrganization(db, { name: spec.name, licences: [...LICENCES] });
  await createClient(db, org.id, {
    name: `${spec.name} integration`,
    family: 'enterprise',
    licences: [...LICENCES],
    isDemo: true,
    clientId: enterpriseClientId(spec.slug),
    secret: demoSecret(key, enterpriseClientId(spec.slug)),
  });
  for (const role of CONNECT_ROLES) {
    const clientId = connectClientId(spec.slug, role);
    await createClient(db, org.id, { name: `${spec.name} ${role}`, family: 'connect', role, isDemo: true, clientId, secret: demoSecret(key, clientId) });
  }
  const since = Date.now() - 400 * DAY_MS;
  const accounts: Account[] = [];
  for (const [i, a] of spec.accounts.entries()) {
    accounts.push(await createAccount(db, org.id, { ...a, referenceCode: `${spec.slug.toUpperCase()}-${1001 + i}`, createdAt: new Date(since + i * DAY_MS) }));
  }
  const templates = await createDemoCatalog(db, org.id, spec, accounts, pools);
  const senders = await createDemoSubscriptions(db, org.id, spec, accounts, templates, random);
  await seedDemoUsage(db, org.id, random);
  for (const product of DEMO_CONNECT_PRODUCTS) await createResellerProduct(db, org.id, product);
  return { id: org.id, slug: spec.slug, name: spec.name, senders };
}

/** The demo plans' prices beyond their allowances (roaming outside an add-on's footprint costs three times as much). */
const DEMO_RATES = { perMb: '0.0100', perMinute: '0.0500', perSms: '0.0800', roamingMultiplier: '3' };

async function createDemoCatalog(db: Executor, organizationId: string, spec: DemoOrganization, accounts: Account[], pools: Map<string, string>) {
  const home = accounts.map((a) => a.country);
  const gb = 1024 ** 3;
  const plan = await createOffering(db, organizationId, {
    type: 'plan',
    name: 'Business 10GB',
    description: '10 GB, 1,000 minutes and 1,000 SMS a month at home',
    dataBytes: 10 * gb,
    voiceSeconds: 1000 * 60,
    smsCount: 1000,
    validityDays: 30,
    price: '18.00',
    currency: spec.currency,
    footprint: home,
    outOfBundle: DEMO_RATES,
  });
  const unlimited = await createOffering(db, organizationId, {
    type: 'plan',
    name: 'Business Max 100GB',
    description: '100 GB with unlimited minutes and SMS at home',
    dataBytes: 100 * gb,
    voiceSeconds: null,
    smsCount: null,
    validityDays: 30,
    price: '35.00',
    currency: spec.currency,
    footprint: home,
    outOfBundle: DEMO_RATES,
  });
  const roamingEu = await createOffering(db, organizationId, {
    type: 'add_on',
    name: 'Roaming Europe 5GB',
    dataBytes: 5 * gb,
    voiceSeconds: 300 * 60,
    smsCount: 300,
    validityDays: 30,
    price: '9.00',
    currency: spec.currency,
    footprint: ['FR', 'DE', 'ES', 'IT', 'NL', 'PT', 'BE', 'IE', 'AT', 'CH', 'GB'],
  });
  const roamingWorld = await createOffering(db, organizationId, {
    type: 'add_on',
    name: 'Roaming World 2GB',
    dataBytes: 2 * gb,
    voiceSeconds: 60 * 60,
    smsCount: 100,
    validityDays: 30,
    price: '15.00',
    currency: spec.currency,
    footprint: ['US', 'CA', 'SG', 'JP', 'AU', 'AE', 'BR', 'MX'],
  });
  const templates = new Map<string, string[]>();
  for (const account of accounts) {
    const pool = pools.get(account.country);
    const standard = await createTemplate(db, organizationId, {
      description: `New joiner - ${account.country} standard`,
      offeringIds: [plan.id, roamingEu.id],
      numberPoolId: pool,
      services: ['voice', 'sms', 'data', 'roaming'],
    });
    const travel = await createTemplate(db, organizationId, {
      description: `Frequent traveller - ${account.country}`,
      offeringIds: [unlimited.id, roamingEu.id, roamingWorld.id],
      numberPoolId: pool,
      services: ['voice', 'sms', 'data', 'roaming'],
    });
    templates.set(account.id, [standard.id, travel.id]);
  }
  return templates;
}

async function createDemoSubscriptions(
  db: Executor,
  organizationId: string,
  spec: DemoOrganization,
  accounts: Account[],
  templates: Map<string, string[]>,
  random: () => number,
): Promise<string[]> {
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const templateCache = new TemplateCache();
  const senders: string[] = [];
  const people = 48;
  for (let i = 0; i < people; i++) {
    const firstName = FIRST_NAMES[(i * 7 + spec.slug.length) % FIRST_NAMES.length];
    const lastName = LAST_NAMES[(i * 11 + spec.slug.length * 3) % LAST_NAMES.length];
    const subscriber = {
      firstName,
      lastName,
      email: `${firstName}.${lastName}.${i}@${spec.domain}`.toLowerCase().replace(/[^a-z0-9.@-]/g, ''),
      employeeId: `${spec.slug.toUpperCase().slice(0, 2)}${String(1000 + i)}`,
      group: pick(GROUPS),
    };
    const account = accounts[i % accounts.length];
    const lines = i % 5 === 0 ? 2 : 1; // some people carry a second line (a tablet, a hotspot)
    for (let line = 0; line < lines; line++) {
      const at = new Date(Date.now() - Math.floor(20 + random() * 340) * DAY_MS);
      const simType = i % 9 === 4 ? 'psim' : 'esim';
      const p = await provisionSubscription(db, organizationId, {
        accountId: account.id,
        template: await templateCache.get(db, organizationId, pick(templates.get(account.id)!)),
        subscriber,
        simType,
        at,
      });
      await settleSimProfile(db, p.iccid, simType, i, random);
      const status = i % 8 === 6 ? 'suspended' : i % 8 === 7 ? 'terminated' : 'active';
      if (status === 'suspended') await suspendSubscription(db, organizationId, p.subscription.id, pick(['lost_or_stolen', 'temporary']), new Date());
      if (status === 'terminated') await terminateSubscription(db, organizationId, p.subscription.id, new Date(at.getTime() + 15 * DAY_MS), 90);
      if (status === 'active' && senders.length < 2 && line === 0) {
        senders.push((await authorizeSender(db, organizationId, p.msisdns[0])).msisdn);
      }
    }
  }
  return senders;
}

/** Moves a demo profile along as devices would: most installed, a few still waiting. */
async function settleSimProfile(db: Executor, iccid: string, simType: string, i: number, random: () => number) {
  const eid = () => '89049032' + Array.from({ length: 24 }, () => Math.floor(random() * 10)).join('');
  if (simType === 'psim') return updateSim(db, iccid, { state: 'installed' });
  const matchingId = Array.from({ length: 4 }, () =>
    Math.floor(random() * 65536)
      .toString(16)
      .toUpperCase()
      .padStart(4, '0'),
  ).join('-');
  const state = i % 10 === 3 ? 'released' : i % 10 === 8 ? 'downloaded' : 'installed';
  await updateSim(db, iccid, { state, matchingId, smdpAddress: DEMO_SMDP_ADDRESS, eid: state === 'released' ? null : eid() });
}
