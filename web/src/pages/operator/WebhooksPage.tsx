// Webhook deliveries: filter, inspect the request and every attempt's answer, redeliver.
import { useState } from 'react';
import { Badge, Button, Code, Group, Modal, Select, Stack, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useConsole } from '../../app/api.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { ErrorState, Loading, PageTitle } from '../../ui/states.tsx';
import { formatDate } from '../../ui/format.ts';
import { CursorButtons, useCursorStack } from './cursor.tsx';

const STATUSES = ['pending', 'delivered', 'failed'] as const;
type Status = (typeof STATUSES)[number];
const COLOR: Record<string, string> = { pending: 'blue', delivered: 'green', failed: 'red' };

export default function WebhooksPage() {
  const { client } = useConsole();
  const stack = useCursorStack();
  const [status, setStatus] = useState<Status | ''>('');
  const [organization, setOrganization] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const deliveries = useQuery({
    queryKey: ['operator', 'deliveries', status, organization, stack.cursor],
    queryFn: () =>
      client.get('/operator/webhooks/deliveries', {
        params: { query: { status: status || undefined, organization_id: organization || undefined, limit: 50, cursor: stack.cursor } },
      }),
    refetchInterval: 10_000,
  });
  return (
    <Stack>
      <PageTitle>Webhook deliveries</PageTitle>
      <Group align="end">
        <Select
          label="Status"
          data={[{ value: '', label: 'Any' }, ...STATUSES]}
          value={status}
          onChange={(v) => {
            setStatus(STATUSES.find((s) => s === v) ?? '');
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
      <DataTable
        query={deliveries}
        holdNewRows
        rows={(d) => d.items}
        rowKey={(d) => d.id}
        empty="No deliveries match."
        testId="webhook-deliveries"
        columns={[
          {
            header: 'Event',
            cell: (d) => (
              <UnstyledButton onClick={() => setOpen(d.id)} c="blue" td="underline">
                {d.event_type}
              </UnstyledButton>
            ),
          },
          { header: 'URL', cell: (d) => d.url },
          {
            header: 'Status',
            cell: (d) => (
              <Badge color={COLOR[d.status] ?? 'gray'} variant="light">
                {d.status}
              </Badge>
            ),
          },
          { header: 'Attempts', cell: (d) => d.attempts },
          { header: 'Created', cell: (d) => formatDate(d.created_at) },
        ]}
      />
      <CursorButtons stack={stack} next={deliveries.data?.next_cursor} fetching={deliveries.isFetching && !deliveries.isPending} />
      <Modal opened={open !== null} onClose={() => setOpen(null)} title="Delivery" size="xl">
        {open && <Delivery id={open} />}
      </Modal>
    </Stack>
  );
}

function Delivery({ id }: { id: string }) {
  const { client, person } = useConsole();
  const queries = useQueryClient();
  const delivery = useQuery({
    queryKey: ['operator', 'delivery', id],
    queryFn: () => client.get('/operator/webhooks/deliveries/{id}', { params: { path: { id } } }),
    placeholderData: undefined,
  });
  const redeliver = useMutation({
    mutationFn: () => client.post('/operator/webhooks/deliveries/{id}/redeliver', { params: { path: { id } } }),
    onSettled: () => void queries.invalidateQueries({ queryKey: ['operator'] }),
  });
  if (delivery.isPending) return <Loading />;
  if (delivery.isError) return <ErrorState error={delivery.error} />;
  const d = delivery.data;
  return (
    <Stack>
      <Text size="sm">
        {d.event_type} to {d.url} · {d.status}
        {d.last_error ? ` · last error: ${d.last_error}` : ''}
      </Text>
      <Text fw={600} size="sm">
        Request body
      </Text>
      <Code block tabIndex={0} aria-label="Request body">
        {JSON.stringify(d.payload, null, 2)}
      </Code>
      <Text fw={600} size="sm">
        Attempts
      </Text>
      {(d.attempt_log ?? []).length === 0 ? (
        <Text c="dimmed">No attempt yet.</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>At</Table.Th>
              <Table.Th>Answer</Table.Th>
              <Table.Th>Error</Table.Th>
              <Table.Th>Took</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(d.attempt_log ?? []).map((a) => (
              <Table.Tr key={a.attempt}>
                <Table.Td>{a.attempt}</Table.Td>
                <Table.Td>{formatDate(a.at)}</Table.Td>
                <Table.Td>{a.status_code ?? '—'}</Table.Td>
                <Table.Td>{a.error ?? ''}</Table.Td>
                <Table.Td>{a.duration_ms ?? '—'} ms</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {redeliver.isError && <ErrorState error={redeliver.error} title="The redelivery was refused" />}
      {redeliver.isSuccess && <Text role="status">Sent again from the start of the retry schedule.</Text>}
      <Group justify="end">
        <Button onClick={() => redeliver.mutate()} loading={redeliver.isPending} disabled={person.scope !== 'operator'}>
          Redeliver
        </Button>
      </Group>
    </Stack>
  );
}
