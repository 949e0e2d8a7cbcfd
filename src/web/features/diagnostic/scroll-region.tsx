import { Box } from '@mantine/core';
import type { ReactNode } from 'react';

/** A table that may scroll sideways on small screens: the scrolling box takes keyboard focus and has a name. */
export function ScrollRegion({ minWidth, label, children }: { minWidth: number; label: string; children: ReactNode }) {
  return (
    <Box role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Box miw={minWidth}>{children}</Box>
    </Box>
  );
}
