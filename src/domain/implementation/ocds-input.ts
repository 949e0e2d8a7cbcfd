import { z } from 'zod';
import { IsoDate, NisCode } from '../shared/schemas.ts';
import { ProcurementNature, ProcurementProcedure } from './procurement.ts';
import { ProcurementStepRecord } from './procurement-file.ts';

/** What the OCDS export of a procurement file is built from (src/domain/implementation/ocds.ts), checked first. */

const OcidPrefix = z
  .string()
  .regex(/^ocds-[a-z0-9]{6}$/, { message: 'OCID_PREFIX_FORMAT' })
  .describe('the publisher prefix registered with the Open Contracting Partnership, e.g. ocds-abc123');
const DateOrDateTime = z.union([IsoDate, z.iso.datetime({ offset: true })]);
const PositiveAmount = z.number().positive().finite();

/** Belgian enterprise number (BCE/KBO): ten digits starting with 0 or 1, often written 0123.456.789. */
const EnterpriseNumber = z.string().regex(/^[01]\d{3}\.?\d{3}\.?\d{3}$/, { message: 'ENTERPRISE_NUMBER_FORMAT' });

const Organisation = z.strictObject({ name: z.string().min(1), enterpriseNumber: EnterpriseNumber.optional() });

export const OcdsMilestoneInput = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1),
  type: z.string().min(1).default('delivery').describe('OCDS milestoneType codelist (open): delivery, reporting…'),
  dueDate: IsoDate.optional(),
  dateMet: IsoDate.optional(),
  status: z.enum(['scheduled', 'met', 'notMet', 'partiallyMet']).optional(),
});

export const OcdsTransactionInput = z.strictObject({
  id: z.string().min(1),
  date: IsoDate,
  amountExclVat: PositiveAmount,
});

export const OcdsProcurementInput = z
  .strictObject({
    ocidPrefix: OcidPrefix,
    procurementId: z
      .string()
      .regex(/^[A-Za-z0-9._-]+$/, { message: 'PROCUREMENT_ID_FORMAT' })
      .describe('the identifier of the procurement file in the app; with the prefix it makes the ocid'),
    reference: z.string().min(1).optional().describe("the commune's own file reference, e.g. CSC 2026-TP-0147"),
    package: z.strictObject({
      uri: z.url(),
      publishedDate: z.iso.datetime({ offset: true }),
      publisher: z.strictObject({
        name: z.string().min(1),
        scheme: z.string().min(1).optional(),
        uid: z.string().min(1).optional(),
        uri: z.url().optional(),
      }),
      license: z.url().optional(),
      publicationPolicy: z.url().optional(),
    }),
    buyer: z.strictObject({
      nisCode: NisCode,
      name: z.string().min(1),
      enterpriseNumber: EnterpriseNumber.optional(),
    }),
    title: z.string().min(1),
    description: z.string().min(1).optional(),
    nature: ProcurementNature,
    procedure: ProcurementProcedure,
    procedureRationale: z.string().min(1).optional().describe('why this procedure, e.g. the case of art. 42 invoked'),
    estimatedAmountExclVat: z.number().min(0).finite(),
    planning: z
      .strictObject({
        date: IsoDate.optional().describe('the decision to buy (council or college decision)'),
        rationale: z.string().min(1).optional(),
        budgetAmountExclVat: z.number().min(0).finite().optional(),
        budgetDescription: z.string().min(1).optional(),
        projectId: z.string().min(1).optional(),
        projectTitle: z.string().min(1).optional(),
      })
      .default({}),
    steps: z.array(ProcurementStepRecord).default([]),
    tenderDeadline: DateOrDateTime.optional().describe('deadline for offers, when it has a time of day'),
    numberOfTenderers: z.number().int().min(0).optional(),
    framework: z
      .strictObject({
        title: z.string().min(1),
        ocid: z
          .string()
          .regex(/^ocds-[a-z0-9]{6}-.+$/)
          .optional(),
        centralPurchasingBody: z.string().min(1).default('IDELUX'),
      })
      .optional()
      .describe('the framework agreement a call-off is made under'),
    award: z
      .strictObject({
        date: IsoDate,
        amountExclVat: PositiveAmount,
        supplier: Organisation,
      })
      .optional(),
    contract: z
      .strictObject({
        amountExclVat: PositiveAmount,
        dateSigned: IsoDate.optional(),
        startDate: IsoDate.optional(),
        endDate: IsoDate.optional(),
        status: z.enum(['pending', 'active', 'cancelled', 'terminated']).optional(),
        milestones: z.array(OcdsMilestoneInput).default([]),
        transactions: z.array(OcdsTransactionInput).default([]),
      })
      .optional(),
  })
  .superRefine((v, ctx) => {
    // An OCDS contract points to its award (contract.awardID is required).
    if (v.contract && !v.award) {
      ctx.addIssue({ code: 'custom', path: ['contract'], message: 'CONTRACT_NEEDS_AWARD' });
    }
    if (v.contract?.startDate && v.contract.endDate && v.contract.endDate < v.contract.startDate) {
      ctx.addIssue({ code: 'custom', path: ['contract', 'endDate'], message: 'CONTRACT_ENDS_BEFORE_IT_STARTS' });
    }
    if (v.procedure === 'framework-call-off' && !v.framework) {
      ctx.addIssue({ code: 'custom', path: ['framework'], message: 'CALL_OFF_NEEDS_FRAMEWORK' });
    }
  });
export type OcdsProcurementInput = z.input<typeof OcdsProcurementInput>;
/** The input once validated, its defaults filled in. */
export type OcdsInput = z.output<typeof OcdsProcurementInput>;
export type OcdsOrganisationInput = z.output<typeof Organisation>;
export type OcdsContractInput = NonNullable<OcdsInput['contract']>;
