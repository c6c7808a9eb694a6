// What the order benches share (bench:orders, bench:onboarding): an organization that
// can order, with `stock` SIMs and numbers; single orders posted from a worker thread;
// and a wait for a condition.
import { Worker } from 'node:worker_threads';
import type { Platform } from '../../src/platform.ts';
import { createOrganization } from '../../src/domain/organizations/organizations.service.ts';
import { createClient } from '../../src/auth/clients.service.ts';
import { createAccount } from '../../src/domain/accounts/accounts.service.ts';
import { createOffering } from '../../src/domain/catalog/offerings.service.ts';
import { createTemplate } from '../../src/domain/catalog/templates.service.ts';
import { createPool, importNumbers } from '../../src/domain/inventory/numbers.service.ts';
import { importSims } from '../../src/domain/inventory/sims.service.ts';
import { iccidWithCheckDigit } from '../../src/domain/telecom.ts';

/** An organization with a client, an account and an activation template over `stock` SIMs and numbers. */
export async function seedOrdering(platform: Platform, name: string, stock: number) {
  const db = platform.db;
  const org = await createOrganization(db, { name, licences: ['orders'] });
  const { client, secret } = await createClient(db, org.id, { name: 'bench', family: 'enterprise', licences: ['orders'] });
  const account = await createAccount(db, org.id, { name: 'HQ', country: 'GB' });
  const plan = await createOffering(db, org.id, { type: 'plan', name: 'Plan', dataBytes: 1e9, validityDays: 30, price: '10.00', currency: 'GBP' });
  const pool = await createPool(db, { name: `bench-${Date.now()}`, country: 'GB' });
  await importNumbers(
    db,
    pool.id,
    Array.from({ length: stock }, (_, i) => `447700${String(i).padStart(6, '0')}`),
  );
  await importSims(
    db,
    Array.from({ length: stock }, (_, i) => iccidWithCheckDigit(`894477${String(i).padStart(12, '0')}`)),
    'esim',
  );
  const template = await createTemplate(db, org.id, { description: 'bench', offeringIds: [plan.id], numberPoolId: pool.id });
  return { org, client, secret, account, template };
}

/** Polls `check` until it holds; throws past `limitMs`. */
export async function waitFor(check: () => Promise<boolean>, limitMs: number, intervalMs = 25) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > limitMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Posts single orders from a worker thread (order-poster.js); resolves when all are accepted. */
export function postOrders(workerData: Record<string, unknown>): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./order-poster.js', import.meta.url), { workerData });
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
}
