// One subscription: its SIM profile (and the eSIM's QR code), numbers, services, products and
// recent usage, and the orders that change it, each followed live.
import { useState } from 'react';
import { Badge, Button, Code, Grid, Group, Image, Modal, Paper, Select, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useConsole } from '../../app/api.tsx';
import { isNotFound, fieldErrors } from '../../app/errors.ts';
import { NotFound } from '../NotFound.tsx';
import { Empty, ErrorState, FormErrors, Loading, PageTitle } from '../../ui/states.tsx';
import { formatDate, formatQuantity } from '../../ui/format.ts';
import { STATUS_COLOR } from './SubscriptionsPage.tsx';
import { OrderProgress } from './OrderProgress.tsx';
import { usePlaceOrder, type OrderRequest } from './orders.ts';

const ALL = 'transclude="subscriber;account;sim_profile;phone_numbers;services"';

export default function SubscriptionPage({ id }: { id: string }) {
  const { client } = useConsole();
  const subscription = useQuery({
    queryKey: ['enterprise', 'subscription', id],
    queryFn: () => client.get('/enterprise/subscriptions/{id}', { params: { path: { id }, header: { prefer: ALL } } }),
    placeholderData: undefined,
  });
  if (subscription.isPending) return <Loading label="Loading the subscription…" />;
  if (subscription.isError)
    return isNotFound(subscription.error) ? <NotFound what="subscription" /> : <ErrorState error={subscription.error} retry={() => void subscription.refetch()} />;
  const s = subscription.data;
  const subscriber = s._embedded?.subscriber;
  const numbers = s._embedded?.phone_numbers?._embedded.phone_numbers ?? [];
  const services = s._embedded?.services?._embedded.services ?? [];
  return (
    <Stack>
      <PageTitle>
        {subscriber ? `${subscriber.first_name} ${subscriber.last_name}` : 'Subscription'}{' '}
        <Badge color={STATUS_COLOR[s.status] ?? 'blue'} variant="light" data-testid="subscription-status">
          {s.status}
        </Badge>
      </PageTitle>
      <Text size="sm" c="dimmed">
        {s.id} · account {s._embedded?.account?.name ?? '—'} · created {formatDate(s.created_at)}
        {subscriber ? ` · ${subscriber.email}` : ''}
      </Text>
      <Actions subscriptionId={s.id} accountId={s._embedded?.account?.id ?? ''} status={s.status} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <SimProfile id={s.id} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="xs">
              Numbers
            </Title>
            {numbers.length ? (
              <Table>
                <Table.Tbody>
                  {numbers.map((n) => (
                    <Table.Tr key={n.msisdn}>
                      <Table.Td>{n.msisdn}</Table.Td>
                      <Table.Td>{n.country}</Table.Td>
                      <Table.Td>{n.is_primary ? 'primary' : ''}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : (
              <Empty>No numbers.</Empty>
            )}
            <Title order={2} size="h4" my="xs">
              Services
            </Title>
            <Group gap="xs">
              {services.length ? (
                services.map((service) => (
                  <Badge key={service.type} color={service.enabled ? 'green' : 'gray'} variant="outline">
                    {service.type}: {service.enabled ? 'on' : 'off'}
                  </Badge>
                ))
              ) : (
                <Text c="dimmed">No services.</Text>
              )}
            </Group>
          </Paper>
        </Grid.Col>
      </Grid>
      <Products subscriptionId={s.id} accountId={s._embedded?.account?.id} />
      <RecentUsage subscriptionId={s.id} />
    </Stack>
  );
}

function SimProfile({ id }: { id: string }) {
  const { client } = useConsole();
  const profile = useQuery({
    queryKey: ['enterprise', 'subscription', id, 'sim'],
    queryFn: () => client.get('/enterprise/subscriptions/{id}/sim-profile', { params: { path: { id } } }),
  });
  const hasCode = Boolean(profile.data?.activation_code);
  // The QR image needs the bearer token, so it is fetched and shown from memory, not linked.
  const qr = useQuery({
    queryKey: ['enterprise', 'subscription', id, 'qr'],
    enabled: hasCode,
    queryFn: async () => {
      const { data, error } = await client.raw.GET('/enterprise/subscriptions/{id}/sim-profile/qr-code.svg', { params: { path: { id } }, parseAs: 'text' });
      if (error !== undefined || typeof data !== 'string') throw new Error('The QR code could not be read');
      return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(data)}`;
    },
  });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        SIM profile
      </Title>
      {profile.isPending ? (
        <Loading />
      ) : profile.isError ? (
        <ErrorState error={profile.error} retry={() => void profile.refetch()} />
      ) : (
        <Stack gap="xs">
          <Text size="sm">
            ICCID <Code>{profile.data.iccid}</Code> · {profile.data.sim_type} · {profile.data.status}
          </Text>
          {profile.data.activation_code && (
            <>
              <Text size="sm">
                Activation code <Code data-testid="activation-code">{profile.data.activation_code}</Code>
              </Text>
              {qr.data ? (
                <Image src={qr.data} alt={`QR code of the activation code ${profile.data.activation_code}`} w={180} h={180} data-testid="qr-code" />
              ) : qr.isError ? (
                <Text c="red">The QR code could not be read.</Text>
              ) : (
                <Loading label="Drawing the QR code…" />
              )}
            </>
          )}
        </Stack>
      )}
    </Paper>
  );
}

function Products({ subscriptionId, accountId }: { subscriptionId: string; accountId?: string }) {
  const { client } = useConsole();
  const products = useQuery({
    queryKey: ['enterprise', 'subscription', subscriptionId, 'products'],
    enabled: Boolean(accountId),
    queryFn: async () => {
      const list = await client.get('/enterprise/products', { params: { query: { account_id: accountId, limit: 100 } } });
      return list._embedded.products.filter((p) => p._links.subscription.href.endsWith(`/${subscriptionId}`));
    },
  });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        Products
      </Title>
      {products.isPending ? (
        <Loading />
      ) : products.isError ? (
        <ErrorState error={products.error} />
      ) : products.data.length === 0 ? (
        <Empty>No products.</Empty>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Product</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Activated</Table.Th>
              <Table.Th>Ends</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {products.data.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.id}</Table.Td>
                <Table.Td>{p.status}</Table.Td>
                <Table.Td>{formatDate(p.activated_at)}</Table.Td>
                <Table.Td>{formatDate(p.terminates_at)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function RecentUsage({ subscriptionId }: { subscriptionId: string }) {
  const { client } = useConsole();
  const usage = useQuery({
    queryKey: ['enterprise', 'subscription', subscriptionId, 'usage'],
    queryFn: () => client.get('/enterprise/usage/items', { params: { query: { 'subscription-id': subscriptionId, limit: 10 } } }),
  });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        Recent usage
      </Title>
      {usage.isPending ? (
        <Loading />
      ) : usage.isError ? (
        <ErrorState error={usage.error} />
      ) : usage.data._embedded.items.length === 0 ? (
        <Empty>No usage yet.</Empty>
      ) : (
        <Table>
          <Table.Tbody>
            {usage.data._embedded.items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>{formatDate(item.started_at)}</Table.Td>
                <Table.Td>{item.type}</Table.Td>
                <Table.Td>{formatQuantity(item.charged_quantity, item.unit)}</Table.Td>
                <Table.Td>{item.cost_type}</Table.Td>
                <Table.Td>{item.location_country}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

type Action = 'suspend_subscription' | 'resume_subscription' | 'change_sim_profile' | 'terminate_subscription';
const ACTION_LABEL: Record<Action, string> = {
  suspend_subscription: 'Suspend',
  resume_subscription: 'Resume',
  change_sim_profile: 'Swap SIM',
  terminate_subscription: 'Terminate',
};

function Actions({ subscriptionId, accountId, status }: { subscriptionId: string; accountId: string; status: string }) {
  const { readOnly } = useConsole();
  const [asking, setAsking] = useState<Action | null>(null);
  const [placed, setPlaced] = useState<string | null>(null);
  const [reason, setReason] = useState<NonNullable<OrderRequest['reason']>>('temporary');
  const [simType, setSimType] = useState<'esim' | 'psim'>('esim');
  const place = usePlaceOrder((order) => {
    setPlaced(order.id);
    setAsking(null);
  });
  const errors = fieldErrors(place.error, ['reason', 'sim_profile', 'subscription_id']);
  const available: Action[] =
    status === 'active'
      ? ['suspend_subscription', 'change_sim_profile', 'terminate_subscription']
      : status === 'suspended'
        ? ['resume_subscription', 'terminate_subscription']
        : [];
  const submit = () => {
    if (!asking) return;
    const body: OrderRequest = { type: asking, account_id: accountId, subscription_id: subscriptionId };
    if (asking === 'suspend_subscription') body.reason = reason;
    if (asking === 'change_sim_profile') body.sim_profile = { sim_type: simType, delivery: { type: 'api' } };
    place.mutate(body);
  };
  return (
    <Paper withBorder p="md">
      <Group>
        {available.map((action) => (
          <Tooltip key={action} label="Viewers cannot place orders" disabled={!readOnly}>
            <Button
              variant={action === 'terminate_subscription' ? 'outline' : 'light'}
              color={action === 'terminate_subscription' ? 'red' : undefined}
              disabled={readOnly}
              onClick={() => {
                place.reset();
                setAsking(action);
              }}
            >
              {ACTION_LABEL[action]}
            </Button>
          </Tooltip>
        ))}
        {available.length === 0 && <Text c="dimmed">A terminated subscription takes no more orders.</Text>}
      </Group>
      {placed && (
        <Paper mt="md" p="sm" withBorder>
          <OrderProgress id={placed} />
        </Paper>
      )}
      <Modal opened={asking !== null} onClose={() => setAsking(null)} title={asking ? `${ACTION_LABEL[asking]} this subscription` : ''}>
        <Stack>
          <FormErrors messages={errors.general} />
          {asking === 'suspend_subscription' && (
            <Select
              label="Reason"
              data={['temporary', 'lost_or_stolen', 'fraud', 'non_payment', 'other']}
              value={reason}
              onChange={(v) => setReason(v ?? 'temporary')}
              error={errors.fields.reason}
              allowDeselect={false}
            />
          )}
          {asking === 'change_sim_profile' && (
            <Select label="New SIM" data={['esim', 'psim']} value={simType} onChange={(v) => setSimType(v ?? 'esim')} error={errors.fields.sim_profile} allowDeselect={false} />
          )}
          {asking === 'terminate_subscription' && <Text>Terminating ends the subscription for good: its numbers return to the pool and its products end.</Text>}
          <Group justify="end">
            <Button variant="default" onClick={() => setAsking(null)}>
              Cancel
            </Button>
            <Button color={asking === 'terminate_subscription' ? 'red' : undefined} loading={place.isPending} onClick={submit}>
              Place the order
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
