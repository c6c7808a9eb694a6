// The README's links to files point into the repository, and the contract it links to is there.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;

/** Relative link targets of a Markdown file (no URLs, no anchors alone). */
function relativeLinks(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((href) => !/^[a-z]+:/i.test(href) && !href.startsWith('#'));
}

describe('documentation links', () => {
  it('the README and docs/ link only to files of the repository', () => {
    for (const file of ['README.md', 'docs/contract.md', 'docs/scaling.md']) {
      for (const href of relativeLinks(file)) {
        const target = join(ROOT, dirname(file), href.split('#')[0]);
        expect(target.startsWith(ROOT), `${file} links outside the repository: ${href}`).toBe(true);
        expect(existsSync(target), `${file} links to a missing file: ${href}`).toBe(true);
      }
    }
    expect(relativeLinks('README.md')).toContain('docs/contract.md');
    expect(relativeLinks('README.md')).toContain('docs/scaling.md');
  });

  it('the contract covers the API families, the conventions, the webhook format and the differences', () => {
    const contract = readFileSync(join(ROOT, 'docs/contract.md'), 'utf8');
    for (const heading of [
      '## 1. Common rules',
      '## 2. Enterprise family',
      '## 3. Connect family',
      '## 5. Webhooks as cellhub sends them',
      '## 6. Where cellhub differs from the provider',
    ]) {
      expect(contract).toContain(heading);
    }
    for (const path of ['/enterprise', '/connect-api/v1', '/operator', 'enterprise-apis', 'tru-staff', 'webhook-signature']) expect(contract).toContain(path);
  });
});
