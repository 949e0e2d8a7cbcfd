import type { z } from 'zod';
import {
  type AgreementDraft,
  AwardInput,
  agreementFromAward,
  standstillFor,
} from '../../domain/purchasing/agency-file.ts';
import type { AgencyFile } from '../../domain/purchasing/api.ts';
import { authorize } from '../auth/policy.ts';
import type { Repositories, UnitOfWork } from '../db/unit-of-work.ts';
import { ConflictError, ValidationError } from '../errors.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';
import type { AgencyFileService } from './agency-file.service.ts';
import { openFile } from './agency-file.service.ts';
import { fileFacts } from './purchasing.presenter.ts';
import { analysisOf, domainOrThrow, readScenario } from './scenario-facts.ts';

type Award = z.output<typeof AwardInput>;

/**
 * The award: the agency records each lot's vendor and amount, and the framework agreement appears in the catalogue
 * with its lots, ceilings (the estimated values), duration and participating communes — one transaction.
 */
export class AwardService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly files: AgencyFileService,
  ) {}

  async award(ctx: RequestContext, id: string, body: AwardInput): Promise<AgencyFile> {
    authorize(ctx.actor, 'update', { type: 'purchasing' });
    authorize(ctx.actor, 'create', { type: 'catalogue' });
    const input = AwardInput.parse(body);
    return this.uow.write(async (repos) => {
      const { row, file } = await openFile(repos, id);
      const detail = await readScenario(repos, ctx.actor, id);
      const analysis = analysisOf(detail);
      const lines = await repos.purchasing.participations([id]);
      const confirmed = [...new Set(lines.filter((l) => l.status === 'confirmed').map((l) => l.communeNis))];
      const draft = domainOrThrow(() =>
        agreementFromAward(
          {
            title: row.title,
            analysis,
            confirmedCommunes: confirmed,
            lots: detail.lots.map((l) => ({ key: l.key, label: l.label })),
          },
          input,
        ),
      );
      const agreementId = await createAgreement(repos, ctx, draft);
      const standstill = standstillFor(analysis.europeanPublication.required, input.awardDate);
      await repos.purchasing.saveFile({
        scenarioId: id,
        procedure: file.procedure,
        steps: file.steps,
        documents: file.documents,
        publication: file.publication,
        bids: file.bids,
        awardDate: input.awardDate,
        awards: input.awards.map((a) => ({ lotKey: a.lotKey, vendor: a.vendor, amount: a.amount })),
        standstillEndsOn: standstill.endsOn,
        agreementId,
      });
      await this.audit(repos, ctx, { id, before: fileFacts(file), input, draft, agreementId });
      return this.files.present(repos, ctx.actor, id);
    });
  }

  private async audit(
    repos: Repositories,
    ctx: RequestContext,
    facts: { id: string; before: unknown; input: Award; draft: AgreementDraft; agreementId: string },
  ): Promise<void> {
    await repos.audit.record(
      auditOf(ctx, {
        action: 'purchasing.award',
        entityType: 'procurement_scenario',
        entityId: facts.id,
        before: facts.before,
        after: { award: facts.input, agreement: facts.draft },
      }),
    );
    await repos.audit.record(
      auditOf(ctx, {
        action: 'catalogue.agreement.create',
        entityType: 'agreement',
        entityId: facts.agreementId,
        after: { ...facts.draft, fromScenario: facts.id },
      }),
    );
  }
}

/** The framework agreement in the catalogue: its lots with their solution and price, and the communes that adhered. */
async function createAgreement(repos: Repositories, ctx: RequestContext, draft: AgreementDraft): Promise<string> {
  if (await repos.catalogue.agreementByReference(draft.reference)) {
    throw new ConflictError('AGREEMENT_REFERENCE_TAKEN', { reference: draft.reference });
  }
  await checkSolutionsListed(repos, draft);
  const agreement = await repos.catalogue.insertAgreement({
    reference: draft.reference,
    title: draft.title,
    description: draft.description,
    startDate: draft.startDate,
    endDate: draft.endDate,
    ceiling: draft.ceiling,
  });
  for (const lot of draft.lots) {
    const inserted = await repos.catalogue.insertLot({
      agreementId: agreement.id,
      number: lot.number,
      title: lot.title,
      vendor: lot.vendor,
      ceiling: lot.ceiling,
    });
    if (lot.solutionId) {
      await repos.catalogue.setLotSolutions(inserted.id, [{ solutionId: lot.solutionId, unitPrice: lot.unitPrice }]);
    }
  }
  for (const communeNis of draft.communes) {
    await repos.catalogue.adhere(agreement.id, communeNis, ctx.actor.kind === 'user' ? ctx.actor.id : null);
  }
  return agreement.id;
}

/** A lot offers only a solution the catalogue lists. */
async function checkSolutionsListed(repos: Repositories, draft: AgreementDraft): Promise<void> {
  const solutionIds = draft.lots.map((l) => l.solutionId).filter((s): s is string => s !== null);
  const solutions = await repos.catalogue.solutions(solutionIds);
  for (const [index, solutionId] of solutionIds.entries()) {
    const found = solutions.find((s) => s.id === solutionId);
    if (found?.status !== 'listed') {
      const field = `awards.${index}.solutionId`;
      throw new ValidationError('AWARD_SOLUTION_NOT_LISTED', { field }, { field });
    }
  }
}
