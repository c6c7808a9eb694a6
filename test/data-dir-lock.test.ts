// The embedded database's directory lock: one live process at a time; a dead one's lock is taken over.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from '../src/db/data-dir-lock.ts';

describe('lockDataDir', () => {
  const dir = () => join(mkdtempSync(join(tmpdir(), 'cellhub-lock-')), 'db');

  it('takes a free directory and gives it back', () => {
    const d = dir();
    const release = lockDataDir(d);
    expect(readFileSync(`${d}.lock`, 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(`${d}.lock`)).toBe(false);
  });

  it('refuses a directory a live process holds, naming it', () => {
    const d = dir();
    writeFileSync(`${d}.lock`, String(process.ppid));
    expect(() => lockDataDir(d)).toThrow(`is in use by process ${process.ppid}`);
  });

  it('takes over the lock of a process that died', () => {
    const d = dir();
    writeFileSync(`${d}.lock`, '2147483646');
    const release = lockDataDir(d);
    expect(readFileSync(`${d}.lock`, 'utf8')).toBe(String(process.pid));
    release();
  });
});
