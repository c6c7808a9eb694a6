// The Node versions the README and package.json promise are the ones every installed
// package (dependencies, their dependencies, dev tools) says it supports: npm install
// on a promised version prints no EBADENGINE.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;
// semver is installed (npm's own range logic, pulled in by several dependencies); it has no types here.
const semver = createRequire(import.meta.url)('semver') as {
  subset(sub: string, dom: string, options?: { includePrerelease?: boolean }): boolean;
  minVersion(range: string): { version: string } | null;
  validRange(range: string): string | null;
};

interface Installed {
  name: string;
  version: string;
  node: string;
  where: string;
}

/** Every package under node_modules (nested ones too) that states engines.node. */
function installed(dir: string, found: Installed[] = []): Installed[] {
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (entry.startsWith('@')) {
      installed(path, found);
      continue;
    }
    const manifest = join(path, 'package.json');
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
    const node = pkg.engines?.node;
    if (typeof node === 'string') found.push({ name: pkg.name, version: pkg.version, node, where: path.slice(ROOT.length) });
    installed(join(path, 'node_modules'), found);
  }
  return found;
}

const promised = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.node as string;

describe('supported Node versions', () => {
  it('package.json states a valid range, and the README states the same', () => {
    expect(semver.validRange(promised)).not.toBeNull();
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    // "Node `^20.19.0 || >=22.12.0`" or "Node `>=22.12.0`": the README quotes the engines field.
    expect(readme).toContain(`Node \`${promised}\``);
  });

  it("every installed package's engines.node admits every version package.json promises", () => {
    const packages = installed(join(ROOT, 'node_modules'));
    expect(packages.length).toBeGreaterThan(50);
    const refusing = packages
      .filter((p) => semver.validRange(p.node) !== null)
      .filter((p) => !semver.subset(promised, p.node, { includePrerelease: true }))
      .map((p) => `${p.name}@${p.version} (${p.where}) wants node ${p.node}`);
    expect(refusing, `package.json promises node ${promised}`).toEqual([]);
  });
});
