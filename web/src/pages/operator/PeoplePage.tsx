// Console people: operator staff and organizations' members; invite one (a one-time link by mail).
import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useConsole } from '../../app/api.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { PersonStatus } from '../../ui/PersonStatus.tsx';
import { fieldErrors } from '../../app/errors.ts';
import { FormErrors, PageTitle } from '../../ui/states.tsx';
import { formatDate } from '../../ui/format.ts';
import { CursorButtons, useCursorStack } from './cursor.tsx';

export default function PeoplePage() {
  const { client, person } = useConsole();
  const stack = useCursorStack();
  const [inviting, setInviting] = useState(false);
  const people = useQuery({
    queryKey: ['operator', 'people', stack.cursor],
    queryFn: () => client.get('/operator/people', { params: { query: { limit: 50, cursor: stack.cursor } } }),
  });
  return (
    <Stack>
      <PageTitle actions={person.role === 'admin' && <Button onClick={() => setInviting(true)}>Invite a person</Button>}>People</PageTitle>
      <DataTable
        query={people}
        rows={(d) => d.items}
        rowKey={(p) => p.id}
        empty="No people yet."
        testId="people"
        columns={[
          { header: 'Name', cell: (p) => p.name },
          { header: 'Email', cell: (p) => p.email },
          { header: 'Role', cell: (p) => p.role },
          { header: 'Organization', cell: (p) => (p.organization_id ? `${p.organization_id} (${p.family})` : 'operator') },
          { header: 'Status', cell: (p) => <PersonStatus status={p.status} /> },
          { header: 'Invited', cell: (p) => formatDate(p.created_at) },
        ]}
      />
      <CursorButtons stack={stack} next={people.data?.next_cursor} fetching={people.isFetching && !people.isPending} />
      <Modal opened={inviting} onClose={() => setInviting(false)} title="Invite a person">
        <Invite onInvited={() => setInviting(false)} />
      </Modal>
    </Stack>
  );
}

function Invite({ onInvited }: { onInvited: () => void }) {
  const { client } = useConsole();
  const queries = useQueryClient();
  const [form, setForm] = useState({ email: '', name: '', organization: '', role: 'admin', family: 'enterprise' });
  const organizations = useQuery({
    queryKey: ['operator', 'organizations', 'all'],
    queryFn: () => client.get('/operator/organizations', { params: { query: { limit: 100 } } }),
  });
  const invite = useMutation({
    mutationFn: () =>
      client.post('/operator/people', {
        body: {
          email: form.email,
          name: form.name,
          role: form.role as 'admin' | 'support' | 'viewer',
          ...(form.organization ? { organization_id: form.organization, family: form.family as 'enterprise' | 'connect' } : {}),
        },
      }),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['operator', 'people'] });
      onInvited();
    },
  });
  const errors = fieldErrors(invite.error, ['email', 'name', 'role', 'organization_id', 'family']);
  const staff = !form.organization;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate();
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <FormErrors messages={errors.general} />
        <TextInput label="Email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.currentTarget.value })} error={errors.fields.email} />
        <TextInput label="Name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} error={errors.fields.name} />
        <Select
          label="Organization"
          description="None: operator staff"
          data={[{ value: '', label: 'None (operator staff)' }, ...(organizations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))]}
          value={form.organization}
          onChange={(v) => setForm({ ...form, organization: v ?? '', role: v ? 'admin' : form.role === 'viewer' ? 'admin' : form.role })}
          allowDeselect={false}
          searchable
          error={errors.fields.organization_id}
        />
        <Group grow>
          <Select
            label="Role"
            data={staff ? ['admin', 'support'] : ['admin', 'viewer']}
            value={form.role}
            onChange={(v) => setForm({ ...form, role: v ?? 'admin' })}
            allowDeselect={false}
            error={errors.fields.role}
          />
          {!staff && (
            <Select
              label="Console"
              data={['enterprise', 'connect']}
              value={form.family}
              onChange={(v) => setForm({ ...form, family: v ?? 'enterprise' })}
              allowDeselect={false}
              error={errors.fields.family}
            />
          )}
        </Group>
        <Text size="sm" c="dimmed">
          They get a one-time link by mail (the outbox, without SMTP) to set their password.
        </Text>
        <Group justify="end">
          <Button type="submit" loading={invite.isPending}>
            Send the invitation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
