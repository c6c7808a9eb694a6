// One process at a time may open an embedded database: two PGlite instances on one
// directory corrupt it. A lock file next to the directory names the owner's pid on its
// first line; a server adds, on the second, the URL its APIs answer on, so the CLI can
// do its work through that server instead. A file left by a process that died is taken
// over. Kept free of other imports: the CLI reads it before loading anything heavy.
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface LockHolder {
  pid: number;
  /** Where the holder serves its APIs; absent while it starts, or for a worker. */
  url?: string;
}

const lockFile = (dataDir: string) => `${dataDir}.lock`;

function parse(text: string): LockHolder {
  const [pid, url] = text.split('\n').map((s) => s.trim());
  return { pid: Number(pid), ...(url ? { url } : {}) };
}

function read(dataDir: string): LockHolder | undefined {
  try {
    return parse(readFileSync(lockFile(dataDir), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The live process, other than this one, that holds the directory; undefined when none does. */
export function lockHolder(dataDir: string): LockHolder | undefined {
  const holder = read(dataDir);
  return holder && holder.pid !== process.pid && isAlive(holder.pid) ? holder : undefined;
}

/** Takes the directory for this process; answers the release. */
export function lockDataDir(dataDir: string): () => void {
  const file = lockFile(dataDir);
  const mine = String(process.pid);
  try {
    writeFileSync(file, mine, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const owner = lockHolder(dataDir);
    if (owner) {
      throw new Error(`the embedded database in ${dataDir} is in use by process ${owner.pid}; stop that cellhub first (or set DATA_DIR to another directory)`);
    }
    writeFileSync(file, mine);
  }
  return () => {
    try {
      if (read(dataDir)?.pid === process.pid) unlinkSync(file);
    } catch {
      // Already gone.
    }
  };
}

/** Records, in the lock this process holds, the URL it serves on (replaced whole, so a reader never sees half). */
export function announceServer(dataDir: string, url: string): void {
  if (read(dataDir)?.pid !== process.pid) return;
  const temporary = `${lockFile(dataDir)}.${process.pid}`;
  writeFileSync(temporary, `${process.pid}\n${url}\n`);
  renameSync(temporary, lockFile(dataDir));
}
