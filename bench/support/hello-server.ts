// The baselines: a bare Fastify hello-JSON route, the ceiling of any route on this
// machine; and a bare route sending the bytes last PUT to /bytes (e.g. a page cellhub
// served), so a page's cost can be set beside sending the same JSON.
import Fastify from 'fastify';

const app = Fastify({ logger: false, bodyLimit: 64 * 1024 * 1024 });
app.get('/hello', async () => ({ hello: 'world' }));
let bytes = Buffer.from('{}');
app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));
app.put('/bytes', async (request) => {
  // Kept as bytes, so each answer only writes them (no string encoding per request).
  bytes = Buffer.from(request.body as string);
  return { length: bytes.length };
});
app.get('/bytes', async (_request, reply) => reply.type('application/json; charset=utf-8').send(bytes));
const port = Number(process.env.PORT ?? 0);
await app.listen({ port, host: '127.0.0.1' });
process.stdout.write(`listening ${(app.server.address() as { port: number }).port}\n`);
