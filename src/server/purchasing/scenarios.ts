import { stepsFor } from '../../domain/implementation/procurement-file.ts';
import {
  ParticipationConfirmInput,
  ScenarioCreateInput,
  type ScenarioDetail,
  type ScenarioSummary,
  ScenarioUpdateInput,
} from '../../domain/purchasing/api.ts';
import { DEFAULT_SAVINGS_ASSUMPTIONS } from '../../domain/purchasing/savings.ts';
import { type Actor, authorize, readScope } from '../auth/policy.ts';
import type { Repositories, UnitOfWork } from '../db/unit-of-work.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';
import { lineFacts, summaryOf, termsOf } from './purchasing.presenter.ts';
import type { ParticipationRow } from './purchasing.repository.ts';
import { analysisOf, lockDraft, readScenario } from './scenario-facts.ts';
import { groupLots, groupSources } from './scenario-sources.ts';

const userId = (ctx: RequestContext) => (ctx.actor.kind === 'user' ? ctx.actor.id : null);

/**
 * Procurement scenarios (issue 12): the consultant builds one from confirmed groups of needs, edits its terms, lots
 * and lines and records the route the agency chose; the communes confirm their lines; the scenario is launched once
 * every commune answered and adhered.
 */
export class ScenarioService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(actor: Actor): Promise<ScenarioSummary[]> {
    authorize(actor, 'read', { type: 'purchasing' });
    const scope = readScope(actor, 'purchasing');
    if (scope.kind === 'none' || scope.kind === 'published') return [];
    return this.uow.read(async (repos) => {
      const rows = await repos.purchasing.listScenarios(
        scope.kind === 'commune' ? { communeNis: scope.communeNis } : {},
      );
      const lines = await repos.purchasing.participations(rows.map((r) => r.id));
      return rows.map((row) =>
        summaryOf(
          row,
          lines.filter((l) => l.scenarioId === row.id),
        ),
      );
    });
  }

  async get(actor: Actor, id: string): Promise<ScenarioDetail> {
    authorize(actor, 'read', { type: 'purchasing' });
    return this.uow.read((repos) => readScenario(repos, actor, id));
  }

  async create(ctx: RequestContext, body: ScenarioCreateInput): Promise<ScenarioDetail> {
    authorize(ctx.actor, 'create', { type: 'purchasing' });
    const input = ScenarioCreateInput.parse(body);
    const groupIds = [...new Set(input.groupIds)];
    return this.uow.write(async (repos) => {
      const lots = groupLots(await groupSources(repos, groupIds), input.lotsBy, input.nature);
      const scenario = await repos.purchasing.insertScenario(
        {
          title: input.title,
          launchDate: input.launchDate,
          initialMonths: input.initialMonths,
          renewals: input.renewals,
          renewalMonths: input.renewalMonths,
          lots: lots.map((l) => l.lot),
          // The groups' price models carry over as the lots' volume effect (editable on the scenario's screen).
          savings: {
            ...DEFAULT_SAVINGS_ASSUMPTIONS,
            priceModels: lots.flatMap((l) => (l.priceModel ? [{ lotKey: l.lot.key, model: l.priceModel }] : [])),
          },
          createdBy: userId(ctx),
        },
        groupIds,
      );
      const participations = lots.flatMap(({ lot, lines }) =>
        lines.map((p) => ({ lotKey: lot.key, communeNis: p.communeNis, quantity: p.quantity, amount: p.amount })),
      );
      await repos.purchasing.replaceParticipations(scenario.id, participations);
      await repos.audit.record(
        auditOf(ctx, {
          action: 'purchasing.scenario.create',
          entityType: 'procurement_scenario',
          entityId: scenario.id,
          after: { title: input.title, groupIds, lots: lots.map((l) => l.lot), participations },
        }),
      );
      return readScenario(repos, ctx.actor, scenario.id);
    });
  }

  async update(ctx: RequestContext, id: string, body: ScenarioUpdateInput): Promise<ScenarioDetail> {
    authorize(ctx.actor, 'update', { type: 'purchasing' });
    const input = ScenarioUpdateInput.parse(body);
    return this.uow.write(async (repos) => {
      const row = await lockDraft(repos, id);
      await checkLotsAndLines(repos, input);
      const before = await repos.purchasing.participations([id]);
      const participations = keepAnswers(input.participations, before);
      await repos.purchasing.updateScenario(id, {
        title: input.title,
        launchDate: input.launchDate,
        initialMonths: input.initialMonths,
        renewals: input.renewals,
        renewalMonths: input.renewalMonths,
        lots: input.lots,
        route: input.route,
        routeNote: input.routeNote,
      });
      await repos.purchasing.replaceParticipations(id, participations);
      await repos.audit.record(
        auditOf(ctx, {
          action: 'purchasing.scenario.update',
          entityType: 'procurement_scenario',
          entityId: id,
          before: { ...termsOf(row), participations: before.map(lineFacts) },
          after: { ...input, participations: participations.map(lineFacts) },
        }),
      );
      return readScenario(repos, ctx.actor, id);
    });
  }

  /** A commune confirms or declines its line of a lot, with its quantity or amount. */
  async confirm(ctx: RequestContext, id: string, body: ParticipationConfirmInput): Promise<ScenarioDetail> {
    const input = ParticipationConfirmInput.parse(body);
    const communeNis = input.communeNis ?? (ctx.actor.kind === 'user' ? ctx.actor.communeNis : null);
    if (!communeNis) throw new ValidationError('COMMUNE_REQUIRED', { field: 'communeNis' }, { field: 'communeNis' });
    authorize(ctx.actor, 'update', { type: 'purchasing_participation', communeNis });
    return this.uow.write(async (repos) => {
      await lockDraft(repos, id);
      const lines = await repos.purchasing.participations([id]);
      const line = lines.find((l) => l.lotKey === input.lotKey && l.communeNis === communeNis);
      if (!line) throw new NotFoundError('PARTICIPATION_NOT_FOUND');
      const patch = {
        status: input.participate ? ('confirmed' as const) : ('declined' as const),
        quantity: input.participate ? input.quantity : line.quantity,
        amount: input.participate ? input.amount : line.amount,
        confirmedAt: this.now(),
        confirmedBy: userId(ctx),
      };
      await repos.purchasing.updateParticipation({ scenarioId: id, lotKey: input.lotKey, communeNis }, patch);
      await repos.purchasing.updateScenario(id, {});
      await repos.audit.record(
        auditOf(ctx, {
          action: input.participate ? 'purchasing.participation.confirm' : 'purchasing.participation.decline',
          entityType: 'procurement_scenario',
          entityId: id,
          communeNis,
          before: lineFacts(line),
          after: { lotKey: input.lotKey, communeNis, ...patchFacts(patch) },
        }),
      );
      return readScenario(repos, ctx.actor, id);
    });
  }

  /** Launch: only once the agency chose its route and every commune answered (and adhered, through the body). */
  async launch(ctx: RequestContext, id: string): Promise<ScenarioDetail> {
    authorize(ctx.actor, 'update', { type: 'purchasing' });
    return this.uow.write(async (repos) => {
      await lockDraft(repos, id);
      const detail = await readScenario(repos, ctx.actor, id);
      if (detail.analysisError) throw new ConflictError('SCENARIO_NOT_READY', { reasons: detail.analysisError });
      if (detail.launchBlockers.length) {
        throw new ConflictError('SCENARIO_NOT_READY', { reasons: detail.launchBlockers.join(' ') });
      }
      await repos.purchasing.updateScenario(id, { status: 'launched' });
      const analysis = analysisOf(detail);
      await openAgencyFile(
        repos,
        id,
        analysis.routes.find((r) => r.route === detail.route),
      );
      await repos.audit.record(
        auditOf(ctx, {
          action: 'purchasing.scenario.launch',
          entityType: 'procurement_scenario',
          entityId: id,
          before: { status: 'draft' },
          after: { status: 'launched', route: detail.route, estimatedValue: analysis.value.estimatedValue },
        }),
      );
      return readScenario(repos, ctx.actor, id);
    });
  }
}

/**
 * The agency runs the procedure itself unless each commune buys alone: its file starts with the lightest procedure
 * the aggregated value allows, and the steps that procedure has.
 */
async function openAgencyFile(
  repos: Repositories,
  id: string,
  route: ReturnType<typeof analysisOf>['routes'][number] | undefined,
): Promise<void> {
  const recommended = route?.advice?.proposals.find((p) => p.recommended)?.procedure;
  if (!recommended || recommended === 'framework-call-off') return;
  await repos.purchasing.saveFile({
    scenarioId: id,
    procedure: recommended,
    steps: stepsFor(recommended).map((step) => ({ step })),
    documents: [],
    publication: { bdaReference: null, joueReference: null, publishedOn: null },
    bids: [],
  });
}

/** Each lot once; each line on a known lot and commune, a commune once per lot. */
async function checkLotsAndLines(repos: Repositories, input: ScenarioUpdateInput): Promise<void> {
  const keys = new Set<string>();
  input.lots.forEach((lot, i) => {
    const field = `lots.${i}.key`;
    if (keys.has(lot.key)) throw new ValidationError('LOT_KEY_TWICE', { field }, { field });
    keys.add(lot.key);
  });
  const names = await repos.purchasing.communeNames([...new Set(input.participations.map((p) => p.communeNis))]);
  const seen = new Set<string>();
  input.participations.forEach((p, i) => {
    if (!keys.has(p.lotKey)) {
      const field = `participations.${i}.lotKey`;
      throw new ValidationError('SCENARIO_UNKNOWN_LOT', { lot: p.lotKey, field }, { field });
    }
    const field = `participations.${i}.communeNis`;
    if (!names.has(p.communeNis))
      throw new ValidationError('COMMUNE_NOT_FOUND', { nisCode: p.communeNis, field }, { field });
    const key = `${p.lotKey}/${p.communeNis}`;
    if (seen.has(key)) throw new ValidationError('COMMUNE_TWICE_IN_LOT', { field }, { field });
    seen.add(key);
  });
}

/** A line the consultant leaves as it was keeps the commune's answer; a changed one asks the commune again. */
function keepAnswers(lines: ScenarioUpdateInput['participations'], before: ParticipationRow[]) {
  return lines.map((p) => {
    const quantity = p.quantity ?? null;
    const amount = p.amount ?? null;
    const old = before.find((b) => b.lotKey === p.lotKey && b.communeNis === p.communeNis);
    const same = old && old.quantity === quantity && old.amount === amount;
    return {
      lotKey: p.lotKey,
      communeNis: p.communeNis,
      quantity,
      amount,
      status: same ? old.status : ('proposed' as const),
      confirmedAt: same ? old.confirmedAt : null,
      confirmedBy: same ? old.confirmedBy : null,
    };
  });
}

function patchFacts(patch: { status: string; quantity: number | null; amount: number | null }) {
  return { status: patch.status, quantity: patch.quantity, amount: patch.amount };
}
