// Server-side request forgery: the outbound guard (network/outbound/guard.ts) refuses
// what only cellhub can reach, in any spelling; the webhooks that use it are tested in
// test/integration/outbound-guard.test.ts.
import { describe, expect, it } from 'vitest';
import { guardedLookup, refusedAddress, refusedUrl } from '../../src/network/outbound/guard.ts';

const strict = { allowPrivate: false };

const REFUSED = [
  'http://127.0.0.1/operator/organizations',
  'http://localhost/hook',
  'http://LOCALHOST./hook',
  'http://api.localhost/hook',
  'http://[::1]/hook',
  'http://2130706433/hook',
  'http://0x7f000001/hook',
  'http://0177.0.0.1/hook',
  'http://127.1/hook',
  'http://0.0.0.0/hook',
  'http://0/hook',
  'http://169.254.169.254/latest/meta-data/',
  'http://metadata.google.internal/computeMetadata/v1/',
  'http://10.0.0.1/hook',
  'http://172.16.5.4/hook',
  'http://192.168.1.1/hook',
  'http://100.64.0.1/hook',
  'http://224.0.0.1/hook',
  'http://255.255.255.255/hook',
  'http://[::]/hook',
  'http://[::ffff:127.0.0.1]/hook',
  'http://[::ffff:a9fe:a9fe]/hook',
  'http://[fe80::1]/hook',
  'http://[fd00::1]/hook',
  'http://[ff02::1]/hook',
  'http://user:pass@hooks.example.com/hook',
  'http://hooks.example.com:5432/hook',
  'http://93.184.216.34:22/hook',
  'ftp://hooks.example.com/hook',
  'http://intranet/hook',
];

describe('the outbound guard', () => {
  it.each(REFUSED)('refuses %s', (url) => {
    expect(refusedUrl(url, strict)).toEqual(expect.any(String));
  });

  it.each(['https://hooks.example.com/hook', 'http://93.184.216.34/hook', 'https://hooks.example.com:8443/x', 'http://[2606:2800:220:1::1]/hook'])('lets %s through', (url) => {
    expect(refusedUrl(url, strict)).toBeNull();
  });

  it('lets a laptop opt in to local receivers', () => {
    expect(refusedUrl('http://127.0.0.1:3000/hook', { allowPrivate: true })).toBeNull();
    // Credentials in a URL are refused even then: they would be sent, and logged, as part of it.
    expect(refusedUrl('http://u:p@127.0.0.1:3000/hook', { allowPrivate: true })).toMatch(/user name/);
  });

  it('refuses a name when it resolves to a refused address', async () => {
    const answer = await new Promise<Error | null>((resolve) => guardedLookup(strict)('localhost', {}, (error) => resolve(error)));
    expect(answer?.message).toMatch(/^refused: localhost resolves to (127\.0\.0\.1 is a loopback|::1 is a loopback)/);
  });
});

describe('the address actually connected to', () => {
  it.each(['127.0.0.1', '::1', '10.1.2.3', '169.254.169.254', '::ffff:127.0.0.1', '::ffff:a9fe:a9fe', 'fd00::1', '0.0.0.0', '100.64.0.1'])(
    'refuses %s, naming its range',
    (address) => {
      expect(refusedAddress(address, strict)).toMatch(new RegExp(`^${address.replace(/\./g, '\\.')} is an? [a-zA-Z]+ address$`));
    },
  );

  it('lets a public unicast address through, and refuses what is no address', () => {
    expect(refusedAddress('93.184.216.34', strict)).toBeNull();
    expect(refusedAddress('2606:2800:220:1::1', strict)).toBeNull();
    expect(refusedAddress('hooks.example.com', strict)).toBe('hooks.example.com is not an IP address');
    expect(refusedAddress('127.0.0.1', { allowPrivate: true })).toBeNull();
  });
});
