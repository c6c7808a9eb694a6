// The reseller's SIMs: each ICCID with its profile state as the SM-DP+ last reported it.
import { useState } from 'react';
import { Badge, Code, Stack, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useConsole } from '../../app/api.tsx';
import { Empty, ErrorState, Loading, PageTitle } from '../../ui/states.tsx';
import { formatDate } from '../../ui/format.ts';
import { PageButtons } from './paging.tsx';

const SIZE = 20;

export default function SimsPage() {
  const { client } = useConsole();
  const [page, setPage] = useState(1);
  const sims = useQuery({ queryKey: ['connect', 'sims', page], queryFn: () => client.get('/connect-api/v1/sim', { params: { query: { page, size: SIZE } } }) });
  return (
    <Stack>
      <PageTitle>SIMs</PageTitle>
      {sims.isPending ? (
        <Loading label="Loading SIMs…" />
      ) : sims.isError ? (
        <ErrorState error={sims.error} retry={() => void sims.refetch()} />
      ) : sims.data.length === 0 ? (
        <Empty>No SIMs yet: an order for a new eSIM makes one.</Empty>
      ) : (
        <Table striped data-testid="connect-sims">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>ICCID</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>EID</Table.Th>
              <Table.Th>Last change</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sims.data.map((sim) => (
              <SimRow key={sim.id} iccid={sim.id} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      <PageButtons page={page} setPage={setPage} full={sims.data?.length === SIZE} fetching={sims.isFetching && !sims.isPending} />
    </Stack>
  );
}

function SimRow({ iccid }: { iccid: string }) {
  const { client } = useConsole();
  const sim = useQuery({ queryKey: ['connect', 'sim', iccid], queryFn: () => client.get('/connect-api/v1/sim/{iccid}', { params: { path: { iccid } } }) });
  return (
    <Table.Tr>
      <Table.Td>
        <Code>{iccid}</Code>
      </Table.Td>
      <Table.Td>{sim.data ? <Badge variant="light">{sim.data.status}</Badge> : sim.isError ? 'unreadable' : '…'}</Table.Td>
      <Table.Td>{sim.data?.eid ?? '—'}</Table.Td>
      <Table.Td>{formatDate(sim.data?.last_modified)}</Table.Td>
    </Table.Tr>
  );
}
