// The sandbox clock of one organization: its Connect subscriptions' activation and expiry
// come closer by the days and hours given, and what is then due happens at once.
import { useState, type FormEvent } from 'react';
import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useConsole } from '../../app/api.tsx';
import { fieldErrors } from '../../app/errors.ts';
import { FormErrors } from '../../ui/states.tsx';

const DAY = 86_400;
const HOUR = 3_600;

export function SandboxClock({ orgId }: { orgId: string }) {
  const { client, person } = useConsole();
  const [days, setDays] = useState<number>(7);
  const [hours, setHours] = useState<number>(0);
  const advance = useMutation({
    mutationFn: () => client.post('/operator/organizations/{org}/sandbox/advance', { params: { path: { org: orgId } }, body: { seconds: days * DAY + hours * HOUR } }),
  });
  const errors = fieldErrors(advance.error, ['seconds']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    advance.mutate();
  };
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        Sandbox clock
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Moves this organization&apos;s time forward: its Connect subscriptions&apos; activation and expiry come that much closer, and what is due (activations, expiries, renewals,
        notifications) happens now. It cannot be moved back.
      </Text>
      <form onSubmit={submit} aria-label="Advance the sandbox clock">
        <Stack gap="xs">
          <FormErrors messages={errors.general} />
          <Group align="start">
            <NumberInput label="Days" min={0} max={3650} value={days} onChange={(v) => setDays(Number(v) || 0)} error={errors.fields.seconds} />
            <NumberInput label="Hours" min={0} max={23} value={hours} onChange={(v) => setHours(Number(v) || 0)} />
            <Button type="submit" mt={25} loading={advance.isPending} disabled={person.role !== 'admin'}>
              Advance the clock
            </Button>
          </Group>
          {advance.isSuccess && (
            <Text size="sm" role="status" data-testid="clock-result">
              Moved {advance.data.subscriptions_moved} subscription{advance.data.subscriptions_moved === 1 ? '' : 's'} forward by {days} d {hours} h.
            </Text>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
