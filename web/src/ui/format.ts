// How quantities read: bytes in MB/GB, seconds in minutes, dates in the reader's locale.
export function formatQuantity(quantity: number, unit: string): string {
  if (unit === 'bytes') return quantity >= 1e9 ? `${(quantity / 1e9).toFixed(2)} GB` : `${(quantity / 1e6).toFixed(1)} MB`;
  if (unit === 'seconds') return `${(quantity / 60).toFixed(1)} min`;
  return `${quantity} ${unit}`;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString();
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function firstOfMonth(): string {
  return today().slice(0, 8) + '01';
}
