import { useOutletContext } from 'react-router';
import type { Mission } from '../../domain/missions/mission.ts';

/** The mission whose tab is shown: the mission page passes it to the tab of each phase's feature. */
export function useMissionOutlet(): Mission {
  return useOutletContext<Mission>();
}
