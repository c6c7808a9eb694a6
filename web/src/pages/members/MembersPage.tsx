// The members of the person's organization, and (for its admins) an invitation to a new
// one: a one-time link by mail. A viewer sees the list only; the API refuses a viewer's
// invitation all the same.
import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useConsole } from '../../app/api.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { PersonStatus } from '../../ui/PersonStatus.tsx';
import { fieldErrors } from '../../app/errors.ts';
import { inviteMember, listMembers, type NewMember } from '../../app/session.ts';
import { FormErrors, PageTitle } from '../../ui/states.tsx';
import { formatDate } from '../../ui/format.ts';

const KEY = ['console', 'members'];

export default function MembersPage() {
  const { person, readOnly } = useConsole();
  const [inviting, setInviting] = useState(false);
  const members = useQuery({ queryKey: KEY, queryFn: listMembers });
  return (
    <Stack>
      <PageTitle
        actions={
          !readOnly && (
            <Button onClick={() => setInviting(true)} data-testid="invite-member">
              Invite a member
            </Button>
          )
        }
      >
        Members
      </PageTitle>
      <DataTable
        query={members}
        rows={(d) => d.items}
        rowKey={(m) => m.id}
        empty="No members yet."
        testId="members"
        columns={[
          { header: 'Name', cell: (m) => `${m.name}${m.id === person.id ? ' (you)' : ''}` },
          { header: 'Email', cell: (m) => m.email },
          { header: 'Role', cell: (m) => m.role },
          { header: 'Status', cell: (m) => <PersonStatus status={m.status} /> },
          { header: 'Invited', cell: (m) => formatDate(m.created_at) },
        ]}
      />
      <Modal opened={inviting} onClose={() => setInviting(false)} title="Invite a member">
        <Invite onInvited={() => setInviting(false)} />
      </Modal>
    </Stack>
  );
}

function Invite({ onInvited }: { onInvited: () => void }) {
  const { csrfToken } = useConsole();
  const queries = useQueryClient();
  const [form, setForm] = useState<NewMember>({ email: '', name: '', role: 'viewer' });
  const invite = useMutation({
    mutationFn: () => inviteMember(csrfToken, form),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: KEY });
      onInvited();
    },
  });
  const errors = fieldErrors(invite.error, ['email', 'name', 'role']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate();
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <FormErrors messages={errors.general} />
        <TextInput
          label="Email"
          type="email"
          required
          data-autofocus
          value={form.email}
          onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
          error={errors.fields.email}
        />
        <TextInput label="Name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} error={errors.fields.name} />
        <Select
          label="Role"
          description="A viewer may look but not act"
          data={['viewer', 'admin']}
          value={form.role}
          onChange={(v) => setForm({ ...form, role: v === 'admin' ? 'admin' : 'viewer' })}
          allowDeselect={false}
          error={errors.fields.role}
        />
        <Group justify="end">
          <Button type="submit" loading={invite.isPending}>
            Send the invitation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
