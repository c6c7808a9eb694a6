// What a Connect product means for a subscription: its balance and its period.
import type { ConnectProduct } from './reseller-products.store.ts';

/** The data allowance in bytes (MB and GB in powers of 1024, as operators count). */
export const allowanceBytes = (p: Pick<ConnectProduct, 'dataValue' | 'dataUnits'>) => p.dataValue * 1024 ** (p.dataUnits === 'GB' ? 3 : 2);

/** When a subscription activated at `from` ends. */
export function expirationOf(p: Pick<ConnectProduct, 'period' | 'periodUnit'>, from: Date): Date {
  const end = new Date(from);
  if (p.periodUnit === 'MONTHS') end.setUTCMonth(end.getUTCMonth() + p.period);
  else end.setUTCDate(end.getUTCDate() + p.period);
  return end;
}
