// A reseller's order through /connect-api/v1: a new eSIM with a product, or a top-up of one
// of its eSIMs; then the order's progress, live. Each refusal is shown next to its field.
import { useState, type FormEvent } from 'react';
import { Button, Group, Paper, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useConsole } from '../../app/api.tsx';
import { fieldErrors } from '../../app/errors.ts';
import { FormErrors, PageTitle } from '../../ui/states.tsx';
import { ConnectOrderProgress } from './ConnectOrderProgress.tsx';

type Operation = 'NEW_ESIM' | 'TOPUP';
type DeviceType = 'ios' | 'android' | 'iot';

const FIELDS = ['input.subscriptions', 'input.countryCode', 'input.customer', 'input.device', 'input.esim'];

export default function NewOrderPage() {
  const { client, readOnly } = useConsole();
  const [operation, setOperation] = useState<Operation>('NEW_ESIM');
  const [productId, setProductId] = useState<string | null>(null);
  const [iccid, setIccid] = useState<string | null>(null);
  const [countryCode, setCountryCode] = useState('');
  const [email, setEmail] = useState('');
  const [deviceType, setDeviceType] = useState<DeviceType>('ios');
  const [deviceId, setDeviceId] = useState('');
  const products = useQuery({ queryKey: ['connect', 'products', 'all'], queryFn: () => client.get('/connect-api/v1/products', { params: { query: { size: 100 } } }) });
  const sims = useQuery({
    queryKey: ['connect', 'sims', 'all'],
    queryFn: () => client.get('/connect-api/v1/sim', { params: { query: { size: 100 } } }),
    enabled: operation === 'TOPUP',
  });
  const place = useMutation({
    mutationFn: () =>
      client.post('/connect-api/v1/order', {
        body: {
          input: {
            operationType: operation,
            subscriptions: [{ product_id: productId ?? '' }],
            ...(countryCode ? { countryCode } : {}),
            ...(operation === 'NEW_ESIM' ? { customer: { email }, device: { id: deviceId || `console-${Date.now()}`, type: deviceType } } : { esim: { iccid: iccid ?? '' } }),
          },
        },
      }),
  });
  const errors = fieldErrors(place.error, FIELDS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    place.mutate();
  };
  return (
    <Stack>
      <PageTitle>New order</PageTitle>
      <Paper withBorder p="md">
        <form onSubmit={submit} aria-label="New Connect order">
          <Stack>
            <SegmentedControl
              aria-label="Order type"
              value={operation}
              onChange={(v) => {
                setOperation(v);
                place.reset();
              }}
              data={[
                { value: 'NEW_ESIM', label: 'New eSIM' },
                { value: 'TOPUP', label: 'Top up an eSIM' },
              ]}
            />
            <FormErrors messages={errors.general} />
            <Select
              label="Product"
              required
              searchable
              data={(products.data ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.data.value} ${p.data.units}, ${p.period} ${p.period_unit.toLowerCase()})` }))}
              value={productId}
              onChange={setProductId}
              error={errors.fields['input.subscriptions'] ?? (products.isError ? 'The products could not be loaded' : undefined)}
              nothingFoundMessage="No products"
            />
            {operation === 'TOPUP' ? (
              <Select
                label="eSIM"
                required
                searchable
                data={(sims.data ?? []).map((s) => s.id)}
                value={iccid}
                onChange={setIccid}
                error={errors.fields['input.esim']}
                nothingFoundMessage="No eSIMs yet"
              />
            ) : (
              <>
                <TextInput label="Customer email" type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errors.fields['input.customer']} />
                <Group grow align="start">
                  <Select
                    label="Device type"
                    data={['ios', 'android', 'iot']}
                    value={deviceType}
                    onChange={(v) => setDeviceType(v ?? 'ios')}
                    allowDeselect={false}
                    error={errors.fields['input.device']}
                  />
                  <TextInput label="Device id" description="Optional: one is made up when empty" value={deviceId} onChange={(e) => setDeviceId(e.currentTarget.value)} />
                </Group>
              </>
            )}
            <TextInput
              label="Country code"
              description={operation === 'NEW_ESIM' ? 'Where the eSIM is sold (ISO 3166 alpha-2)' : 'Needed only if the operator set it so for this reseller'}
              required={operation === 'NEW_ESIM'}
              maxLength={2}
              value={countryCode}
              onChange={(e) => setCountryCode(e.currentTarget.value.toUpperCase())}
              error={errors.fields['input.countryCode']}
            />
            <Group justify="end">
              <Button type="submit" loading={place.isPending} disabled={readOnly || !productId}>
                Place the order
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {place.data && (
        <Paper withBorder p="md">
          <ConnectOrderProgress key={place.data.id} id={place.data.id} />
        </Paper>
      )}
    </Stack>
  );
}
