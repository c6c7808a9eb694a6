// DATA_DIR holds the embedded database, the generated operator token and the
// key-encryption key: readable by its owner only. Made so; an existing one is tightened.
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Makes the directory owner-only, down to every file. Answers whether it was open to
 * others before: files with loose modes inside an owner-only directory (the embedded
 * database makes some) were never reachable, and are tightened without a word.
 */
export function secureDataDir(dir: string): { wasOpen: boolean } {
  const wasOpen = existsSync(dir) && (statSync(dir).mode & 0o077) !== 0;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const visit = (path: string) => {
    const stat = statSync(path);
    if (stat.mode & 0o077) chmodSync(path, stat.mode & 0o700);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
  };
  visit(dir);
  return { wasOpen };
}
