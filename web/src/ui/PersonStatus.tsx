// A console person's status as a badge: active, invited (no password yet), locked or disabled.
import { Badge } from '@mantine/core';

export function PersonStatus({ status }: { status: string }) {
  return (
    <Badge variant="light" color={status === 'active' ? 'green' : status === 'invited' ? 'blue' : 'gray'}>
      {status}
    </Badge>
  );
}
