import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One term and its value in a description list (`<dl>`); `bold` sets the value off where the facts are the page. */
export function Fact({ label, children, bold = false }: { label: string; children: ReactNode; bold?: boolean }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={bold ? 500 : undefined}>
        {children}
      </Text>
    </div>
  );
}
