import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MissionPhase } from '../../../domain/missions/mission.ts';

const PHASE_COLOURS: Record<MissionPhase, string> = {
  diagnostic: 'blue',
  planning: 'violet',
  // A hex colour: the light variant then draws a paler ground, and the text keeps 4.5:1 (Mantine's teal does not).
  implementation: '#066649',
  closed: 'gray',
};

export function PhaseBadge({ phase }: { phase: MissionPhase }) {
  const { t } = useTranslation();
  return (
    <Badge color={PHASE_COLOURS[phase]} variant="light">
      {t(`missions.phases.${phase}`)}
    </Badge>
  );
}
