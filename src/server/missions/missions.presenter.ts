import type { Mission } from '../../domain/missions/mission.ts';
import type { MissionRecord } from './missions.repository.ts';

export function presentMission(row: MissionRecord, permissions: Mission['permissions']): Mission {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    beneficiary: {
      kind: row.siteId ? 'site' : 'commune',
      communeNis: row.communeNis,
      communeName: row.communeName,
      siteId: row.siteId,
      siteName: row.siteName,
    },
    consultants: row.consultants,
    phase: row.phase,
    startDate: row.startDate,
    endDate: row.endDate,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    permissions,
  };
}

export function auditableMission(row: MissionRecord) {
  return {
    title: row.title,
    description: row.description,
    communeNis: row.communeNis,
    siteId: row.siteId,
    phase: row.phase,
    startDate: row.startDate,
    endDate: row.endDate,
    consultants: row.consultants.map((c) => c.email),
  };
}
