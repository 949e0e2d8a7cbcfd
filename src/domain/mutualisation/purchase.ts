import { z } from 'zod';
import { formatEuro } from '../shared/format.ts';

/**
 * What the consultant must confirm before a group becomes a joint purchase (issue 10), and why: a purchase of one
 * commune is no pooling; a purchase without saving gains nothing from buying together; communes that have not
 * adhered to the framework agreement cannot order under its lot unless the agency records their adhesion, on their
 * behalf, with the purchase.
 */
export const PURCHASE_WARNINGS = ['single-commune', 'no-saving', 'not-adherent'] as const;
export const PurchaseWarningCode = z.enum(PURCHASE_WARNINGS);
export type PurchaseWarningCode = z.infer<typeof PurchaseWarningCode>;

export const PurchaseWarning = z.object({
  code: PurchaseWarningCode,
  /** no-saving: why there is none */
  reason: z.enum(['no-price-model', 'no-economy']).optional(),
  /** not-adherent: the communes concerned */
  communes: z.array(z.string()).optional(),
  /** the same, said in French */
  messageFr: z.string(),
});
export type PurchaseWarning = z.infer<typeof PurchaseWarning>;

export function purchaseWarnings(input: {
  communes: number;
  totals: { saving: number } | null;
  notAdherent: string[];
  agreementReference: string | null;
}): PurchaseWarning[] {
  const warnings: PurchaseWarning[] = [];
  if (input.communes === 1) {
    warnings.push({
      code: 'single-commune',
      messageFr:
        'Une seule commune a répondu oui : ce serait son achat à elle seule, sans mutualisation ni économie d’échelle.',
    });
  }
  if (input.totals === null) {
    warnings.push({
      code: 'no-saving',
      reason: 'no-price-model',
      messageFr:
        'Aucun modèle de prix n’est enregistré pour ce groupe : les montants sont les budgets annoncés par les communes, sans économie calculée.',
    });
  } else if (input.totals.saving <= 0) {
    warnings.push({
      code: 'no-saving',
      reason: 'no-economy',
      messageFr: `Le modèle de prix ne donne aucune économie pour ces quantités (${formatEuro(input.totals.saving)}) : acheter ensemble ne coûte pas moins cher.`,
    });
  }
  if (input.notAdherent.length > 0) {
    warnings.push({
      code: 'not-adherent',
      communes: input.notAdherent,
      messageFr:
        input.notAdherent.length === 1
          ? `${input.notAdherent[0]} n’a pas adhéré à l’accord-cadre ${input.agreementReference ?? ''} : en confirmant, l’agence enregistre son adhésion en son nom avec l’achat.`
          : `${frenchList(input.notAdherent)} n’ont pas adhéré à l’accord-cadre ${input.agreementReference ?? ''} : en confirmant, l’agence enregistre leur adhésion en leur nom avec l’achat.`,
    });
  }
  return warnings;
}

/** The warnings the caller has not confirmed. */
export function unconfirmed(warnings: PurchaseWarning[], confirmed: readonly string[]): PurchaseWarning[] {
  return warnings.filter((w) => !confirmed.includes(w.code));
}

/** « Arlon », « Arlon et Aubange », « Arlon, Aubange et Habay ». */
export function frenchList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`;
}
