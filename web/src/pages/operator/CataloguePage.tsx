// The catalogue: an organization's product offerings, order templates and Connect products, read and created
// (each in a modal form; the API's messages shown next to the fields they name).
import { useState, type FormEvent } from 'react';
import { Button, Fieldset, Group, Modal, MultiSelect, NumberInput, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useConsole } from '../../app/api.tsx';
import { fieldErrors } from '../../app/errors.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { Empty, ErrorState, FormErrors, PageTitle } from '../../ui/states.tsx';
import { formatQuantity } from '../../ui/format.ts';
import { ConnectProducts } from './ConnectProducts.tsx';

const SERVICES = ['voice', 'sms', 'data', 'roaming'] as const;
type Service = (typeof SERVICES)[number];
const GB = 1024 ** 3;

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
  const [creating, setCreating] = useState<'offering' | 'template' | null>(null);
  const offerings = useQuery({
    queryKey: ['operator', 'offerings', org],
    queryFn: () => client.get('/operator/organizations/{org}/offerings', { params: { path: { org } } }),
  });
  const templates = useQuery({
    queryKey: ['operator', 'templates', org],
    queryFn: () => client.get('/operator/organizations/{org}/order-templates', { params: { path: { org } } }),
  });
  const close = () => setCreating(null);
  return (
    <>
      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            Product offerings
          </Title>
          <Button size="xs" onClick={() => setCreating('offering')}>
            New offering
          </Button>
        </Group>
        <DataTable
          query={offerings}
          rows={(d) => d.items}
          rowKey={(o) => o.id}
          empty="No offerings."
          testId="offerings"
          columns={[
            { header: 'Name', cell: (o) => o.name },
            { header: 'Type', cell: (o) => o.type },
            { header: 'Data', cell: (o) => (o.data_bytes === null ? '—' : formatQuantity(o.data_bytes, 'bytes')) },
            { header: 'Voice', cell: (o) => (o.voice_seconds === null ? '—' : formatQuantity(o.voice_seconds, 'seconds')) },
            { header: 'SMS', cell: (o) => o.sms_count ?? '—' },
            { header: 'Days', cell: (o) => o.validity_days ?? '—' },
            { header: 'Price', cell: (o) => `${o.price} ${o.currency}` },
            { header: 'Out of bundle', cell: (o) => ratesOf(o.out_of_bundle_rates) },
          ]}
        />
      </Paper>
      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            Order templates
          </Title>
          <Button size="xs" onClick={() => setCreating('template')} disabled={!offerings.data?.items.length}>
            New template
          </Button>
        </Group>
        <DataTable
          query={templates}
          rows={(d) => d.items}
          rowKey={(t) => t.id}
          empty="No templates."
          testId="templates"
          columns={[
            { header: 'Template', cell: (t) => t.description || t.id },
            { header: 'Type', cell: (t) => t.type },
            { header: 'Offerings', cell: (t) => t.offerings.map((o) => o.name).join(', ') },
          ]}
        />
      </Paper>
      <ConnectProducts org={org} />
      <Modal opened={creating === 'offering'} onClose={close} title="New offering">
        <CreateOffering org={org} done={close} />
      </Modal>
      <Modal opened={creating === 'template'} onClose={close} title="New order template">
        <CreateTemplate org={org} offerings={(offerings.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))} done={close} />
      </Modal>
    </>
  );
}

const RATES = [
  { key: 'per_mb', label: 'Per MB', hint: 'e.g. 0.0100' },
  { key: 'per_minute', label: 'Per minute', hint: 'e.g. 0.0500' },
  { key: 'per_sms', label: 'Per SMS', hint: 'e.g. 0.0800' },
  { key: 'roaming_multiplier', label: 'Roaming ×', hint: 'default 1' },
] as const;
type Rates = Record<(typeof RATES)[number]['key'], string>;
const NO_RATES: Rates = { per_mb: '', per_minute: '', per_sms: '', roaming_multiplier: '' };
const RATE_FIELDS = RATES.map((r) => `out_of_bundle_rates.${r.key}`);

/** The rates typed, as the API takes them: none typed sends none; an empty price is unpriced (null). */
function outOfBundle(rates: Rates) {
  if (Object.values(rates).every((v) => v === '')) return {};
  return {
    out_of_bundle_rates: {
      per_mb: rates.per_mb || null,
      per_minute: rates.per_minute || null,
      per_sms: rates.per_sms || null,
      ...(rates.roaming_multiplier ? { roaming_multiplier: rates.roaming_multiplier } : {}),
    },
  };
}

/** "0.0100 per MB, 0.0500 per min" as the list shows an offering's rates; a dash when none is priced. */
function ratesOf(r: { per_mb: string | null; per_minute: string | null; per_sms: string | null; roaming_multiplier: string }): string {
  const priced = [r.per_mb && `${r.per_mb}/MB`, r.per_minute && `${r.per_minute}/min`, r.per_sms && `${r.per_sms}/SMS`].filter(Boolean);
  if (!priced.length) return '—';
  return `${priced.join(', ')}${Number(r.roaming_multiplier) !== 1 ? ` (×${r.roaming_multiplier} roaming)` : ''}`;
}

/** A whole number typed, or null when the field is left empty (unlimited). */
function allowance(value: string | number): number | null {
  return value === '' ? null : Number(value);
}

function CreateOffering({ org, done }: { org: string; done: () => void }) {
  const { client } = useConsole();
  const queries = useQueryClient();
  const [type, setType] = useState<'plan' | 'add_on'>('plan');
  const [name, setName] = useState('');
  const [dataGb, setDataGb] = useState<string | number>('');
  const [voiceMinutes, setVoiceMinutes] = useState<string | number>('');
  const [sms, setSms] = useState<string | number>('');
  const [days, setDays] = useState<string | number>(30);
  const [price, setPrice] = useState('');
  const [currency, setCurrency] = useState('GBP');
  const [rates, setRates] = useState<Rates>(NO_RATES);
  const create = useMutation({
    mutationFn: () => {
      const data = allowance(dataGb);
      const voice = allowance(voiceMinutes);
      return client.post('/operator/organizations/{org}/offerings', {
        params: { path: { org } },
        body: {
          type,
          name,
          data_bytes: data === null ? null : Math.round(data * GB),
          voice_seconds: voice === null ? null : voice * 60,
          sms_count: allowance(sms),
          validity_days: Number(days),
          price,
          currency,
          ...outOfBundle(rates),
        },
      });
    },
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['operator', 'offerings', org] });
      done();
    },
  });
  const errors = fieldErrors(create.error, ['type', 'name', 'data_bytes', 'voice_seconds', 'sms_count', 'validity_days', 'price', 'currency', ...RATE_FIELDS]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={submit} aria-label="New offering">
      <Stack gap="xs">
        <FormErrors messages={errors.general} />
        <Select
          label="Type"
          data={[
            { value: 'plan', label: 'Plan' },
            { value: 'add_on', label: 'Add-on' },
          ]}
          value={type}
          onChange={(v) => setType(v === 'add_on' ? 'add_on' : 'plan')}
          allowDeselect={false}
          error={errors.fields.type}
        />
        <TextInput label="Offering name" required data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.fields.name} />
        <NumberInput label="Data (GB)" description="Empty: unlimited" min={0} value={dataGb} onChange={setDataGb} error={errors.fields.data_bytes} />
        <NumberInput
          label="Voice (minutes)"
          description="Empty: unlimited"
          min={0}
          allowDecimal={false}
          value={voiceMinutes}
          onChange={setVoiceMinutes}
          error={errors.fields.voice_seconds}
        />
        <NumberInput label="SMS" description="Empty: unlimited" min={0} allowDecimal={false} value={sms} onChange={setSms} error={errors.fields.sms_count} />
        <NumberInput label="Validity (days)" required min={1} max={3650} allowDecimal={false} value={days} onChange={setDays} error={errors.fields.validity_days} />
        <Group grow align="start">
          <TextInput label="Price" description="e.g. 25.00" required value={price} onChange={(e) => setPrice(e.currentTarget.value)} error={errors.fields.price} />
          <TextInput
            label="Currency"
            description="ISO 4217, e.g. GBP"
            required
            maxLength={3}
            value={currency}
            onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase())}
            error={errors.fields.currency}
          />
        </Group>
        <Fieldset legend="Out-of-bundle rates (a cellhub extension)" variant="unstyled">
          <Text size="xs" c="dimmed" mb={4}>
            What usage beyond the allowances costs, in the offering&apos;s currency; empty: not priced.
          </Text>
          <Group grow align="start">
            {RATES.map((r) => (
              <TextInput
                key={r.key}
                label={r.label}
                description={r.hint}
                value={rates[r.key]}
                onChange={(e) => setRates({ ...rates, [r.key]: e.currentTarget.value.trim() })}
                error={errors.fields[`out_of_bundle_rates.${r.key}`]}
              />
            ))}
          </Group>
        </Fieldset>
        <Group justify="end">
          <Button type="submit" loading={create.isPending}>
            Create offering
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CreateTemplate({ org, offerings, done }: { org: string; offerings: { value: string; label: string }[]; done: () => void }) {
  const { client } = useConsole();
  const queries = useQueryClient();
  const [description, setDescription] = useState('');
  const [offeringIds, setOfferingIds] = useState<string[]>([]);
  const [pool, setPool] = useState<string | null>(null);
  const [services, setServices] = useState<string[]>(['voice', 'sms', 'data']);
  const pools = useQuery({ queryKey: ['operator', 'number-pools'], queryFn: () => client.get('/operator/number-pools') });
  const create = useMutation({
    mutationFn: () =>
      client.post('/operator/organizations/{org}/order-templates', {
        params: { path: { org } },
        body: {
          description,
          offering_ids: offeringIds,
          ...(pool ? { number_pool_id: pool } : {}),
          services: services.filter((s): s is Service => (SERVICES as readonly string[]).includes(s)),
        },
      }),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['operator', 'templates', org] });
      done();
    },
  });
  const errors = fieldErrors(create.error, ['description', 'offering_ids', 'number_pool_id', 'services']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={submit} aria-label="New order template">
      <Stack gap="xs">
        <FormErrors messages={errors.general} />
        <TextInput label="Description" required data-autofocus value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errors.fields.description} />
        <MultiSelect label="Offerings" required data={offerings} value={offeringIds} onChange={setOfferingIds} searchable error={errors.fields.offering_ids} />
        <Select
          label="Number pool"
          placeholder="None"
          clearable
          data={(pools.data ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.country})` }))}
          value={pool}
          onChange={setPool}
          error={errors.fields.number_pool_id}
        />
        <MultiSelect label="Services" data={[...SERVICES]} value={services} onChange={setServices} error={errors.fields.services} />
        <Group justify="end">
          <Button type="submit" loading={create.isPending}>
            Create template
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
