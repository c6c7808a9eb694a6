// The organization's first page: subscriptions by status, this month's usage, daily usage by type.
import { useMemo } from 'react';
import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useConsole, nextCursor } from '../../app/api.tsx';
import { Chart } from '../../ui/Chart.tsx';
import { Empty, ErrorState, Loading, PageTitle } from '../../ui/states.tsx';
import { firstOfMonth, formatDate, today } from '../../ui/format.ts';
import { plotted, UNIT, useUsage, type UsageSummary, type UsageType } from './usage-data.ts';

const STATUSES = ['active', 'suspended', 'terminated'] as const;
const COUNT_PAGES = 10;

function useStatusCounts() {
  const { client } = useConsole();
  return useQuery({
    queryKey: ['enterprise', 'subscription-counts'],
    queryFn: async () => {
      const counts: { status: string; count: number; more: boolean }[] = [];
      for (const status of STATUSES) {
        let count = 0;
        let cursor: string | undefined;
        let pages = 0;
        do {
          const list = await client.get('/enterprise/subscriptions', { params: { query: { status, limit: 100, cursor } } });
          count += list._embedded.subscriptions.length;
          cursor = nextCursor(list._links);
        } while (cursor && ++pages < COUNT_PAGES);
        counts.push({ status, count, more: Boolean(cursor) });
      }
      return counts;
    },
  });
}

export function DashboardPage() {
  const counts = useStatusCounts();
  const filters = useMemo(() => ({ 'from-date': firstOfMonth(), 'to-date': today() }), []);
  const usage = useUsage(filters);
  return (
    <Stack>
      <PageTitle>Dashboard</PageTitle>
      <Title order={2} size="h4">
        Subscriptions by status
      </Title>
      {counts.isPending ? (
        <Loading />
      ) : counts.isError ? (
        <ErrorState error={counts.error} retry={() => void counts.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {counts.data.map((c) => (
            <Paper key={c.status} withBorder p="md" data-testid={`count-${c.status}`}>
              <Text size="sm" c="dimmed" tt="capitalize">
                {c.status}
              </Text>
              <Text fz={28} fw={700}>
                {c.count}
                {c.more ? '+' : ''}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      )}
      <Title order={2} size="h4">
        This month's usage
      </Title>
      {usage.isPending ? (
        <Loading label="Reading this month's usage…" />
      ) : usage.isError ? (
        <ErrorState error={usage.error} retry={() => void usage.refetch()} />
      ) : (
        <MonthUsage usage={usage.data} />
      )}
    </Stack>
  );
}

function MonthUsage({ usage }: { usage: UsageSummary }) {
  if (!usage.items.length) return <Empty>No usage this month yet.</Empty>;
  const types: UsageType[] = ['data', 'voice', 'sms'];
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 50, right: 20, bottom: 30, top: 40 },
    xAxis: { type: 'category', data: usage.days },
    yAxis: { type: 'value' },
    series: types.map((type) => ({
      name: `${type} (${UNIT[type]})`,
      type: 'bar',
      data: usage.days.map((_, day) =>
        plotted(
          type,
          ['free', 'in_bundle', 'out_of_bundle'].reduce((sum, cost) => sum + (usage.byDay[`${type}:${cost}`]?.[day] ?? 0), 0),
        ),
      ),
    })),
  };
  return (
    <Stack>
      <Table withTableBorder striped>
        <Table.Caption>
          Charged this month{usage.truncated ? ` (the newest ${usage.items.length} items)` : ''}; usage complete until {formatDate(usage.completeUntil)}. Out-of-bundle usage is
          billed beyond the plans.
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Type</Table.Th>
            <Table.Th>In bundle</Table.Th>
            <Table.Th>Out of bundle</Table.Th>
            <Table.Th>Free</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {types.map((type) => (
            <Table.Tr key={type}>
              <Table.Td tt="capitalize">{type}</Table.Td>
              <Table.Td>
                {plotted(type, usage.totals[type].in_bundle)} {UNIT[type]}
              </Table.Td>
              <Table.Td data-testid={`out-of-bundle-${type}`}>
                {plotted(type, usage.totals[type].out_of_bundle)} {UNIT[type]}
              </Table.Td>
              <Table.Td>
                {plotted(type, usage.totals[type].free)} {UNIT[type]}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Chart option={option} label="Daily usage this month by type" testId="chart-daily-usage" />
    </Stack>
  );
}
