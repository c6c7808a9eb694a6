// A worker thread that posts activation orders over HTTP, so the load generator does
// not share the server's event loop. Plain JavaScript: worker threads do not inherit
// the TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import { request } from 'undici';

const { base, token, accountId, templateId, total, clients } = workerData;
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

async function post(i) {
  const res = await request(`${base}/enterprise/orders`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      type: 'activate_subscription',
      account_id: accountId,
      template_id: templateId,
      subscriber: { first_name: 'B', last_name: String(i), email: `b${i}@bench.example` },
      sim_profile: { sim_type: 'esim', delivery: { type: 'api' } },
    }),
  });
  const answer = await res.body.text();
  if (res.statusCode !== 201) throw new Error(`order ${i}: ${res.statusCode} ${answer}`);
}

let next = 0;
await Promise.all(
  Array.from({ length: clients }, async () => {
    while (next < total) await post(next++);
  }),
);
parentPort.postMessage('done');
