import type { AgencyFileInput } from '../../../domain/purchasing/agency-file.ts';
import type { AgencyFile } from '../../../domain/purchasing/api.ts';

/**
 * The agency's file as the server takes it back, from the file it answered, with some parts changed: each part
 * of the screen (the steps' dates, a document, a bid) saves the whole file (the server checks it all again).
 */
export function fileInputOf(file: AgencyFile, patch: Partial<AgencyFileInput> = {}): AgencyFileInput {
  return {
    procedure: file.procedure as AgencyFileInput['procedure'],
    steps: file.steps.map((s) => ({
      step: s.step as AgencyFileInput['steps'][number]['step'],
      ...(s.plannedDate ? { plannedDate: s.plannedDate } : {}),
      ...(s.actualDate ? { actualDate: s.actualDate } : {}),
    })),
    publication: file.publication,
    documents: file.documents,
    bids: file.bids,
    ...patch,
  };
}
