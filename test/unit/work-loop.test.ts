// The work loop's batched fetching: with minFetch it fetches for several free slots at
// once rather than one per finished task, yet a slow task never holds free slots idle
// for long.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WorkLoop } from '../../src/jobs/work-loop.ts';

const loops: WorkLoop<number>[] = [];
afterEach(async () => {
  for (const loop of loops.splice(0)) await loop.stop();
});

/** A loop over `total` numbered items, recording how many slots each fetch asked for. */
function loopOver(total: number, options: { concurrency: number; minFetch?: number }, run: (item: number) => Promise<void>) {
  let next = 0;
  const asked: number[] = [];
  const ran: number[] = [];
  const loop = new WorkLoop<number>({
    ...options,
    idleMs: 5,
    fetch: async (free) => {
      asked.push(free);
      const items = Array.from({ length: Math.min(free, total - next) }, () => next++);
      return items;
    },
    run: async (item) => {
      await run(item);
      ran.push(item);
    },
  });
  loops.push(loop);
  loop.start();
  return { asked, ran };
}

const shortly = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('WorkLoop', () => {
  it('fetches for at least minFetch free slots while tasks run, and runs every item once', async () => {
    const { asked, ran } = loopOver(200, { concurrency: 8, minFetch: 4 }, shortly);
    await vi.waitFor(() => expect(ran).toHaveLength(200));
    expect(new Set(ran).size).toBe(200);
    expect(asked[0]).toBe(8);
    // Quick tasks free four slots well within the wait: no fetch asks for fewer.
    expect(asked.filter((free) => free < 4)).toEqual([]);
    expect(asked.length).toBeLessThan(200 / 4 + 10);
  });

  it('without minFetch fetches as soon as one slot is free', async () => {
    const { asked, ran } = loopOver(50, { concurrency: 8 }, shortly);
    await vi.waitFor(() => expect(ran).toHaveLength(50));
    expect(asked.some((free) => free < 4)).toBe(true);
  });

  it('fills a free slot after a short wait when slow tasks hold the others', async () => {
    const held: (() => void)[] = [];
    const { asked, ran } = loopOver(20, { concurrency: 8, minFetch: 4 }, (item) => (item < 7 ? new Promise<void>((resolve) => held.push(resolve)) : Promise.resolve()));
    // Items 0 to 6 hang; the rest pass one by one through the one free slot.
    await vi.waitFor(() => expect(ran).toHaveLength(13));
    expect(asked.filter((free) => free === 1).length).toBeGreaterThan(0);
    for (const release of held) release();
    await vi.waitFor(() => expect(ran).toHaveLength(20));
  });
});
