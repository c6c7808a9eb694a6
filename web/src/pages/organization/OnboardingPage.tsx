// Bulk onboarding (a cellhub extension): upload a CSV of employees, see the dry run's
// problems by row and field, start the batch, watch its progress, and page through its
// rows' results (the order, or why a row was refused or skipped).
import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, FileInput, Group, Paper, Progress, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { DataOf } from '@cellhub/sdk';
import { nextCursor, useConsole } from '../../app/api.tsx';
import { Link } from '../../app/router.tsx';
import { Empty, ErrorState, FormErrors, Loading, PageTitle } from '../../ui/states.tsx';
import { messagesOf } from '../../app/errors.ts';

type Check = Extract<DataOf<'/enterprise/onboarding-batches', 'post'>, { dry_run: true }>;
type Result = 'pending' | 'ordered' | 'refused' | 'skipped';

const RESULT_COLOR: Record<string, string> = { pending: 'blue', ordered: 'green', refused: 'red', skipped: 'gray' };

export default function OnboardingPage() {
  const { client, readOnly } = useConsole();
  const accounts = useQuery({
    queryKey: ['enterprise', 'accounts', 'choices'],
    queryFn: async () => (await client.get('/enterprise/accounts', { params: { query: { limit: 100 } } }))._embedded.accounts,
  });
  const [account, setAccount] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<Check>();
  const [batchId, setBatchId] = useState<string>();

  // The file goes as it is, so the rows the API names are the file's own.
  const upload = useMutation({
    mutationFn: async (dryRun: boolean) =>
      client.post('/enterprise/onboarding-batches', {
        params: { query: { account_id: account, dry_run: dryRun } },
        body: (await file!.text()) as never,
        bodySerializer: (body: unknown) => body as string,
        headers: { 'content-type': 'text/csv' },
      }),
    onSuccess: (answer) => {
      if ('dry_run' in answer) setCheck(answer);
      else {
        setCheck(undefined);
        setBatchId(answer.id);
      }
    },
  });
  const submit = (dryRun: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    upload.mutate(dryRun);
  };

  if (accounts.isPending) return <Loading />;
  if (accounts.isError) return <ErrorState error={accounts.error} retry={() => void accounts.refetch()} />;
  return (
    <Stack>
      <PageTitle>Onboard employees</PageTitle>
      <Paper withBorder p="md" component="form" onSubmit={submit(true)}>
        <Stack>
          <Text size="sm">
            A CSV file with a header row: first_name, last_name, email, employee_id, template (required), group and delivery (email, api or psim). Each row becomes an activation
            order; an employee already onboarded is skipped.
          </Text>
          <FormErrors messages={upload.isError ? messagesOf(upload.error) : []} />
          <Group align="end">
            <Select
              label="Account"
              required
              data={accounts.data.map((a) => ({ value: a.id, label: `${a.name} (${a.reference_code})` }))}
              value={account || null}
              onChange={(value) => setAccount(value ?? '')}
            />
            <FileInput label="Employees (CSV)" required accept=".csv,text/csv" value={file} onChange={setFile} data-testid="onboarding-file" />
            <Button type="submit" variant="default" loading={upload.isPending && upload.variables} disabled={!account || !file}>
              Check the file
            </Button>
            <Button onClick={() => submit(false)()} loading={upload.isPending && !upload.variables} disabled={readOnly || !account || !file} data-testid="onboarding-start">
              Start onboarding
            </Button>
          </Group>
        </Stack>
      </Paper>
      {check && <CheckView check={check} />}
      {batchId && <BatchView id={batchId} />}
    </Stack>
  );
}

function CheckView({ check }: { check: Check }) {
  return (
    <Paper withBorder p="md" data-testid="onboarding-check">
      <Text fw={600} mb="xs">
        {check.total} rows: {check.to_order} to order, {check.refused} with problems, {check.skipped} already onboarded
      </Text>
      {check.problems.length === 0 ? (
        <Alert color="green">No problems found.</Alert>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Row</Table.Th>
              <Table.Th>Field</Table.Th>
              <Table.Th>Problem</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {check.problems.map((p) => (
              <Table.Tr key={`${p.row} ${p.field}`}>
                <Table.Td>{p.row}</Table.Td>
                <Table.Td>{p.field}</Table.Td>
                <Table.Td>{p.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function BatchView({ id }: { id: string }) {
  const { client } = useConsole();
  const batch = useQuery({
    queryKey: ['enterprise', 'onboarding-batch', id],
    queryFn: () => client.get('/enterprise/onboarding-batches/{id}', { params: { path: { id } } }),
    refetchInterval: (query) => (query.state.data?.status === 'completed' ? false : 1000),
  });
  if (batch.isPending) return <Loading label="Loading the batch…" />;
  if (batch.isError) return <ErrorState error={batch.error} retry={() => void batch.refetch()} />;
  const b = batch.data;
  const done = b.total - b.pending;
  return (
    <Paper withBorder p="md" aria-live="polite" data-testid="onboarding-batch" data-status={b.status}>
      <Stack>
        <Group justify="space-between">
          <Text fw={600}>Batch {b.id}</Text>
          <Badge color={b.status === 'completed' ? 'green' : 'blue'} variant="light">
            {b.status}
          </Badge>
        </Group>
        <Progress value={b.total ? (100 * done) / b.total : 100} aria-label="Rows decided" />
        <Text size="sm">
          {done} of {b.total} rows decided: {b.ordered} ordered, {b.refused} refused, {b.skipped} already onboarded, {b.pending} pending
        </Text>
        <RowsView id={id} version={done} />
      </Stack>
    </Paper>
  );
}

function RowsView({ id, version }: { id: string; version: number }) {
  const { client } = useConsole();
  const [result, setResult] = useState<Result | 'all'>('all');
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const rows = useQuery({
    queryKey: ['enterprise', 'onboarding-rows', id, result, cursor, version],
    queryFn: () =>
      client.get('/enterprise/onboarding-batches/{id}/rows', { params: { path: { id }, query: { result: result === 'all' ? undefined : result, limit: 50, cursor } } }),
  });
  const next = rows.data ? nextCursor(rows.data._links) : undefined;
  const items = rows.data?._embedded.rows ?? [];
  return (
    <Stack>
      <SegmentedControl
        value={result}
        onChange={(value) => {
          setResult(value);
          setCursors([undefined]);
        }}
        data={['all', 'ordered', 'refused', 'skipped', 'pending']}
        aria-label="Rows by result"
      />
      {rows.isPending ? (
        <Loading label="Loading rows…" />
      ) : rows.isError ? (
        <ErrorState error={rows.error} retry={() => void rows.refetch()} />
      ) : items.length === 0 ? (
        <Empty>No rows{result === 'all' ? '' : ` ${result}`}.</Empty>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped data-testid="onboarding-rows">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Row</Table.Th>
                <Table.Th>Employee</Table.Th>
                <Table.Th>Result</Table.Th>
                <Table.Th>Order or reason</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.row}>
                  <Table.Td>{r.row}</Table.Td>
                  <Table.Td>{r.employee_id ?? '—'}</Table.Td>
                  <Table.Td>
                    <Badge color={RESULT_COLOR[r.result] ?? 'blue'} variant="light">
                      {r.result}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{r.order_id ? <Link to={`/orders/${r.order_id}`}>{r.order_id}</Link> : (r.reason ?? '—')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group justify="end">
        <Button variant="default" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          Previous
        </Button>
        <Button variant="default" disabled={!next} onClick={() => setCursors((c) => [...c, next])}>
          Next
        </Button>
      </Group>
    </Stack>
  );
}
