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
function loopOver(
  total: number,
  options: { concurrency: number; minFetch?: number; prefetch?: number; release?: (items: number[]) => Promise<void> },
  run: (item: number) => Promise<void>,
) {
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

  it('with prefetch holds fetched items beyond the slots, runs at most concurrency at once, and starts the next as a slot frees', async () => {
    let running = 0;
    let most = 0;
    const held: (() => void)[] = [];
    const { asked, ran } = loopOver(30, { concurrency: 4, prefetch: 8, minFetch: 4 }, async () => {
      most = Math.max(most, ++running);
      await new Promise<void>((resolve) => held.push(resolve));
      running--;
    });
    // The first fetch asks for the slots and the prefetch; the loop then waits, holding 8.
    await vi.waitFor(() => expect(held).toHaveLength(4));
    expect(asked).toEqual([12]);
    // Each release starts a held item at once, with no fetch in between.
    held.shift()!();
    await vi.waitFor(() => expect(held).toHaveLength(4));
    expect(asked).toEqual([12]);
    // Four free places (one slot's worth): the next fetch goes out while the others run.
    for (const release of held.splice(0, 3)) release();
    await vi.waitFor(() => expect(asked).toEqual([12, 4]));
    while (ran.length < 30) {
      for (const release of held.splice(0)) release();
      await shortly();
    }
    expect(new Set(ran).size).toBe(30);
    expect(most).toBe(4);
  });

  it('hands back the items it fetched and never started when stopped, and waits for those running', async () => {
    const released: number[] = [];
    const held: (() => void)[] = [];
    const { ran } = loopOver(10, { concurrency: 2, prefetch: 4, release: async (items) => void released.push(...items) }, () => new Promise<void>((resolve) => held.push(resolve)));
    await vi.waitFor(() => expect(held).toHaveLength(2));
    const loop = loops.pop()!;
    const stopped = loop.stop();
    await shortly();
    expect(released).toEqual([2, 3, 4, 5]);
    for (const release of held) release();
    await stopped;
    expect(ran.sort()).toEqual([0, 1]);
  });

  it('without release runs the items a fetch brings in while it stops, before stop ends', async () => {
    let answer: ((items: number[]) => void) | undefined;
    const ran: number[] = [];
    const loop = new WorkLoop<number>({
      concurrency: 2,
      idleMs: 5,
      fetch: () => new Promise<number[]>((resolve) => (answer = resolve)),
      run: async (item) => void ran.push(item),
    });
    loop.start();
    await vi.waitFor(() => expect(answer).toBeDefined());
    const stopped = loop.stop();
    answer!([7, 8]);
    await stopped;
    expect(ran).toEqual([7, 8]);
  });
});
