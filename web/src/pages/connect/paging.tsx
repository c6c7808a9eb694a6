// Connect lists page by number (`page` from 1, `size`): a full page means another may follow.
import { Button, Group, Text } from '@mantine/core';

export function PageButtons({ page, setPage, full, fetching }: { page: number; setPage: (page: number) => void; full: boolean; fetching: boolean }) {
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed">
        Page {page}
        {fetching ? ' · refreshing…' : ''}
      </Text>
      <Group>
        <Button variant="default" disabled={page === 1} onClick={() => setPage(page - 1)}>
          Previous
        </Button>
        <Button variant="default" disabled={!full} onClick={() => setPage(page + 1)}>
          Next
        </Button>
      </Group>
    </Group>
  );
}
