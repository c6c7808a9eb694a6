// A Connect order followed live: polled with a growing pause (as the Enterprise order's)
// until it is COMPLETED (with the eSIM's ICCID and install link) or FAILED (with why).
import { Alert, Code, Group, Loader, Stepper, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useConsole } from '../../app/api.tsx';
import { ErrorState } from '../../ui/states.tsx';
import { backoff } from '../organization/orders.ts';

const FINAL = new Set(['COMPLETED', 'FAILED']);
const STEP: Record<string, number> = { ACCEPTED: 1, FULFILLING: 2, COMPLETED: 4, FAILED: 3 };

export function ConnectOrderProgress({ id }: { id: string }) {
  const { client } = useConsole();
  const order = useQuery({
    queryKey: ['connect', 'order', id],
    queryFn: () => client.get('/connect-api/v1/order/{id}', { params: { path: { id } } }),
    refetchInterval: (query) => (FINAL.has(query.state.data?.status ?? '') ? false : backoff(query.state.dataUpdateCount)),
  });
  if (order.isError) return <ErrorState error={order.error} retry={() => void order.refetch()} />;
  if (!order.data) return <Loader size="sm" aria-label="Loading the order" />;
  const o = order.data;
  const failed = o.status === 'FAILED';
  return (
    <div aria-live="polite" data-testid="connect-order-progress" data-status={o.status}>
      <Group gap="xs" mb="xs">
        <Text fw={600}>
          {o.operationType} order {o.id}
        </Text>
        {!FINAL.has(o.status) && <Loader size="xs" aria-hidden />}
      </Group>
      <Stepper active={STEP[o.status] ?? 1} size="sm" color={failed ? 'red' : undefined}>
        <Stepper.Step label="Placed" />
        <Stepper.Step label="Accepted" />
        <Stepper.Step label="Fulfilling" />
        <Stepper.Step label={failed ? 'Failed' : 'Completed'} />
      </Stepper>
      <Text size="sm" mt="xs">
        Status: <strong>{o.status}</strong>
      </Text>
      {failed && (
        <Alert color="red" mt="xs" title="The order failed">
          {o.failureReason ?? 'No reason given'}
        </Alert>
      )}
      {o.output?.iccid && (
        <Text size="sm" mt="xs">
          eSIM <Code data-testid="connect-order-iccid">{o.output.iccid}</Code>
          {o.output.lpa_url && (
            <>
              {' '}
              · install with <Code>{o.output.lpa_url}</Code>
            </>
          )}
        </Text>
      )}
    </div>
  );
}
