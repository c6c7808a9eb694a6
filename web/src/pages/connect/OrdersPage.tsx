// The reseller's orders, filtered by status and dates, each failure with its reason.
import { useState } from 'react';
import { Badge, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useConsole } from '../../app/api.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { navigate } from '../../app/router.tsx';
import { PageTitle } from '../../ui/states.tsx';
import { formatDate } from '../../ui/format.ts';
import { PageButtons } from './paging.tsx';

const SIZE = 25;
type Status = 'ACCEPTED' | 'FULFILLING' | 'COMPLETED' | 'FAILED';
const COLOR: Record<string, string> = { ACCEPTED: 'gray', FULFILLING: 'blue', COMPLETED: 'green', FAILED: 'red' };

export default function OrdersPage() {
  const { client, readOnly } = useConsole();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<Status | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const orders = useQuery({
    queryKey: ['connect', 'orders', status, from, to, page],
    queryFn: () =>
      client.get('/connect-api/v1/order', { params: { query: { status: status || undefined, start_date: from || undefined, end_date: to || undefined, page, size: SIZE } } }),
    // Orders move on by themselves (ACCEPTED → FULFILLING → COMPLETED): look again now and then.
    refetchInterval: 10_000,
  });
  return (
    <Stack>
      <PageTitle
        actions={
          !readOnly && (
            <Button onClick={() => navigate('/orders/new')} data-testid="new-order">
              New order
            </Button>
          )
        }
      >
        Orders
      </PageTitle>
      <Group align="end">
        <Select
          label="Status"
          data={[{ value: '', label: 'Any' }, 'ACCEPTED', 'FULFILLING', 'COMPLETED', 'FAILED']}
          value={status}
          onChange={(v) => {
            setStatus(v ?? '');
            setPage(1);
          }}
          allowDeselect={false}
        />
        <TextInput label="From" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput label="To" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
      </Group>
      <DataTable
        query={orders}
        holdNewRows
        rows={(d) => d}
        rowKey={(o) => o.id}
        empty="No orders match."
        testId="connect-orders"
        columns={[
          { header: 'Order', cell: (o) => o.id },
          { header: 'Type', cell: (o) => o.operationType },
          {
            header: 'Status',
            cell: (o) => (
              <Badge color={COLOR[o.status] ?? 'blue'} variant="light">
                {o.status}
              </Badge>
            ),
          },
          { header: 'Placed', cell: (o) => formatDate(o.createdDate) },
          {
            header: 'Result',
            cell: (o) =>
              o.failureReason ? (
                <Text c="red" size="sm">
                  {o.failureReason}
                </Text>
              ) : (
                (o.output?.iccid ?? '')
              ),
          },
        ]}
      />
      <PageButtons page={page} setPage={setPage} full={orders.data?.length === SIZE} fetching={orders.isFetching && !orders.isPending} />
    </Stack>
  );
}
