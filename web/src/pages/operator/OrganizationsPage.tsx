// The operator's organizations: the list, and a new one with its licences.
import { useState, type FormEvent } from 'react';
import { Badge, Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useConsole } from '../../app/api.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { fieldErrors } from '../../app/errors.ts';
import { Link, navigate } from '../../app/router.tsx';
import { FormErrors, PageTitle } from '../../ui/states.tsx';
import { formatDate } from '../../ui/format.ts';
import { CursorButtons, useCursorStack } from './cursor.tsx';

export const LICENCES = ['accounts', 'subscribers', 'subscriptions', 'orders', 'order_templates', 'products', 'usage', 'sms'] as const;
export type Licence = (typeof LICENCES)[number];

export default function OrganizationsPage() {
  const { client, person } = useConsole();
  const stack = useCursorStack();
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: ['operator', 'organizations', stack.cursor],
    queryFn: () => client.get('/operator/organizations', { params: { query: { limit: 50, cursor: stack.cursor } } }),
  });
  return (
    <Stack>
      <PageTitle actions={person.role === 'admin' && <Button onClick={() => setCreating(true)}>New organization</Button>}>Organizations</PageTitle>
      <DataTable
        query={list}
        rows={(d) => d.items}
        rowKey={(o) => o.id}
        empty="No organizations yet."
        testId="organizations"
        columns={[
          { header: 'Name', cell: (o) => <Link to={`/organizations/${o.id}`}>{o.name}</Link> },
          { header: 'Id', cell: (o) => o.id },
          {
            header: 'Licences',
            cell: (o) => (
              <Group gap={4}>
                {o.licences.map((l) => (
                  <Badge key={l} size="xs" variant="outline">
                    {l}
                  </Badge>
                ))}
              </Group>
            ),
          },
          { header: 'Created', cell: (o) => formatDate(o.created_at) },
        ]}
      />
      <CursorButtons stack={stack} next={list.data?.next_cursor} fetching={list.isFetching && !list.isPending} />
      <Modal opened={creating} onClose={() => setCreating(false)} title="New organization">
        <CreateOrganization onCreated={(id) => navigate(`/organizations/${id}`)} />
      </Modal>
    </Stack>
  );
}

function CreateOrganization({ onCreated }: { onCreated: (id: string) => void }) {
  const { client } = useConsole();
  const queries = useQueryClient();
  const [name, setName] = useState('');
  const [licences, setLicences] = useState<Licence[]>([...LICENCES]);
  const create = useMutation({
    mutationFn: () => client.post('/operator/organizations', { body: { name, licences } }),
    onSuccess: (org) => {
      void queries.invalidateQueries({ queryKey: ['operator', 'organizations'] });
      onCreated(org.id);
    },
  });
  const errors = fieldErrors(create.error, ['name', 'licences']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <FormErrors messages={errors.general} />
        <TextInput label="Name" required data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.fields.name} />
        <Checkbox.Group label="Licences" value={licences} onChange={(v) => setLicences(v)} error={errors.fields.licences}>
          <Group mt="xs">
            {LICENCES.map((l) => (
              <Checkbox key={l} value={l} label={l} />
            ))}
          </Group>
        </Checkbox.Group>
        <Group justify="end">
          <Button type="submit" loading={create.isPending}>
            Create
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
