// Number pools: each pool's counts (available, assigned, in quarantine), a new pool, and
// numbers added to a pool (pasted, one a line; those already there are skipped).
import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, Paper, Stack, Text, Textarea, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useConsole } from '../../app/api.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { fieldErrors } from '../../app/errors.ts';
import { FormErrors, PageTitle } from '../../ui/states.tsx';
import type { PoolJson } from './types.ts';

const KEY = ['operator', 'number-pools'];

export default function NumberPoolsPage() {
  const { client, person } = useConsole();
  const pools = useQuery({ queryKey: KEY, queryFn: () => client.get('/operator/number-pools') });
  const [adding, setAdding] = useState<PoolJson | null>(null);
  const admin = person.role === 'admin';
  return (
    <Stack>
      <PageTitle>Number pools</PageTitle>
      <Paper withBorder p="md">
        <DataTable
          query={pools}
          rows={(d) => d}
          rowKey={(p) => p.id}
          empty="No number pools yet."
          testId="number-pools"
          columns={[
            {
              header: 'Name',
              cell: (p) => (
                <>
                  {p.name}
                  <Text size="xs" c="dimmed">
                    {p.id}
                  </Text>
                </>
              ),
            },
            { header: 'Country', cell: (p) => p.country },
            { header: 'Available', cell: (p) => p.numbers?.available ?? 0 },
            { header: 'Assigned', cell: (p) => p.numbers?.assigned ?? 0 },
            { header: 'Quarantined', cell: (p) => p.numbers?.quarantined ?? 0 },
            { header: 'Total', cell: (p) => p.numbers?.total ?? 0 },
            {
              header: <VisuallyHidden>Actions</VisuallyHidden>,
              cell: (p) =>
                admin && (
                  <Button size="xs" variant="outline" onClick={() => setAdding(p)} aria-label={`Add numbers to ${p.name}`}>
                    Add numbers
                  </Button>
                ),
            },
          ]}
        />
      </Paper>
      {admin && <CreatePool />}
      <Modal opened={adding !== null} onClose={() => setAdding(null)} title={`Add numbers to ${adding?.name ?? ''}`}>
        {adding && <AddNumbers pool={adding} />}
      </Modal>
    </Stack>
  );
}

function CreatePool() {
  const { client } = useConsole();
  const queries = useQueryClient();
  const [name, setName] = useState('');
  const [country, setCountry] = useState('');
  const create = useMutation({
    mutationFn: () => client.post('/operator/number-pools', { body: { name, country } }),
    onSuccess: () => {
      setName('');
      setCountry('');
      void queries.invalidateQueries({ queryKey: KEY });
    },
  });
  const errors = fieldErrors(create.error, ['name', 'country']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        New pool
      </Title>
      <form onSubmit={submit} aria-label="New number pool">
        <Stack gap="xs">
          <FormErrors messages={errors.general} />
          <Group align="start">
            <TextInput label="Pool name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.fields.name} />
            <TextInput
              label="Country"
              description="ISO 3166 alpha-2, e.g. GB"
              required
              maxLength={2}
              value={country}
              onChange={(e) => setCountry(e.currentTarget.value.toUpperCase())}
              error={errors.fields.country}
            />
            <Button type="submit" mt={25} loading={create.isPending}>
              Create pool
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The numbers pasted: one a line (or separated by commas), spaces and a leading + dropped. */
function parseNumbers(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((n) => n.replace(/[\s+]/g, ''))
    .filter(Boolean);
}

function AddNumbers({ pool }: { pool: PoolJson }) {
  const { client } = useConsole();
  const queries = useQueryClient();
  const [text, setText] = useState('');
  const msisdns = parseNumbers(text);
  const add = useMutation({
    mutationFn: () => client.post('/operator/number-pools/{id}/numbers', { params: { path: { id: pool.id } }, body: { msisdns } }),
    onSuccess: () => void queries.invalidateQueries({ queryKey: KEY }),
  });
  const errors = fieldErrors(add.error, ['msisdns']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <FormErrors messages={errors.general} />
        <Textarea
          label="Numbers"
          description="E.164 digits, one a line"
          autosize
          minRows={4}
          maxRows={12}
          data-autofocus
          value={text}
          onChange={(e) => {
            add.reset();
            setText(e.currentTarget.value);
          }}
          error={errors.fields.msisdns}
        />
        {add.isSuccess && (
          <Alert color="green" role="status" data-testid="numbers-result">
            Added {add.data.imported} numbers; {add.data.duplicates} were already in the pool.
          </Alert>
        )}
        <Group justify="end">
          <Button type="submit" loading={add.isPending} disabled={msisdns.length === 0}>
            Add {msisdns.length} {msisdns.length === 1 ? 'number' : 'numbers'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
