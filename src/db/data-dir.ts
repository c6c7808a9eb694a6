// DATA_DIR holds the embedded database, the generated operator token and the
// key-encryption key: readable by its owner only. Made so; an existing one is tightened.
import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Makes the directory owner-only, down to every file; answers the paths it had to tighten. */
export function secureDataDir(dir: string): string[] {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tightened: string[] = [];
  const visit = (path: string) => {
    const stat = statSync(path);
    if (stat.mode & 0o077) {
      chmodSync(path, stat.mode & 0o700);
      tightened.push(path);
    }
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
  };
  visit(dir);
  return tightened;
}
