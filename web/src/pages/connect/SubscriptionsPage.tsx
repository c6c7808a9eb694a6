// The reseller's subscriptions: each balance as a bar, marked at the 80 % usage threshold
// where the USAGE_THRESHOLD notification goes out.
import { useState, type FormEvent } from 'react';
import { Badge, Box, Button, Group, Paper, Progress, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useConsole } from '../../app/api.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { PageTitle } from '../../ui/states.tsx';
import { formatDate, formatQuantity } from '../../ui/format.ts';
import { PageButtons } from './paging.tsx';

const SIZE = 25;
/** The share of the data spent at which the USAGE_THRESHOLD notification is sent (the Connect docs). */
export const THRESHOLD = 80;

export function BalanceBar({ initial, spent }: { initial: number; spent: number }) {
  const used = initial > 0 ? Math.min(100, (spent / initial) * 100) : 0;
  const color = used >= 100 ? 'red' : used >= THRESHOLD ? 'orange' : 'teal';
  return (
    <Box pos="relative" miw={160}>
      <Tooltip label={`${formatQuantity(spent, 'bytes')} of ${formatQuantity(initial, 'bytes')} spent; notified at ${THRESHOLD} %`}>
        <Progress value={used} color={color} size="lg" aria-label={`${Math.round(used)} % of the balance spent`} />
      </Tooltip>
      <Box pos="absolute" top={-3} bottom={-3} left={`${THRESHOLD}%`} w={2} bg="var(--mantine-color-text)" aria-hidden />
      <Text size="xs" c="dimmed">
        {Math.round(used)} % spent · {formatQuantity(Math.max(0, initial - spent), 'bytes')} left
      </Text>
    </Box>
  );
}

export default function SubscriptionsPage() {
  const { client } = useConsole();
  const [page, setPage] = useState(1);
  const [draft, setDraft] = useState({ email: '', iccid: '' });
  const [filters, setFilters] = useState(draft);
  const list = useQuery({
    queryKey: ['connect', 'subscriptions', filters, page],
    queryFn: () => client.get('/connect-api/v1/subscriptions', { params: { query: { email: filters.email || undefined, iccid: filters.iccid || undefined, page, size: SIZE } } }),
  });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
    setPage(1);
  };
  return (
    <Stack>
      <PageTitle>Subscriptions</PageTitle>
      <Paper withBorder p="md" component="form" onSubmit={apply} aria-label="Filters">
        <Group align="end">
          <TextInput label="Customer email" value={draft.email} onChange={(e) => setDraft({ ...draft, email: e.currentTarget.value })} />
          <TextInput label="ICCID" value={draft.iccid} onChange={(e) => setDraft({ ...draft, iccid: e.currentTarget.value })} />
          <Button type="submit">Filter</Button>
        </Group>
      </Paper>
      <DataTable
        query={list}
        rows={(d) => d}
        rowKey={(sub) => sub.id}
        empty="No subscriptions match."
        testId="connect-subscriptions"
        columns={[
          { header: 'Product', cell: (sub) => sub.product.name },
          { header: 'ICCID', cell: (sub) => sub.iccid },
          { header: 'Status', cell: (sub) => <Badge variant="light">{sub.status}</Badge> },
          { header: 'Balance', cell: (sub) => <BalanceBar initial={Number(sub.initialBalance)} spent={Number(sub.spentBalance)} /> },
          { header: 'Expires', cell: (sub) => formatDate(sub.expirationDate) },
        ]}
      />
      <PageButtons page={page} setPage={setPage} full={list.data?.length === SIZE} fetching={list.isFetching && !list.isPending} />
    </Stack>
  );
}
