// SIM stock: the counts by type and state, and a CSV import previewed first: each bad row is
// named before anything is written, and only the good rows are sent, in chunks, with a
// progress bar.
import { useState } from 'react';
import { Alert, Badge, Button, FileInput, Group, Paper, Progress, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useConsole } from '../../app/api.tsx';
import { fieldErrors } from '../../app/errors.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { FormErrors, PageTitle } from '../../ui/states.tsx';
import { parseSimCsv, type SimRow } from './sim-csv.ts';

/** ICCIDs a request: a large file goes in several, each with its progress shown. */
const IMPORT_CHUNK = 2_000;

export default function SimStockPage() {
  const { client } = useConsole();
  const summary = useQuery({
    queryKey: ['operator', 'sims', 'summary'],
    queryFn: () => client.get('/operator/sims/summary'),
  });
  return (
    <Stack>
      <PageTitle>SIM stock</PageTitle>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          In stock
        </Title>
        <DataTable
          query={summary}
          rows={(d) => d}
          rowKey={(r) => `${r.sim_type}-${r.state}`}
          empty="No SIMs in stock."
          testId="sim-summary"
          minWidth={360}
          columns={[
            { header: 'Type', cell: (r) => r.sim_type },
            { header: 'State', cell: (r) => r.state },
            { header: 'Count', cell: (r) => r.count },
          ]}
        />
      </Paper>
      <Import />
    </Stack>
  );
}

function Import() {
  const { client, person } = useConsole();
  const queries = useQueryClient();
  const [text, setText] = useState('');
  const [simType, setSimType] = useState<'esim' | 'psim'>('esim');
  const rows = parseSimCsv(text);
  const bad = rows.filter((r) => r.problem);
  const good = rows.filter((r) => !r.problem);
  const [sent, setSent] = useState(0);
  const send = useMutation({
    // A chunk a request: a large file shows its progress, and a failure leaves the chunks before it imported (and says how many).
    mutationFn: async (iccids: string[]) => {
      const total = { imported: 0, duplicates: 0 };
      setSent(0);
      for (let start = 0; start < iccids.length; start += IMPORT_CHUNK) {
        const chunk = iccids.slice(start, start + IMPORT_CHUNK);
        const answer = await client.post('/operator/sims', { body: { sim_type: simType, iccids: chunk } });
        total.imported += answer.imported;
        total.duplicates += answer.duplicates;
        setSent(start + chunk.length);
      }
      return total;
    },
    onSettled: () => void queries.invalidateQueries({ queryKey: ['operator', 'sims'] }),
  });
  const errors = fieldErrors(send.error, ['iccids', 'sim_type']);
  const readFile = async (file: File | null) => {
    send.reset();
    setText(file ? await file.text() : '');
  };
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        Import ICCIDs
      </Title>
      <Stack>
        <Group align="end">
          <FileInput label="CSV file" placeholder="Choose a file" accept=".csv,text/csv,text/plain" onChange={(file) => void readFile(file)} clearable />
          <Select
            label="SIM type"
            data={['esim', 'psim']}
            value={simType}
            onChange={(v) => setSimType(v === 'psim' ? 'psim' : 'esim')}
            allowDeselect={false}
            error={errors.fields.sim_type}
          />
        </Group>
        <Textarea
          label="Or paste the ICCIDs"
          description="One per line, or a CSV with an iccid column"
          autosize
          minRows={3}
          maxRows={10}
          value={text}
          onChange={(e) => {
            send.reset();
            setText(e.currentTarget.value);
          }}
          data-testid="sim-csv"
          error={errors.fields.iccids}
        />
        {rows.length > 0 && <Preview rows={rows} bad={bad} />}
        {(send.isPending || send.isError) && good.length > 0 && (
          <Stack gap={4}>
            <Progress value={(100 * sent) / good.length} aria-label="Import progress" data-testid="import-progress" />
            <Text size="sm" c="dimmed">
              {sent} of {good.length} rows sent{send.isError ? '; the import stopped at the failure below' : '…'}
            </Text>
          </Stack>
        )}
        <FormErrors messages={errors.general} />
        {send.isSuccess && (
          <Alert color="green" role="status" data-testid="import-result">
            Imported {send.data.imported} SIMs; {send.data.duplicates} were already in stock.
          </Alert>
        )}
        <Group justify="end">
          <Button onClick={() => send.mutate(good.map((r) => r.iccid))} disabled={good.length === 0 || person.role !== 'admin'} loading={send.isPending}>
            Import {good.length} good {good.length === 1 ? 'row' : 'rows'}
            {bad.length ? ` (leave out ${bad.length} bad)` : ''}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function Preview({ rows, bad }: { rows: SimRow[]; bad: SimRow[] }) {
  return (
    <Stack gap="xs" data-testid="sim-preview">
      <Text size="sm">
        {rows.length} rows read: {rows.length - bad.length} good, {bad.length} bad. Nothing is written until you import.
      </Text>
      {bad.length > 0 && (
        <Alert color="red" title="These rows will not be imported" role="alert">
          <Stack gap={2}>
            {bad.slice(0, 50).map((r) => (
              <Text key={r.line} size="sm" data-testid="bad-row">
                Line {r.line}: <Badge variant="outline">{r.iccid || '(empty)'}</Badge> {r.problem}
              </Text>
            ))}
            {bad.length > 50 && <Text size="sm">…and {bad.length - 50} more.</Text>}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
