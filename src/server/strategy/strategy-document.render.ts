import { belgianToday, type Locale } from '../../domain/shared/format.ts';
import { buildStrategyDocument, type PstDocument } from '../../domain/strategy/strategy-document.ts';
import { type DocumentData, LABELS } from './strategy-document.labels.ts';
import { renderDocumentPdf } from './strategy-document-pdf.ts';
import { renderDocumentXlsx } from './strategy-document-xlsx.ts';

/**
 * The strategy document, as a PDF (pdfmake, strategy-document-pdf.ts) and as a spreadsheet (exceljs,
 * strategy-document-xlsx.ts), both from the same PST structure built in the domain (`buildStrategyDocument`).
 */
export type DocumentFormat = 'pdf' | 'xlsx';

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
    body: await renderDocumentXlsx(doc, lang),
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
