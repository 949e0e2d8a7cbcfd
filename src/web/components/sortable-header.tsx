import { Table, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';

export type SortDirection = 'ascending' | 'descending';

/**
 * A column header that sorts its table: a real button (keyboard, screen readers) inside a `th` whose
 * `aria-sort` says the current order.
 */
export function SortableHeader(props: {
  children: ReactNode;
  active: boolean;
  direction: SortDirection;
  onSort: () => void;
  align?: 'left' | 'right';
}) {
  const arrow = props.active ? (props.direction === 'ascending' ? '▲' : '▼') : '↕';
  return (
    <Table.Th aria-sort={props.active ? props.direction : 'none'} style={{ textAlign: props.align ?? 'left' }}>
      <UnstyledButton
        onClick={props.onSort}
        fw={600}
        fz="sm"
        style={{ display: 'inline-flex', gap: 6, alignItems: 'center', whiteSpace: 'nowrap' }}
      >
        {props.children}
        <span aria-hidden="true" style={{ fontSize: '0.7em', opacity: props.active ? 1 : 0.6 }}>
          {arrow}
        </span>
      </UnstyledButton>
    </Table.Th>
  );
}
