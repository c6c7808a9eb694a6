// CLI output: --json prints exactly one JSON document on stdout (scripts parse it);
// otherwise a readable rendering of the same data.

export function print(data: unknown, json: boolean): void {
  if (json) {
    process.stdout.write(JSON.stringify(data, null, 2) + '\n');
    return;
  }
  process.stdout.write(render(data, '') + '\n');
}

function render(data: unknown, indent: string): string {
  if (Array.isArray(data)) {
    if (data.length === 0) return `${indent}(none)`;
    return data.map((item) => render(item, indent + '  ').replace(/^\s+/, `${indent}- `)).join('\n');
  }
  if (data && typeof data === 'object') {
    return Object.entries(data)
      .map(([k, v]) => (v && typeof v === 'object' && !(Array.isArray(v) && v.every((x) => typeof x !== 'object'))
        ? `${indent}${k}:\n${render(v, indent + '  ')}`
        : `${indent}${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`))
      .join('\n');
  }
  return indent + String(data);
}
