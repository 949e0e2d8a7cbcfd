import type { UnitOfWork } from '../db/unit-of-work.ts';
import { PLACEHOLDER_OCDS_PREFIX } from '../open-data/ocds-publication.ts';
import { FollowUpService } from './follow-up.service.ts';
import { FollowUpItemsService } from './follow-up-items.service.ts';
import { ImplementationCore } from './implementation-core.ts';
import { NotificationSettingsService } from './notification-settings.service.ts';
import { ProcurementService } from './procurement.service.ts';
import { ProvinceService } from './province.service.ts';
import { ThresholdsService } from './thresholds.service.ts';

/** The implementation feature's services, one per use case, sharing one core (access, loading, history). */
export type ImplementationServices = {
  core: ImplementationCore;
  followUp: FollowUpService;
  items: FollowUpItemsService;
  procurement: ProcurementService;
  thresholds: ThresholdsService;
  province: ProvinceService;
  settings: NotificationSettingsService;
};

export function createImplementationServices(
  uow: UnitOfWork,
  now: () => Date,
  ocidPrefix: string = PLACEHOLDER_OCDS_PREFIX,
): ImplementationServices {
  const core = new ImplementationCore(uow, now);
  return {
    core,
    followUp: new FollowUpService(core),
    items: new FollowUpItemsService(core),
    procurement: new ProcurementService(core, ocidPrefix),
    thresholds: new ThresholdsService(core),
    province: new ProvinceService(core),
    settings: new NotificationSettingsService(core),
  };
}
