// Orders across organizations: filter by status and organization, see why one failed, retry it.
import { useState } from 'react';
import { Badge, Button, Code, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useConsole } from '../../app/api.tsx';
import { Empty, ErrorState, Loading, PageTitle } from '../../ui/states.tsx';
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
      {orders.isPending ? (
        <Loading />
      ) : orders.isError ? (
        <ErrorState error={orders.error} retry={() => void orders.refetch()} />
      ) : orders.data.items.length === 0 ? (
        <Empty>No orders match.</Empty>
      ) : (
        <Table striped data-testid="operator-orders">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Order</Table.Th>
              <Table.Th>Organization</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Placed</Table.Th>
              <Table.Th>Why it failed</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {orders.data.items.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>
                  <Code>{o.id}</Code>
                </Table.Td>
                <Table.Td>{o.organization_id}</Table.Td>
                <Table.Td>{o.type}</Table.Td>
                <Table.Td>
                  <Badge color={COLOR[o.status] ?? 'blue'} variant="light">
                    {o.status}
                  </Badge>
                </Table.Td>
                <Table.Td>{formatDate(o.created_at)}</Table.Td>
                <Table.Td>
                  {o.status === 'failed' && (
                    <Group gap="xs">
                      <Text size="sm" c="red">
                        {o.failure_reason ?? 'no reason recorded'}
                      </Text>
                      <Button size="xs" variant="light" onClick={() => retry.mutate(o.id)} loading={retry.isPending && retry.variables === o.id}>
                        Retry
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <CursorButtons stack={stack} next={orders.data?.next_cursor} fetching={orders.isFetching && !orders.isPending} />
    </Stack>
  );
}
