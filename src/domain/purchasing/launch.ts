import type { LegalRoute } from './analysis.ts';
import type { ParticipationStatus } from './api.ts';

export type ParticipationFacts = {
  lotKey: string;
  communeNis: string;
  communeName: string;
  status: ParticipationStatus;
  adhered: boolean;
};

/**
 * What stands between a scenario and its launch, in French: the agency's recorded choice of route, every commune's
 * answer on every lot it was proposed, and — through the central purchasing body — each participating commune's
 * adhesion. The platform lists them; launching stays a person's act.
 */
export function launchBlockers(route: LegalRoute | null, participations: ParticipationFacts[]): string[] {
  const out: string[] = [];
  if (route === null) out.push('Choisir et motiver la voie juridique (décision de l’agence).');
  const pending = participations.filter((p) => p.status === 'proposed');
  if (pending.length > 0) {
    out.push(`Confirmation attendue de : ${names(pending)}.`);
  }
  const confirmed = participations.filter((p) => p.status === 'confirmed');
  if (confirmed.length === 0) out.push('Aucune commune n’a encore confirmé sa participation.');
  if (route === 'central-purchasing-body') {
    const notAdhered = confirmed.filter((p) => !p.adhered);
    if (notAdhered.length > 0) {
      out.push(`Adhésion à la centrale d’achat à enregistrer pour : ${names(notAdhered)}.`);
    }
  }
  return out;
}

function names(rows: ParticipationFacts[]): string {
  return [...new Set(rows.map((r) => r.communeName))].sort((a, b) => a.localeCompare(b, 'fr')).join(', ');
}
