// The mail outbox (or what was sent): eSIM deliveries with their QR image, and invitations.
import { useState } from 'react';
import { Badge, Code, Group, Image, Modal, Select, Stack, Text, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useConsole } from '../../app/api.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { ErrorState, Loading, PageTitle } from '../../ui/states.tsx';
import { formatDate } from '../../ui/format.ts';
import { CursorButtons, useCursorStack } from './cursor.tsx';

type State = 'queued' | 'sent' | 'outbox' | 'failed';

export default function MailPage() {
  const { client } = useConsole();
  const stack = useCursorStack();
  const [state, setState] = useState<State | ''>('');
  const [open, setOpen] = useState<string | null>(null);
  const mail = useQuery({
    queryKey: ['operator', 'mail', state, stack.cursor],
    queryFn: () => client.get('/operator/mail', { params: { query: { state: state || undefined, limit: 50, cursor: stack.cursor } } }),
    refetchInterval: 10_000,
  });
  return (
    <Stack>
      <PageTitle>Mail outbox</PageTitle>
      <Select
        label="State"
        w={200}
        data={[{ value: '', label: 'Any' }, 'queued', 'sent', 'outbox', 'failed']}
        value={state}
        onChange={(v) => {
          setState(v ?? '');
          stack.restart();
        }}
        allowDeselect={false}
      />
      <DataTable
        query={mail}
        holdNewRows
        rows={(d) => d.items}
        rowKey={(m) => m.id}
        empty="No mail."
        testId="mail"
        columns={[
          {
            header: 'Subject',
            cell: (m) => (
              <UnstyledButton onClick={() => setOpen(m.id)} c="blue" td="underline">
                {m.subject}
              </UnstyledButton>
            ),
          },
          { header: 'To', cell: (m) => m.to.join(', ') },
          { header: 'State', cell: (m) => <Badge variant="light">{m.state}</Badge> },
          { header: 'Created', cell: (m) => formatDate(m.created_at) },
        ]}
      />
      <CursorButtons stack={stack} next={mail.data?.next_cursor} fetching={mail.isFetching && !mail.isPending} />
      <Modal opened={open !== null} onClose={() => setOpen(null)} title="Mail" size="lg">
        {open && <MailBody id={open} />}
      </Modal>
    </Stack>
  );
}

function MailBody({ id }: { id: string }) {
  const { client } = useConsole();
  const mail = useQuery({
    queryKey: ['operator', 'mail', id],
    queryFn: () => client.get('/operator/mail/{id}', { params: { path: { id } } }),
    placeholderData: undefined,
  });
  if (mail.isPending) return <Loading />;
  if (mail.isError) return <ErrorState error={mail.error} />;
  const m = mail.data;
  return (
    <Stack>
      <Text size="sm">
        <strong>{m.subject}</strong> to {m.to.join(', ')} · {m.state}
      </Text>
      <Code block data-testid="mail-text" tabIndex={0} aria-label="Mail text">
        {m.text}
      </Code>
      <Group>
        {(m.attachments ?? [])
          .filter((a) => a.content_type.startsWith('image/'))
          .map((a) => (
            <Image key={a.filename} src={`data:${a.content_type};base64,${a.base64}`} alt={`Attachment ${a.filename}`} w={200} h={200} data-testid="mail-image" />
          ))}
      </Group>
    </Stack>
  );
}
