import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MissionPhase } from '../../../domain/missions/mission.ts';

const PHASE_COLOURS: Record<MissionPhase, string> = {
  diagnostic: 'blue',
  planning: 'violet',
  implementation: 'teal',
  closed: 'gray',
};
/** Text darker than Mantine's light variant gives teal, which misses the 4.5:1 contrast on its pale ground. */
const PHASE_TEXT: Partial<Record<MissionPhase, string>> = { implementation: 'teal.9' };

export function PhaseBadge({ phase }: { phase: MissionPhase }) {
  const { t } = useTranslation();
  return (
    <Badge color={PHASE_COLOURS[phase]} c={PHASE_TEXT[phase]} variant="light">
      {t(`missions.phases.${phase}`)}
    </Badge>
  );
}
