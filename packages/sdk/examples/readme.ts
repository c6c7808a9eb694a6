import { createCellhub, CellhubError } from '@cellhub/sdk';

const cellhub = createCellhub({
  baseUrl: process.env.CELLHUB_URL ?? 'http://127.0.0.1:8080',
  credentials: { realm: 'enterprise-apis', clientId: process.env.CLIENT_ID ?? 'demo-acme-enterprise', clientSecret: process.env.CLIENT_SECRET! },
});
for await (const subscription of cellhub.items('/enterprise/subscriptions', { params: { query: { status: 'active' } } })) {
  console.log(subscription.id, subscription.status);
}
try {
  const order = await cellhub.get('/enterprise/orders/{id}', { params: { path: { id: process.argv[2] } } });
  console.log(order.id, order.status);
} catch (error) {
  if (error instanceof CellhubError) console.log(error.type, error.messages, error.correlationId);
}
