// RFC 7240 Prefer: transclude="subscriber;account;…" (the provider's convention).
// Unknown parts are ignored, as RFC 7240 asks of preferences a server does not support.

export function parseTransclude<T extends string>(header: string | undefined, known: readonly T[]): T[] {
  if (!header) return [];
  const match = /(?:^|[,\s])transclude\s*=\s*(?:"([^"]*)"|([^,\s;]+))/i.exec(header);
  if (!match) return [];
  const wanted = (match[1] ?? match[2]).split(/[;,]/).map((s) => s.trim().toLowerCase());
  return known.filter((part) => wanted.includes(part));
}

export function preferenceApplied(parts: readonly string[]): string {
  return `transclude="${parts.join(';')}"`;
}
