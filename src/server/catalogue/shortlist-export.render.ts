import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Shortlist } from '../../domain/catalogue/shortlists.ts';
import { comparisonRows } from '../../domain/catalogue/shortlists.ts';
import type { Solution } from '../../domain/catalogue/solutions.ts';
import { DIMENSION_LABELS } from '../../domain/shared/dimensions.ts';
import { formatDate, formatEuro, type Locale } from '../../domain/shared/format.ts';
import { smartCategory } from '../../domain/shared/smart-categories.ts';
import { printable, renderPdf } from '../pdf/pdf.ts';
import { loadExcelJS } from '../xlsx/exceljs.ts';
import { safeCell } from '../xlsx/safe-cell.ts';

/** The shortlist, fact by fact, side by side: a spreadsheet (exceljs) and a PDF (pdfmake), from the same rows. */
const LABELS = {
  fr: {
    title: 'Liste restreinte',
    generated: 'Établie le',
    fact: 'Critère',
    outcome: 'Décision',
    chosen: 'Solution retenue',
    none: 'Aucune solution retenue',
    reason: 'Motif',
    noOutcome: 'Pas encore de décision.',
    demo: '(démo)',
    empty: 'La liste restreinte est vide.',
    yes: 'oui',
    no: 'non',
    dash: '—',
    facts: {
      vendor: 'Fournisseur',
      status: 'Statut',
      categories: 'Catégories',
      dimensions: 'Dimensions',
      standards: 'Standards ouverts',
      mims: 'OASC MIMs',
      openApi: 'API ouverte documentée',
      exportFormats: 'Formats d’export',
      singleSignOn: 'Authentification unique (SSO)',
      hosting: 'Hébergement',
      dataProcessingAgreement: 'Contrat de sous-traitance RGPD',
      subProcessors: 'Sous-traitants ultérieurs',
      accessibilityStatement: 'Déclaration d’accessibilité',
      languages: 'Langues',
      priceModel: 'Modèle de prix',
      price: 'Prix indicatif (HTVA)',
      support: 'Support',
      usedBy: 'Communes utilisatrices',
    } as Record<string, string>,
    status: { watch: 'en veille', evaluated: 'évaluée', listed: 'référencée', withdrawn: 'retirée' } as Record<
      string,
      string
    >,
    hosting: {
      belgium: 'Belgique',
      eu: 'Union européenne',
      'outside-eu': 'hors UE',
      'on-premise': 'sur site',
    } as Record<string, string>,
    priceModel: {
      'per-inhabitant': 'par habitant',
      'per-licence': 'par licence',
      flat: 'forfait',
      tiered: 'par paliers',
    } as Record<string, string>,
    dimension: DIMENSION_LABELS.fr as Record<string, string>,
  },
  en: {
    title: 'Shortlist',
    generated: 'Made on',
    fact: 'Fact',
    outcome: 'Outcome',
    chosen: 'Chosen solution',
    none: 'No solution chosen',
    reason: 'Reason',
    noOutcome: 'No decision yet.',
    demo: '(demo)',
    empty: 'The shortlist is empty.',
    yes: 'yes',
    no: 'no',
    dash: '—',
    facts: {
      vendor: 'Vendor',
      status: 'Status',
      categories: 'Categories',
      dimensions: 'Dimensions',
      standards: 'Open standards',
      mims: 'OASC MIMs',
      openApi: 'Open documented API',
      exportFormats: 'Export formats',
      singleSignOn: 'Single sign-on',
      hosting: 'Hosting',
      dataProcessingAgreement: 'GDPR data processing agreement',
      subProcessors: 'Sub-processors',
      accessibilityStatement: 'Accessibility statement',
      languages: 'Languages',
      priceModel: 'Pricing model',
      price: 'Indicative price (excl. VAT)',
      support: 'Support',
      usedBy: 'Communes using it',
    } as Record<string, string>,
    status: { watch: 'under watch', evaluated: 'evaluated', listed: 'listed', withdrawn: 'withdrawn' } as Record<
      string,
      string
    >,
    hosting: {
      belgium: 'Belgium',
      eu: 'European Union',
      'outside-eu': 'outside the EU',
      'on-premise': 'on premise',
    } as Record<string, string>,
    priceModel: {
      'per-inhabitant': 'per inhabitant',
      'per-licence': 'per licence',
      flat: 'flat fee',
      tiered: 'tiered',
    } as Record<string, string>,
    dimension: DIMENSION_LABELS.en as Record<string, string>,
  },
};

export function shortlistRows(solutions: Solution[], lang: Locale) {
  const l = LABELS[lang];
  return comparisonRows(solutions, {
    yes: l.yes,
    no: l.no,
    none: l.dash,
    category: (k) => smartCategory(k)?.[lang] ?? k,
    dimension: (k) => l.dimension[k] ?? k,
    hosting: (k) => l.hosting[k] ?? k,
    priceModel: (k) => l.priceModel[k] ?? k,
    status: (k) => l.status[k] ?? k,
    money: (n) => formatEuro(n, lang),
  }).map((row) => ({ ...row, label: l.facts[row.key] ?? row.key }));
}

function outcomeText(shortlist: Shortlist, solutions: Solution[], lang: Locale): string {
  const l = LABELS[lang];
  const o = shortlist.outcome;
  if (!o) return l.noOutcome;
  const chosen = o.kind === 'chosen' ? solutions.find((s) => s.id === o.solutionId)?.name : null;
  return `${o.kind === 'chosen' ? `${l.chosen} : ${chosen ?? '?'}` : l.none} (${formatDate(o.decidedAt, lang)}). ${l.reason} : ${o.reason}`;
}

export async function renderShortlist(
  format: 'pdf' | 'xlsx',
  data: { shortlist: Shortlist; solutions: Solution[] },
  lang: Locale,
): Promise<{ body: Buffer; contentType: string; filename: string }> {
  const l = LABELS[lang];
  const { shortlist, solutions } = data;
  const rows = shortlistRows(solutions, lang);
  const names = solutions.map((s) => (s.demo ? `${s.name} ${l.demo}` : s.name));
  const slug =
    shortlist.name
      .normalize('NFD')
      .replace(/[^\w]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'liste';
  if (format === 'xlsx') {
    const workbook = new (await loadExcelJS()).Workbook();
    const sheet = workbook.addWorksheet(l.title);
    sheet.addRow([safeCell(`${l.title} : ${shortlist.name}`)]).font = { bold: true, size: 14 };
    sheet.addRow([safeCell(outcomeText(shortlist, solutions, lang))]);
    sheet.addRow([]);
    const header = sheet.addRow([l.fact, ...names.map(safeCell)]);
    header.font = { bold: true };
    for (const row of rows) sheet.addRow([row.label, ...row.values.map(safeCell)]);
    sheet.addRow([]);
    sheet.addRow([l.fact, ...names.map(safeCell)]).font = { bold: true };
    sheet.addRow(['Description', ...solutions.map((s) => safeCell(s.summary))]);
    sheet.columns.forEach((column, i) => {
      column.width = i === 0 ? 32 : 36;
      column.alignment = { wrapText: true, vertical: 'top' };
    });
    return {
      body: Buffer.from(await workbook.xlsx.writeBuffer()),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      filename: `${slug}.xlsx`,
    };
  }
  const widths = [110, ...solutions.map(() => '*' as const)];
  const definition: TDocumentDefinitions = {
    pageOrientation: 'landscape',
    pageSize: 'A4',
    info: { title: `${l.title} — ${shortlist.name}` },
    defaultStyle: { font: 'Roboto', fontSize: 8.5 },
    content: [
      { text: printable(`${l.title} : ${shortlist.name}`), fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
      { text: printable(`${l.generated} ${formatDate(new Date(), lang)}`), color: '#555555', margin: [0, 0, 0, 8] },
      { text: printable(outcomeText(shortlist, solutions, lang)), margin: [0, 0, 0, 10] },
      solutions.length === 0
        ? { text: l.empty }
        : {
            table: {
              headerRows: 1,
              widths,
              body: [
                [{ text: l.fact, bold: true }, ...names.map((n) => ({ text: printable(n), bold: true }))],
                ...rows.map((row) => [
                  { text: printable(row.label), bold: true },
                  ...row.values.map((v) => ({ text: printable(v), ...(row.differs ? { fillColor: '#f2f6fa' } : {}) })),
                ]),
              ],
            },
            layout: 'lightHorizontalLines',
          },
    ],
  };
  return { body: await renderPdf(definition), contentType: 'application/pdf', filename: `${slug}.pdf` };
}
