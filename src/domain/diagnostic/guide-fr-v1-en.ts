import { GUIDE_FR_V1 } from './guide-fr-v1.ts';

/**
 * The English of the reference guide's texts that results and forms show around the questions: the scale, the
 * bands and their interpretation, the dimensions and the factors. The questions and their level descriptors stay in
 * French (the interviews are held in French). Kept apart from GUIDE_FR_V1, which is published content and never
 * changes.
 */
const SCALE: Record<number, { label: string; description: string }> = {
  0: { label: 'Absent', description: 'Nothing exists, or the commune has not yet taken up the subject.' },
  1: {
    label: 'Occasional',
    description: 'Isolated initiatives, carried by one person or an opportunity, with no framework or recurring means.',
  },
  2: {
    label: 'Organised',
    description:
      'A formal approach exists (a person in charge, means, a place in the PST or the PCDR), but it is still partial.',
  },
  3: {
    label: 'Integrated',
    description:
      'The approach covers the territory and its publics, involves the partners and is followed by indicators.',
  },
  4: {
    label: 'Exemplary',
    description: 'The practice is evaluated, improved continuously and shared or pooled: the commune is a reference.',
  },
};

const BANDS: Record<string, { label: string; interpretation: string }> = {
  initiation: {
    label: 'Initiation',
    interpretation:
      'The commune has not yet started on this theme. First steps: raise awareness among officials and staff, name someone to carry it, and build on what the intercommunal agency and neighbouring communes offer.',
  },
  exploration: {
    label: 'Exploration',
    interpretation:
      'Initiatives exist but remain isolated and depend on a few people. Next step: put them in the PST, give the approach to someone responsible and pick a few realistic actions.',
  },
  structuration: {
    label: 'Structuring',
    interpretation:
      'The approach is organised but partial. Next step: extend it to the whole territory and every public, involve the partners and set indicators to follow it.',
  },
  integration: {
    label: 'Integration',
    interpretation:
      'The approach is integrated and followed. Next step: evaluate the results, open the data and pool with other communes.',
  },
  reference: {
    label: 'Reference',
    interpretation:
      'The commune is a reference on this theme. The challenge: keep the level, share the experience with the other communes of the province and keep innovating.',
  },
};

const DIMENSIONS: Record<string, { label: string; description: string }> = {
  economy: {
    label: 'Smart Economy',
    description:
      'The economic vitality of the territory: local economy and short supply chains, entrepreneurship and innovation, tourism, the digital transition of businesses, employment, agriculture and the wood industry.',
  },
  environment: {
    label: 'Smart Environment',
    description:
      'The sustainable management of resources and the natural setting: natural and forest heritage, energy and climate, waste, water and natural risks, environmental quality.',
  },
  governance: {
    label: 'Smart Governance',
    description:
      'How the commune decides, organises itself and reports: strategy, citizen participation, transparency, open data, digital administration, supra-communal cooperation and data-driven management.',
  },
  living: {
    label: 'Smart Living — Quality of life',
    description:
      'Living conditions in the territory: health, local services, culture and leisure, safety, housing, education and childcare.',
  },
  mobility: {
    label: 'Smart Mobility — Mobility and connectivity',
    description:
      'The accessibility of the territory and digital connectivity: broadband and mobile coverage, public transport, on-demand and shared mobility, active modes, low-carbon mobility and links to employment centres.',
  },
  people: {
    label: 'Smart People — Citizens',
    description:
      'Human and social capital: digital inclusion, lifelong learning, social cohesion, openness and youth, civic engagement.',
  },
};

const FACTORS: Record<string, string> = {
  local_economy_short_circuits: 'Local economy and short supply chains',
  entrepreneurship_innovation: 'Entrepreneurship and innovative spirit',
  tourism: 'Tourism and attractiveness of the territory',
  business_digital_transition: 'Digital transition of businesses',
  employment_skills: 'Employment and skills',
  agriculture_forestry_sector: 'Agriculture and the wood industry',
  natural_heritage: 'Natural heritage, forests and landscapes',
  energy_climate: 'Energy and climate',
  waste_circular_economy: 'Waste and circular economy',
  water_natural_risks: 'Water and natural risks',
  environmental_quality: 'Environmental quality and cleanliness',
  smart_strategy: 'Smart strategy and leadership',
  citizen_participation: 'Citizen participation',
  transparent_governance: 'Transparency of the commune’s action',
  open_data: 'Open data',
  digital_administration: 'Digital administration',
  supra_communal_cooperation: 'Supra-communal cooperation and pooling',
  data_driven_management: 'Data-driven management',
  health_care_access: 'Access to care and health',
  local_public_services: 'Access to local public services',
  culture_sport_leisure: 'Culture, sport and leisure',
  safety_crisis_management: 'Safety and crisis management',
  housing: 'Housing',
  education_childcare: 'Education and childcare',
  broadband_mobile_coverage: 'Broadband and mobile coverage',
  public_transport_access: 'Public transport and intermodality',
  on_demand_shared_mobility: 'On-demand and shared mobility',
  active_mobility_road_safety: 'Active modes and road safety',
  low_carbon_mobility: 'Low-carbon mobility',
  regional_cross_border_access: 'Regional and cross-border accessibility',
  digital_inclusion: 'Digital inclusion',
  lifelong_learning: 'Lifelong learning',
  social_cohesion: 'Social cohesion and solidarity',
  openness_youth: 'Openness, welcome and youth',
  civic_engagement: 'Civic engagement and associations',
};

type Kind =
  | 'scaleLabel'
  | 'scaleDescription'
  | 'bandLabel'
  | 'bandInterpretation'
  | 'dimensionLabel'
  | 'dimensionDescription'
  | 'factorLabel';

/** French text of the reference guide → its English, by kind and element key. */
const ENGLISH = new Map<string, string>();
const entry = (kind: Kind, key: string | number, french: string, english: string | undefined) => {
  if (english) ENGLISH.set(`${kind}|${key}|${french}`, english);
};
for (const level of GUIDE_FR_V1.scale.levels) {
  entry('scaleLabel', level.level, level.label, SCALE[level.level]?.label);
  entry('scaleDescription', level.level, level.description, SCALE[level.level]?.description);
}
for (const band of GUIDE_FR_V1.bands) {
  entry('bandLabel', band.key, band.label, BANDS[band.key]?.label);
  entry('bandInterpretation', band.key, band.interpretation, BANDS[band.key]?.interpretation);
}
for (const dimension of GUIDE_FR_V1.dimensions) {
  entry('dimensionLabel', dimension.key, dimension.label, DIMENSIONS[dimension.key]?.label);
  entry('dimensionDescription', dimension.key, dimension.description, DIMENSIONS[dimension.key]?.description);
  for (const factor of dimension.factors) entry('factorLabel', factor.key, factor.label, FACTORS[factor.key]);
}

/**
 * A guide's text in the reader's language. A text is put in English when it is the reference guide's text for the
 * same element (so copies and later versions of the guide keep the English of what they did not change); any other
 * text — a new guide's own words, an edited label — shows as written.
 */
export function guideText(kind: Kind, key: string | number, text: string, language: string): string {
  if (language !== 'en') return text;
  return ENGLISH.get(`${kind}|${key}|${text}`) ?? text;
}

/** How many reference texts have an English: a test checks that none is missing. */
export function englishCoverage() {
  const french = [
    ...GUIDE_FR_V1.scale.levels.flatMap((l) => [
      `scaleLabel|${l.level}|${l.label}`,
      `scaleDescription|${l.level}|${l.description}`,
    ]),
    ...GUIDE_FR_V1.bands.flatMap((b) => [
      `bandLabel|${b.key}|${b.label}`,
      `bandInterpretation|${b.key}|${b.interpretation}`,
    ]),
    ...GUIDE_FR_V1.dimensions.flatMap((d) => [
      `dimensionLabel|${d.key}|${d.label}`,
      `dimensionDescription|${d.key}|${d.description}`,
      ...d.factors.map((f) => `factorLabel|${f.key}|${f.label}`),
    ]),
  ];
  return { texts: french.length, missing: french.filter((k) => !ENGLISH.has(k)) };
}
