// Everything a process needs, wired once: the database, the key ring, token checks,
// the client directory and the rate limiter. The HTTP app and the CLI both stand on it.
import type { Config } from './config.ts';
import { openDatabase, type Database, type Db, type OpenOptions } from './db/database.ts';
import { KeyRing } from './auth/key-ring.ts';
import { TokenService } from './auth/tokens.ts';
import { ClientDirectory } from './auth/clients.service.ts';
import { MemoryCounter, RateLimiter, SharedCounter } from './http/rate-limit.ts';
import { TenantCache } from './domain/tenant-cache.ts';
import { SubscriptionReads, type SubscriptionView } from './domain/subscriptions/subscriptions.service.ts';

const READ_CACHE_TTL_MS = 60_000;

export interface Platform {
  config: Config;
  database: Database;
  db: Db;
  keys: KeyRing;
  tokens: TokenService;
  clients: ClientDirectory;
  rateLimiter: RateLimiter;
  subscriptionReads: SubscriptionReads;
  close(): Promise<void>;
}

export async function openPlatform(config: Config, open: Partial<OpenOptions> = {}): Promise<Platform> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir + '/db',
    poolSize: config.databasePoolSize,
    ...open,
  });
  await database.migrate();
  const db = database.db;
  const keys = new KeyRing(db);
  await keys.init();
  // One embedded process owns its database; several PostgreSQL processes share the budget.
  const counter = database.kind === 'postgres' ? new SharedCounter(db) : new MemoryCounter();
  const rateLimiter = new RateLimiter(counter, config.rateLimitPerMinute);
  const readCache = new TenantCache<SubscriptionView>({ maxEntries: config.readCacheEntries, ttlMs: READ_CACHE_TTL_MS });
  await readCache.follow(database);
  return {
    config,
    database,
    db,
    keys,
    tokens: new TokenService(keys, config),
    clients: new ClientDirectory(db),
    rateLimiter,
    subscriptionReads: new SubscriptionReads(db, readCache),
    async close() {
      await readCache.close();
      await rateLimiter.close();
      await database.close();
    },
  };
}
