import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** A column of a table: its heading, and `numeric` when it holds figures (aligned right, as its cells are). */
export type ColumnHeading = { label: ReactNode; numeric?: boolean };

/** A table's head: one row of column headings, each a `th` of scope col. */
export function ColumnHeadings({ columns }: { columns: ColumnHeading[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((column, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a table's columns are positions, fixed for the table
          <Table.Th key={index} scope="col" ta={column.numeric ? 'right' : undefined}>
            {column.label}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}
