// The reseller's SIMs: each ICCID with its profile state as the SM-DP+ last reported it.
import { useState, type ReactNode } from 'react';
import { Badge, Code, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { DataOf } from '@cellhub/sdk';
import { useConsole } from '../../app/api.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { PageTitle } from '../../ui/states.tsx';
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
      <DataTable
        query={sims}
        rows={(d) => d}
        rowKey={(sim) => sim.id}
        empty="No SIMs yet: an order for a new eSIM makes one."
        testId="connect-sims"
        loadingLabel="Loading SIMs…"
        columns={[
          { header: 'ICCID', cell: (sim) => <Code>{sim.id}</Code> },
          { header: 'Status', cell: (sim) => <SimState iccid={sim.id} /> },
          { header: 'EID', cell: (sim) => <SimDetail iccid={sim.id} show={(d) => d.eid ?? '—'} /> },
          { header: 'Last change', cell: (sim) => <SimDetail iccid={sim.id} show={(d) => formatDate(d.last_modified)} /> },
        ]}
      />
      <PageButtons page={page} setPage={setPage} full={sims.data?.length === SIZE} fetching={sims.isFetching && !sims.isPending} />
    </Stack>
  );
}

// The list names the SIMs; each one's profile state is read on its own (one request a SIM, shared by its cells).
type Sim = DataOf<'/connect-api/v1/sim/{iccid}', 'get'>;

function useSim(iccid: string) {
  const { client } = useConsole();
  return useQuery({ queryKey: ['connect', 'sim', iccid], queryFn: () => client.get('/connect-api/v1/sim/{iccid}', { params: { path: { iccid } } }) });
}

function SimState({ iccid }: { iccid: string }) {
  const sim = useSim(iccid);
  if (sim.isError) return 'unreadable';
  return sim.data ? <Badge variant="light">{sim.data.status}</Badge> : '…';
}

function SimDetail({ iccid, show }: { iccid: string; show: (sim: Sim) => ReactNode }) {
  const sim = useSim(iccid);
  return sim.data ? show(sim.data) : '—';
}
