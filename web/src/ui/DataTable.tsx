// The console's lists, one component: loading until the first answer, the error with a
// retry, an empty state, or the rows as a table. The query keeps the previous page's rows
// while the next one loads (keepPreviousData, main.tsx), so a list never jumps; the table
// says it is busy meanwhile.
import type { ReactNode } from 'react';
import { Table } from '@mantine/core';
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
}

export function DataTable<D, T>({ query, rows, columns, rowKey, empty, testId, loadingLabel, minWidth = 600 }: DataTableProps<D, T>) {
  if (query.isPending) return <Loading label={loadingLabel} />;
  if (query.isError) return <ErrorState error={query.error} retry={() => void query.refetch()} />;
  const items = rows(query.data);
  if (items.length === 0) return <Empty>{empty}</Empty>;
  return (
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
          {items.map((row) => (
            <Table.Tr key={rowKey(row)}>
              {columns.map((c, i) => (
                <Table.Td key={i}>{c.cell(row)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
