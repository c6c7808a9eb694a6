// The one guard for every URL cellhub calls on a tenant's behalf (webhooks today).
// A tenant must not make the server reach what only the server can reach: loopback,
// private, link-local (cloud metadata), unique-local, multicast, unspecified and other
// special-use addresses, in any spelling, nor ports other than the usual web ports.
// The URL is checked when it is registered, and the address actually connected to is
// checked again at every call (`guardedLookup`), so DNS rebinding gets nothing past.
// A laptop opts in to local receivers with WEBHOOK_ALLOW_PRIVATE=1.
import dns, { type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

export interface OutboundPolicy {
  /** Allow any address and any port (local development only). */
  allowPrivate: boolean;
}

const WEB_PORTS = new Set(['', '80', '443', '8080', '8443']);
const LOCAL_NAMES = /(^|\.)(localhost|localdomain|local|internal|home\.arpa)$/i;

/** Why an outbound call to this address is refused, or null when it may go. */
export function refusedAddress(address: string, policy: OutboundPolicy): string | null {
  if (policy.allowPrivate) return null;
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  // IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it carries.
  const range = ipaddr.process(address).range();
  return range === 'unicast' ? null : `${address} is a ${range} address`;
}

/** Why this URL may not be called, or null when it may; checks what can be known without DNS. */
export function refusedUrl(raw: string, policy: OutboundPolicy): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute http or https URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http or https URL';
  if (url.username || url.password) return 'must not carry a user name or password';
  if (policy.allowPrivate) return null;
  if (!WEB_PORTS.has(url.port)) return `port ${url.port} is not allowed (80, 443, 8080 or 8443)`;
  // The WHATWG parser has already turned 2130706433, 0177.1 and 127.1 into 127.0.0.1.
  const host = url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (isIP(host)) return refusedAddress(host, policy);
  if (LOCAL_NAMES.test(host) || !host.includes('.')) return `${host} is a local name`;
  return null;
}

/** Refusal of an outbound call: final, since trying again reaches the same place. */
export class OutboundRefused extends Error {
  readonly code = 'EOUTBOUNDREFUSED';
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `dns.lookup` for sockets that fails when a name resolves to a refused address. */
export function guardedLookup(policy: OutboundPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      for (const { address } of addresses) {
        const reason = refusedAddress(address, policy);
        if (reason) return callback(new OutboundRefused(`refused: ${hostname} resolves to ${reason}`), []);
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
