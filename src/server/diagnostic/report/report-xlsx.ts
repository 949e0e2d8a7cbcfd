import type { MaturityModel } from '../../../domain/diagnostic/model.ts';
import type { DiagnosticResultsView } from '../../../domain/diagnostic/results.ts';
import { SPECIFICITY_TOPICS, type Specificities, type SwotItem } from '../../../domain/diagnostic/swot.ts';
import { loadExcelJS } from '../../xlsx/exceljs.ts';
import { safeCell } from '../../xlsx/safe-cell.ts';
import { addTableSheet, type TableColumn } from '../../xlsx/table-sheet.ts';
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

export type XlsxInput = {
  beneficiary: string;
  guide: MaturityModel;
  results: DiagnosticResultsView;
  interviews: XlsxInterview[];
  swot: SwotItem[];
  specificities: Specificities;
};

/** One worksheet: its name, its columns, its rows (keys of the columns). */
type Sheet = {
  name: string;
  columns: TableColumn[];
  rows: Record<string, unknown>[];
};

const number = (i: number) => `E${String(i + 1).padStart(2, '0')}`;

function interviewsSheet(input: XlsxInput): Sheet {
  return {
    name: 'Entretiens',
    columns: [
      { header: 'Entretien', key: 'ref', width: 10 },
      { header: 'Date', key: 'date', width: 12 },
      { header: 'Type', key: 'type', width: 20 },
      { header: 'Fonction', key: 'role', width: 28 },
      { header: 'Nom', key: 'name', width: 24 },
      { header: 'Mené par', key: 'interviewer', width: 24 },
      { header: 'Source', key: 'source', width: 18 },
      { header: 'Notes', key: 'notes', width: 60 },
    ],
    rows: input.interviews.map((i, index) => ({
      ref: number(index),
      date: i.date,
      type: INTERVIEWEE_TYPE_FR[i.type as keyof typeof INTERVIEWEE_TYPE_FR] ?? i.type,
      role: i.role,
      name: i.name,
      interviewer: i.interviewer,
      source: i.source === 'self_assessment' ? 'Auto-évaluation' : 'Entretien',
      notes: i.notes,
    })),
  };
}

/** Every answer of every interview, in the guide's order. */
function answersSheet(input: XlsxInput): Sheet {
  const questions = input.guide.dimensions.flatMap((d) =>
    d.factors.flatMap((f) => f.questions.map((q) => ({ dimension: d.key, factor: f, question: q }))),
  );
  const rows: Record<string, unknown>[] = [];
  input.interviews.forEach((interview, index) => {
    const byKey = new Map(interview.answers.map((a) => [a.questionKey, a]));
    for (const { dimension, factor, question } of questions) {
      const answer = byKey.get(question.key);
      if (!answer) continue;
      rows.push({
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
  return {
    name: 'Réponses',
    columns: [
      { header: 'Entretien', key: 'ref', width: 10 },
      { header: 'Dimension', key: 'dimension', width: 16 },
      { header: 'Facteur', key: 'factor', width: 32 },
      { header: 'Clé', key: 'questionKey', width: 28 },
      { header: 'Question', key: 'question', width: 70 },
      { header: 'Niveau', key: 'level', width: 8 },
      { header: 'Ne sait pas', key: 'dontKnow', width: 11 },
      { header: 'Commentaire', key: 'comment', width: 50 },
    ],
    rows,
  };
}

type Stat = {
  mean: number | null;
  sd: number | null;
  min: number | null;
  max: number | null;
  n: number;
  agreement: number | null;
};
const stat = (s: Stat) => ({ mean: s.mean, sd: s.sd, min: s.min, max: s.max, n: s.n, agreement: s.agreement });
const STAT_COLUMNS = [
  { header: 'Moyenne', key: 'mean', width: 10 },
  { header: 'Écart-type', key: 'sd', width: 10 },
  { header: 'Min', key: 'min', width: 6 },
  { header: 'Max', key: 'max', width: 6 },
  { header: 'Entretiens', key: 'n', width: 10 },
  { header: 'Accord', key: 'agreement', width: 8 },
];

/** The results per dimension, factor and question: mean, spread, agreement. */
function statsSheets(results: DiagnosticResultsView): Sheet[] {
  return [
    {
      name: 'Dimensions',
      columns: [
        { header: 'Dimension', key: 'label', width: 34 },
        ...STAT_COLUMNS,
        { header: 'Bande', key: 'band', width: 16 },
      ],
      rows: results.dimensions.map((d) => ({ label: d.label, ...stat(d), band: d.band?.label ?? null })),
    },
    {
      name: 'Facteurs',
      columns: [
        { header: 'Dimension', key: 'dimension', width: 16 },
        { header: 'Facteur', key: 'label', width: 40 },
        ...STAT_COLUMNS,
        { header: 'Bande', key: 'band', width: 16 },
      ],
      rows: results.dimensions.flatMap((d) =>
        d.factors.map((f) => ({
          dimension: DIMENSION_SHORT_FR[d.dimension],
          label: f.label,
          ...stat(f),
          band: f.band?.label ?? null,
        })),
      ),
    },
    {
      name: 'Questions',
      columns: [
        { header: 'Dimension', key: 'dimension', width: 16 },
        { header: 'Question', key: 'text', width: 70 },
        ...STAT_COLUMNS,
        { header: 'Ne sait pas', key: 'dontKnow', width: 11 },
      ],
      rows: results.questions.map((q) => ({
        dimension: DIMENSION_SHORT_FR[q.dimension],
        text: q.text,
        ...stat(q),
        dontKnow: q.dontKnow,
      })),
    },
  ];
}

function swotSheet(input: XlsxInput): Sheet {
  const refOf = new Map(input.interviews.map((i, index) => [i.id, number(index)]));
  return {
    name: 'AFOM',
    columns: [
      { header: 'Catégorie', key: 'category', width: 14 },
      { header: 'Ordre', key: 'position', width: 7 },
      { header: 'Élément', key: 'text', width: 70 },
      { header: 'Dimensions', key: 'dimensions', width: 30 },
      { header: 'Entretiens', key: 'interviews', width: 20 },
    ],
    rows: input.swot.map((i) => ({
      category: SWOT_FR[i.category],
      position: i.position + 1,
      text: i.text,
      dimensions: i.dimensions.map((d) => DIMENSION_SHORT_FR[d]).join(', '),
      interviews: i.interviewIds.map((id) => refOf.get(id) ?? '').join(', '),
    })),
  };
}

function specificitiesSheet(specificities: Specificities): Sheet {
  return {
    name: 'Spécificités',
    columns: [
      { header: 'Thème', key: 'topic', width: 22 },
      { header: 'Note', key: 'note', width: 100 },
    ],
    rows: SPECIFICITY_TOPICS.map((topic) => ({ topic: SPECIFICITY_FR[topic], note: specificities[topic] })),
  };
}

/** The raw data of the diagnostic, one sheet per kind; every cell is safe from formula injection. */
export async function renderReportXlsx(input: XlsxInput): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = 'Smart Rural';
  workbook.created = new Date();
  const sheets = [
    interviewsSheet(input),
    answersSheet(input),
    ...statsSheets(input.results),
    swotSheet(input),
    specificitiesSheet(input.specificities),
  ];
  for (const { name, columns, rows } of sheets) {
    const sheet = addTableSheet(workbook, name, columns);
    for (const row of rows) {
      sheet.addRow(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, safeCell(v as string | number | null)])));
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
