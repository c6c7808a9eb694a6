// The mail outbox (or what was sent): eSIM deliveries with their QR image, and invitations.
import { useState } from 'react';
import { Badge, Code, Group, Image, Modal, Select, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useConsole } from '../../app/api.tsx';
import { Empty, ErrorState, Loading, PageTitle } from '../../ui/states.tsx';
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
      {mail.isPending ? (
        <Loading />
      ) : mail.isError ? (
        <ErrorState error={mail.error} retry={() => void mail.refetch()} />
      ) : mail.data.items.length === 0 ? (
        <Empty>No mail.</Empty>
      ) : (
        <Table striped data-testid="mail">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Subject</Table.Th>
              <Table.Th>To</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>Created</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {mail.data.items.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>
                  <UnstyledButton onClick={() => setOpen(m.id)} c="blue" td="underline">
                    {m.subject}
                  </UnstyledButton>
                </Table.Td>
                <Table.Td>{m.to.join(', ')}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{m.state}</Badge>
                </Table.Td>
                <Table.Td>{formatDate(m.created_at)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
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
