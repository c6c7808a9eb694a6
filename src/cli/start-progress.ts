// What a starting server is doing, one line a step with how long it took, so that a first
// start (migrations, the demo world) is never silent. To stderr, beside the banner; the
// lines hold no secret.
export interface StartProgress {
  step<T>(doing: string, work: () => Promise<T>, done?: (result: T) => string): Promise<T>;
}

export function startProgress(write: (text: string) => void): StartProgress {
  return {
    async step(doing, work, done) {
      const started = performance.now();
      write(`cellhub: ${doing}…\n`);
      const result = await work();
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      write(`cellhub: ${done ? done(result) : 'done'} (${seconds} s)\n`);
      return result;
    },
  };
}
