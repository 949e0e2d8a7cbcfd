import type { MaturityModel } from '../../../domain/diagnostic/model.ts';
import type { DiagnosticResultsView } from '../../../domain/diagnostic/results.ts';
import { SPECIFICITY_TOPICS, type Specificities, type SwotItem } from '../../../domain/diagnostic/swot.ts';
import { loadExcelJS } from '../../xlsx/exceljs.ts';
import { safeCell } from '../../xlsx/safe-cell.ts';
import { DIMENSION_SHORT_FR, INTERVIEWEE_TYPE_FR, SPECIFICITY_FR, SWOT_FR } from './labels-fr.ts';

export type XlsxInterview = {
  id: string;
  date: string;
  type: string;
  role: string | null;
  name: string | null;
  interviewer: string;
  source: string;
  notes: string | null;
  answers: { questionKey: string; level: number | null; comment: string | null }[];
};

export async function renderReportXlsx(input: {
  beneficiary: string;
  guide: MaturityModel;
  results: DiagnosticResultsView;
  interviews: XlsxInterview[];
  swot: SwotItem[];
  specificities: Specificities;
}): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = 'Smart Rural';
  workbook.created = new Date();
  const add = (
    name: string,
    columns: { header: string; key: string; width: number }[],
    rows: Record<string, unknown>[],
  ) => {
    const sheet = workbook.addWorksheet(name);
    sheet.columns = columns;
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of rows) {
      sheet.addRow(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, safeCell(v as string | number | null)])));
    }
    return sheet;
  };

  const number = (i: number) => `E${String(i + 1).padStart(2, '0')}`;
  add(
    'Entretiens',
    [
      { header: 'Entretien', key: 'ref', width: 10 },
      { header: 'Date', key: 'date', width: 12 },
      { header: 'Type', key: 'type', width: 20 },
      { header: 'Fonction', key: 'role', width: 28 },
      { header: 'Nom', key: 'name', width: 24 },
      { header: 'Mené par', key: 'interviewer', width: 24 },
      { header: 'Source', key: 'source', width: 18 },
      { header: 'Notes', key: 'notes', width: 60 },
    ],
    input.interviews.map((i, index) => ({
      ref: number(index),
      date: i.date,
      type: INTERVIEWEE_TYPE_FR[i.type as keyof typeof INTERVIEWEE_TYPE_FR] ?? i.type,
      role: i.role,
      name: i.name,
      interviewer: i.interviewer,
      source: i.source === 'self_assessment' ? 'Auto-évaluation' : 'Entretien',
      notes: i.notes,
    })),
  );

  const questions = input.guide.dimensions.flatMap((d) =>
    d.factors.flatMap((f) => f.questions.map((q) => ({ dimension: d.key, factor: f, question: q }))),
  );
  const answerRows: Record<string, unknown>[] = [];
  input.interviews.forEach((interview, index) => {
    const byKey = new Map(interview.answers.map((a) => [a.questionKey, a]));
    for (const { dimension, factor, question } of questions) {
      const answer = byKey.get(question.key);
      if (!answer) continue;
      answerRows.push({
        ref: number(index),
        dimension: DIMENSION_SHORT_FR[dimension],
        factor: factor.label,
        questionKey: question.key,
        question: question.text,
        level: answer.level,
        dontKnow: answer.level === null ? 'oui' : '',
        comment: answer.comment,
      });
    }
  });
  add(
    'Réponses',
    [
      { header: 'Entretien', key: 'ref', width: 10 },
      { header: 'Dimension', key: 'dimension', width: 16 },
      { header: 'Facteur', key: 'factor', width: 32 },
      { header: 'Clé', key: 'questionKey', width: 28 },
      { header: 'Question', key: 'question', width: 70 },
      { header: 'Niveau', key: 'level', width: 8 },
      { header: 'Ne sait pas', key: 'dontKnow', width: 11 },
      { header: 'Commentaire', key: 'comment', width: 50 },
    ],
    answerRows,
  );

  const stat = (s: {
    mean: number | null;
    sd: number | null;
    min: number | null;
    max: number | null;
    n: number;
    agreement: number | null;
  }) => ({
    mean: s.mean,
    sd: s.sd,
    min: s.min,
    max: s.max,
    n: s.n,
    agreement: s.agreement,
  });
  const statColumns = [
    { header: 'Moyenne', key: 'mean', width: 10 },
    { header: 'Écart-type', key: 'sd', width: 10 },
    { header: 'Min', key: 'min', width: 6 },
    { header: 'Max', key: 'max', width: 6 },
    { header: 'Entretiens', key: 'n', width: 10 },
    { header: 'Accord', key: 'agreement', width: 8 },
  ];
  add(
    'Dimensions',
    [{ header: 'Dimension', key: 'label', width: 34 }, ...statColumns, { header: 'Bande', key: 'band', width: 16 }],
    input.results.dimensions.map((d) => ({ label: d.label, ...stat(d), band: d.band?.label ?? null })),
  );
  add(
    'Facteurs',
    [
      { header: 'Dimension', key: 'dimension', width: 16 },
      { header: 'Facteur', key: 'label', width: 40 },
      ...statColumns,
      { header: 'Bande', key: 'band', width: 16 },
    ],
    input.results.dimensions.flatMap((d) =>
      d.factors.map((f) => ({
        dimension: DIMENSION_SHORT_FR[d.dimension],
        label: f.label,
        ...stat(f),
        band: f.band?.label ?? null,
      })),
    ),
  );
  add(
    'Questions',
    [
      { header: 'Dimension', key: 'dimension', width: 16 },
      { header: 'Question', key: 'text', width: 70 },
      ...statColumns,
      { header: 'Ne sait pas', key: 'dontKnow', width: 11 },
    ],
    input.results.questions.map((q) => ({
      dimension: DIMENSION_SHORT_FR[q.dimension],
      text: q.text,
      ...stat(q),
      dontKnow: q.dontKnow,
    })),
  );
  const refOf = new Map(input.interviews.map((i, index) => [i.id, number(index)]));
  add(
    'AFOM',
    [
      { header: 'Catégorie', key: 'category', width: 14 },
      { header: 'Ordre', key: 'position', width: 7 },
      { header: 'Élément', key: 'text', width: 70 },
      { header: 'Dimensions', key: 'dimensions', width: 30 },
      { header: 'Entretiens', key: 'interviews', width: 20 },
    ],
    input.swot.map((i) => ({
      category: SWOT_FR[i.category],
      position: i.position + 1,
      text: i.text,
      dimensions: i.dimensions.map((d) => DIMENSION_SHORT_FR[d]).join(', '),
      interviews: i.interviewIds.map((id) => refOf.get(id) ?? '').join(', '),
    })),
  );
  add(
    'Spécificités',
    [
      { header: 'Thème', key: 'topic', width: 22 },
      { header: 'Note', key: 'note', width: 100 },
    ],
    SPECIFICITY_TOPICS.map((topic) => ({ topic: SPECIFICITY_FR[topic], note: input.specificities[topic] })),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
