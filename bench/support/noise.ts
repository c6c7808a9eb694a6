// A load generator in a process of its own, so that its work does not delay the
// measured requests in the benchmark's process: NOISE_CONNECTIONS loops GET NOISE_URL
// with the headers in NOISE_HEADERS (JSON) until SIGTERM, then print how they were
// answered ({"200": n, "429": m, …}) as one JSON line.
import { request } from 'undici';

const url = process.env.NOISE_URL!;
const headers = JSON.parse(process.env.NOISE_HEADERS ?? '{}') as Record<string, string>;
const connections = Number(process.env.NOISE_CONNECTIONS ?? 50);

const answers: Record<string, number> = {};
let loud = true;
process.once('SIGTERM', () => (loud = false));

const loops = Array.from({ length: connections }, async () => {
  while (loud) {
    const answer = await request(url, { headers }).then(
      async (res) => (await res.body.dump(), String(res.statusCode)),
      (error: NodeJS.ErrnoException) => error.code ?? 'error',
    );
    answers[answer] = (answers[answer] ?? 0) + 1;
  }
});
process.stdout.write('started\n');
await Promise.all(loops);
process.stdout.write(JSON.stringify(answers) + '\n');
