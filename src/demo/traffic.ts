// Plausible traffic for a line: calls, data sessions and messages at home, some roaming
// in Europe (covered by the roaming add-on) and some beyond it. Free of imports, so
// `cellhub simulate` against a running server loads nothing else.

export interface Line {
  msisdn: string;
  homeCountry: string;
}

const EUROPE = ['FR', 'DE', 'ES', 'IT', 'NL', 'PT'];
const FAR = ['US', 'SG', 'JP', 'AE'];

/** One record of plausible traffic on the line at `at`. */
export function trafficRecord(line: Line, at: Date, random: () => number, id: string): Record<string, unknown> {
  const roll = random();
  // One record in eight is abroad: mostly Europe, sometimes further.
  const abroad = roll < 0.125;
  const country = abroad
    ? random() < 0.7
      ? pick(
          EUROPE.filter((c) => c !== line.homeCountry),
          random,
        )
      : pick(
          FAR.filter((c) => c !== line.homeCountry),
          random,
        )
    : line.homeCountry;
  const kind = random();
  const direction = random() < 0.55 ? 'outbound' : 'inbound';
  const other = line.msisdn.slice(0, -4) + String(Math.floor(random() * 10_000)).padStart(4, '0');
  const base = { source_record_id: id, msisdn: line.msisdn, location_country: country, started_at: at.toISOString(), other_party: other };
  if (kind < 0.4) {
    const seconds = Math.round(5 + random() * 900);
    return {
      ...base,
      type: 'voice',
      direction,
      technology: random() < 0.7 ? 'volte' : 'cs',
      quantity: seconds,
      ended_at: new Date(at.getTime() + seconds * 1000).toISOString(),
      is_recorded: random() < 0.1,
    };
  }
  if (kind < 0.65) return { ...base, type: 'sms', direction, technology: 'cs', quantity: 1, ended_at: at.toISOString() };
  const bytes = Math.round(50_000 + random() ** 3 * 400_000_000);
  const minutes = Math.round(1 + random() * 90);
  return {
    ...base,
    type: 'data',
    direction: 'outbound',
    technology: random() < 0.6 ? '5g' : '4g',
    quantity: bytes,
    other_party: undefined,
    ended_at: new Date(at.getTime() + minutes * 60_000).toISOString(),
  };
}

const pick = <T>(list: T[], random: () => number) => list[Math.floor(random() * list.length)];
