// A per-process cache of reads, per organization, kept correct by the database: every
// committed change to an organization's data is announced (NOTIFY tenant_changes, from
// row triggers) and drops that organization's entries in every process.
//
// A read that started before a change must not be stored after it: each organization
// has a generation, bumped by every announcement; an entry records the generation its
// read started in and counts only while that is still current. When announcements may
// have been missed (the listening connection broke), the cache empties and is bypassed
// until they flow again. A time to live bounds any surprise.
//
// One cache serves every kind of read (one listening connection per process): each
// reader names what it caches in its keys, and a key always holds the same kind. Big
// entries (a page's bytes) say what they weigh, and the cache bounds their sum.
import { sql } from 'drizzle-orm';
import type { Database, Executor, Listener } from '../db/database.ts';

interface Entry<V> {
  value: V;
  generation: string;
  expires: number;
  weight: number;
}

export interface TenantCacheOptions {
  /** Entries kept per process; 0 turns the cache off. */
  maxEntries: number;
  ttlMs: number;
  /** The most the entries may weigh together (bytes, as get's `weigh` tells), the oldest leaving first. */
  maxWeight: number;
}

export class TenantCache<V = unknown> {
  private entries = new Map<string, Entry<V>>();
  private generations = new Map<string, number>();
  /** Bumped on reset: reads from before a reset are never stored after it. */
  private epoch = 0;
  private listener?: Listener;
  private weight = 0;
  private served = 0;
  /** Organizations to announce in the next announcement, which goes out once the last is sent. */
  private unannounced = new Set<string>();
  private nextAnnouncement?: Promise<void>;
  private lastAnnouncement: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: TenantCacheOptions) {}

  /** Starts following the database's announcements; without them nothing is cached. */
  async follow(database: Database): Promise<void> {
    if (this.options.maxEntries === 0) return;
    this.listener = await database.listen(
      'tenant_changes',
      (org) => this.invalidate(org),
      () => this.reset(),
    );
  }

  private generation(organizationId: string): string {
    return `${this.epoch}/${this.generations.get(organizationId) ?? 0}`;
  }

  invalidate(organizationId: string): void {
    this.generations.set(organizationId, (this.generations.get(organizationId) ?? 0) + 1);
    const prefix = `${organizationId}|`;
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.drop(key);
  }

  reset(): void {
    this.epoch++;
    this.entries.clear();
    this.weight = 0;
    this.generations.clear();
  }

  /** How many reads the cache has answered (tests tell a hit from a read by it). */
  hits(): number {
    return this.served;
  }

  /** The cached value, or load()'s, stored; `weigh` tells what a big value weighs (its bytes). */
  async get<T extends V>(organizationId: string, key: string, load: () => Promise<T>, weigh?: (value: T) => number): Promise<T> {
    if (!this.listener?.healthy()) return load();
    const id = `${organizationId}|${key}`;
    const generation = this.generation(organizationId);
    const hit = this.entries.get(id);
    if (hit && hit.generation === generation && hit.expires > Date.now()) {
      this.served++;
      return hit.value as T;
    }
    const value = await load();
    if (this.generation(organizationId) === generation && this.listener.healthy()) {
      this.store(id, { value, generation, expires: Date.now() + this.options.ttlMs, weight: weigh?.(value) ?? 0 });
    }
    return value;
  }

  private store(id: string, entry: Entry<V>): void {
    this.drop(id);
    if (entry.weight > this.options.maxWeight) return;
    this.entries.set(id, entry);
    this.weight += entry.weight;
    // Maps keep insertion order: the first key is the least recently stored.
    while (this.entries.size > this.options.maxEntries || this.weight > this.options.maxWeight) this.drop(this.entries.keys().next().value!);
  }

  private drop(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.weight -= entry.weight;
  }

  /**
   * Announces a change no trigger announces: a new subscription, which shows on its
   * organization's cached pages (migration 0012 says why activations commit quietly).
   * Called once the change has committed, so that it neither waits for nor holds up other
   * commits. Dropped here at once, so this process answers its next read fresh, and in
   * other processes as the announcement arrives; should the process die in between, the
   * time to live bounds how long a page there may lack the subscription.
   *
   * Activations finish many at a time: those announced while an announcement is on its
   * way go out together in the next, one statement for all their organizations.
   */
  announce(db: Executor, organizationId: string): Promise<void> {
    this.invalidate(organizationId);
    this.unannounced.add(organizationId);
    this.nextAnnouncement ??= this.lastAnnouncement.then(() => this.sendAnnouncement(db));
    return this.nextAnnouncement;
  }

  private async sendAnnouncement(db: Executor): Promise<void> {
    const organizations = JSON.stringify([...this.unannounced]);
    this.unannounced.clear();
    this.nextAnnouncement = undefined;
    // drizzle's execute runs its statement on every `then`: take it once, as a promise.
    const sent = db.execute(sql`SELECT pg_notify('tenant_changes', o) FROM jsonb_array_elements_text(${organizations}::jsonb) AS o`).then(() => {});
    this.lastAnnouncement = sent.catch(() => {}); // the next goes out either way; this one's callers hear of its failure
    await sent;
  }

  async close(): Promise<void> {
    await this.listener?.close();
  }
}
