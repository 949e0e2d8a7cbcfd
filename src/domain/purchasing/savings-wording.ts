import { PROCEDURE_LABELS_FR, type ProcurementProcedure } from '../implementation/procurement.ts';
import { formatEuro, formatNumber } from '../shared/format.ts';
import type { CostUsed, FeeAssumption, LotVolumeEffect, SavingsAssumptions } from './savings.ts';

/** Every assumption of a savings estimate, in French, in the order a reader checks them (issue 12). */
export function savingsAssumptionsFr(facts: {
  callOff: CostUsed;
  costsUsed: CostUsed[];
  assumptions: SavingsAssumptions;
  lots: LotVolumeEffect[];
  agencyProcedure: ProcurementProcedure | null;
  /** euros */
  agencyCost: number;
}): string[] {
  const { callOff, costsUsed, assumptions, lots, agencyProcedure } = facts;
  return [
    'Comparaison : seule, chaque commune passerait son propre marché pour sa part sur toute la durée, reconductions ' +
      "comprises, selon la procédure la plus légère que son montant permet ; dans l'accord-cadre, elle passe une " +
      `commande (${euros(callOff.cost)} par commande, coût déduit de la procédure évitée).`,
    ...costsUsed.map(
      (c) =>
        `${c.labelFr} : ${euros(c.cost)} par procédure — ${c.overridden ? 'valeur propre au scénario' : c.verified ? `source : ${c.source}` : 'estimation à vérifier'}.`,
    ),
    feeSentence(assumptions.fee, assumptions.feeNote),
    ...lots.map((l) => l.noteFr),
    ...(lots.some((l) => l.estimate)
      ? [
          'L’effet de volume est calculé sur les quantités de la durée initiale seulement : les reconductions ne sont ' +
            'pas extrapolées (estimation prudente).',
        ]
      : []),
    agencyProcedure
      ? `L'agence passe une seule procédure pour la valeur agrégée (${PROCEDURE_LABELS_FR[agencyProcedure].toLowerCase()}, ` +
        `${euros(facts.agencyCost)}) : ce coût est à sa charge, couvert le cas échéant par la commission, et se ` +
        'retranche de l’économie pour l’ensemble des pouvoirs publics.'
      : "Pas de procédure de l'agence à compter.",
    'Montants hors TVA, au cent près.',
  ];
}

function feeSentence(fee: FeeAssumption, note: string): string {
  const why = note ? ` (${note})` : '';
  switch (fee.kind) {
    case 'none':
      return `Pas de commission de la centrale d'achat${why}.`;
    case 'rate':
      return (
        `Commission de la centrale d'achat : ${formatNumber(fee.ratePercent, 'fr', 2)} % de ce que chaque commune ` +
        `achète dans l'accord-cadre sur toute la durée (options non comprises)${why}.`
      );
    case 'amount':
      return (
        `Commission de la centrale d'achat : ${euros(fee.amount)} pour l'ensemble du scénario, partagés au prorata ` +
        `de ce que chaque commune achète${why}.`
      );
  }
}

function euros(value: number): string {
  return formatEuro(value, 'fr');
}
