// The members of the person's organization, and (for its admins) an invitation to a new
// one: a one-time link by mail. A viewer sees the list only; the API refuses a viewer's
// invitation all the same.
import { useState } from 'react';
import { Button, Modal, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useConsole } from '../../app/api.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { PersonStatus } from '../../ui/PersonStatus.tsx';
import { InviteForm } from '../../ui/InviteForm.tsx';
import { inviteMember, listMembers } from '../../app/session.ts';
import { PageTitle } from '../../ui/states.tsx';
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
  return (
    <InviteForm
      roles={['viewer', 'admin']}
      roleDescription="A viewer may look but not act"
      send={(m) => inviteMember(csrfToken, { ...m, role: m.role === 'admin' ? 'admin' : 'viewer' })}
      listKey={KEY}
      onInvited={onInvited}
    />
  );
}
