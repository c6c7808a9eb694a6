// A load generator in a process of its own, so that its work does not delay the
// measured requests in the benchmark's process: NOISE_CONNECTIONS loops GET NOISE_URL
// with the headers in NOISE_HEADERS (JSON). It starts quiet. A line on standard input
// drives it: "loud" starts the loops (answered "loud" once they run), "quiet" stops them
// and answers "quiet" once every request in flight has been answered, "end" prints how
// they were answered ({"200": n, "429": m, …}) as one JSON line and exits.
import { createInterface } from 'node:readline';
import { request } from 'undici';

const url = process.env.NOISE_URL!;
const headers = JSON.parse(process.env.NOISE_HEADERS ?? '{}') as Record<string, string>;
const connections = Number(process.env.NOISE_CONNECTIONS ?? 50);

const answers: Record<string, number> = {};
let loud = false;
let loops: Promise<void>[] = [];

const loop = async () => {
  while (loud) {
    const answer = await request(url, { headers }).then(
      async (res) => (await res.body.dump(), String(res.statusCode)),
      (error: NodeJS.ErrnoException) => error.code ?? 'error',
    );
    answers[answer] = (answers[answer] ?? 0) + 1;
  }
};

for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'loud' && !loud) {
    loud = true;
    loops = Array.from({ length: connections }, loop);
    process.stdout.write('loud\n');
  } else if (line === 'quiet') {
    loud = false;
    await Promise.all(loops);
    process.stdout.write('quiet\n');
  } else if (line === 'end') {
    loud = false;
    await Promise.all(loops);
    process.stdout.write(JSON.stringify(answers) + '\n');
    break;
  }
}
