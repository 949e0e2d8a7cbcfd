import type { Content } from 'pdfmake/interfaces';
import type { DiagnosticResultsView } from '../../../domain/diagnostic/results.ts';
import type { Specificities, SwotItem } from '../../../domain/diagnostic/swot.ts';
import type { MissionRecord } from '../../missions/missions.repository.ts';

export type ReportInterview = {
  date: string;
  type: string;
  role: string | null;
  name: string | null;
  source: 'interview' | 'self_assessment';
  answered: number;
};

export type ReportInput = {
  agencyName: string;
  mission: MissionRecord;
  results: DiagnosticResultsView;
  interviews: ReportInterview[];
  swot: SwotItem[];
  specificities: Specificities;
  generatedOn: Date;
  /** Compress the PDF streams (off in tests that read the text). */
  compress?: boolean;
};

export const COLOURS = { own: '#0b7285', province: '#6c757d', peers: '#d9480f', ink: '#1f2a30', muted: '#5f6b70' };

export function beneficiaryOf(mission: MissionRecord): string {
  return mission.siteName ? `${mission.siteName} (${mission.communeName})` : mission.communeName;
}

export function table(headers: string[], rows: (string | Content)[][], widths: (string | number)[]): Content {
  return {
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths,
      body: [headers.map((h) => ({ text: h, style: 'th' })), ...rows],
    },
    layout: {
      fillColor: (row: number) => (row === 0 ? '#e6f0f1' : row % 2 === 0 ? '#f7f9f9' : null),
      hLineColor: () => '#c8cdd0',
      vLineColor: () => '#c8cdd0',
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
    },
    margin: [0, 4, 0, 10],
  };
}
