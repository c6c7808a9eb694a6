import { useEffect } from 'react';
import { Alert, Group, Loader, Stepper, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { isFinal, useOrder } from './orders.ts';
import { Link } from '../../app/router.tsx';
import { ErrorState } from '../../ui/states.tsx';

const LABEL: Record<string, string> = {
  activate_subscription: 'Activation',
  suspend_subscription: 'Suspension',
  resume_subscription: 'Resumption',
  change_sim_profile: 'SIM swap',
  terminate_subscription: 'Termination',
};

/**
 * The Stepper's active step: the steps before it are done. A completed order is past its
 * last step (all three done); a failed or canceled one stops on it, in red, not ticked.
 */
function stepOf(status: string): number {
  if (status === 'completed') return 3;
  if (status === 'failed' || status === 'canceled') return 2;
  return 1;
}

/** An order's progress, live: pending → in progress → completed (or failed, with its reason). */
export function OrderProgress({ id }: { id: string }) {
  const order = useOrder(id);
  const queries = useQueryClient();
  const status = order.data?.status;
  useEffect(() => {
    // A finished order changed the subscription: what the pages show of it is stale now.
    if (isFinal(status)) void queries.invalidateQueries({ queryKey: ['enterprise', 'subscription'] });
  }, [status, queries]);
  if (order.isError) return <ErrorState error={order.error} retry={() => void order.refetch()} />;
  if (!order.data) return <Loader size="sm" aria-label="Loading the order" />;
  const o = order.data;
  const ended = o.status === 'failed' || o.status === 'canceled';
  return (
    <div aria-live="polite" data-testid="order-progress" data-status={o.status}>
      <Group gap="xs" mb="xs">
        <Text fw={600}>
          {LABEL[o.type] ?? o.type} order {o.id}
        </Text>
        {!isFinal(o.status) && <Loader size="xs" aria-hidden />}
      </Group>
      <Stepper active={stepOf(o.status)} size="sm" color={ended ? 'red' : undefined}>
        <Stepper.Step label="Placed" />
        <Stepper.Step label={o.status === 'pending' ? 'Pending' : 'In progress'} />
        <Stepper.Step label={o.status === 'failed' ? 'Failed' : o.status === 'canceled' ? 'Canceled' : 'Completed'} />
      </Stepper>
      <Text size="sm" mt="xs">
        Status: <strong>{o.status}</strong>
      </Text>
      {o.status === 'failed' && (
        <Alert color="red" mt="xs" title="The order failed">
          {o.failure_reason ?? 'No reason given'}
        </Alert>
      )}
      {o.status === 'completed' && o.subscription_id && (
        <Text size="sm" mt="xs">
          <Link to={`/subscriptions/${o.subscription_id}`}>Open the subscription</Link>
        </Text>
      )}
    </div>
  );
}
