// Console people: operator staff and organizations' members; invite one (a one-time link by mail).
import { useState } from 'react';
import { Button, Modal, Select, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useConsole } from '../../app/api.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { PersonStatus } from '../../ui/PersonStatus.tsx';
import { InviteForm, type Invitee } from '../../ui/InviteForm.tsx';
import { PageTitle } from '../../ui/states.tsx';
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

const STAFF_ROLES = ['admin', 'support'];
const MEMBER_ROLES = ['admin', 'viewer'];

/** Operator staff without an organization, else a member of the one chosen (its Enterprise or Connect console). */
function Invite({ onInvited }: { onInvited: () => void }) {
  const { client } = useConsole();
  const [organization, setOrganization] = useState('');
  const [family, setFamily] = useState<'enterprise' | 'connect'>('enterprise');
  const organizations = useQuery({
    queryKey: ['operator', 'organizations', 'all'],
    queryFn: () => client.get('/operator/organizations', { params: { query: { limit: 100 } } }),
  });
  const send = (p: Invitee) =>
    client.post('/operator/people', {
      body: { ...p, role: p.role as 'admin' | 'support' | 'viewer', ...(organization ? { organization_id: organization, family } : {}) },
    });
  return (
    <InviteForm
      roles={organization ? MEMBER_ROLES : STAFF_ROLES}
      send={send}
      listKey={['operator', 'people']}
      onInvited={onInvited}
      extraFields={['organization_id', 'family']}
      extra={(errors) => (
        <>
          <Select
            label="Organization"
            description="None: operator staff"
            data={[{ value: '', label: 'None (operator staff)' }, ...(organizations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))]}
            value={organization}
            onChange={(v) => setOrganization(v ?? '')}
            allowDeselect={false}
            searchable
            error={errors.fields.organization_id}
          />
          {organization && (
            <Select
              label="Console"
              data={['enterprise', 'connect']}
              value={family}
              onChange={(v) => setFamily(v === 'connect' ? 'connect' : 'enterprise')}
              allowDeselect={false}
              error={errors.fields.family}
            />
          )}
        </>
      )}
    />
  );
}
