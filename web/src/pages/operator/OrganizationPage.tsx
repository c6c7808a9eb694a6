// One organization for the operator: its licences, its API clients (the secret shown once,
// rotated, disabled), its authorized SMS senders and its sandbox clock.
import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Checkbox, CloseButton, Code, CopyButton, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useConsole } from '../../app/api.tsx';
import { fieldErrors, isNotFound } from '../../app/errors.ts';
import { NotFound } from '../NotFound.tsx';
import { Empty, ErrorState, FormErrors, Loading, PageTitle } from '../../ui/states.tsx';
import { formatDate } from '../../ui/format.ts';
import { LICENCES, type Licence } from './OrganizationsPage.tsx';
import { SandboxClock } from './SandboxClock.tsx';
import type { ClientJson, ClientWithSecretJson, OrganizationJson } from './types.ts';

export default function OrganizationPage({ id }: { id: string }) {
  const { client } = useConsole();
  const org = useQuery({
    queryKey: ['operator', 'organization', id],
    queryFn: () => client.get('/operator/organizations/{org}', { params: { path: { org: id } } }),
    placeholderData: undefined,
  });
  if (org.isPending) return <Loading />;
  if (org.isError) return isNotFound(org.error) ? <NotFound what="organization" /> : <ErrorState error={org.error} retry={() => void org.refetch()} />;
  return (
    <Stack>
      <PageTitle>{org.data.name}</PageTitle>
      <Text size="sm" c="dimmed">
        {org.data.id} · created {formatDate(org.data.created_at)}
      </Text>
      <Licences org={org.data} />
      <Clients org={org.data} />
      <Senders orgId={org.data.id} />
      <SandboxClock orgId={org.data.id} />
    </Stack>
  );
}

function Licences({ org }: { org: OrganizationJson }) {
  const { client, person } = useConsole();
  const queries = useQueryClient();
  const [licences, setLicences] = useState<string[]>(org.licences);
  const save = useMutation({
    mutationFn: () => client.put('/operator/organizations/{org}/licences', { params: { path: { org: org.id } }, body: { licences: licences as Licence[] } }),
    onSuccess: (saved) => queries.setQueryData(['operator', 'organization', org.id], saved),
  });
  const errors = fieldErrors(save.error, ['licences']);
  return (
    <Paper withBorder p="md">
      <Checkbox.Group label="Licences" value={licences} onChange={setLicences} error={errors.fields.licences}>
        <Group mt="xs">
          {LICENCES.map((l) => (
            <Checkbox key={l} value={l} label={l} disabled={person.role !== 'admin'} />
          ))}
        </Group>
      </Checkbox.Group>
      <FormErrors messages={errors.general} />
      <Group justify="end" mt="sm">
        {save.isSuccess && <Text size="sm">Saved.</Text>}
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={person.role !== 'admin'}>
          Save licences
        </Button>
      </Group>
    </Paper>
  );
}

function Clients({ org }: { org: OrganizationJson }) {
  const { client, person } = useConsole();
  const queries = useQueryClient();
  const key = ['operator', 'organization', org.id, 'clients'];
  const clients = useQuery({ queryKey: key, queryFn: () => client.get('/operator/organizations/{org}/clients', { params: { path: { org: org.id } } }) });
  const [secret, setSecret] = useState<{ client: ClientWithSecretJson; rotated: boolean } | null>(null);
  const [rotating, setRotating] = useState<ClientJson | null>(null);
  const [name, setName] = useState('');
  const [family, setFamily] = useState<'enterprise' | 'connect'>('enterprise');
  const [role, setRole] = useState<'RESELLER' | 'ACCOUNT_MANAGER'>('RESELLER');
  const create = useMutation({
    mutationFn: () =>
      client.post('/operator/organizations/{org}/clients', {
        params: { path: { org: org.id } },
        body: { name, family, ...(family === 'connect' ? { role } : { licences: org.licences as Licence[] }) },
      }),
    onSuccess: (created) => {
      setSecret({ client: created, rotated: false });
      setName('');
      void queries.invalidateQueries({ queryKey: key });
    },
  });
  const disable = useMutation({
    mutationFn: (clientId: string) => client.delete('/operator/organizations/{org}/clients/{clientId}', { params: { path: { org: org.id, clientId } } }),
    onSuccess: () => void queries.invalidateQueries({ queryKey: key }),
  });
  const rotate = useMutation({
    mutationFn: (clientId: string) => client.post('/operator/organizations/{org}/clients/{clientId}/rotate-secret', { params: { path: { org: org.id, clientId } } }),
    onSuccess: (rotated) => {
      setRotating(null);
      setSecret({ client: rotated, rotated: true });
    },
  });
  const errors = fieldErrors(create.error, ['name', 'family', 'role', 'licences']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const admin = person.role === 'admin';
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        API clients
      </Title>
      {clients.isPending ? (
        <Loading />
      ) : clients.isError ? (
        <ErrorState error={clients.error} retry={() => void clients.refetch()} />
      ) : clients.data.length === 0 ? (
        <Empty>No API clients yet.</Empty>
      ) : (
        <Table data-testid="clients">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Client id</Table.Th>
              <Table.Th>Family</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {clients.data.map((c) => (
              <Table.Tr key={c.client_id}>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>
                  <Code>{c.client_id}</Code>
                </Table.Td>
                <Table.Td>
                  {c.family}
                  {c.role ? ` · ${c.role}` : ''}
                </Table.Td>
                <Table.Td>
                  {c.disabled ? (
                    <Badge color="gray" variant="light">
                      disabled
                    </Badge>
                  ) : (
                    <Badge color="green" variant="light">
                      active
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {!c.disabled && admin && (
                    <Group gap="xs" justify="end" wrap="nowrap">
                      <Button size="xs" variant="outline" onClick={() => setRotating(c)} aria-label={`Rotate secret: ${c.name}`}>
                        Rotate secret
                      </Button>
                      <Button size="xs" variant="outline" color="red" onClick={() => disable.mutate(c.client_id)} loading={disable.isPending && disable.variables === c.client_id}>
                        Disable
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {disable.isError && <ErrorState error={disable.error} />}
      {admin && (
        <form onSubmit={submit} aria-label="New API client">
          <Stack mt="md">
            <FormErrors messages={errors.general} />
            <Group align="start">
              <TextInput label="Client name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.fields.name} />
              <Select
                label="Family"
                data={['enterprise', 'connect']}
                value={family}
                onChange={(v) => setFamily(v ?? 'enterprise')}
                allowDeselect={false}
                error={errors.fields.family}
              />
              {family === 'connect' && (
                <Select
                  label="Role"
                  data={['RESELLER', 'ACCOUNT_MANAGER']}
                  value={role}
                  onChange={(v) => setRole(v ?? 'RESELLER')}
                  allowDeselect={false}
                  error={errors.fields.role}
                />
              )}
              <Button type="submit" mt={25} loading={create.isPending}>
                Create client
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      <Modal
        opened={rotating !== null}
        onClose={() => {
          setRotating(null);
          rotate.reset();
        }}
        title="Rotate the secret"
      >
        {rotating && (
          <Stack>
            <Text size="sm">
              {rotating.name} (<Code>{rotating.client_id}</Code>) gets a new secret. The old one stops working at once, and so do the refresh tokens it obtained.
            </Text>
            {rotate.isError && <ErrorState error={rotate.error} title="The secret was not rotated" />}
            <Group justify="end">
              <Button variant="default" onClick={() => setRotating(null)}>
                Cancel
              </Button>
              <Button color="red" onClick={() => rotate.mutate(rotating.client_id)} loading={rotate.isPending}>
                Rotate
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
      <Modal opened={secret !== null} onClose={() => setSecret(null)} title={secret?.rotated ? "The client's new secret" : "The new client's secret"}>
        {secret && (
          <Stack>
            <Alert color="yellow">This is the only time the secret is shown: copy it now. cellhub keeps only its hash.</Alert>
            <Text size="sm">
              Client id <Code data-testid="new-client-id">{secret.client.client_id}</Code>
            </Text>
            <Text size="sm">
              Secret <Code data-testid="new-client-secret">{secret.client.client_secret}</Code>
            </Text>
            <Group justify="end">
              <CopyButton value={secret.client.client_secret}>{({ copied, copy }) => <Button onClick={copy}>{copied ? 'Copied' : 'Copy the secret'}</Button>}</CopyButton>
              <Button variant="default" onClick={() => setSecret(null)}>
                Done
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}

function Senders({ orgId }: { orgId: string }) {
  const { client, person } = useConsole();
  const queries = useQueryClient();
  const key = ['operator', 'organization', orgId, 'senders'];
  const senders = useQuery({
    queryKey: key,
    queryFn: () => client.get('/operator/organizations/{org}/sms-senders', { params: { path: { org: orgId } } }),
  });
  const [msisdn, setMsisdn] = useState('');
  const add = useMutation({
    mutationFn: () => client.post('/operator/organizations/{org}/sms-senders', { params: { path: { org: orgId } }, body: { msisdn } }),
    onSuccess: () => {
      setMsisdn('');
      void queries.invalidateQueries({ queryKey: key });
    },
  });
  const revoke = useMutation({
    mutationFn: (number: string) => client.delete('/operator/organizations/{org}/sms-senders/{msisdn}', { params: { path: { org: orgId, msisdn: number } } }),
    onSuccess: () => void queries.invalidateQueries({ queryKey: key }),
  });
  const errors = fieldErrors(add.error, ['msisdn']);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        Authorized SMS senders
      </Title>
      {senders.isPending ? (
        <Loading />
      ) : senders.isError ? (
        <ErrorState error={senders.error} />
      ) : senders.data.length === 0 ? (
        <Empty>No authorized senders.</Empty>
      ) : (
        <Group gap="xs">
          {senders.data.map((s) => (
            <Badge
              key={s.msisdn}
              variant="outline"
              rightSection={
                person.role === 'admin' && <CloseButton size="xs" aria-label={`Revoke ${s.msisdn}`} onClick={() => revoke.mutate(s.msisdn)} disabled={revoke.isPending} />
              }
            >
              {s.msisdn}
            </Badge>
          ))}
        </Group>
      )}
      {revoke.isError && <ErrorState error={revoke.error} title="The sender was not revoked" />}
      {person.role === 'admin' && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            add.mutate();
          }}
        >
          <Group align="start" mt="sm">
            <TextInput
              label="Number"
              placeholder="+447700900123"
              value={msisdn}
              onChange={(e) => setMsisdn(e.currentTarget.value)}
              error={errors.fields.msisdn ?? errors.general[0]}
            />
            <Button type="submit" mt={25} loading={add.isPending}>
              Authorize
            </Button>
          </Group>
        </form>
      )}
    </Paper>
  );
}
