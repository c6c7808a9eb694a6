// The demo world: two organizations in different countries, so a newcomer sees
// tenants kept apart. Numbers come from ranges reserved for drama and testing
// (e.g. UK 07700 900xxx, US 555-01xx) so no real person is ever texted.
import type { ResellerProductInput } from '../domain/catalog/reseller-products.service.ts';

export interface DemoOrganization {
  slug: string;
  name: string;
  domain: string;
  currency: string;
  accounts: { name: string; country: string }[];
}

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    slug: 'acme',
    name: 'Acme Logistics',
    domain: 'acme-logistics.example',
    currency: 'GBP',
    accounts: [
      { name: 'Acme Logistics - London HQ', country: 'GB' },
      { name: 'Acme Logistics - New York Branch', country: 'US' },
      { name: 'Acme Logistik - Hamburg Hub', country: 'DE' },
      { name: 'Acme Logística - Madrid Depot', country: 'ES' },
    ],
  },
  {
    slug: 'globex',
    name: 'Globex Health',
    domain: 'globex-health.example',
    currency: 'EUR',
    accounts: [
      { name: 'Globex Health - Paris Clinic', country: 'FR' },
      { name: 'Globex Health - Amsterdam Lab', country: 'NL' },
      { name: 'Globex Health - Singapore Office', country: 'SG' },
      { name: 'Globex Saúde - Lisbon Care', country: 'PT' },
    ],
  },
];

/** Number ranges per country: a prefix followed by a running suffix. */
export const DEMO_NUMBER_RANGES: Record<string, { prefix: string; digits: number }> = {
  GB: { prefix: '447700900', digits: 3 },
  US: { prefix: '1202555', digits: 4 },
  DE: { prefix: '4915550', digits: 4 },
  ES: { prefix: '34600000', digits: 3 },
  FR: { prefix: '336399', digits: 5 },
  NL: { prefix: '316555', digits: 4 },
  SG: { prefix: '6580000', digits: 3 },
  PT: { prefix: '351910000', digits: 3 },
};

export const FIRST_NAMES = [
  'Amelia',
  'Oliver',
  'Isla',
  'George',
  'Ava',
  'Noah',
  'Mia',
  'Arthur',
  'Sofia',
  'Leo',
  'Chloe',
  'Lucas',
  'Emma',
  'Mateo',
  'Hannah',
  'Jonas',
  'Lea',
  'Finn',
  'Lucia',
  'Hugo',
  'Ines',
  'Daan',
  'Mei',
  'Wei',
  'Priya',
  'Arjun',
  'Fatima',
  'Omar',
  'Zoe',
  'Ethan',
  'Nora',
  'Felix',
  'Clara',
  'Tiago',
  'Beatriz',
  'Rafael',
];

export const LAST_NAMES = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Müller',
  'Schmidt',
  'García',
  'Martínez',
  'Dubois',
  'Moreau',
  'de Vries',
  'Jansen',
  'Tan',
  'Lim',
  'Silva',
  'Santos',
  'Ferreira',
  'Patel',
  'Khan',
  'Rossi',
  'Novak',
  'Kowalski',
  'Andersen',
  'Nielsen',
  'Okafor',
  'Mensah',
  'Nakamura',
  'Kim',
  'Costa',
];

export const GROUPS = ['Sales', 'Engineering', 'Operations', 'Finance', 'Field Service', 'Executive'];

/** A small deterministic PRNG (mulberry32), so every demo database looks alike. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The Connect catalogue every demo reseller sells: travel eSIM data plans. */
export const DEMO_CONNECT_PRODUCTS: ResellerProductInput[] = [
  {
    name: 'Europe 1 GB',
    description: '1 GB of data across Europe for 7 days',
    period: 7,
    period_unit: 'DAYS',
    data: { value: 1, units: 'GB' },
    footprint: ['DE', 'ES', 'FR', 'GB', 'IT', 'NL', 'PT'],
    pricing: { EUR: 4.5, GBP: 3.9 },
    region: 'europe',
  },
  {
    name: 'Europe 5 GB',
    description: '5 GB of data across Europe for 30 days',
    period: 30,
    period_unit: 'DAYS',
    data: { value: 5, units: 'GB' },
    footprint: ['DE', 'ES', 'FR', 'GB', 'IT', 'NL', 'PT'],
    pricing: { EUR: 14, GBP: 12 },
    region: 'europe',
  },
  {
    name: 'USA 10 GB',
    description: '10 GB of data in the United States for 30 days',
    period: 30,
    period_unit: 'DAYS',
    data: { value: 10, units: 'GB' },
    footprint: ['US'],
    pricing: { EUR: 22, USD: 24 },
    region: 'north-america',
  },
  {
    name: 'Global 3 GB',
    description: '3 GB of data in 60+ countries for 30 days',
    period: 30,
    period_unit: 'DAYS',
    data: { value: 3, units: 'GB' },
    footprint: ['AU', 'BR', 'CA', 'DE', 'ES', 'FR', 'GB', 'JP', 'SG', 'US'],
    pricing: { EUR: 19, USD: 21 },
    region: 'global',
  },
  {
    name: 'Asia 500 MB',
    description: 'A short stay in Asia: 500 MB for 5 days',
    period: 5,
    period_unit: 'DAYS',
    data: { value: 500, units: 'MB' },
    footprint: ['JP', 'KR', 'SG', 'TH'],
    pricing: { USD: 5 },
    region: 'asia',
    plan_id: 'asia-partners',
  },
];
