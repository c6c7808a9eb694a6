// Data flows one way: api/ and cli/ over domain/, never the reverse. The domain refuses
// with its own errors (domain/errors.ts); only http/ knows statuses and the error model.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', 'src');

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The src/ folders a file imports from, as "http", "api", …. */
function importedParts(file: string): string[] {
  const imports = [...readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)].map((m) => m[1]);
  return imports.map((specifier) => relative(SRC, join(file, '..', specifier)).split('/')[0]);
}

it.each([
  ['domain', ['http', 'api', 'cli', 'app.ts']],
  ['cli', ['api']],
])('%s/ imports none of %j', (part, forbidden) => {
  const offenders = sourcesUnder(join(SRC, part)).flatMap((file) =>
    importedParts(file)
      .filter((p) => forbidden.includes(p))
      .map((p) => `${relative(SRC, file)} imports ${p}/`),
  );
  expect(offenders).toEqual([]);
});
