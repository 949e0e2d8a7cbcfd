import type { Content } from 'pdfmake/interfaces';
import { INTERVIEWEE_TYPES } from '../../../domain/diagnostic/model.ts';
import type { DiagnosticResultsView } from '../../../domain/diagnostic/results.ts';
import {
  SPECIFICITY_TOPICS,
  type Specificities,
  SWOT_CATEGORIES,
  type SwotItem,
} from '../../../domain/diagnostic/swot.ts';
import { formatDate } from '../../../domain/shared/format.ts';
import { countOf } from '../../../domain/shared/french.ts';
import { DIMENSION_SHORT_FR, INTERVIEWEE_TYPE_FR, percent, SPECIFICITY_FR, SWOT_FR, score } from './labels-fr.ts';
import { radarSvg } from './radar-svg.ts';
import { beneficiaryOf, COLOURS, type ReportInput, type ReportInterview, table } from './report-pdf-layout.ts';

/* The sections of the diagnostic report, in their order; report-pdf.ts puts them together. */

/** The cover: agency, beneficiary, mission, guide, overall maturity. */
export function coverPage(input: ReportInput): Content[] {
  const content: Content[] = [];
  const { mission, results } = input;
  const beneficiary = beneficiaryOf(mission);
  content.push(
    { text: input.agencyName, style: 'agency', margin: [0, 120, 0, 0] },
    { text: 'Diagnostic Smart Rural', style: 'cover' },
    { text: beneficiary, style: 'coverCommune' },
    { text: mission.title, style: 'coverSub' },
    {
      margin: [0, 40, 0, 0],
      table: {
        widths: [140, '*'],
        body: [
          ['Mission', mission.title],
          ['Consultants', mission.consultants.map((c) => c.displayName).join(', ') || '–'],
          ['Début de la mission', formatDate(mission.startDate, 'fr')],
          ['Entretiens', String(results.interviews)],
          ['Guide d’entretien', `${results.guideTitle} (version ${results.guide.version})`],
          ['Rapport établi le', formatDate(input.generatedOn, 'fr')],
        ],
      },
      layout: 'noBorders',
    },
    {
      text: `Maturité globale : ${score(results.overall.mean)} / ${results.scale.length - 1}${results.overall.band ? ` — ${results.overall.band.label}` : ' — non évaluée'}`,
      style: 'coverScore',
      margin: [0, 30, 0, 0],
    },
    { text: '', pageBreak: 'after' },
  );
  return content;
}

/** 1. How the scores are made: the scale and the bands. */
export function methodSection(results: DiagnosticResultsView): Content[] {
  const content: Content[] = [];
  content.push(
    { text: '1. Méthode', style: 'h1' },
    {
      text: [
        'Le diagnostic repose sur des entretiens avec des personnes ressources du territoire (élus, personnel communal, entreprises, associations, citoyens), menés avec un guide structuré selon les six dimensions du modèle européen des villes intelligentes (Giffinger et al., 2007), adaptées aux communes rurales. ',
        'Chaque question est notée sur une échelle de maturité ; « je ne sais pas » et les questions non abordées ne sont pas comptées comme zéro. ',
        'Le calcul va des réponses aux facteurs, puis des facteurs aux dimensions : pour chaque entretien, un facteur est la moyenne des réponses données ; le score d’un facteur est la moyenne sur les entretiens qui l’ont évalué ; le score d’une dimension est la moyenne des scores de ses facteurs, chaque facteur pesant autant ; la maturité globale est la moyenne des dimensions évaluées. ',
        'L’accord entre les personnes interrogées va de 100 % (même réponse pour tous) à 0 % (avis partagés entre les deux extrêmes de l’échelle) ; pour une dimension, il porte sur le score que chaque personne lui donne.',
      ],
      style: 'p',
    },
    { text: 'Échelle de maturité', style: 'h3' },
    table(
      ['Niveau', 'Libellé', 'Description'],
      results.scale.map((l) => [String(l.level), l.label, l.description]),
      [40, 70, '*'],
    ),
    { text: 'Bandes d’interprétation', style: 'h3' },
    table(
      ['Bande', 'Scores', 'Interprétation'],
      results.bands.map((b) => [b.label, `${score(b.from)} – ${score(b.to)}`, b.interpretation]),
      [70, 60, '*'],
    ),
  );
  return content;
}

/** 2. Who was heard: by kind of resource person, then each interview (names and roles only when given). */
export function peopleSection(interviews: ReportInterview[]): Content[] {
  const content: Content[] = [];
  const byType = INTERVIEWEE_TYPES.map((type) => ({
    type,
    count: interviews.filter((i) => i.type === type).length,
  })).filter((t) => t.count > 0);
  const showRoles = interviews.some((i) => i.role || i.name);
  content.push(
    { text: '2. Personnes entendues', style: 'h1' },
    {
      text: `${countOf(interviews.length, 'entretien', 'entretiens')}, dont ${countOf(interviews.filter((i) => i.source === 'self_assessment').length, 'auto-évaluation', 'auto-évaluations')} en ligne.`,
      style: 'p',
    },
    table(
      ['Type de personne ressource', 'Entretiens'],
      byType.map((t) => [INTERVIEWEE_TYPE_FR[t.type], String(t.count)]),
      ['*', 80],
    ),
    table(
      showRoles ? ['Date', 'Type', 'Fonction', 'Questions répondues'] : ['Date', 'Type', 'Questions répondues'],
      interviews.map((i) => {
        const who = [i.name, i.role].filter(Boolean).join(', ') || '–';
        const base = [
          formatDate(i.date, 'fr'),
          INTERVIEWEE_TYPE_FR[i.type as keyof typeof INTERVIEWEE_TYPE_FR] ?? i.type,
        ];
        return showRoles ? [...base, who, String(i.answered)] : [...base, String(i.answered)];
      }),
      showRoles ? [70, 110, '*', 80] : [80, '*', 100],
    ),
  );
  return content;
}

/** 3. Maturity per dimension: the radar against the province and the peers, the table, how to read it. */
export function dimensionsSection(input: ReportInput): Content[] {
  const content: Content[] = [];
  const { results } = input;
  const dims = results.dimensions;
  const beneficiary = beneficiaryOf(input.mission);
  const axes = dims.map((d) => DIMENSION_SHORT_FR[d.dimension]);
  const comparison = results.comparison.dimensions;
  const zShown = results.zScores.some((z) => z.z !== null);
  const comparable = results.benchmark?.comparableCommunes ?? 0;
  const minimum = results.benchmark?.minimum ?? 0;
  const svg = radarSvg({
    axes,
    max: results.scale.length - 1,
    series: [
      { name: beneficiary, values: dims.map((d) => d.mean), colour: COLOURS.own, fill: true },
      {
        name: 'Moyenne de la province',
        values: dims.map((d) => comparison.find((c) => c.dimension === d.dimension)?.province.mean ?? null),
        colour: COLOURS.province,
        dashed: true,
      },
      {
        name: `Communes de taille semblable${results.comparison.populationBand ? ` (${results.comparison.populationBand.label})` : ''}`,
        values: dims.map((d) => comparison.find((c) => c.dimension === d.dimension)?.peers.mean ?? null),
        colour: COLOURS.peers,
        dashed: true,
      },
    ],
  });
  content.push(
    { text: '3. Maturité par dimension', style: 'h1', pageBreak: 'before' },
    { svg, width: 330, alignment: 'center' },
    table(
      ['Dimension', 'Score', 'Bande', 'Accord', 'Province', 'Semblables', zShown ? 'z' : 'Écart'],
      dims.map((d) => {
        const c = comparison.find((x) => x.dimension === d.dimension);
        const z = results.zScores.find((x) => x.dimension === d.dimension)?.z ?? null;
        const gap = d.mean !== null && c?.province.mean != null ? d.mean - c.province.mean : null;
        return [
          DIMENSION_SHORT_FR[d.dimension],
          score(d.mean),
          d.band?.label ?? 'non évaluée',
          percent(d.agreement),
          c?.province.n ? `${score(c.province.mean)} (${c.province.n})` : '–',
          c?.peers.n ? `${score(c.peers.mean)} (${c.peers.n})` : '–',
          zShown ? score(z, 2) : gap === null ? '–' : `${gap > 0 ? '+' : gap < 0 ? '−' : ''}${score(Math.abs(gap))}`,
        ];
      }),
      ['*', 40, 70, 45, 55, 60, 35],
    ),
    {
      text: `Province et semblables : moyenne des autres communes diagnostiquées avec le même guide (entre parenthèses, leur nombre). ${
        zShown
          ? `z : écart à la moyenne des ${comparable} communes diagnostiquées avec le même guide, en écarts-types (il en faut au moins ${minimum}).`
          : `Comparaison indicative : ${comparable} commune${comparable > 1 ? 's' : ''} diagnostiquée${comparable > 1 ? 's' : ''} avec ce guide ; les scores z demandent au moins ${minimum} communes comparables (avec moins, ils dépendent surtout du nombre de communes : avec deux, chacune est à ±1). L’écart à la moyenne de la province est donné brut ; il compare des perceptions recueillies auprès de panels différents.`
      }`,
      style: 'note',
    },
  );
  if (results.overall.band) {
    content.push({
      text: [{ text: `${results.overall.band.label}. `, bold: true }, results.overall.band.interpretation],
      style: 'p',
    });
  }
  return content;
}

/** Each dimension: its band and what it means, then its factors. */
export function dimensionDetails(results: DiagnosticResultsView): Content[] {
  const content: Content[] = [];
  for (const d of results.dimensions) {
    content.push(
      { text: d.label, style: 'h2' },
      {
        text: d.band
          ? [{ text: `${score(d.mean)} — ${d.band.label}. `, bold: true }, d.band.interpretation]
          : 'Dimension non évaluée : aucune réponse.',
        style: 'p',
      },
      table(
        ['Facteur', 'Score', 'Bande', 'Accord', 'Réponses de… à…', 'Entretiens'],
        d.factors.map((f) => [
          { text: `${f.label}${f.rural ? ' (rural)' : ''}` },
          score(f.mean),
          f.band?.label ?? '–',
          percent(f.agreement),
          f.min === null ? '–' : `${score(f.min)} – ${score(f.max)}`,
          String(f.n),
        ]),
        ['*', 40, 70, 45, 70, 50],
      ),
    );
  }
  return content;
}

/** 4. The questions where the people heard disagree most. */
export function disagreementsSection(results: DiagnosticResultsView): Content[] {
  const content: Content[] = [];
  content.push({ text: '4. Où les avis divergent', style: 'h1', pageBreak: 'before' });
  if (results.disagreements.questions.length === 0) {
    content.push({
      text: 'Aucun désaccord : il faut au moins deux réponses différentes à une même question.',
      style: 'p',
    });
  } else {
    content.push(
      table(
        ['Question', 'Moyenne', 'Réponses de… à…', 'Accord'],
        results.disagreements.questions.map((q) => [
          q.text,
          score(q.mean),
          `${score(q.min)} – ${score(q.max)}`,
          percent(q.agreement),
        ]),
        ['*', 50, 70, 45],
      ),
    );
  }
  return content;
}

/** 5. The SWOT, by category, with the dimensions and interviews of each item. */
export function swotSection(swot: SwotItem[]): Content[] {
  const content: Content[] = [];
  content.push({ text: '5. Analyse AFOM (forces, faiblesses, opportunités, menaces)', style: 'h1' });
  for (const category of SWOT_CATEGORIES) {
    const items = swot.filter((i) => i.category === category);
    content.push({ text: SWOT_FR[category], style: 'h3' });
    content.push(
      items.length === 0
        ? { text: 'Aucun élément.', style: 'note' }
        : {
            ul: items.map((i) => ({
              text: [
                i.text,
                i.dimensions.length
                  ? { text: ` — ${i.dimensions.map((d) => DIMENSION_SHORT_FR[d]).join(', ')}`, color: COLOURS.muted }
                  : '',
                i.interviewIds.length
                  ? {
                      text: ` (${i.interviewIds.length} entretien${i.interviewIds.length > 1 ? 's' : ''})`,
                      color: COLOURS.muted,
                    }
                  : '',
              ],
            })),
            style: 'p',
          },
    );
  }
  return content;
}

/** 6. The territory's specificities. */
export function specificitiesSection(specificities: Specificities): Content[] {
  const content: Content[] = [];
  content.push({ text: '6. Spécificités du territoire', style: 'h1' });
  for (const topic of SPECIFICITY_TOPICS) {
    content.push({ text: SPECIFICITY_FR[topic], style: 'h3' });
    content.push({
      text: specificities[topic] || 'Non renseigné.',
      style: specificities[topic] ? 'p' : 'note',
    });
  }
  return content;
}

/** 7. First leads: the least mature factors, the opportunities and the threats. */
export function leadsSection(input: ReportInput): Content[] {
  const content: Content[] = [];
  const dims = input.results.dimensions;
  const weakest = dims
    .flatMap((d) => d.factors)
    .filter((f) => f.mean !== null)
    .sort((a, b) => (a.mean ?? 0) - (b.mean ?? 0))
    .slice(0, 5);
  const opportunities = input.swot.filter((i) => i.category === 'opportunity');
  const threats = input.swot.filter((i) => i.category === 'threat');
  content.push(
    { text: '7. Premières pistes', style: 'h1' },
    {
      text: 'Ces pistes préparent la phase de planification stratégique : elles ne sont pas encore des projets.',
      style: 'note',
    },
  );
  if (weakest.length > 0) {
    content.push(
      { text: 'Facteurs les moins matures', style: 'h3' },
      {
        ul: weakest.map((f) => ({
          text: [
            { text: `${f.label} (${score(f.mean)}, ${f.band?.label ?? ''}) : `, bold: true },
            f.band?.interpretation ?? '',
          ],
        })),
        style: 'p',
      },
    );
  }
  if (opportunities.length > 0) {
    content.push({ text: 'Opportunités à saisir', style: 'h3' }, { ul: opportunities.map((o) => o.text), style: 'p' });
  }
  if (threats.length > 0) {
    content.push({ text: 'Menaces à anticiper', style: 'h3' }, { ul: threats.map((o) => o.text), style: 'p' });
  }
  return content;
}
