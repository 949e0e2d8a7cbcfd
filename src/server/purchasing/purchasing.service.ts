import type { UnitOfWork } from '../db/unit-of-work.ts';
import { AdhesionService } from './adhesions.ts';
import { AgencyFileService } from './agency-file.service.ts';
import { AwardService } from './award.ts';
import { SavingsService } from './savings.service.ts';
import { ScenarioService } from './scenarios.ts';

/**
 * Central purchasing (issue 12), by use case: the consultant builds a procurement scenario from confirmed groups of
 * needs (`scenarios`); the communes adhere to the agency as central purchasing body (`adhesions`) and confirm their
 * lines; the agency runs its own procurement file (`files`) and awards it into the catalogue (`awards`); the
 * savings rest on assumptions and a table of procedure costs (`savings`). What each caller reads is shaped in
 * purchasing.presenter.ts; the scenario is valued and explained in law by the domain (scenario-facts.ts).
 */
export class PurchasingService {
  readonly scenarios: ScenarioService;
  readonly adhesions: AdhesionService;
  readonly files: AgencyFileService;
  readonly awards: AwardService;
  readonly savings: SavingsService;

  constructor(uow: UnitOfWork, now: () => Date = () => new Date()) {
    this.scenarios = new ScenarioService(uow, now);
    this.adhesions = new AdhesionService(uow);
    this.files = new AgencyFileService(uow, now);
    this.awards = new AwardService(uow, this.files);
    this.savings = new SavingsService(uow);
  }
}
