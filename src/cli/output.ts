// CLI output: --json prints exactly one JSON document on stdout (scripts parse it);
// otherwise a readable rendering of the same data.

export function render(data: unknown, json: boolean): string {
  if (json) return JSON.stringify(data, null, 2) + '\n';
  return readable(data, '') + '\n';
}

function readable(data: unknown, indent: string): string {
  if (Array.isArray(data)) {
    if (data.length === 0) return `${indent}(none)`;
    return data.map((item) => readable(item, indent + '  ').replace(/^\s+/, `${indent}- `)).join('\n');
  }
  if (data && typeof data === 'object') {
    return Object.entries(data)
      .map(([k, v]) =>
        v && typeof v === 'object' && !(Array.isArray(v) && v.every((x) => typeof x !== 'object'))
          ? `${indent}${k}:\n${readable(v, indent + '  ')}`
          : `${indent}${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`,
      )
      .join('\n');
  }
  return indent + String(data);
}
