// The organization's subscriptions: the API's status filter and cursor pages, a row per subscription.
import { useState } from 'react';
import { Badge, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useConsole, nextCursor } from '../../app/api.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { Link, navigate } from '../../app/router.tsx';
import { PageTitle } from '../../ui/states.tsx';
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

function primaryNumber(numbers: { msisdn: string; is_primary: boolean }[]): string {
  return (numbers.find((n) => n.is_primary) ?? numbers[0])?.msisdn ?? '—';
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
      <DataTable
        query={list}
        rows={(d) => d._embedded.subscriptions}
        rowKey={(s) => s.id}
        empty={`No subscriptions${status ? ` ${status}` : ''}.`}
        testId="subscriptions"
        loadingLabel="Loading subscriptions…"
        minWidth={700}
        columns={[
          { header: 'Subscription', cell: (s) => <Link to={`/subscriptions/${s.id}`}>{s.id}</Link> },
          {
            header: 'Status',
            cell: (s) => (
              <Badge color={STATUS_COLOR[s.status] ?? 'blue'} variant="light">
                {s.status}
              </Badge>
            ),
          },
          { header: 'Subscriber', cell: (s) => (s._embedded?.subscriber ? `${s._embedded.subscriber.first_name} ${s._embedded.subscriber.last_name}` : '—') },
          { header: 'Number', cell: (s) => primaryNumber(s._embedded?.phone_numbers?._embedded.phone_numbers ?? []) },
          { header: 'SIM', cell: (s) => (s._embedded?.sim_profile ? `${s._embedded.sim_profile.sim_type} · ${s._embedded.sim_profile.status}` : '—') },
          { header: 'Created', cell: (s) => formatDate(s.created_at) },
        ]}
      />
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
