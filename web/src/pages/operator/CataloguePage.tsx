// The catalogue, read: an organization's product offerings and order templates.
import { useState } from 'react';
import { Paper, Select, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useConsole } from '../../app/api.tsx';
import { Empty, ErrorState, Loading, PageTitle } from '../../ui/states.tsx';
import { formatQuantity } from '../../ui/format.ts';

export default function CataloguePage() {
  const { client } = useConsole();
  const [org, setOrg] = useState<string | null>(null);
  const organizations = useQuery({
    queryKey: ['operator', 'organizations', 'all'],
    queryFn: () => client.get('/operator/organizations', { params: { query: { limit: 100 } } }),
  });
  return (
    <Stack>
      <PageTitle>Catalogue</PageTitle>
      {organizations.isError && <ErrorState error={organizations.error} retry={() => void organizations.refetch()} />}
      <Select
        label="Organization"
        w={360}
        placeholder={organizations.isPending ? 'Loading…' : 'Choose an organization'}
        data={(organizations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
        value={org}
        onChange={setOrg}
        searchable
      />
      {org ? <Catalogue key={org} org={org} /> : <Empty>Choose an organization to read its offerings and templates.</Empty>}
    </Stack>
  );
}

function Catalogue({ org }: { org: string }) {
  const { client } = useConsole();
  const offerings = useQuery({
    queryKey: ['operator', 'offerings', org],
    queryFn: () => client.get('/operator/organizations/{org}/offerings', { params: { path: { org } } }),
  });
  const templates = useQuery({
    queryKey: ['operator', 'templates', org],
    queryFn: () => client.get('/operator/organizations/{org}/order-templates', { params: { path: { org } } }),
  });
  return (
    <>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          Product offerings
        </Title>
        {offerings.isPending ? (
          <Loading />
        ) : offerings.isError ? (
          <ErrorState error={offerings.error} />
        ) : offerings.data.items.length === 0 ? (
          <Empty>No offerings.</Empty>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Data</Table.Th>
                <Table.Th>Voice</Table.Th>
                <Table.Th>SMS</Table.Th>
                <Table.Th>Days</Table.Th>
                <Table.Th>Price</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {offerings.data.items.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>{o.name}</Table.Td>
                  <Table.Td>{o.type}</Table.Td>
                  <Table.Td>{o.data_bytes === null ? '—' : formatQuantity(o.data_bytes, 'bytes')}</Table.Td>
                  <Table.Td>{o.voice_seconds === null ? '—' : formatQuantity(o.voice_seconds, 'seconds')}</Table.Td>
                  <Table.Td>{o.sms_count ?? '—'}</Table.Td>
                  <Table.Td>{o.validity_days ?? '—'}</Table.Td>
                  <Table.Td>{o.price === null ? '—' : `${o.price} ${o.currency ?? ''}`}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          Order templates
        </Title>
        {templates.isPending ? (
          <Loading />
        ) : templates.isError ? (
          <ErrorState error={templates.error} />
        ) : templates.data.items.length === 0 ? (
          <Empty>No templates.</Empty>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Template</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Offerings</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {templates.data.items.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>{t.description || t.id}</Table.Td>
                  <Table.Td>{t.type}</Table.Td>
                  <Table.Td>{t.offerings.map((o) => o.name).join(', ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </>
  );
}
