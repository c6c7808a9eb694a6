// The operator's organizations: the list, and a new one with its licences.
import { useState, type FormEvent } from 'react';
import { Badge, Button, Checkbox, Group, Modal, Stack, Table, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useConsole } from '../../app/api.tsx';
import { fieldErrors } from '../../app/errors.ts';
import { Link, navigate } from '../../app/router.tsx';
import { Empty, ErrorState, FormErrors, Loading, PageTitle } from '../../ui/states.tsx';
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
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} retry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Empty>No organizations yet.</Empty>
      ) : (
        <Table striped data-testid="organizations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Id</Table.Th>
              <Table.Th>Licences</Table.Th>
              <Table.Th>Created</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>
                  <Link to={`/organizations/${o.id}`}>{o.name}</Link>
                </Table.Td>
                <Table.Td>{o.id}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {o.licences.map((l) => (
                      <Badge key={l} size="xs" variant="outline">
                        {l}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{formatDate(o.created_at)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
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
