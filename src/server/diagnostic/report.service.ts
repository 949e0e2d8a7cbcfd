import { type Actor, can } from '../auth/policy.ts';
import { renderReportPdf } from './report/report-pdf.ts';
import { renderReportXlsx } from './report/report-xlsx.ts';
import type { ResultsService } from './results.service.ts';
import type { SpecificitiesService } from './specificities.service.ts';
import type { SwotService } from './swot.service.ts';

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}

/**
 * The diagnostic report (PDF, French) and its raw data (XLSX). Whoever may read the diagnostic may download them;
 * names of the people heard appear only for agency staff, in the spreadsheet, or in the PDF when asked for.
 */
export class ReportService {
  constructor(
    private readonly diagnostic: { results: ResultsService; swot: SwotService; specificities: SpecificitiesService },
    private readonly agencyName: () => Promise<string>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private async gather(actor: Actor, missionId: string) {
    const data = await this.diagnostic.results.data(actor, missionId);
    const [swot, specificities] = await Promise.all([
      this.diagnostic.swot.list(actor, missionId),
      this.diagnostic.specificities.get(actor, missionId),
    ]);
    const seeNames = can(actor, 'read', { type: 'resource_person', communeNis: data.mission.communeNis });
    const beneficiary = data.mission.siteName
      ? `${data.mission.siteName} (${data.mission.communeName})`
      : data.mission.communeName;
    return { ...data, swot: swot.items, specificities, seeNames, beneficiary };
  }

  async pdf(actor: Actor, missionId: string, options: { names: boolean }) {
    const g = await this.gather(actor, missionId);
    const buffer = await renderReportPdf({
      agencyName: await this.agencyName(),
      mission: g.mission,
      results: g.results,
      interviews: g.interviews.map((i) => ({
        date: i.date,
        type: i.personType,
        role: g.seeNames ? i.personRole : null,
        name: g.seeNames && options.names ? i.personName : null,
        source: i.source,
        answered: i.answers.filter((a) => a.level !== null).length,
      })),
      swot: g.swot,
      specificities: g.specificities,
      generatedOn: this.now(),
    });
    return { buffer, filename: `diagnostic-${slug(g.beneficiary)}.pdf` };
  }

  async xlsx(actor: Actor, missionId: string) {
    const g = await this.gather(actor, missionId);
    const buffer = await renderReportXlsx({
      beneficiary: g.beneficiary,
      guide: g.guide,
      results: g.results,
      interviews: g.interviews.map((i) => ({
        id: i.id,
        date: i.date,
        type: i.personType,
        role: g.seeNames ? i.personRole : null,
        name: g.seeNames ? i.personName : null,
        interviewer: i.interviewer,
        source: i.source,
        notes: i.notes,
        answers: i.answers,
      })),
      swot: g.swot,
      specificities: g.specificities,
    });
    return { buffer, filename: `diagnostic-${slug(g.beneficiary)}.xlsx` };
  }
}
