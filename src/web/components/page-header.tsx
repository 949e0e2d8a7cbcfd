import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from '../lib/use-language.ts';

/** The page's one h1, its lead paragraph and actions; also names the browser tab. */
export function PageHeader(props: { title: string; description?: ReactNode; actions?: ReactNode; above?: ReactNode }) {
  usePageTitle(props.title);
  return (
    <Stack gap="xs" mb="lg">
      {props.above}
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Title order={1}>{props.title}</Title>
        {props.actions ? <Group gap="sm">{props.actions}</Group> : null}
      </Group>
      {props.description ? (
        <Text c="dimmed" maw={820}>
          {props.description}
        </Text>
      ) : null}
    </Stack>
  );
}
