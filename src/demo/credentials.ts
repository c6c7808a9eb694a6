// Demo clients' secrets are derived from a random key made once per installation, so
// `cellhub demo` can print them again on every run without storing them and without
// any secret written in this repository. Only clients marked as demo use this.
import { createHmac, randomBytes } from 'node:crypto';

export const newDemoKey = () => randomBytes(32).toString('base64url');

export function demoSecret(demoKey: string, clientId: string): string {
  return createHmac('sha256', demoKey).update(clientId).digest('base64url');
}
