import type { Actor } from '../auth/policy.ts';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import { visibleStatuses } from './catalogue-access.ts';
import { CatalogueAgreements } from './catalogue-agreements.service.ts';
import { CatalogueOrders } from './catalogue-orders.service.ts';
import { CatalogueSearch } from './catalogue-search.service.ts';
import { CatalogueShortlists } from './catalogue-shortlists.service.ts';
import { CatalogueSolutions } from './catalogue-solutions.service.ts';

/**
 * The framework-agreement catalogue, one entry point for the routes, the demo and the other features: each use case
 * lives in its own service (solutions and images, search and saved searches, agreements and lots, call-offs,
 * shortlists), this class only names them. What the caller may do is computed in catalogue-access.ts.
 */
export class CatalogueService {
  readonly solutions: CatalogueSolutions;
  readonly searches: CatalogueSearch;
  readonly agreementsOf: CatalogueAgreements;
  readonly orders: CatalogueOrders;
  readonly shortlistsOf: CatalogueShortlists;

  constructor(uow: UnitOfWork, now: () => Date = () => new Date()) {
    this.solutions = new CatalogueSolutions(uow);
    this.searches = new CatalogueSearch(uow);
    this.agreementsOf = new CatalogueAgreements(uow);
    this.orders = new CatalogueOrders(uow, now);
    this.shortlistsOf = new CatalogueShortlists(uow, this.solutions, now);
  }

  /** Agency staff see every status; commune users do not see what is still under watch. */
  visibleStatuses(actor: Actor) {
    return visibleStatuses(actor);
  }

  // ── solutions, images, adoption ──────────────────────────────────────────────────────────────────────────────
  readonly list: CatalogueSolutions['list'] = (...a) => this.solutions.list(...a);
  readonly solution: CatalogueSolutions['solution'] = (...a) => this.solutions.solution(...a);
  readonly compare: CatalogueSolutions['compare'] = (...a) => this.solutions.compare(...a);
  readonly createSolution: CatalogueSolutions['createSolution'] = (...a) => this.solutions.createSolution(...a);
  readonly updateSolution: CatalogueSolutions['updateSolution'] = (...a) => this.solutions.updateSolution(...a);
  readonly addImage: CatalogueSolutions['addImage'] = (...a) => this.solutions.addImage(...a);
  readonly removeImage: CatalogueSolutions['removeImage'] = (...a) => this.solutions.removeImage(...a);
  readonly image: CatalogueSolutions['image'] = (...a) => this.solutions.image(...a);
  readonly adoption: CatalogueSolutions['adoption'] = (...a) => this.solutions.adoption(...a);

  // ── search and saved searches ────────────────────────────────────────────────────────────────────────────────
  readonly search: CatalogueSearch['search'] = (...a) => this.searches.search(...a);
  readonly savedSearches: CatalogueSearch['savedSearches'] = (...a) => this.searches.savedSearches(...a);
  readonly saveSearch: CatalogueSearch['saveSearch'] = (...a) => this.searches.saveSearch(...a);
  readonly deleteSavedSearch: CatalogueSearch['deleteSavedSearch'] = (...a) => this.searches.deleteSavedSearch(...a);

  // ── agreements, lots, adhesions ──────────────────────────────────────────────────────────────────────────────
  readonly agreements: CatalogueAgreements['agreements'] = (...a) => this.agreementsOf.agreements(...a);
  readonly agreement: CatalogueAgreements['agreement'] = (...a) => this.agreementsOf.agreement(...a);
  readonly createAgreement: CatalogueAgreements['createAgreement'] = (...a) => this.agreementsOf.createAgreement(...a);
  readonly updateAgreement: CatalogueAgreements['updateAgreement'] = (...a) => this.agreementsOf.updateAgreement(...a);
  readonly createLot: CatalogueAgreements['createLot'] = (...a) => this.agreementsOf.createLot(...a);
  readonly updateLot: CatalogueAgreements['updateLot'] = (...a) => this.agreementsOf.updateLot(...a);
  readonly adhere: CatalogueAgreements['adhere'] = (...a) => this.agreementsOf.adhere(...a);

  // ── call-offs ────────────────────────────────────────────────────────────────────────────────────────────────
  readonly order: CatalogueOrders['order'] = (...a) => this.orders.order(...a);
  readonly cancelCallOff: CatalogueOrders['cancelCallOff'] = (...a) => this.orders.cancelCallOff(...a);
  readonly callOffs: CatalogueOrders['callOffs'] = (...a) => this.orders.callOffs(...a);
  readonly callOffTotals: CatalogueOrders['callOffTotals'] = (...a) => this.orders.callOffTotals(...a);

  // ── shortlists ───────────────────────────────────────────────────────────────────────────────────────────────
  readonly shortlists: CatalogueShortlists['shortlists'] = (...a) => this.shortlistsOf.shortlists(...a);
  readonly shortlist: CatalogueShortlists['shortlist'] = (...a) => this.shortlistsOf.shortlist(...a);
  readonly shortlistWithSolutions: CatalogueShortlists['shortlistWithSolutions'] = (...a) =>
    this.shortlistsOf.shortlistWithSolutions(...a);
  readonly createShortlist: CatalogueShortlists['createShortlist'] = (...a) => this.shortlistsOf.createShortlist(...a);
  readonly updateShortlist: CatalogueShortlists['updateShortlist'] = (...a) => this.shortlistsOf.updateShortlist(...a);
  readonly recordOutcome: CatalogueShortlists['recordOutcome'] = (...a) => this.shortlistsOf.recordOutcome(...a);
  readonly deleteShortlist: CatalogueShortlists['deleteShortlist'] = (...a) => this.shortlistsOf.deleteShortlist(...a);
}
