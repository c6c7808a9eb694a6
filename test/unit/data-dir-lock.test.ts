// The embedded database's directory lock: one live process at a time; a dead one's lock is taken over.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { announceServer, lockDataDir, lockHolder } from '../../src/db/data-dir-lock.ts';

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

  it("names the holder's URL once it serves, and still gives the directory back", () => {
    const d = dir();
    const release = lockDataDir(d);
    expect(lockHolder(d)).toBeUndefined(); // this process is no other holder
    announceServer(d, 'http://127.0.0.1:8080');
    expect(readFileSync(`${d}.lock`, 'utf8')).toBe(`${process.pid}\nhttp://127.0.0.1:8080\n`);
    release();
    expect(existsSync(`${d}.lock`)).toBe(false);
  });

  it('tells another process who holds the directory and where it serves', () => {
    const d = dir();
    writeFileSync(`${d}.lock`, `${process.ppid}\nhttp://127.0.0.1:9999\n`);
    expect(lockHolder(d)).toEqual({ pid: process.ppid, url: 'http://127.0.0.1:9999' });
    expect(() => lockDataDir(d)).toThrow(`is in use by process ${process.ppid}`);
    writeFileSync(`${d}.lock`, '2147483646\nhttp://127.0.0.1:9999\n');
    expect(lockHolder(d)).toBeUndefined();
    announceServer(d, 'http://127.0.0.1:1'); // not this process's lock: left alone
    expect(readFileSync(`${d}.lock`, 'utf8')).toBe('2147483646\nhttp://127.0.0.1:9999\n');
  });
});
