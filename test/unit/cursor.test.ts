// Keyset cursors (http/cursor.ts): opaque, bound to the filters they were made for, and
// a page's next cursor present exactly when another page exists.
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, paginate, toPage } from '../../src/http/cursor.ts';
import { DomainError } from '../../src/domain/errors.ts';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  return expect.unreachable('accepted');
};

describe('cursors', () => {
  it('carry the last key back, for the same filters written in any order', () => {
    const cursor = encodeCursor('sub_01J', { status: 'active', account: 'acc_1' });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/); // safe in a query string as it is
    expect(decodeCursor(cursor, { account: 'acc_1', status: 'active' })).toBe('sub_01J');
  });

  it('read no cursor as the first page', () => {
    expect(decodeCursor(undefined, {})).toBeUndefined();
  });

  it('count an absent filter and a null one as the same', () => {
    expect(decodeCursor(encodeCursor('k', { status: undefined }), { status: null })).toBe('k');
  });

  it('refuse a cursor made for other filters', () => {
    const cursor = encodeCursor('k', { status: 'active' });
    for (const filters of [{ status: 'suspended' }, {}, { status: 'active', account: 'acc_1' }]) {
      expect(refusal(() => decodeCursor(cursor, filters)).message, JSON.stringify(filters)).toBe('cursor: was issued for other filters; start again without a cursor');
    }
  });

  it('refuse what this API never issued, naming the cursor', () => {
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const cursor of ['not a cursor', '', forged({ k: 1, f: 'x' }), forged({ k: 'k' }), forged(null), forged('k')]) {
      const error = refusal(() => decodeCursor(cursor, {}));
      expect(error.kind, cursor).toBe('invalid');
      expect(error.message, cursor).toBe('cursor: is not a cursor this API issued');
    }
  });
});

describe('pages', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `id${i}` }));

  it('answer a next cursor only when the extra row proves another page', () => {
    expect(toPage(rows(3), 3, (r) => r.id, {})).toEqual({ items: rows(3) });
    const page = toPage(rows(4), 3, (r) => r.id, { f: 1 });
    expect(page.items).toEqual(rows(3));
    expect(decodeCursor(page.next, { f: 1 })).toBe('id2');
  });

  it("paginate: reads one row more than the page, after the cursor's key", async () => {
    const asked: [string | undefined, number][] = [];
    const fetch = async (after: string | undefined, n: number) => {
      asked.push([after, n]);
      const all = rows(5).filter((r) => after === undefined || r.id > after);
      return all.slice(0, n);
    };
    const first = await paginate({ limit: 2 }, {}, fetch);
    const second = await paginate({ limit: 2, cursor: first.next }, {}, fetch);
    const last = await paginate({ limit: 2, cursor: second.next }, {}, fetch);
    expect([first, second, last].map((p) => p.items.map((r) => r.id))).toEqual([['id0', 'id1'], ['id2', 'id3'], ['id4']]);
    expect(last.next).toBeUndefined();
    expect(asked).toEqual([
      [undefined, 3],
      ['id1', 3],
      ['id3', 3],
    ]);
    expect((await paginate({}, {}, fetch)).items).toHaveLength(5); // 10 by default
  });
});
