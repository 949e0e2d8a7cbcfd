import {
  type FollowUpStatus,
  FollowUpUpdateInput,
  IndicatorInput,
  MilestoneInput,
  ProcurementInput,
} from '../../domain/implementation/follow-up.ts';
import type { ProcurementStep } from '../../domain/implementation/procurement-file.ts';
import { DEMO_CONTEXT, type DemoCalendar, type DemoServices } from './context.ts';

/** A milestone, its due date and the day it was done, in days from today (null: not done yet). */
export type MilestoneSpec = { title: string; owner: string; due: number; done: number | null };

export type ProcurementSpec = {
  nature: 'works' | 'supplies' | 'services';
  amount: number;
  launch: number;
  reference: string;
  /** Steps of the procedure the advice proposes first: done (days from today, ≤ 0) or only planned (> 0). */
  steps: { step: ProcurementStep; day: number }[];
  award?: { vendor: string; enterpriseNumber: string; amount: number };
};

export type FollowUpSpec = {
  /** The statuses the project went through, in order, from « planned ». */
  path: FollowUpStatus[];
  progress: number;
  /** Per year from the current one back or forward: planned, committed, spent. */
  budget: { yearOffset: number; planned: number; committed: number; spent: number }[];
  funding: { kind: 'own' | 'regional' | 'european' | 'province'; label: string; amount: number; secured: boolean }[];
  milestones: MilestoneSpec[];
  indicators: { name: string; unit: string; baseline: number; target: number; measures: [number, number][] }[];
  procurement?: ProcurementSpec;
  publish: boolean;
};

/** The follow-up of an approved project, written as the commune and the agency would, change by change. */
export async function seedFollowUp(
  s: DemoServices,
  calendar: DemoCalendar,
  projectId: string,
  spec: FollowUpSpec,
): Promise<void> {
  const impl = s.implementation;
  if (spec.procurement) await seedProcurement(s, calendar, projectId, spec.procurement);
  for (const status of spec.path) await impl.followUp.changeStatus(DEMO_CONTEXT, projectId, { status });
  await impl.followUp.updateFollowUp(
    DEMO_CONTEXT,
    projectId,
    FollowUpUpdateInput.parse({
      progress: spec.progress,
      budget: spec.budget.map(({ yearOffset, ...line }) => ({ year: calendar.year + yearOffset, ...line })),
      funding: spec.funding,
      risks: [
        {
          description: 'Retard de livraison du fournisseur',
          likelihood: 'medium',
          impact: 'medium',
          mitigation: 'Pénalités de retard prévues au cahier des charges',
        },
      ],
    }),
  );
  for (const m of spec.milestones) {
    await impl.items.addMilestone(
      DEMO_CONTEXT,
      projectId,
      MilestoneInput.parse({
        title: m.title,
        owner: m.owner,
        dueDate: calendar.day(m.due),
        doneDate: m.done === null ? null : calendar.day(m.done),
      }),
    );
  }
  for (const indicator of spec.indicators) {
    const { measures, ...fields } = indicator;
    const saved = await impl.items.addIndicator(DEMO_CONTEXT, projectId, IndicatorInput.parse(fields));
    const id = saved.indicators.find((i) => i.name === indicator.name)!.id;
    for (const [day, value] of measures) {
      await impl.items.addMeasurement(DEMO_CONTEXT, id, { date: calendar.day(day), value });
    }
  }
  if (spec.publish) await impl.followUp.publish(DEMO_CONTEXT, projectId, { published: true, publishAmounts: true });
}

/** The project's procurement file: the procedure the thresholds allow, its steps so far, and its award if any. */
async function seedProcurement(
  s: DemoServices,
  calendar: DemoCalendar,
  projectId: string,
  p: ProcurementSpec,
): Promise<void> {
  const launchDate = calendar.day(p.launch);
  const advice = await s.implementation.procurement.procedureAdvice(DEMO_CONTEXT.actor, projectId, {
    nature: p.nature,
    estimatedAmountExclVat: p.amount,
    launchDate,
  });
  const procedure = advice.proposals.find(
    (proposal) => proposal.allowed && proposal.procedure !== 'framework-call-off',
  );
  await s.implementation.procurement.saveProcurement(
    DEMO_CONTEXT,
    projectId,
    ProcurementInput.parse({
      nature: p.nature,
      estimatedAmountExclVat: p.amount,
      launchDate,
      procedure: procedure?.procedure ?? null,
      framework: null,
      reference: p.reference,
      steps: procedure
        ? p.steps.map(({ step, day }) =>
            day <= 0
              ? { step, plannedDate: calendar.day(day - 3), actualDate: calendar.day(day) }
              : { step, plannedDate: calendar.day(day) },
          )
        : [],
      vendorName: p.award?.vendor ?? null,
      vendorEnterpriseNumber: p.award?.enterpriseNumber ?? null,
      awardAmountExclVat: p.award?.amount ?? null,
    }),
  );
}
