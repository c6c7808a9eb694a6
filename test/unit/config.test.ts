// The settings this hardening added refuse a bad value at start, naming the variable.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

const KEY = Buffer.alloc(32, 7).toString('base64');

describe('configuration', () => {
  it.each([
    ['KEY_ENCRYPTION_KEY', 'too-short', /^KEY_ENCRYPTION_KEY: must be 32 random bytes in base64/],
    ['KEY_ENCRYPTION_KEY', Buffer.alloc(16).toString('base64'), /^KEY_ENCRYPTION_KEY: /],
    ['KEY_ENCRYPTION_KEY_PREVIOUS', `${KEY},nope`, /^KEY_ENCRYPTION_KEY_PREVIOUS: /],
    ['WEBHOOK_ALLOW_PRIVATE', 'yes', /^WEBHOOK_ALLOW_PRIVATE: /],
    ['AUTH_FAILURES_PER_MINUTE', '0', /^AUTH_FAILURES_PER_MINUTE: /],
    ['TENANT_CONCURRENCY', '-1', /^TENANT_CONCURRENCY: /],
    ['TENANT_QUEUE', 'many', /^TENANT_QUEUE: /],
    ['SMS_VALIDITY_PERIOD', '0', /^SMS_VALIDITY_PERIOD: must be an integer from 1 to 2592000/],
    ['SMS_VALIDITY_PERIOD', '48h', /^SMS_VALIDITY_PERIOD: /],
    ['SMS_RECEIPT_CHASE_AFTER', '0', /^SMS_RECEIPT_CHASE_AFTER: /],
    ['SMS_RECEIPT_CHASE_AFTER', '1.5', /^SMS_RECEIPT_CHASE_AFTER: /],
    ['LOG_LEVEL', 'verbose', /^LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent/],
    ['LOG_FORMAT', 'text', /^LOG_FORMAT: must be one of auto, json, pretty/],
    ['METRICS_PORT', '70000', /^METRICS_PORT: must be an integer from 0 to 65535/],
    ['TRUST_PROXY', '2', /^TRUST_PROXY: must be true, false or the proxies' addresses or CIDR ranges, comma-separated; not 2/],
    ['TRUST_PROXY', '10.0.0.1,proxy.local', /^TRUST_PROXY: .*not proxy\.local$/],
  ])('refuses %s=%s', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('trusts no proxy by default, every hop for true, or the addresses given', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,::1' }).trustProxy).toEqual(['10.0.0.1', '192.168.0.0/16', '::1']);
  });

  it('reads the keys and the limits it is given', () => {
    const config = loadConfig({ KEY_ENCRYPTION_KEY: KEY, KEY_ENCRYPTION_KEY_PREVIOUS: `${KEY}, ${KEY}`, WEBHOOK_ALLOW_PRIVATE: '1', TENANT_CONCURRENCY: '0' });
    expect(config.keyEncryptionKey?.length).toBe(32);
    expect(config.keyEncryptionKeysPrevious).toHaveLength(2);
    expect(config).toMatchObject({ webhookAllowPrivate: true, tenantConcurrency: 0, tenantQueue: 100, authFailuresPerMinute: 20 });
    expect(loadConfig({}).tenantConcurrency).toBeUndefined();
  });

  it('keeps metrics on the main port unless METRICS_PORT opens an address of their own', () => {
    expect(loadConfig({})).toMatchObject({ metricsPort: undefined, metricsHost: '127.0.0.1', logFormat: 'auto', logLevel: 'info' });
    expect(loadConfig({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0', LOG_FORMAT: 'json' })).toMatchObject({ metricsPort: 9464, metricsHost: '0.0.0.0', logFormat: 'json' });
  });

  it('gives SMS 48 hours to be delivered and chases receipts overdue by 10 minutes, unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({ smsValiditySeconds: 172_800, smsReceiptChaseAfterSeconds: 600 });
    expect(loadConfig({ SMS_VALIDITY_PERIOD: '3600', SMS_RECEIPT_CHASE_AFTER: '60' })).toMatchObject({ smsValiditySeconds: 3600, smsReceiptChaseAfterSeconds: 60 });
  });
});
