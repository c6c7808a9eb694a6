// The CLI's progress lines: a rate over the last few seconds and the time left at it.
import { describe, expect, it } from 'vitest';
import { duration, Meter } from '../../src/cli/progress.ts';

describe('Meter', () => {
  it('gives the rate over the recent window and the time left at that rate', () => {
    let now = 0;
    const meter = new Meter(10_000, () => now);
    expect(meter.describe('records')).toBe('0 records/s');
    for (let s = 1; s <= 4; s++) {
      now = s * 1000;
      meter.update(s * 500);
    }
    expect(meter.rate()).toBe(500);
    expect(meter.eta()).toBe(16);
    expect(meter.describe('records')).toBe('500 records/s, ETA 0:16');
    // It follows a change of pace rather than averaging over the whole run.
    for (let s = 5; s <= 20; s++) {
      now = s * 1000;
      meter.update(2000 + (s - 4) * 100);
    }
    expect(meter.rate()).toBeCloseTo(100, 0);
  });

  it('gives no time left without a total', () => {
    let now = 0;
    const meter = new Meter(undefined, () => now);
    now = 2000;
    meter.update(40);
    expect(meter.describe('records')).toBe('20 records/s');
  });

  it('writes durations as m:ss or h:mm:ss', () => {
    expect(duration(0)).toBe('0:00');
    expect(duration(75.4)).toBe('1:15');
    expect(duration(3 * 3600 + 61)).toBe('3:01:01');
  });
});
