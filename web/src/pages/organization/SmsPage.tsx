// Send an SMS from an authorized sender to up to 1,000 recipients, then each recipient's status live.
import { useState, type FormEvent } from 'react';
import { Autocomplete, Badge, Button, Group, Paper, Stack, Table, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useConsole } from '../../app/api.tsx';
import { fieldErrors } from '../../app/errors.ts';
import { ErrorState, FormErrors, Loading, PageTitle } from '../../ui/states.tsx';
import { backoff } from './orders.ts';

const MAX_RECIPIENTS = 1000;
const DONE = new Set(['delivered', 'failed', 'expired']);
const COLOR: Record<string, string> = { queued: 'gray', sent: 'blue', delivered: 'green', failed: 'red', expired: 'orange' };

/** Recipients as typed: one per line, or separated by commas, semicolons or spaces. */
export function recipientsOf(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((r) => r.trim())
    .filter(Boolean);
}

export default function SmsPage() {
  const { client, readOnly } = useConsole();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [text, setText] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  // Suggested senders: the numbers of active subscriptions (the API accepts those on the allow list).
  const senders = useQuery({
    queryKey: ['enterprise', 'sender-suggestions'],
    queryFn: async () => {
      const list = await client.get('/enterprise/subscriptions', { params: { query: { status: 'active', limit: 100 }, header: { prefer: 'transclude="phone_numbers"' } } });
      return [...new Set(list._embedded.subscriptions.flatMap((s) => s._embedded?.phone_numbers?._embedded.phone_numbers.map((n) => n.msisdn) ?? []))];
    },
  });
  const recipients = recipientsOf(to);
  const send = useMutation({
    mutationFn: () => client.post('/enterprise/sms', { body: { from, to: recipients, text } }),
    onSuccess: (answer) => setSent(answer.sms_id),
  });
  const errors = fieldErrors(send.error, ['from', 'to', 'text']);
  const tooMany = recipients.length > MAX_RECIPIENTS ? `At most ${MAX_RECIPIENTS} recipients (${recipients.length} given)` : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!tooMany) send.mutate();
  };
  return (
    <Stack>
      <PageTitle>SMS</PageTitle>
      <Paper withBorder p="md" component="form" onSubmit={submit} aria-label="Compose an SMS">
        <Stack>
          <FormErrors messages={errors.general} />
          <Autocomplete
            label="From (an authorized sender)"
            required
            data={senders.data ?? []}
            value={from}
            onChange={setFrom}
            error={errors.fields.from}
            description="One of your organization's authorized sender numbers"
          />
          <Textarea
            label="To"
            required
            autosize
            minRows={2}
            maxRows={8}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            error={tooMany ?? errors.fields.to}
            description={`Numbers in the sender's country, one per line or separated by commas: ${recipients.length} of at most ${MAX_RECIPIENTS}`}
          />
          <Textarea
            label="Message"
            required
            maxLength={500}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={errors.fields.text}
            description={`${text.length} of 500 characters`}
          />
          <Group justify="end">
            <Button type="submit" loading={send.isPending} disabled={readOnly}>
              Send
            </Button>
          </Group>
        </Stack>
      </Paper>
      {sent && <Delivery id={sent} />}
    </Stack>
  );
}

function Delivery({ id }: { id: string }) {
  const { client } = useConsole();
  const sms = useQuery({
    queryKey: ['enterprise', 'sms', id],
    queryFn: () => client.get('/enterprise/sms/{id}', { params: { path: { id } } }),
    refetchInterval: (query) => (query.state.data?.recipients.every((r) => DONE.has(r.status)) ? false : backoff(query.state.dataUpdateCount)),
  });
  if (sms.isPending) return <Loading label="Sending…" />;
  if (sms.isError) return <ErrorState error={sms.error} retry={() => void sms.refetch()} />;
  const m = sms.data;
  return (
    <Paper withBorder p="md" aria-live="polite" data-testid="sms-delivery">
      <Text fw={600} mb="xs">
        {m.sms_id}: {m.counts.delivered} delivered, {m.counts.sent} sent, {m.counts.queued} queued, {m.counts.failed} failed, {m.counts.expired} expired
      </Text>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Recipient</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Reason</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {m.recipients.map((r) => (
            <Table.Tr key={r.to} data-testid={`recipient-${r.to}`} data-status={r.status}>
              <Table.Td>{r.to}</Table.Td>
              <Table.Td>
                <Badge color={COLOR[r.status]} variant="light">
                  {r.status}
                </Badge>
              </Table.Td>
              <Table.Td>{r.reason ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
