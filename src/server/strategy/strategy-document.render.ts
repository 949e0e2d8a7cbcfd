import type ExcelJS from 'exceljs';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { DIMENSION_LABELS } from '../../domain/shared/dimensions.ts';
import { belgianToday, formatDate, formatEuro, formatNumber, type Locale } from '../../domain/shared/format.ts';
import { countOf } from '../../domain/shared/french.ts';
import type { HorizonKey } from '../../domain/strategy/horizons.ts';
import { buildStrategyDocument, type PstAction, type PstDocument } from '../../domain/strategy/strategy-document.ts';
import { printable, renderPdf } from '../pdf/pdf.ts';
import { loadExcelJS } from '../xlsx/exceljs.ts';
import { safeCell } from '../xlsx/safe-cell.ts';
import type { StrategyService } from './strategy.service.ts';

/**
 * The strategy document, as a PDF (pdfmake) and as a spreadsheet (exceljs), both from the same PST structure built
 * in the domain (`buildStrategyDocument`).
 */
export type DocumentFormat = 'pdf' | 'xlsx';
type DocumentData = Awaited<ReturnType<StrategyService['documentData']>>;

const LABELS = {
  fr: {
    title: 'Stratégie Smart',
    legislature: 'Législature communale 2024–2030',
    generated: 'Document établi le',
    summary: 'Synthèse',
    summaryText: (n: number, investment: string, running: string) =>
      `${countOf(n, 'action', 'actions')}, pour un investissement total de ${investment} et des coûts de fonctionnement de ${running} par an.`,
    noPlan: 'Aucun plan n’a encore été calculé : les actions sont présentées sans horizon.',
    planTimeLimit: 'Plan calculé dans la limite de temps : le meilleur plan trouvé est présenté.',
    horizon: 'Horizon',
    years: 'Années',
    budget: 'Budget',
    used: 'Engagé',
    actions: 'Actions',
    runningPerYear: 'Fonctionnement / an',
    runningShort: 'Fonct. / an',
    pst: 'Programme stratégique transversal',
    pstIntro:
      'Objectifs stratégiques, objectifs opérationnels et actions, dans la structure du PST de la commune : à reprendre tel quel dans son propre programme.',
    unassigned: 'Actions à rattacher à un objectif opérationnel',
    code: 'Code',
    action: 'Action',
    owner: 'Porteur',
    investment: 'Investissement',
    funding: 'Financements possibles',
    roadmap: 'Feuille de route',
    roadmapIntro: 'Période de réalisation de chaque action planifiée, du premier au dernier mois de travaux.',
    start: 'Début',
    end: 'Fin',
    notPlanned: 'Projets non retenus dans le plan',
    method: 'Méthode de priorisation',
    methodText:
      'Les projets sont classés par la méthode PROMETHEE II (flux nets) sur les critères ci-dessous ; le plan pluriannuel maximise la valeur des projets retenus dans les budgets de chaque horizon (programmation linéaire en nombres entiers, HiGHS).',
    criterion: 'Critère',
    direction: 'Sens',
    weight: 'Poids',
    max: 'à maximiser',
    min: 'à minimiser',
    ahp: (cr: string, ok: boolean) =>
      `Poids établis par comparaisons par paires (AHP) : ratio de cohérence ${cr}${ok ? ' (acceptable, < 0,10)' : ' (supérieur à 0,10 : jugements à revoir)'}.`,
    rank: 'Rang',
    status: 'Statut',
    mandatory: 'Obligatoire',
    dimensions: 'Dimensions',
    description: 'Description',
    period: 'Période',
    strategic: 'Objectif stratégique',
    operational: 'Objectif opérationnel',
    yes: 'oui',
    no: 'non',
    horizons: { short: 'Court terme', medium: 'Moyen terme', long: 'Long terme' } as Record<HorizonKey, string>,
    statuses: { draft: 'Brouillon', proposed: 'Proposé', approved: 'Approuvé', rejected: 'Écarté' } as Record<
      string,
      string
    >,
    dimensionNames: DIMENSION_LABELS.fr as Record<string, string>,
    none: '—',
    sheetPst: 'PST',
    sheetHorizons: 'Plan par horizon',
    sheetNotPlanned: 'Hors plan',
    sheetCriteria: 'Critères',
    filename: 'strategie',
  },
  en: {
    title: 'Smart strategy',
    legislature: 'Communal legislature 2024–2030',
    generated: 'Document drawn up on',
    summary: 'Summary',
    summaryText: (n: number, investment: string, running: string) =>
      `${countOf(n, 'action', 'actions', 'en')}, for a total investment of ${investment} and running costs of ${running} a year.`,
    noPlan: 'No plan has been computed yet: the actions are shown without a horizon.',
    planTimeLimit: 'Plan computed within the time limit: the best plan found is shown.',
    horizon: 'Horizon',
    years: 'Years',
    budget: 'Budget',
    used: 'Committed',
    actions: 'Actions',
    runningPerYear: 'Running / year',
    runningShort: 'Running / yr',
    pst: 'Cross-cutting strategic programme (PST)',
    pstIntro:
      'Strategic objectives, operational objectives and actions, in the structure of the commune’s PST: to be taken as they are into its own programme.',
    unassigned: 'Actions not yet under an operational objective',
    code: 'Code',
    action: 'Action',
    owner: 'Owner',
    investment: 'Investment',
    funding: 'Possible funding',
    roadmap: 'Roadmap',
    roadmapIntro: 'When each planned action runs, from its first to its last month of work.',
    start: 'Start',
    end: 'End',
    notPlanned: 'Projects left out of the plan',
    method: 'How the projects were prioritised',
    methodText:
      'Projects are ranked with PROMETHEE II (net flows) on the criteria below; the multi-year plan maximises the value of the selected projects within each horizon’s budget (mixed-integer programming, HiGHS).',
    criterion: 'Criterion',
    direction: 'Direction',
    weight: 'Weight',
    max: 'maximise',
    min: 'minimise',
    ahp: (cr: string, ok: boolean) =>
      `Weights from pairwise comparisons (AHP): consistency ratio ${cr}${ok ? ' (acceptable, < 0.10)' : ' (above 0.10: judgements to review)'}.`,
    rank: 'Rank',
    status: 'Status',
    mandatory: 'Mandatory',
    dimensions: 'Dimensions',
    description: 'Description',
    period: 'Period',
    strategic: 'Strategic objective',
    operational: 'Operational objective',
    yes: 'yes',
    no: 'no',
    horizons: { short: 'Short term', medium: 'Medium term', long: 'Long term' } as Record<HorizonKey, string>,
    statuses: { draft: 'Draft', proposed: 'Proposed', approved: 'Approved', rejected: 'Rejected' } as Record<
      string,
      string
    >,
    dimensionNames: DIMENSION_LABELS.en as Record<string, string>,
    none: '—',
    sheetPst: 'PST',
    sheetHorizons: 'Plan by horizon',
    sheetNotPlanned: 'Left out',
    sheetCriteria: 'Criteria',
    filename: 'strategy',
  },
};
type Labels = (typeof LABELS)['fr'];

export function documentOf(data: DocumentData): PstDocument {
  const m = data.mission;
  return buildStrategyDocument({
    missionTitle: m.title,
    beneficiary: m.siteName ? `${m.siteName} (${m.communeName})` : m.communeName,
    generatedOn: belgianToday(),
    criteria: data.criteria,
    ahp: data.ahp,
    objectives: data.objectives,
    projects: data.projects,
    ranking: data.ranking,
    plan: data.plan,
    horizons: data.horizons,
    roadmap: data.roadmap,
  });
}

export async function renderStrategyDocument(format: DocumentFormat, data: DocumentData, lang: Locale) {
  const doc = documentOf(data);
  const slug = slugify(`${LABELS[lang].filename}-${data.mission.communeName}-${data.mission.title}`);
  if (format === 'pdf') {
    return { body: await renderDocumentPdf(doc, data, lang), contentType: 'application/pdf', filename: `${slug}.pdf` };
  }
  return {
    body: await renderXlsx(doc, lang),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filename: `${slug}.xlsx`,
  };
}

export function slugify(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80) || 'strategie'
  );
}

// ── PDF ──────────────────────────────────────────────────────────────────────────────────────────────────────────
type Node = Record<string, unknown> | string;
const GREEN = '#2f6b3a';

async function renderDocumentPdf(doc: PstDocument, data: DocumentData, lang: Locale): Promise<Buffer> {
  const L = LABELS[lang];
  const euro = (n: number) => printable(formatEuro(n, lang));
  const cell = (text: string, style: Record<string, unknown> = {}) => ({ text, ...style });
  const header = (texts: string[]) => texts.map((t) => cell(t, { bold: true, fillColor: '#e8f0e9' }));
  const table = (widths: (string | number)[], head: string[], rows: Node[][]) => ({
    table: { headerRows: 1, widths, body: [header(head), ...rows], dontBreakRows: true },
    layout: 'lightHorizontalLines',
    fontSize: 8.5,
    margin: [0, 4, 0, 10],
  });
  const actionRows = (actions: PstAction[]) =>
    actions.map((a) => [
      cell(a.code, { noWrap: true }),
      {
        stack: [
          cell(a.title, { bold: true }),
          ...(a.description ? [cell(a.description, { color: '#444', fontSize: 7.5 })] : []),
          ...(a.dimensions.length
            ? [cell(a.dimensions.map((d) => L.dimensionNames[d] ?? d).join(', '), { color: GREEN, fontSize: 7.5 })]
            : []),
        ],
      },
      cell(a.owner ?? L.none),
      cell(a.horizon ? `${L.horizons[a.horizon]}\n${a.years ?? ''}` : L.none),
      cell(euro(a.investmentCost), { alignment: 'right' }),
      cell(euro(a.runningCostPerYear), { alignment: 'right' }),
      cell(a.funding.length ? a.funding.join('\n') : L.none, { fontSize: 7.5 }),
    ]);
  const actionsTable = (actions: PstAction[]) =>
    table(
      [36, '*', 58, 54, 62, 58, 72],
      [L.code, L.action, L.owner, L.horizon, L.investment, L.runningShort, L.funding],
      actionRows(actions),
    );

  const content: Node[] = [
    { text: `${L.title} — ${doc.beneficiary}`, style: 'title' },
    { text: doc.missionTitle, style: 'subtitle' },
    {
      text: `${L.legislature} · ${L.generated} ${formatDate(doc.generatedOn, lang)}`,
      color: '#555',
      margin: [0, 0, 0, 14],
    },
    { text: L.summary, style: 'h1' },
    printable(L.summaryText(doc.totals.actions, euro(doc.totals.investment), euro(doc.totals.runningPerYear))),
    ...(doc.hasPlan
      ? doc.planStatus === 'time_limit'
        ? [{ text: L.planTimeLimit, italics: true }]
        : []
      : [{ text: L.noPlan, italics: true }]),
    table(
      ['*', 60, 80, 80, 40, 80],
      [L.horizon, L.years, L.budget, L.used, L.actions, L.runningPerYear],
      doc.horizons.map((h) => [
        L.horizons[h.key],
        h.years,
        cell(euro(h.budget), { alignment: 'right' }),
        cell(euro(h.used), { alignment: 'right' }),
        cell(String(h.actions), { alignment: 'right' }),
        cell(euro(h.runningPerYear), { alignment: 'right' }),
      ]),
    ),
    { text: L.pst, style: 'h1' },
    { text: L.pstIntro, color: '#555', margin: [0, 0, 0, 6] },
  ];
  for (const goal of doc.strategic) {
    content.push({ text: `${goal.code} — ${goal.title}`, style: 'h2', headlineLevel: 2 });
    if (goal.description) content.push({ text: goal.description, margin: [0, 0, 0, 4] });
    for (const op of goal.operational) {
      content.push({ text: `${op.code} — ${op.title}`, style: 'h3', headlineLevel: 3 });
      if (op.description) content.push({ text: op.description, color: '#444', margin: [0, 0, 0, 2] });
      content.push(op.actions.length ? actionsTable(op.actions) : { text: L.none, margin: [0, 0, 0, 8] });
    }
  }
  if (doc.unassigned.length > 0) {
    content.push({ text: L.unassigned, style: 'h2' }, actionsTable(doc.unassigned));
  }

  if (data.roadmap && data.roadmap.rows.length > 0) {
    const title = new Map(data.projects.map((p) => [p.id, p.title]));
    content.push(
      { text: L.roadmap, style: 'h1', pageBreak: 'before' },
      { text: L.roadmapIntro, color: '#555', margin: [0, 0, 0, 6] },
      gantt(data.roadmap, title, L),
      table(
        ['*', 80, 60, 60],
        [L.action, L.horizon, L.start, L.end],
        data.roadmap.rows.map((r) => [
          title.get(r.projectId) ?? r.projectId,
          L.horizons[r.horizon],
          r.startMonth,
          r.endMonth,
        ]),
      ),
    );
  }
  if (doc.notPlanned.length > 0) {
    content.push(
      { text: L.notPlanned, style: 'h1' },
      table(
        ['*', 60, 70, 50],
        [L.action, L.rank, L.investment, L.status],
        doc.notPlanned.map((a) => [
          a.title,
          a.rank === null ? L.none : String(a.rank),
          cell(euro(a.investmentCost), { alignment: 'right' }),
          L.statuses[a.status] ?? a.status,
        ]),
      ),
    );
  }
  content.push(
    { text: L.method, style: 'h1' },
    { text: L.methodText, margin: [0, 0, 0, 4] },
    table(
      ['*', 80, 60],
      [L.criterion, L.direction, L.weight],
      doc.criteria.map((c) => [
        c.name,
        c.direction === 'max' ? L.max : L.min,
        cell(printable(`${formatNumber(c.weight * 100, lang, 1)} %`), { alignment: 'right' }),
      ]),
    ),
    ...(doc.ahp
      ? [{ text: printable(L.ahp(formatNumber(doc.ahp.consistencyRatio, lang, 3), doc.ahp.consistent)) }]
      : []),
  );

  const definition = {
    info: {
      title: `${L.title} — ${doc.beneficiary}`,
      subject: doc.missionTitle,
      keywords: [...doc.strategic.flatMap((s) => s.operational.flatMap((o) => o.actions)), ...doc.unassigned]
        .map((a) => a.title)
        .join('; '),
      creator: 'Smart Rural',
    },
    language: lang === 'fr' ? 'fr-BE' : 'en-GB',
    pageSize: 'A4',
    // A heading in the last sixth of a page goes to the next one with what it introduces.
    pageBreakBefore: (node: { headlineLevel?: number; startPosition: { verticalRatio: number } }) =>
      node.headlineLevel !== undefined && node.startPosition.verticalRatio > 0.82,
    pageMargins: [40, 40, 40, 48],
    footer: (page: number, pages: number) => ({
      text: `${doc.beneficiary} — ${L.title} · ${page} / ${pages}`,
      alignment: 'center',
      fontSize: 8,
      color: '#666',
    }),
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 20, bold: true, color: GREEN },
      subtitle: { fontSize: 13, margin: [0, 2, 0, 4] },
      h1: { fontSize: 14, bold: true, color: GREEN, margin: [0, 12, 0, 6] },
      h2: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
      h3: { fontSize: 10.5, bold: true, color: '#333', margin: [0, 6, 0, 2] },
    },
    content,
  };
  return renderPdf(definition as unknown as TDocumentDefinitions);
}

/** A small Gantt drawn with pdfmake's canvas: one bar per planned action over the legislature's years. */
function gantt(roadmap: NonNullable<DocumentData['roadmap']>, title: Map<string, string>, L: Labels): Node {
  const labelWidth = 170;
  const width = 515 - labelWidth;
  const years = roadmap.lastYear - roadmap.firstYear + 1;
  const x = (month: number) => (month / (years * 12)) * width;
  const rowHeight = 13;
  const colours: Record<HorizonKey, string> = { short: GREEN, medium: '#3b6f96', long: '#a5660b' };
  const canvas: Record<string, unknown>[] = [];
  for (let k = 0; k <= years; k++) {
    canvas.push({
      type: 'line',
      x1: x(k * 12),
      y1: 0,
      x2: x(k * 12),
      y2: roadmap.rows.length * rowHeight,
      lineColor: '#cccccc',
    });
  }
  roadmap.rows.forEach((row, i) => {
    canvas.push({
      type: 'rect',
      x: x(row.start),
      y: i * rowHeight + 2,
      w: Math.max(2, x(row.end) - x(row.start)),
      h: rowHeight - 4,
      color: colours[row.horizon],
    });
  });
  const shorten = (text: string) => (text.length > 44 ? `${text.slice(0, 43)}…` : text);
  return {
    stack: [
      {
        columns: [
          { text: L.action, width: labelWidth, fontSize: 8, bold: true },
          ...Array.from({ length: years }, (_, k) => ({
            text: String(roadmap.firstYear + k),
            width: width / years,
            alignment: 'center',
            fontSize: 8,
            color: '#555555',
          })),
        ],
        margin: [0, 0, 0, 2],
      },
      {
        columns: [
          {
            width: labelWidth,
            stack: roadmap.rows.map((row) => ({
              text: shorten(title.get(row.projectId) ?? row.projectId),
              fontSize: 7.5,
              lineHeight: 1,
              margin: [0, 2, 0, 1.6],
              noWrap: true,
            })),
          },
          { width, canvas },
        ],
      },
    ],
    margin: [0, 0, 0, 12],
    unbreakable: roadmap.rows.length < 40,
  };
}

// ── XLSX ─────────────────────────────────────────────────────────────────────────────────────────────────────────
async function renderXlsx(doc: PstDocument, lang: Locale): Promise<Buffer> {
  const L = LABELS[lang];
  const book = new (await loadExcelJS()).Workbook();
  book.creator = 'Smart Rural';
  book.created = new Date(`${doc.generatedOn}T00:00:00Z`);
  book.title = `${L.title} — ${doc.beneficiary}`;
  const money = '#,##0.00 "€"';

  const pst = book.addWorksheet(L.sheetPst, { views: [{ state: 'frozen', ySplit: 1 }] });
  pst.columns = [
    { header: `${L.strategic} (${L.code})`, key: 'os', width: 10 },
    { header: L.strategic, key: 'osTitle', width: 34 },
    { header: `${L.operational} (${L.code})`, key: 'oo', width: 10 },
    { header: L.operational, key: 'ooTitle', width: 34 },
    { header: `${L.action} (${L.code})`, key: 'code', width: 11 },
    { header: L.action, key: 'title', width: 40 },
    { header: L.description, key: 'description', width: 50 },
    { header: L.dimensions, key: 'dimensions', width: 20 },
    { header: L.owner, key: 'owner', width: 22 },
    { header: L.horizon, key: 'horizon', width: 14 },
    { header: L.years, key: 'years', width: 11 },
    { header: L.period, key: 'period', width: 18 },
    { header: L.investment, key: 'investment', width: 15, style: { numFmt: money } },
    { header: L.runningPerYear, key: 'running', width: 15, style: { numFmt: money } },
    { header: L.funding, key: 'funding', width: 30 },
    { header: L.mandatory, key: 'mandatory', width: 11 },
    { header: L.status, key: 'status', width: 12 },
    { header: L.rank, key: 'rank', width: 7 },
  ];
  const actionRow = (a: PstAction) => ({
    code: a.code,
    title: safeCell(a.title),
    description: safeCell(a.description ?? ''),
    dimensions: a.dimensions.map((d) => L.dimensionNames[d] ?? d).join(', '),
    owner: safeCell(a.owner ?? ''),
    horizon: a.horizon ? L.horizons[a.horizon] : '',
    years: a.years ?? '',
    period: a.period ?? '',
    investment: a.investmentCost,
    running: a.runningCostPerYear,
    funding: safeCell(a.funding.join(' ; ')),
    mandatory: a.mandatory ? L.yes : L.no,
    status: L.statuses[a.status] ?? a.status,
    rank: a.rank ?? '',
  });
  for (const goal of doc.strategic) {
    for (const op of goal.operational) {
      const base = { os: goal.code, osTitle: safeCell(goal.title), oo: op.code, ooTitle: safeCell(op.title) };
      if (op.actions.length === 0) pst.addRow(base);
      for (const a of op.actions) pst.addRow({ ...base, ...actionRow(a) });
    }
    if (goal.operational.length === 0) pst.addRow({ os: goal.code, osTitle: safeCell(goal.title) });
  }
  for (const a of doc.unassigned) pst.addRow(actionRow(a));
  styleHeader(pst);
  pst.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: pst.columnCount } };

  const horizons = book.addWorksheet(L.sheetHorizons);
  horizons.columns = [
    { header: L.horizon, key: 'horizon', width: 16 },
    { header: L.years, key: 'years', width: 12 },
    { header: L.budget, key: 'budget', width: 16, style: { numFmt: money } },
    { header: L.used, key: 'used', width: 16, style: { numFmt: money } },
    { header: L.actions, key: 'actions', width: 10 },
    { header: L.runningPerYear, key: 'running', width: 18, style: { numFmt: money } },
  ];
  for (const h of doc.horizons) {
    horizons.addRow({
      horizon: L.horizons[h.key],
      years: h.years,
      budget: h.budget,
      used: h.used,
      actions: h.actions,
      running: h.runningPerYear,
    });
  }
  styleHeader(horizons);

  if (doc.notPlanned.length > 0) {
    const out = book.addWorksheet(L.sheetNotPlanned);
    out.columns = [
      { header: L.action, key: 'title', width: 40 },
      { header: L.rank, key: 'rank', width: 7 },
      { header: L.investment, key: 'investment', width: 15, style: { numFmt: money } },
      { header: L.runningPerYear, key: 'running', width: 15, style: { numFmt: money } },
      { header: L.status, key: 'status', width: 12 },
    ];
    for (const a of doc.notPlanned) {
      out.addRow({
        title: safeCell(a.title),
        rank: a.rank ?? '',
        investment: a.investmentCost,
        running: a.runningCostPerYear,
        status: L.statuses[a.status] ?? a.status,
      });
    }
    styleHeader(out);
  }

  const criteria = book.addWorksheet(L.sheetCriteria);
  criteria.columns = [
    { header: L.criterion, key: 'name', width: 36 },
    { header: L.direction, key: 'direction', width: 14 },
    { header: L.weight, key: 'weight', width: 10, style: { numFmt: '0.0%' } },
  ];
  for (const c of doc.criteria) {
    criteria.addRow({ name: safeCell(c.name), direction: c.direction === 'max' ? L.max : L.min, weight: c.weight });
  }
  styleHeader(criteria);

  return Buffer.from(await book.xlsx.writeBuffer());
}

function styleHeader(sheet: ExcelJS.Worksheet) {
  const row = sheet.getRow(1);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0E9' } };
}
