// Operations that replay their first answer for a repeated Idempotency-Key, so a request
// to them may be sent again after a network failure without doing anything twice.
// Generated from cellhub's /openapi.json by `npm run sdk:generate`; do not edit.

export const REPLAYABLE: readonly string[] = [
  'POST /connect-api/v1/customer',
  'POST /connect-api/v1/customer/{customerId}/payment-method',
  'POST /connect-api/v1/order',
  'POST /enterprise/orders',
  'POST /enterprise/sms',
  'POST /esim/v1/customer',
  'POST /esim/v1/customer/{customerId}/payment-method',
  'POST /esim/v1/order',
];
