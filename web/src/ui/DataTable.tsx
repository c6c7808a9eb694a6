// The console's lists, one component: loading until the first answer, the error with a
// retry, an empty state, or the rows as a table. The query keeps the previous page's rows
// while the next one loads (keepPreviousData, main.tsx). A list that refreshes itself
// (`holdNewRows`) never jumps while someone reads it: rows shown stay where they are
// (updated in place), new ones wait behind a "Show N new" button, and a row that left
// stays as last seen until then. A new page or filter shows its answer as it is. Lists
// refreshed by the reader's own action (a create) show it at once.
import { useReducer, useRef, type ReactNode } from 'react';
import { Button, Group, Table } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { Empty, ErrorState, Loading } from './states.tsx';

export interface Column<T> {
  header: ReactNode;
  cell: (row: T) => ReactNode;
}

interface DataTableProps<D, T> {
  query: UseQueryResult<D>;
  /** The rows of an answer. */
  rows: (data: D) => T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  /** What an empty list says. */
  empty: ReactNode;
  testId?: string;
  loadingLabel?: string;
  minWidth?: number;
  /** For lists that poll: new rows wait for the reader instead of pushing the others down. */
  holdNewRows?: boolean;
}

export function DataTable<D, T>({ query, rows, columns, rowKey, empty, testId, loadingLabel, minWidth = 600, holdNewRows = false }: DataTableProps<D, T>) {
  const steady = useSteadyRows(query, rows, rowKey, holdNewRows);
  if (query.isPending) return <Loading label={loadingLabel} />;
  if (query.isError) return <ErrorState error={query.error} retry={() => void query.refetch()} />;
  if (steady.rows.length === 0 && steady.waiting === 0) return <Empty>{empty}</Empty>;
  return (
    <>
      {steady.waiting > 0 && (
        <Group justify="center" mb="xs">
          <Button size="xs" variant="light" onClick={steady.showAll} data-testid={testId && `${testId}-new`}>
            Show {steady.waiting} new
          </Button>
        </Group>
      )}
      <Table.ScrollContainer minWidth={minWidth}>
        <Table striped highlightOnHover data-testid={testId} aria-busy={query.isFetching}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c, i) => (
                <Table.Th key={i}>{c.header}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {steady.rows.map((row) => (
              <Table.Tr key={rowKey(row)}>
                {columns.map((c, i) => (
                  <Table.Td key={i}>{c.cell(row)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

/**
 * The rows to show: the answer as it is after a load of a new page or filter (or when
 * asked), else the rows already shown, each as the latest answer has it (or as last seen,
 * if it left), with the answer's new rows counted as waiting.
 */
function useSteadyRows<D, T>(query: UseQueryResult<D>, rows: (data: D) => T[], rowKey: (row: T) => string, hold: boolean) {
  const shown = useRef<Map<string, T> | null>(null);
  // A placeholder (the previous key's rows) means a new page or filter is loading: take its answer whole.
  const takeNext = useRef(true);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const showAll = () => {
    takeNext.current = true;
    rerender();
  };
  if (query.data === undefined) return { rows: [] as T[], waiting: 0, showAll };
  const answer = rows(query.data);
  if (!hold || query.isPlaceholderData || takeNext.current || shown.current === null) {
    shown.current = new Map(answer.map((row) => [rowKey(row), row]));
    takeNext.current = query.isPlaceholderData;
    return { rows: answer, waiting: 0, showAll };
  }
  const fresh = new Map(answer.map((row) => [rowKey(row), row]));
  for (const key of shown.current.keys()) {
    const latest = fresh.get(key);
    if (latest !== undefined) shown.current.set(key, latest);
  }
  const waiting = answer.filter((row) => !shown.current!.has(rowKey(row))).length;
  return { rows: [...shown.current.values()], waiting, showAll };
}
