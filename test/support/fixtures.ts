// Builds what an organization needs before it has subscriptions: an account, a plan and
// an add-on, a template, a number pool with numbers and SIM stock. Through the services,
// as the operator would.
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/database.ts';
import { createAccount } from '../../src/domain/accounts/accounts.service.ts';
import { createOffering } from '../../src/domain/catalog/offerings.service.ts';
import { createTemplate } from '../../src/domain/catalog/templates.service.ts';
import { createPool, importNumbers } from '../../src/domain/inventory/numbers.service.ts';
import { importSims } from '../../src/domain/inventory/sims.service.ts';
import { iccidWithCheckDigit } from '../../src/domain/telecom.ts';
import { provisionSubscription, suspendSubscription, terminateSubscription } from '../../src/domain/subscriptions/provisioning.ts';

let series = 0;

/** Distinct ICCIDs and MSISDNs for every call in a test process. */
function uniqueBlock(): number {
  return (process.pid % 1000) * 1000 + series++;
}

export async function stockUp(db: Db, { sims = 50, numbers = 50, country = 'GB' } = {}) {
  const block = uniqueBlock();
  const iccids = Array.from({ length: sims }, (_, i) => iccidWithCheckDigit(`8944${String(block).padStart(7, '0')}${String(i).padStart(7, '0')}`));
  await importSims(db, iccids, 'esim');
  const pool = await createPool(db, { name: `pool-${block}`, country });
  const msisdns = Array.from({ length: numbers }, (_, i) => `44${String(block).padStart(6, '0')}${String(i).padStart(5, '0')}`);
  await importNumbers(db, pool.id, msisdns);
  return { pool, iccids, msisdns };
}

export async function catalog(
  db: Db,
  organizationId: string,
  options: { sims?: number; numbers?: number; country?: string; plan?: Partial<Parameters<typeof createOffering>[2]>; addOn?: Partial<Parameters<typeof createOffering>[2]> } = {},
) {
  const country = options.country ?? 'GB';
  const { pool } = await stockUp(db, { sims: options.sims ?? 50, numbers: options.numbers ?? options.sims ?? 50, country });
  const account = await createAccount(db, organizationId, { name: `${country} branch`, country });
  const plan = await createOffering(db, organizationId, {
    type: 'plan',
    name: '10GB Plan',
    dataBytes: 10 * 1024 ** 3,
    voiceSeconds: 60 * 500,
    smsCount: 500,
    validityDays: 30,
    price: '25.00',
    currency: 'GBP',
    footprint: [country],
    ...options.plan,
  });
  const addOn = await createOffering(db, organizationId, {
    type: 'add_on',
    name: 'EU Roaming 5GB',
    dataBytes: 5 * 1024 ** 3,
    validityDays: 30,
    price: '10.00',
    currency: 'GBP',
    footprint: ['FR', 'DE', 'ES'],
    ...options.addOn,
  });
  const template = await createTemplate(db, organizationId, {
    description: 'New joiner',
    offeringIds: [plan.id, addOn.id],
    numberPoolId: pool.id,
    services: ['voice', 'sms', 'data'],
  });
  return { account, plan, addOn, template, pool };
}

export async function subscriptionsFor(
  db: Db,
  organizationId: string,
  setup: Awaited<ReturnType<typeof catalog>>,
  count: number,
  status: 'active' | 'suspended' | 'terminated' = 'active',
  /** Back-dates the subscriptions and their products. */
  at?: Date,
) {
  const made = [];
  for (let i = 0; i < count; i++) {
    const p = await db.transaction(async (tx) => {
      const result = await provisionSubscription(tx, organizationId, {
        accountId: setup.account.id,
        template: setup.template,
        simType: 'esim',
        at,
        subscriber: { firstName: 'Ada', lastName: `Tester ${i}`, email: `ada.${organizationId}.${series}.${i}@example.com`, employeeId: `E${i}`, group: 'QA' },
      });
      if (status === 'suspended') await suspendSubscription(tx, organizationId, result.subscription.id, 'temporary', new Date());
      if (status === 'terminated') await terminateSubscription(tx, organizationId, result.subscription.id, new Date(), 90);
      return result;
    });
    await db.execute(sql`SELECT pg_notify('tenant_changes', ${organizationId})`); // as an activation announces itself
    made.push(p);
  }
  series++;
  return made;
}
