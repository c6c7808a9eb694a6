// The console's role rules (src/console/roles.ts), which the API guards apply.
import { describe, expect, it } from 'vitest';
import { memberMay, operatorMay, SUPPORT_ACTIONS } from '../../src/console/roles.ts';

describe('organization members', () => {
  it('an admin may do anything, a viewer only read', () => {
    for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']) expect(memberMay('admin', method)).toBe(true);
    for (const method of ['GET', 'HEAD', 'get']) expect(memberMay('viewer', method)).toBe(true);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) expect(memberMay('viewer', method)).toBe(false);
  });
});

describe('operator staff', () => {
  it('an admin may do anything', () => {
    expect(operatorMay('admin', 'POST', '/operator/organizations')).toBe(true);
    expect(operatorMay('admin', 'DELETE', '/operator/organizations/:org/clients/:clientId')).toBe(true);
  });

  it('support reads everything and runs only the retry and the redelivery', () => {
    expect(operatorMay('support', 'GET', '/operator/organizations')).toBe(true);
    expect(operatorMay('support', 'GET', '/operator/mail/:id')).toBe(true);
    expect(SUPPORT_ACTIONS).toEqual(['POST /operator/orders/:id/retry', 'POST /operator/webhooks/deliveries/:id/redeliver']);
    expect(operatorMay('support', 'POST', '/operator/orders/:id/retry')).toBe(true);
    expect(operatorMay('support', 'post', '/operator/webhooks/deliveries/:id/redeliver')).toBe(true);
    for (const [method, url] of [
      ['POST', '/operator/organizations'],
      ['PUT', '/operator/organizations/:org/licences'],
      ['POST', '/operator/organizations/:org/clients'],
      ['DELETE', '/operator/organizations/:org/clients/:clientId'],
      ['POST', '/operator/people'],
      ['PATCH', '/operator/people/:id'],
      ['POST', '/operator/sims'],
      ['POST', '/operator/organizations/:org/offerings'],
      ['POST', '/operator/organizations/:org/sandbox/advance'],
      // The retry route under another method is not the retry.
      ['DELETE', '/operator/orders/:id/retry'],
    ]) {
      expect(operatorMay('support', method, url), `${method} ${url}`).toBe(false);
    }
  });
});
