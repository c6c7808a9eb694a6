// COPY's text format: each value of a row, escaped so that no value can end its field or row.
import { describe, expect, it } from 'vitest';
import { copyText } from '../../src/db/copy.ts';

describe('copyText', () => {
  it('writes null as \\N and escapes backslash, tab, newline and carriage return', () => {
    expect(copyText(null)).toBe('\\N');
    expect(copyText(undefined)).toBe('\\N');
    expect(copyText('\\N')).toBe('\\\\N');
    expect(copyText('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyText('plain é ☎')).toBe('plain é ☎');
  });

  it('writes dates as ISO instants, booleans as t and f, numbers as they print', () => {
    expect(copyText(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03:04:05.678Z');
    expect(copyText(true)).toBe('t');
    expect(copyText(false)).toBe('f');
    expect(copyText(5_000_000_000)).toBe('5000000000');
    expect(copyText(0)).toBe('0');
    expect(copyText('0.0125')).toBe('0.0125');
  });
});
