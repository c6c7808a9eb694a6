// A reseller's Connect products on the catalogue page: listed, and a new one added with its
// prices per currency.
import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, NumberInput, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useConsole } from '../../app/api.tsx';
import { fieldErrors } from '../../app/errors.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { FormErrors } from '../../ui/states.tsx';

/** "EUR 14, GBP 12" as {EUR: 14, GBP: 12}; what does not parse is sent as is, for the API to name. */
export function parsePrices(text: string): Record<string, number> {
  const prices: Record<string, number> = {};
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [currency, amount] = part.split(/\s+/);
    prices[currency.toUpperCase()] = Number(amount);
  }
  return prices;
}

export function ConnectProducts({ org }: { org: string }) {
  const { client } = useConsole();
  const [creating, setCreating] = useState(false);
  const products = useQuery({
    queryKey: ['operator', 'connect-products', org],
    queryFn: () => client.get('/operator/organizations/{org}/connect-products', { params: { path: { org } } }),
  });
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Connect products
        </Title>
        <Button size="xs" onClick={() => setCreating(true)}>
          New Connect product
        </Button>
      </Group>
      <DataTable
        query={products}
        rows={(d) => d.items}
        rowKey={(p) => p.id}
        empty="No Connect products."
        testId="connect-products"
        columns={[
          { header: 'Name', cell: (p) => p.name },
          { header: 'Region', cell: (p) => p.region },
          { header: 'Data', cell: (p) => `${p.data.value} ${p.data.units}` },
          { header: 'Period', cell: (p) => `${p.period} ${p.period_unit.toLowerCase()}` },
          { header: 'Footprint', cell: (p) => p.footprint.join(', ') },
          {
            header: 'Prices',
            cell: (p) =>
              Object.entries(p.pricing)
                .map(([currency, amount]) => `${amount} ${currency}`)
                .join(', '),
          },
        ]}
      />
      <Modal opened={creating} onClose={() => setCreating(false)} title="New Connect product">
        <CreateProduct org={org} done={() => setCreating(false)} />
      </Modal>
    </Paper>
  );
}

function CreateProduct({ org, done }: { org: string; done: () => void }) {
  const { client } = useConsole();
  const queries = useQueryClient();
  const [name, setName] = useState('');
  const [region, setRegion] = useState('europe');
  const [dataGb, setDataGb] = useState<string | number>(5);
  const [days, setDays] = useState<string | number>(30);
  const [footprint, setFootprint] = useState('');
  const [prices, setPrices] = useState('EUR 10');
  const create = useMutation({
    mutationFn: () =>
      client.post('/operator/organizations/{org}/connect-products', {
        params: { path: { org } },
        body: {
          name,
          region,
          period: Number(days),
          period_unit: 'DAYS',
          data: { value: Number(dataGb), units: 'GB' },
          footprint: footprint
            .split(',')
            .map((c) => c.trim().toUpperCase())
            .filter(Boolean),
          pricing: parsePrices(prices),
        },
      }),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['operator', 'connect-products', org] });
      done();
    },
  });
  const errors = fieldErrors(create.error, ['name', 'region', 'period', 'data', 'footprint', 'pricing']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={submit} aria-label="New Connect product">
      <Stack gap="xs">
        <FormErrors messages={errors.general} />
        <TextInput label="Product name" required data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.fields.name} />
        <TextInput label="Region" required value={region} onChange={(e) => setRegion(e.currentTarget.value)} error={errors.fields.region} />
        <Group grow align="start">
          <NumberInput label="Data (GB)" required min={1} allowDecimal={false} value={dataGb} onChange={setDataGb} error={errors.fields.data} />
          <NumberInput label="Period (days)" required min={1} max={3650} allowDecimal={false} value={days} onChange={setDays} error={errors.fields.period} />
        </Group>
        <TextInput
          label="Footprint"
          description="ISO 3166 alpha-2 codes, comma-separated, e.g. FR, DE"
          required
          value={footprint}
          onChange={(e) => setFootprint(e.currentTarget.value)}
          error={errors.fields.footprint}
        />
        <TextInput
          label="Prices"
          description="Currency and amount, comma-separated, e.g. EUR 14, GBP 12"
          required
          value={prices}
          onChange={(e) => setPrices(e.currentTarget.value)}
          error={errors.fields.pricing}
        />
        <Group justify="end">
          <Button type="submit" loading={create.isPending}>
            Create product
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
