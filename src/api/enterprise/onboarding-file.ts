// An onboarding upload's body, CSV or JSON, as the rows the domain checks. What makes the
// whole file unreadable (no rows, an unknown or missing column, a broken line, a value
// that is not text) is refused here with 400 naming the field; what is wrong in a row is
// the domain's to report, row by row.
import { parse } from 'csv-parse/sync';
import { invalidParams } from '../../domain/errors.ts';
import { MAX_ROWS, ONBOARDING_COLUMNS, REQUIRED_COLUMNS, type FileRow, type OnboardingColumn } from '../../domain/onboarding/onboarding-rows.ts';

export const CSV = 'text/csv';

const isColumn = (name: string): name is OnboardingColumn => (ONBOARDING_COLUMNS as readonly string[]).includes(name);
const unknownColumn = (name: string) => invalidParams(`${name}: is not a column; the columns are ${ONBOARDING_COLUMNS.join(', ')}`);

function checkHeader(header: string[]): void {
  const unknown = header.filter((h) => !isColumn(h));
  if (unknown.length > 0) throw invalidParams(unknown.map((h) => (h ? unknownColumn(h).message : 'columns: a column has no name')));
  const repeated = header.filter((h, i) => header.indexOf(h) !== i);
  if (repeated.length > 0) throw invalidParams(repeated.map((h) => `${h}: the column is named twice`));
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) throw invalidParams(missing.map((c) => `${c}: the column is missing (required)`));
}

/** A CSV file: a header row naming the columns (any order), then one employee a line. */
export function rowsOfCsv(text: string): FileRow[] {
  let records: string[][];
  try {
    records = parse(text, { skip_empty_lines: true, trim: true, bom: true, relax_column_count: false, to: MAX_ROWS + 2 });
  } catch (error) {
    throw invalidParams(`file: ${(error as Error).message}`);
  }
  if (records.length === 0) throw invalidParams('file: is empty; the first line names the columns');
  const [header, ...lines] = records;
  const names = header.map((h) => h.toLowerCase());
  checkHeader(names);
  if (lines.length === 0) throw invalidParams('rows: the file has no rows after its header');
  if (lines.length > MAX_ROWS) throw invalidParams(`rows: at most ${MAX_ROWS} rows a batch`);
  return lines.map((values, i) => ({
    rowNumber: i + 1,
    fields: Object.fromEntries(names.map((name, c) => [name, values[c]]).filter(([, v]) => v !== '')),
  }));
}

/** JSON rows: objects whose keys are the columns, values text (null or absent: empty). */
export function rowsOfJson(rows: unknown[]): FileRow[] {
  if (rows.length === 0) throw invalidParams('rows: the file has no rows');
  if (rows.length > MAX_ROWS) throw invalidParams(`rows: at most ${MAX_ROWS} rows a batch; the file has ${rows.length}`);
  const unknown = new Set<string>();
  const fileRows = rows.map((row, i): FileRow => {
    if (!row || typeof row !== 'object' || Array.isArray(row)) throw invalidParams(`rows[${i}]: must be an object`);
    const fields: FileRow['fields'] = {};
    for (const [key, value] of Object.entries(row)) {
      if (!isColumn(key)) {
        unknown.add(key);
        continue;
      }
      if (value === null || value === undefined || value === '') continue;
      if (typeof value !== 'string') throw invalidParams(`rows[${i}].${key}: must be a string`);
      fields[key] = value.trim();
    }
    return { rowNumber: i + 1, fields };
  });
  if (unknown.size > 0) throw invalidParams([...unknown].map((k) => unknownColumn(k).message));
  return fileRows;
}
