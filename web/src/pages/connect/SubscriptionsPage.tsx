// The reseller's subscriptions: each balance as a bar, marked at the 80 % usage threshold
// where the USAGE_THRESHOLD notification goes out.
import { useState, type FormEvent } from 'react';
import { Badge, Box, Button, Group, Paper, Progress, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useConsole } from '../../app/api.tsx';
import { Empty, ErrorState, Loading, PageTitle } from '../../ui/states.tsx';
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
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} retry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <Empty>No subscriptions match.</Empty>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Product</Table.Th>
              <Table.Th>ICCID</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Balance</Table.Th>
              <Table.Th>Expires</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{s.product.name}</Table.Td>
                <Table.Td>{s.iccid}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{s.status}</Badge>
                </Table.Td>
                <Table.Td>
                  <BalanceBar initial={Number(s.initialBalance)} spent={Number(s.spentBalance)} />
                </Table.Td>
                <Table.Td>{formatDate(s.expirationDate)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <PageButtons page={page} setPage={setPage} full={list.data?.length === SIZE} fetching={list.isFetching && !list.isPending} />
    </Stack>
  );
}
