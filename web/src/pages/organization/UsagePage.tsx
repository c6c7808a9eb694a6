// Usage with the API's nine filters: by day and type with the in/out-of-bundle split, roaming by
// country, CSV export, and how current the data is (the API's usage_complete_until).
import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, MultiSelect, Paper, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Chart } from '../../ui/Chart.tsx';
import { Empty, ErrorState, Loading, PageTitle } from '../../ui/states.tsx';
import { firstOfMonth, formatDate, today } from '../../ui/format.ts';
import { plotted, UNIT, usageCsv, useUsage, type CostType, type UsageFilters, type UsageSummary, type UsageType } from './usage-data.ts';

const COSTS: CostType[] = ['in_bundle', 'out_of_bundle', 'free'];
const COST_LABEL: Record<CostType, string> = { in_bundle: 'In bundle', out_of_bundle: 'Out of bundle', free: 'Free' };

export default function UsagePage() {
  const [draft, setDraft] = useState<UsageFilters>({ 'from-date': firstOfMonth(), 'to-date': today() });
  const [filters, setFilters] = useState<UsageFilters>(draft);
  const usage = useUsage(filters);
  const text = (key: keyof UsageFilters) => ({
    value: (draft[key] as string | undefined) ?? '',
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setDraft((d) => ({ ...d, [key]: value || undefined }));
    },
  });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
  };
  const error = usage.error;
  return (
    <Stack>
      <PageTitle>Usage</PageTitle>
      <Paper withBorder p="md" component="form" onSubmit={apply} aria-label="Usage filters">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="From (date)" type="date" {...text('from-date')} />
          <TextInput label="To (date)" type="date" {...text('to-date')} />
          <TextInput label="Account id" placeholder="acc_…" {...text('account-id')} />
          <TextInput label="Subscription id" placeholder="sub_…" {...text('subscription-id')} />
          <TextInput label="Subscriber id" placeholder="sbr_…" {...text('subscriber-id')} />
          <TextInput label="MSISDN" placeholder="447700900123" {...text('msisdn')} />
          <MultiSelect label="Type" data={['voice', 'data', 'sms']} value={draft.type ?? []} onChange={(v) => setDraft((d) => ({ ...d, type: v }))} />
          <Select
            label="Direction"
            data={[{ value: '', label: 'Both' }, 'inbound', 'outbound']}
            value={draft.direction ?? ''}
            onChange={(v) => setDraft((d) => ({ ...d, direction: v || undefined }))}
            allowDeselect={false}
          />
          <MultiSelect
            label="Cost type"
            data={COSTS.map((c) => ({ value: c, label: COST_LABEL[c] }))}
            value={draft['cost-type'] ?? []}
            onChange={(v) => setDraft((d) => ({ ...d, 'cost-type': v }))}
          />
        </SimpleGrid>
        <Group justify="end" mt="md">
          <Button type="submit" loading={usage.isFetching}>
            Apply filters
          </Button>
        </Group>
      </Paper>
      {usage.isPending ? (
        <Loading label="Reading usage…" />
      ) : usage.isError && !usage.data ? (
        <ErrorState error={error} retry={() => void usage.refetch()} title="The filters were refused" />
      ) : usage.data ? (
        <>
          {usage.isError && <ErrorState error={error} title="The filters were refused" />}
          <UsageReport usage={usage.data} />
        </>
      ) : null}
    </Stack>
  );
}

function UsageReport({ usage }: { usage: UsageSummary }) {
  const [type, setType] = useState<UsageType>('data');
  const download = () => {
    const url = URL.createObjectURL(new Blob([usageCsv(usage.items)], { type: 'text/csv' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'usage.csv';
    link.click();
    URL.revokeObjectURL(url);
  };
  const byDay = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 50, right: 20, bottom: 30, top: 40 },
    xAxis: { type: 'category', data: usage.days },
    yAxis: { type: 'value', name: UNIT[type] },
    series: COSTS.map((cost) => ({
      name: COST_LABEL[cost],
      type: 'bar',
      stack: 'cost',
      data: (usage.byDay[`${type}:${cost}`] ?? usage.days.map(() => 0)).map((q) => plotted(type, q)),
    })),
  };
  const roaming = {
    tooltip: { trigger: 'item' },
    series: [{ name: 'Roaming events', type: 'pie', radius: ['40%', '70%'], data: usage.roaming.map((r) => ({ name: r.country, value: r.count })) }],
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" data-testid="freshness">
          Usage complete until <strong>{formatDate(usage.completeUntil)}</strong>: later events may still arrive.
        </Text>
        <Button variant="default" onClick={download} disabled={!usage.items.length}>
          Export CSV
        </Button>
      </Group>
      {usage.truncated && <Alert color="yellow">Showing the newest {usage.items.length} items; narrow the filters to see all of them.</Alert>}
      {!usage.items.length ? (
        <Empty>No usage matches these filters.</Empty>
      ) : (
        <>
          <Paper withBorder p="md">
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h4">
                By day
              </Title>
              <SegmentedControl
                aria-label="Usage type"
                value={type}
                onChange={(v) => setType(v)}
                data={[
                  { value: 'data', label: 'Data' },
                  { value: 'voice', label: 'Voice' },
                  { value: 'sms', label: 'SMS' },
                ]}
              />
            </Group>
            <Chart option={byDay} label={`${type} usage by day, in and out of bundle, in ${UNIT[type]}`} testId="chart-usage-by-day" />
          </Paper>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="xs">
                Totals
              </Title>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Type</Table.Th>
                    {COSTS.map((c) => (
                      <Table.Th key={c}>{COST_LABEL[c]}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(['data', 'voice', 'sms'] as UsageType[]).map((t) => (
                    <Table.Tr key={t}>
                      <Table.Td tt="capitalize">{t}</Table.Td>
                      {COSTS.map((c) => (
                        <Table.Td key={c}>
                          {plotted(t, usage.totals[t][c])} {UNIT[t]}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="xs">
                Roaming by country
              </Title>
              {usage.roaming.length === 0 ? (
                <Empty>No roaming in this period.</Empty>
              ) : (
                <>
                  <Chart option={roaming} label="Roaming events by country" height={220} testId="chart-roaming" />
                  <Table>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Country</Table.Th>
                        <Table.Th>Events</Table.Th>
                        <Table.Th>Data</Table.Th>
                        <Table.Th>Voice</Table.Th>
                        <Table.Th>SMS</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {usage.roaming.map((r) => (
                        <Table.Tr key={r.country}>
                          <Table.Td>{r.country}</Table.Td>
                          <Table.Td>{r.count}</Table.Td>
                          <Table.Td>{plotted('data', r.data)} MB</Table.Td>
                          <Table.Td>{plotted('voice', r.voice)} min</Table.Td>
                          <Table.Td>{r.sms}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </>
              )}
            </Paper>
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
