// The operator API's lists answer `{items, next_cursor}`: a stack of cursors gives Previous and Next.
import { useState } from 'react';
import { Button, Group, Text } from '@mantine/core';

export function useCursorStack() {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  return {
    cursor: cursors[cursors.length - 1],
    page: cursors.length,
    restart: () => setCursors([undefined]),
    back: () => setCursors((c) => c.slice(0, -1)),
    forward: (next: string) => setCursors((c) => [...c, next]),
  };
}

export function CursorButtons({ stack, next, fetching }: { stack: ReturnType<typeof useCursorStack>; next: string | null | undefined; fetching: boolean }) {
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed">
        Page {stack.page}
        {fetching ? ' · refreshing…' : ''}
      </Text>
      <Group>
        <Button variant="default" disabled={stack.page === 1} onClick={stack.back}>
          Previous
        </Button>
        <Button variant="default" disabled={!next} onClick={() => next && stack.forward(next)}>
          Next
        </Button>
      </Group>
    </Group>
  );
}
