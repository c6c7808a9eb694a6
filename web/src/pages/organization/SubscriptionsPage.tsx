// The organization's subscriptions: the API's status filter and cursor pages, a row per subscription.
import { useState } from 'react';
import { Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useConsole, nextCursor } from '../../app/api.tsx';
import { Link, navigate } from '../../app/router.tsx';
import { Empty, ErrorState, Loading, PageTitle } from '../../ui/states.tsx';
import { formatDate } from '../../ui/format.ts';

type Status = 'active' | 'suspended' | 'terminated';
const TRANSCLUDE = 'transclude="subscriber;sim_profile;phone_numbers"';

export const STATUS_COLOR: Record<string, string> = { active: 'green', suspended: 'yellow', terminated: 'gray' };

const LIMITS = ['10', '25', '50', '100'];

/** `?limit=100` in the address opens the page at that many rows (a link or a bookmark keeps it). */
function limitFromAddress(): string {
  const asked = new URLSearchParams(window.location.search).get('limit') ?? '';
  return LIMITS.includes(asked) ? asked : '25';
}

export default function SubscriptionsPage() {
  const { client, readOnly } = useConsole();
  const [status, setStatus] = useState<Status | ''>('');
  const [limit, setLimit] = useState(limitFromAddress);
  // The cursors of the pages before this one, to go back; the API's cursors only go forward.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const list = useQuery({
    queryKey: ['enterprise', 'subscriptions', status, limit, cursor],
    queryFn: () =>
      client.get('/enterprise/subscriptions', {
        params: { query: { status: status || undefined, limit: Number(limit), cursor }, header: { prefer: TRANSCLUDE } },
      }),
  });
  const restart = () => setCursors([undefined]);
  const rows = list.data?._embedded.subscriptions ?? [];
  const next = list.data ? nextCursor(list.data._links) : undefined;
  return (
    <Stack>
      <PageTitle
        actions={
          !readOnly && (
            <Button onClick={() => navigate('/activate')} data-testid="activate">
              Activate an eSIM
            </Button>
          )
        }
      >
        Subscriptions
      </PageTitle>
      <Group align="end">
        <Select
          label="Status"
          data={[{ value: '', label: 'Any' }, 'active', 'suspended', 'terminated']}
          value={status}
          onChange={(value) => {
            setStatus(value ?? '');
            restart();
          }}
          allowDeselect={false}
        />
        <Select
          label="Rows per page"
          data={LIMITS}
          value={limit}
          onChange={(value) => {
            setLimit(value ?? '25');
            restart();
          }}
          allowDeselect={false}
        />
      </Group>
      {list.isPending ? (
        <Loading label="Loading subscriptions…" />
      ) : list.isError ? (
        <ErrorState error={list.error} retry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <Empty>No subscriptions{status ? ` ${status}` : ''}.</Empty>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table striped highlightOnHover data-testid="subscriptions" aria-busy={list.isFetching}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Subscription</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Subscriber</Table.Th>
                <Table.Th>Number</Table.Th>
                <Table.Th>SIM</Table.Th>
                <Table.Th>Created</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((s) => {
                const subscriber = s._embedded?.subscriber;
                const numbers = s._embedded?.phone_numbers?._embedded.phone_numbers ?? [];
                const primary = numbers.find((n) => n.is_primary) ?? numbers[0];
                return (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Link to={`/subscriptions/${s.id}`}>{s.id}</Link>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOR[s.status] ?? 'blue'} variant="light">
                        {s.status}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{subscriber ? `${subscriber.first_name} ${subscriber.last_name}` : '—'}</Table.Td>
                    <Table.Td>{primary?.msisdn ?? '—'}</Table.Td>
                    <Table.Td>{s._embedded?.sim_profile ? `${s._embedded.sim_profile.sim_type} · ${s._embedded.sim_profile.status}` : '—'}</Table.Td>
                    <Table.Td>{formatDate(s.created_at)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Page {cursors.length}
          {list.isFetching && !list.isPending ? ' · refreshing…' : ''}
        </Text>
        <Group>
          <Button variant="default" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
            Previous
          </Button>
          <Button variant="default" disabled={!next || list.isPlaceholderData} onClick={() => setCursors((c) => [...c, next])}>
            Next
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
