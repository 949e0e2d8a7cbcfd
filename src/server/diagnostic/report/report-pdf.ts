import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { renderPdf } from '../../pdf/pdf.ts';
import { beneficiaryOf, COLOURS, type ReportInput } from './report-pdf-layout.ts';
import {
  coverPage,
  dimensionDetails,
  dimensionsSection,
  disagreementsSection,
  leadsSection,
  methodSection,
  peopleSection,
  specificitiesSection,
  swotSection,
} from './report-pdf-sections.ts';

export type { ReportInput, ReportInterview } from './report-pdf-layout.ts';

const isHeading = (node: Content) =>
  typeof node === 'object' && node !== null && 'style' in node && ['h1', 'h2', 'h3'].includes(String(node.style));
const isTable = (node: Content) => typeof node === 'object' && node !== null && ('table' in node || 'svg' in node);

/**
 * Keeps each heading on the page of what follows it: a run of headings and the first block after them (unless it is
 * a table or a figure, which may be longer than a page) become one unbreakable stack.
 */
function keepHeadingsWithNext(content: Content[]): Content[] {
  const out: Content[] = [];
  for (let i = 0; i < content.length; i++) {
    const node = content[i]!;
    if (!isHeading(node)) {
      out.push(node);
      continue;
    }
    const group: Content[] = [node];
    while (i + 1 < content.length && isHeading(content[i + 1]!)) group.push(content[++i]!);
    if (i + 1 < content.length && !isTable(content[i + 1]!)) group.push(content[++i]!);
    const pageBreak = (node as { pageBreak?: 'before' }).pageBreak;
    out.push(group.length === 1 ? node : { stack: group, unbreakable: true, ...(pageBreak ? { pageBreak } : {}) });
  }
  return out;
}

/** The document definition: pure, so tests and the benchmark can build it without rendering. */
export function reportDefinition(input: ReportInput): TDocumentDefinitions {
  const { mission } = input;
  const beneficiary = beneficiaryOf(mission);
  const content: Content[] = [
    ...coverPage(input),
    ...methodSection(input.results),
    ...peopleSection(input.interviews),
    ...dimensionsSection(input),
    ...dimensionDetails(input.results),
    ...disagreementsSection(input.results),
    ...swotSection(input.swot),
    ...specificitiesSection(input.specificities),
    ...leadsSection(input),
  ];

  return {
    info: { title: `Diagnostic Smart Rural — ${beneficiary}`, author: input.agencyName, subject: mission.title },
    compress: input.compress ?? true,
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 55],
    defaultStyle: { font: 'Roboto', fontSize: 10, color: COLOURS.ink, lineHeight: 1.2 },
    footer: (page: number, pages: number) =>
      page === 1
        ? ''
        : {
            columns: [
              { text: `Diagnostic — ${beneficiary}`, color: COLOURS.muted, fontSize: 8 },
              { text: `page ${page} / ${pages}`, alignment: 'right', color: COLOURS.muted, fontSize: 8 },
            ],
            margin: [50, 20, 50, 0],
          },
    content: keepHeadingsWithNext(content),
    styles: {
      agency: { fontSize: 12, color: COLOURS.muted },
      cover: { fontSize: 30, bold: true, color: COLOURS.own, margin: [0, 8, 0, 4] },
      coverCommune: { fontSize: 22, bold: true },
      coverSub: { fontSize: 13, color: COLOURS.muted, margin: [0, 4, 0, 0] },
      coverScore: { fontSize: 14, bold: true, color: COLOURS.own },
      h1: { fontSize: 16, bold: true, color: COLOURS.own, margin: [0, 12, 0, 6] },
      h2: { fontSize: 13, bold: true, margin: [0, 10, 0, 4] },
      h3: { fontSize: 11, bold: true, margin: [0, 8, 0, 2] },
      th: { bold: true, fontSize: 9 },
      p: { margin: [0, 2, 0, 6] },
      note: { fontSize: 8.5, italics: true, color: COLOURS.muted, margin: [0, 0, 0, 6] },
    },
  };
}

export async function renderReportPdf(input: ReportInput): Promise<Buffer> {
  return renderPdf(reportDefinition(input));
}
