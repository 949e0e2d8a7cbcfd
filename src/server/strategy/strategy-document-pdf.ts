import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatDate, formatEuro, formatNumber, type Locale } from '../../domain/shared/format.ts';
import type { HorizonKey } from '../../domain/strategy/horizons.ts';
import type { PstAction, PstDocument } from '../../domain/strategy/strategy-document.ts';
import { printable, renderPdf } from '../pdf/pdf.ts';
import { type DocumentData, LABELS, type Labels } from './strategy-document.labels.ts';

type Node = Record<string, unknown> | string;
const GREEN = '#2f6b3a';

/** The building blocks of the document's tables, in one language. */
function kit(L: Labels, lang: Locale) {
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
  return { L, lang, euro, cell, table, actionsTable };
}
type Kit = ReturnType<typeof kit>;

/** The strategy document (PDF): summary, PST structure, roadmap, actions not planned, method. */
export async function renderDocumentPdf(doc: PstDocument, data: DocumentData, lang: Locale): Promise<Buffer> {
  const k = kit(LABELS[lang], lang);
  const content: Node[] = [
    ...summary(doc, k),
    ...pst(doc, k),
    ...roadmapSection(data, k),
    ...notPlanned(doc, k),
    ...method(doc, k),
  ];
  return renderPdf(definition(doc, k, content) as unknown as TDocumentDefinitions);
}

function summary(doc: PstDocument, { L, lang, euro, cell, table }: Kit): Node[] {
  return [
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
  ];
}

function pst(doc: PstDocument, { L, actionsTable }: Kit): Node[] {
  const content: Node[] = [
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
  return content;
}

function roadmapSection(data: DocumentData, { L, table }: Kit): Node[] {
  if (!data.roadmap || data.roadmap.rows.length === 0) return [];
  const title = new Map(data.projects.map((p) => [p.id, p.title]));
  return [
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
  ];
}

function notPlanned(doc: PstDocument, { L, euro, cell, table }: Kit): Node[] {
  if (doc.notPlanned.length === 0) return [];
  return [
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
  ];
}

function method(doc: PstDocument, { L, lang, cell, table }: Kit): Node[] {
  return [
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
  ];
}

/** The page, the metadata and the styles around the content. */
function definition(doc: PstDocument, { L, lang }: Kit, content: Node[]) {
  return {
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
