// A Connect reseller's settings, which the operator sets. orders.md marks a TOPUP's
// `countryCode` "configurable": by default a top-up without it is taken; a reseller
// configured to require it has top-ups without it refused, naming the field.
import type { Executor } from '../../db/database.ts';
import { getOrganization } from './organizations.service.ts';
import { findConnectSettings, upsertConnectSettings } from './connect-settings.store.ts';

export interface ConnectSettings {
  organizationId: string;
  topupRequiresCountryCode: boolean;
  /** When the operator last changed them; null while they are the defaults. */
  updatedAt: Date | null;
}

const DEFAULTS = { topupRequiresCountryCode: false };

/** The reseller's settings (the defaults when the operator set none); the organization must exist. */
export async function getConnectSettings(db: Executor, organizationId: string): Promise<ConnectSettings> {
  await getOrganization(db, organizationId);
  return readConnectSettings(db, organizationId);
}

/** The settings of an organization known to exist. */
export async function readConnectSettings(db: Executor, organizationId: string): Promise<ConnectSettings> {
  return (await findConnectSettings(db, organizationId)) ?? { organizationId, ...DEFAULTS, updatedAt: null };
}

/** Changes the settings given; the others keep their value. */
export async function updateConnectSettings(db: Executor, organizationId: string, changes: Partial<Pick<ConnectSettings, 'topupRequiresCountryCode'>>): Promise<ConnectSettings> {
  const current = await getConnectSettings(db, organizationId);
  return upsertConnectSettings(db, {
    organizationId,
    topupRequiresCountryCode: changes.topupRequiresCountryCode ?? current.topupRequiresCountryCode,
    updatedAt: new Date(),
  });
}
