// A SIM's notification preferences: where USAGE_THRESHOLD and SUBSCRIPTION_END are sent.
import { useState, type FormEvent } from 'react';
import { Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useConsole } from '../../app/api.tsx';
import { fieldErrors } from '../../app/errors.ts';
import { ErrorState, FormErrors, Loading, PageTitle } from '../../ui/states.tsx';

const TYPES = ['USAGE_THRESHOLD', 'SUBSCRIPTION_END'] as const;
type NotificationType = (typeof TYPES)[number];

export default function PreferencesPage() {
  const [draft, setDraft] = useState('');
  const [iccid, setIccid] = useState('');
  const open = (event: FormEvent) => {
    event.preventDefault();
    setIccid(draft.trim());
  };
  return (
    <Stack>
      <PageTitle>Notification preferences</PageTitle>
      <Paper withBorder p="md" component="form" onSubmit={open} aria-label="Choose a SIM">
        <Group align="end">
          <TextInput label="ICCID" placeholder="89…" value={draft} onChange={(e) => setDraft(e.currentTarget.value)} required />
          <Button type="submit">Open</Button>
        </Group>
      </Paper>
      {iccid ? <Preferences key={iccid} iccid={iccid} /> : <Text c="dimmed">Choose a SIM (its ICCID is on the SIMs page) to see where its notifications go.</Text>}
    </Stack>
  );
}

function Preferences({ iccid }: { iccid: string }) {
  const { client } = useConsole();
  const preferences = useQuery({
    queryKey: ['connect', 'preferences', iccid],
    queryFn: () => client.get('/connect-api/v1/sim/{iccid}/preferences', { params: { path: { iccid } } }),
    placeholderData: undefined,
  });
  if (preferences.isPending) return <Loading />;
  if (preferences.isError) return <ErrorState error={preferences.error} retry={() => void preferences.refetch()} />;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        SIM {iccid}
      </Title>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Notification</Table.Th>
            <Table.Th>Webhook URL</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {TYPES.map((type) => (
            <PreferenceRow key={type} iccid={iccid} type={type} current={preferences.data.notifications.find((n) => n.type === type)?.webhook_url ?? ''} />
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function PreferenceRow({ iccid, type, current }: { iccid: string; type: NotificationType; current: string }) {
  const { client } = useConsole();
  const queries = useQueryClient();
  const [url, setUrl] = useState(current);
  const done = () => void queries.invalidateQueries({ queryKey: ['connect', 'preferences', iccid] });
  const save = useMutation({
    mutationFn: () => client.put('/connect-api/v1/sim/{iccid}/preferences/notifications/{type}', { params: { path: { iccid, type } }, body: { webhook_url: url } }),
    onSuccess: done,
  });
  const remove = useMutation({
    mutationFn: () => client.delete('/connect-api/v1/sim/{iccid}/preferences/notifications/{type}', { params: { path: { iccid, type } } }),
    onSuccess: () => {
      setUrl('');
      done();
    },
  });
  const errors = fieldErrors(save.error ?? remove.error, ['webhook_url']);
  return (
    <Table.Tr>
      <Table.Td>{type}</Table.Td>
      <Table.Td>
        <Stack gap="xs">
          <FormErrors messages={errors.general} />
          <Group align="start">
            <TextInput
              aria-label={`${type} webhook URL`}
              placeholder="https://…"
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
              error={errors.fields.webhook_url}
              miw={320}
            />
            <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!url}>
              Save
            </Button>
            <Button variant="default" onClick={() => remove.mutate()} loading={remove.isPending} disabled={!current}>
              Remove
            </Button>
          </Group>
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
