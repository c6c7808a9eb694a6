// Where a CLI run reads and writes. The binary passes the process's own streams; tests
// run commands in-process with buffers, so they need not start a process per call.
import { readFileSync } from 'node:fs';
import type { Env } from '../config.ts';

export interface CliIo {
  env: Env;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Standard input as text, read when a command is given "-" for a file. */
  stdin: () => string;
  /** Where progress bars draw; absent, they stay quiet. */
  progress?: NodeJS.WritableStream;
  /** Stops a command that runs until interrupted (listen), as Ctrl-C does. */
  signal?: AbortSignal;
}

export const processIo: CliIo = {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: () => readFileSync(0, 'utf8'),
  // Progress lines redraw in place: only for a person at a terminal, never into a log.
  progress: process.stderr.isTTY ? process.stderr : undefined,
};
