// Orders across organizations: filter by status and organization, see why one failed, retry it.
import { useState } from 'react';
import { Badge, Button, Code, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useConsole } from '../../app/api.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { ErrorState, PageTitle } from '../../ui/states.tsx';
import { formatDate } from '../../ui/format.ts';
import { CursorButtons, useCursorStack } from './cursor.tsx';

type Status = 'pending' | 'completed' | 'failed' | 'canceled';
const COLOR: Record<string, string> = { pending: 'blue', completed: 'green', failed: 'red', canceled: 'gray' };

export default function OrdersPage() {
  const { client } = useConsole();
  const queries = useQueryClient();
  const stack = useCursorStack();
  const [status, setStatus] = useState<Status | ''>('');
  const [organization, setOrganization] = useState('');
  const orders = useQuery({
    queryKey: ['operator', 'orders', status, organization, stack.cursor],
    queryFn: () =>
      client.get('/operator/orders', { params: { query: { status: status || undefined, organization_id: organization || undefined, limit: 50, cursor: stack.cursor } } }),
    refetchInterval: 10_000,
  });
  const retry = useMutation({
    mutationFn: (id: string) => client.post('/operator/orders/{id}/retry', { params: { path: { id } } }),
    onSettled: () => void queries.invalidateQueries({ queryKey: ['operator', 'orders'] }),
  });
  return (
    <Stack>
      <PageTitle>Orders</PageTitle>
      <Group align="end">
        <Select
          label="Status"
          data={[{ value: '', label: 'Any' }, 'pending', 'completed', 'failed', 'canceled']}
          value={status}
          onChange={(v) => {
            setStatus(v ?? '');
            stack.restart();
          }}
          allowDeselect={false}
        />
        <TextInput
          label="Organization id"
          value={organization}
          onChange={(e) => {
            setOrganization(e.currentTarget.value.trim());
            stack.restart();
          }}
        />
      </Group>
      {retry.isError && <ErrorState error={retry.error} title="The retry was refused" />}
      <DataTable
        query={orders}
        holdNewRows
        rows={(d) => d.items}
        rowKey={(o) => o.id}
        empty="No orders match."
        testId="operator-orders"
        columns={[
          { header: 'Order', cell: (o) => <Code>{o.id}</Code> },
          { header: 'Organization', cell: (o) => o.organization_id },
          { header: 'Type', cell: (o) => o.type },
          {
            header: 'Status',
            cell: (o) => (
              <Badge color={COLOR[o.status] ?? 'blue'} variant="light">
                {o.status}
              </Badge>
            ),
          },
          { header: 'Placed', cell: (o) => formatDate(o.created_at) },
          {
            header: 'Why it failed',
            cell: (o) =>
              o.status === 'failed' && (
                <Group gap="xs">
                  <Text size="sm" c="red">
                    {o.failure_reason ?? 'no reason recorded'}
                  </Text>
                  <Button size="xs" variant="light" onClick={() => retry.mutate(o.id)} loading={retry.isPending && retry.variables === o.id}>
                    Retry
                  </Button>
                </Group>
              ),
          },
        ]}
      />
      <CursorButtons stack={stack} next={orders.data?.next_cursor} fetching={orders.isFetching && !orders.isPending} />
    </Stack>
  );
}
