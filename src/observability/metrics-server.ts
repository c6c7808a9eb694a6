// METRICS_PORT: a listen address of its own that serves only GET /metrics, without the
// operator token, for a Prometheus that scrapes from inside the network (a worker-only
// process has no operator API, so this is how its metrics are scraped).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exposition, METRICS_CONTENT_TYPE } from './metrics.ts';

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

export async function startMetricsServer(port: number, host: string): Promise<MetricsServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (request.method !== 'GET' || path !== '/metrics') {
      response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ type: 'NOT_FOUND', messages: ['only GET /metrics is served here'] }));
      return;
    }
    exposition().then(
      (text) => response.writeHead(200, { 'content-type': METRICS_CONTENT_TYPE }).end(text),
      () => response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ type: 'INTERNAL_ERROR', messages: ['metrics could not be collected'] })),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
