// Activate a new eSIM (or physical SIM) for an employee: an activate_subscription order, then its progress live.
import { useState, type FormEvent } from 'react';
import { Button, Group, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useConsole } from '../../app/api.tsx';
import { fieldErrors } from '../../app/errors.ts';
import { navigate } from '../../app/router.tsx';
import { ErrorState, FormErrors, Loading, PageTitle } from '../../ui/states.tsx';
import { usePlaceOrder } from './orders.ts';

const FIELDS = [
  'account_id',
  'template_id',
  'subscriber.first_name',
  'subscriber.last_name',
  'subscriber.email',
  'subscriber.employee_id',
  'subscriber.group',
  'sim_profile.sim_type',
  'sim_profile.delivery.type',
  'sim_profile.delivery.to',
  'subscriber',
  'sim_profile',
];

export default function ActivatePage() {
  const { client, readOnly } = useConsole();
  const choices = useQuery({
    queryKey: ['enterprise', 'activation-choices'],
    queryFn: async () => {
      const [accounts, templates] = await Promise.all([
        client.get('/enterprise/accounts', { params: { query: { limit: 100 } } }),
        client.get('/enterprise/order-templates', { params: { query: { limit: 100 } } }),
      ]);
      return { accounts: accounts._embedded.accounts, templates: templates._embedded['order-templates'] };
    },
  });
  const [form, setForm] = useState({ account: '', template: '', first: '', last: '', email: '', employee: '', group: '', simType: 'esim', delivery: 'api', to: '' });
  const set = (key: keyof typeof form) => (value: string | null) => setForm((f) => ({ ...f, [key]: value ?? '' }));
  const place = usePlaceOrder((order) => navigate(`/orders/${order.id}`));
  const errors = fieldErrors(place.error, FIELDS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    place.mutate({
      type: 'activate_subscription',
      account_id: form.account,
      template_id: form.template || undefined,
      subscriber: { first_name: form.first, last_name: form.last, email: form.email, employee_id: form.employee || undefined, group: form.group || undefined },
      sim_profile: {
        sim_type: form.simType as 'esim' | 'psim',
        delivery: { type: form.delivery as 'email' | 'api', ...(form.delivery === 'email' ? { to: [form.to || form.email] } : {}) },
      },
    });
  };
  if (choices.isPending) return <Loading />;
  if (choices.isError) return <ErrorState error={choices.error} retry={() => void choices.refetch()} />;
  return (
    <Stack>
      <PageTitle>Activate a SIM for an employee</PageTitle>
      <Paper withBorder p="md" component="form" onSubmit={submit}>
        <Stack>
          <FormErrors messages={errors.general} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Account"
              required
              data={choices.data.accounts.map((a) => ({ value: a.id, label: `${a.name} (${a.reference_code})` }))}
              value={form.account || null}
              onChange={set('account')}
              error={errors.fields.account_id}
            />
            <Select
              label="Order template (plan)"
              data={choices.data.templates.map((t) => ({ value: t.id, label: t.description || t.id }))}
              value={form.template || null}
              onChange={set('template')}
              error={errors.fields.template_id}
            />
            <TextInput label="First name" required value={form.first} onChange={(e) => set('first')(e.currentTarget.value)} error={errors.fields['subscriber.first_name']} />
            <TextInput label="Last name" required value={form.last} onChange={(e) => set('last')(e.currentTarget.value)} error={errors.fields['subscriber.last_name']} />
            <TextInput
              label="Email"
              required
              value={form.email}
              onChange={(e) => set('email')(e.currentTarget.value)}
              error={errors.fields['subscriber.email'] ?? errors.fields.subscriber}
            />
            <TextInput label="Employee id" value={form.employee} onChange={(e) => set('employee')(e.currentTarget.value)} error={errors.fields['subscriber.employee_id']} />
            <TextInput label="Group" value={form.group} onChange={(e) => set('group')(e.currentTarget.value)} error={errors.fields['subscriber.group']} />
            <Select
              label="SIM"
              data={[
                { value: 'esim', label: 'eSIM' },
                { value: 'psim', label: 'Physical SIM' },
              ]}
              value={form.simType}
              onChange={set('simType')}
              allowDeselect={false}
              error={errors.fields['sim_profile.sim_type']}
            />
            <Select
              label="Deliver the activation code"
              data={[
                { value: 'api', label: 'Keep it here (show the QR code)' },
                { value: 'email', label: 'By email' },
              ]}
              value={form.delivery}
              onChange={set('delivery')}
              allowDeselect={false}
              error={errors.fields['sim_profile.delivery.type'] ?? errors.fields.sim_profile}
            />
            {form.delivery === 'email' && (
              <TextInput
                label="Send to"
                placeholder="the employee's email"
                value={form.to}
                onChange={(e) => set('to')(e.currentTarget.value)}
                error={errors.fields['sim_profile.delivery.to']}
              />
            )}
          </SimpleGrid>
          <Group justify="end">
            <Button type="submit" loading={place.isPending} disabled={readOnly}>
              Place the order
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
