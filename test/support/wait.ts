// Waiting in tests: poll for a condition, never sleep a fixed time. The bound is
// generous, since a busy machine is slow, not wrong; it only turns a hang into a
// failure that says what never happened.
export const PATIENCE_MS = 60_000;

/** Polls `check` until it answers a truthy value, and answers that value. */
export async function until<T>(what: string, check: () => T | Promise<T>, everyMs = 25): Promise<NonNullable<T>> {
  const deadline = Date.now() + PATIENCE_MS;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`waited ${PATIENCE_MS / 1000} s, yet ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
