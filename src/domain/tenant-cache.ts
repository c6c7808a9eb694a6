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
// reader names what it caches in its keys, and a key always holds the same kind.
import type { Database, Listener } from '../db/database.ts';

interface Entry<V> {
  value: V;
  generation: string;
  expires: number;
}

export interface TenantCacheOptions {
  /** Entries kept per process; 0 turns the cache off. */
  maxEntries: number;
  ttlMs: number;
}

export class TenantCache<V = unknown> {
  private entries = new Map<string, Entry<V>>();
  private generations = new Map<string, number>();
  /** Bumped on reset: reads from before a reset are never stored after it. */
  private epoch = 0;
  private listener?: Listener;

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
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  reset(): void {
    this.epoch++;
    this.entries.clear();
    this.generations.clear();
  }

  async get<T extends V>(organizationId: string, key: string, load: () => Promise<T>): Promise<T> {
    if (!this.listener?.healthy()) return load();
    const id = `${organizationId}|${key}`;
    const generation = this.generation(organizationId);
    const hit = this.entries.get(id);
    if (hit && hit.generation === generation && hit.expires > Date.now()) return hit.value as T;
    const value = await load();
    if (this.generation(organizationId) === generation && this.listener.healthy()) this.store(id, { value, generation, expires: Date.now() + this.options.ttlMs });
    return value;
  }

  private store(id: string, entry: Entry<V>): void {
    this.entries.delete(id);
    this.entries.set(id, entry);
    // Maps keep insertion order: the first key is the least recently stored.
    if (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  async close(): Promise<void> {
    await this.listener?.close();
  }
}
