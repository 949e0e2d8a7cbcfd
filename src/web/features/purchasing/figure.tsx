import { Card, Text } from '@mantine/core';

/** A headline figure of a scenario (its value, a saving): a label above, the amount below. */
export function Figure({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <Card withBorder padding="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" c={strong ? 'teal.9' : undefined}>
        {value}
      </Text>
    </Card>
  );
}
