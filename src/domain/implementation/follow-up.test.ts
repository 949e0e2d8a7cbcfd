import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import { computeAlerts, isDigestDue, isMilestoneLate } from './alerts.ts';
import {
  allowedNextStatuses,
  checkStatusChange,
  DocumentInput,
  FOLLOW_UP_STATUSES,
  FollowUpUpdateInput,
  MAX_DOCUMENT_BYTES,
} from './follow-up.ts';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? error.code : 'OTHER';
  }
  return null;
};

describe('status transitions', () => {
  it('follows planned → procurement → in progress → delivered → evaluated', () => {
    const path = ['planned', 'procurement', 'in-progress', 'delivered', 'evaluated'] as const;
    for (let i = 1; i < path.length; i++)
      expect(codeOf(() => checkStatusChange(path[i - 1]!, path[i]!, null))).toBe(null);
  });

  it('sets the progress to 100 % on delivery', () => {
    expect(checkStatusChange('in-progress', 'delivered', null).progressAtLeast).toBe(100);
    expect(checkStatusChange('planned', 'procurement', null).progressAtLeast).toBe(null);
  });

  it('refuses to jump from planned to delivered, or to leave a final status', () => {
    expect(codeOf(() => checkStatusChange('planned', 'delivered', null))).toBe('STATUS_TRANSITION_NOT_ALLOWED');
    expect(codeOf(() => checkStatusChange('evaluated', 'in-progress', null))).toBe('STATUS_TRANSITION_NOT_ALLOWED');
    expect(codeOf(() => checkStatusChange('abandoned', 'planned', null))).toBe('STATUS_TRANSITION_NOT_ALLOWED');
    expect(codeOf(() => checkStatusChange('planned', 'planned', null))).toBe('STATUS_UNCHANGED');
  });

  it('asks a reason to suspend or abandon', () => {
    expect(codeOf(() => checkStatusChange('in-progress', 'suspended', '  '))).toBe('STATUS_REASON_REQUIRED');
    expect(codeOf(() => checkStatusChange('planned', 'abandoned', null))).toBe('STATUS_REASON_REQUIRED');
    expect(codeOf(() => checkStatusChange('in-progress', 'suspended', 'Subside refusé'))).toBe(null);
  });

  it('allows exactly the listed transitions (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FOLLOW_UP_STATUSES), fc.constantFrom(...FOLLOW_UP_STATUSES), (from, to) => {
        const code = codeOf(() => checkStatusChange(from, to, 'raison'));
        if (from === to) expect(code).toBe('STATUS_UNCHANGED');
        else expect(code === null).toBe(allowedNextStatuses(from).includes(to));
      }),
    );
  });
});

describe('follow-up input', () => {
  it('refuses a budget year given twice', () => {
    const line = { year: 2026, planned: 10, committed: 0, spent: 0 };
    expect(FollowUpUpdateInput.safeParse({ budget: [line, line] }).success).toBe(false);
    expect(FollowUpUpdateInput.safeParse({ budget: [line, { ...line, year: 2027 }] }).success).toBe(true);
  });

  it('keeps documents under the size limit', () => {
    const ok = Buffer.alloc(MAX_DOCUMENT_BYTES).toString('base64');
    const tooBig = Buffer.alloc(MAX_DOCUMENT_BYTES + 3).toString('base64');
    const file = (contentBase64: string) => ({
      kind: 'file',
      name: 'a.pdf',
      mimeType: 'application/pdf',
      contentBase64,
    });
    expect(DocumentInput.safeParse(file(ok)).success).toBe(true);
    expect(DocumentInput.safeParse(file(tooBig)).success).toBe(false);
    expect(DocumentInput.safeParse({ kind: 'link', name: 'x', url: 'javascript:alert(1)' }).success).toBe(false);
  });
});

describe('alerts', () => {
  const project = {
    projectId: '00000000-0000-4000-8000-000000000001',
    projectTitle: 'Éclairage',
    missionId: '00000000-0000-4000-8000-000000000002',
    communeNis: '84077',
    communeName: 'Libramont-Chevigny',
    status: 'in-progress' as const,
    milestones: [
      { id: 'a', title: 'Pose', dueDate: '2026-06-30', doneDate: null },
      { id: 'b', title: 'Étude', dueDate: '2026-03-01', doneDate: '2026-03-05' },
    ],
    budget: [
      { year: 2026, planned: 100_000, committed: 120_000, spent: 50_000 },
      { year: 2027, planned: 50_000, committed: 50_000, spent: 0 },
    ],
    procurement: {
      procedure: 'open' as const,
      steps: [
        { step: 'specifications' as const, plannedDate: '2026-01-10', actualDate: '2026-01-12' },
        { step: 'publication' as const, plannedDate: '2026-06-01' },
      ],
    },
  };

  it('says a milestone is late the day after its date, not on it', () => {
    expect(isMilestoneLate({ dueDate: '2026-06-30', doneDate: null }, '2026-06-30')).toBe(false);
    expect(isMilestoneLate({ dueDate: '2026-06-30', doneDate: null }, '2026-07-01')).toBe(true);
    expect(isMilestoneLate({ dueDate: '2026-06-30', doneDate: '2026-07-02' }, '2026-07-03')).toBe(false);
  });

  it('lists late milestones, budgets over plan and overdue procurement steps', () => {
    const alerts = computeAlerts(project, '2026-07-11');
    expect(alerts.map((a) => [a.kind, a.subject, a.daysLate ?? a.amountOver])).toEqual([
      ['milestone-late', 'Pose', 11],
      ['budget-over-plan', '2026', 20_000],
      ['procurement-step-overdue', 'publication', 40],
    ]);
  });

  it('raises nothing before the dates, nor for a closed project', () => {
    const fine = { ...project, budget: [{ year: 2026, planned: 100, committed: 100, spent: 100 }] };
    expect(computeAlerts(fine, '2026-05-01')).toEqual([]);
    expect(computeAlerts({ ...project, status: 'abandoned' }, '2027-01-01')).toEqual([]);
  });

  it('sends a digest once a week', () => {
    const now = new Date('2026-07-10T08:00:00Z');
    expect(isDigestDue(null, now)).toBe(true);
    expect(isDigestDue(new Date('2026-07-04T08:00:00Z'), now)).toBe(false);
    expect(isDigestDue(new Date('2026-07-03T08:00:00Z'), now)).toBe(true);
  });
});
