// On the embedded database with no OPERATOR_TOKEN set, a token is generated once and
// kept beside the database (readable by its owner only), so a laptop needs no setup.
// A PostgreSQL deployment must set its own: the operator API stays off otherwise.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.ts';

export interface OperatorToken {
  token?: string;
  /** Where a generated token is kept. */
  file?: string;
}

export function resolveOperatorToken(config: Config): OperatorToken {
  if (config.operatorToken) return { token: config.operatorToken };
  if (config.databaseUrl) return {};
  const file = join(config.dataDir, 'operator-token');
  if (existsSync(file)) return { token: readFileSync(file, 'utf8').trim(), file };
  mkdirSync(config.dataDir, { recursive: true });
  const token = randomBytes(32).toString('base64url');
  writeFileSync(file, token + '\n', { mode: 0o600 });
  return { token, file };
}

/** The token a CLI presents to a running server: OPERATOR_TOKEN, or the one generated into DATA_DIR; never made here. */
export function readOperatorToken(config: Config): string | undefined {
  if (config.operatorToken) return config.operatorToken;
  const file = join(config.dataDir, 'operator-token');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}
