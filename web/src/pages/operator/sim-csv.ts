// A SIM stock file read before anything is sent: each row's ICCID checked as the server
// checks it (19 digits from 89, Luhn check digit last), so every bad row is named at once.
export interface SimRow {
  /** The file's line number, from 1, as a reader counts. */
  line: number;
  iccid: string;
  problem?: string;
}

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function iccidProblem(iccid: string): string | undefined {
  if (!/^\d+$/.test(iccid)) return 'is not all digits';
  if (!iccid.startsWith('89')) return 'does not start with 89';
  if (iccid.length !== 19) return `has ${iccid.length} digits, not 19`;
  if (!passesLuhn(iccid)) return 'fails the Luhn check (the last digit is wrong)';
  return undefined;
}

/** One ICCID per line, or a CSV whose first column (or its `iccid` column) holds them; a header line is skipped. */
export function parseSimCsv(text: string): SimRow[] {
  const lines = text.split(/\r?\n/);
  const header = lines[0]?.split(',').map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase()) ?? [];
  const hasHeader = header.some((c) => /[a-z]/.test(c));
  const column = hasHeader ? Math.max(0, header.indexOf('iccid')) : 0;
  const rows: SimRow[] = [];
  lines.forEach((raw, index) => {
    if (index === 0 && hasHeader) return;
    if (!raw.trim()) return;
    const iccid = (raw.split(',')[column] ?? '').trim().replace(/^"|"$/g, '');
    rows.push({ line: index + 1, iccid, problem: iccidProblem(iccid) });
  });
  return rows;
}
