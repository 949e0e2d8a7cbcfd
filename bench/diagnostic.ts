/**
 * The diagnostic of a mission with 40 interviews (88 questions each): time to score it and to render its report,
 * each against a baseline measured in the same run.
 *
 * - scoring alone (pure domain, in memory) vs GET /results (database + scoring) vs GET /report.pdf (+ PDF);
 * - the province view from the scores kept per mission vs a naive re-aggregation of every mission's interviews.
 *
 *   npx tsx bench/diagnostic.ts [--runs 10]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { GUIDE_FR_V1 } from '../src/domain/diagnostic/guide-fr-v1.ts';
import { questionsInOrder } from '../src/domain/diagnostic/guides.ts';
import { INTERVIEWEE_TYPES } from '../src/domain/diagnostic/model.ts';
import { buildResultsView } from '../src/domain/diagnostic/results.ts';
import { scoreInterview } from '../src/domain/diagnostic/scoring.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { renderReportPdf } from '../src/server/diagnostic/report/report-pdf.ts';
import { CLI_CONTEXT } from '../src/server/http/request-context.ts';
import { prepareDatabase } from '../src/server/setup.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' } } });
const RUNS = Number(values.runs);
const INTERVIEWS = 40;
const OTHER_COMMUNES = [
  '81001',
  '81004',
  '81013',
  '81015',
  '82003',
  '82009',
  '83012',
  '83013',
  '84009',
  '84010',
  '85007',
  '85009',
];

let seed = 42;
const random = () => {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
};
const QUESTIONS = questionsInOrder(GUIDE_FR_V1);
const answers = (centre: number) =>
  QUESTIONS.map(({ question }) => {
    const r = random();
    return {
      questionKey: question.key,
      level: r < 0.05 ? null : Math.max(0, Math.min(4, Math.round(centre + (random() * 2 - 1) * 1.5))),
      ...(r > 0.9 ? { comment: 'Constat relevé pendant l’entretien, à vérifier auprès du service.' } : {}),
    };
  });

async function median(label: string, work: () => Promise<unknown> | unknown) {
  await work(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { label, ms: times[Math.floor(times.length / 2)]! };
}

const dataDir = await mkdtemp(join(tmpdir(), 'smart-rural-bench-'));
const config = loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'false', DATA_DIR: dataDir, ...process.env });
const database = config.databaseUrl
  ? await openDatabase({ databaseUrl: config.databaseUrl })
  : await openDatabase({ dataDir });
await prepareDatabase(database, config);
const app = await buildApp({ config, database, logger: false });
const { missions, diagnostic, users } = app.services;
const admin = await users.create(CLI_CONTEXT, {
  email: `bench-${Date.now()}@bench.local`,
  displayName: 'Bench',
  role: 'agency_admin',
  communeNis: null,
  password: 'bench-password-long-enough',
});
const login = await app.inject({
  method: 'POST',
  url: '/api/auth/login',
  payload: { email: admin.user.email, password: 'bench-password-long-enough' },
});
const cookie = `sr_session=${login.cookies.find((c) => c.name === 'sr_session')!.value}`;
const get = async (url: string) => {
  const response = await app.inject({ method: 'GET', url, headers: { cookie } });
  if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  return response;
};

async function diagnose(communeNis: string, interviews: number, centre: number) {
  const mission = await missions.create(CLI_CONTEXT, {
    title: `Diagnostic ${communeNis}`,
    communeNis,
    consultantIds: [admin.user.id],
    startDate: '2026-01-15',
  });
  for (let i = 0; i < interviews; i++) {
    const interview = await diagnostic.interviews.create(CLI_CONTEXT, mission.id, {
      resourcePerson: { type: INTERVIEWEE_TYPES[i % INTERVIEWEE_TYPES.length]!, role: `Fonction ${i + 1}` },
      date: '2026-02-01',
      interviewer: 'Bench',
    });
    await diagnostic.interviews.update(CLI_CONTEXT, mission.id, interview.id, {
      answers: answers(centre),
      notes: 'Notes.',
    });
  }
  return mission.id;
}

const seeding = performance.now();
const missionId = await diagnose('85039', INTERVIEWS, 2);
for (const [i, nis] of OTHER_COMMUNES.entries()) await diagnose(nis, 8, 1 + (i % 4) * 0.6);
for (const [i, category] of (['strength', 'weakness', 'opportunity', 'threat'] as const).entries()) {
  for (let k = 0; k < 3; k++) {
    await diagnostic.swot.create(CLI_CONTEXT, missionId, {
      category,
      text: `Constat ${i * 3 + k + 1} relevé pendant les entretiens`,
      dimensions: ['living', 'economy'],
      interviewIds: [],
    });
  }
}
const seeded = ((performance.now() - seeding) / 1000).toFixed(1);

// In memory: what the requests below compute, without the database.
const data = await diagnostic.results.data({ kind: 'system', label: 'cli' }, missionId);
const swot = await diagnostic.swot.list({ kind: 'system', label: 'cli' }, missionId);
const specificities = await diagnostic.specificities.get({ kind: 'system', label: 'cli' }, missionId);
const interviews = data.interviews.map((i) => ({
  guide: { key: i.guideKey, version: i.guideVersion },
  resourcePerson: { type: i.personType as never },
  answers: i.answers.map((a) => ({ questionKey: a.questionKey, level: a.level })),
}));

const results = [
  await median('scoring alone (40 interviews, in memory)', () =>
    buildResultsView({
      missionId,
      commune: { nisCode: '85039', population: 4400 },
      guide: GUIDE_FR_V1,
      scores: interviews.map((i) => scoreInterview(GUIDE_FR_V1, i)),
      province: [],
    }),
  ),
  await median('PDF rendering alone (in memory)', () =>
    renderReportPdf({
      agencyName: 'IDELUX Projets publics',
      mission: data.mission,
      results: data.results,
      interviews: data.interviews.map((i) => ({
        date: i.date,
        type: i.personType,
        role: i.personRole,
        name: null,
        source: i.source,
        answered: i.answers.length,
      })),
      swot: swot.items,
      specificities,
      generatedOn: new Date(),
    }),
  ),
  await median('service: load from the database + score + peers', () =>
    diagnostic.results.data({ kind: 'system', label: 'cli' }, missionId),
  ),
  await median('GET /results (database + scoring + peers)', () => get(`/api/missions/${missionId}/results`)),
  await median('GET /report.pdf (score + render)', () => get(`/api/missions/${missionId}/report.pdf`)),
  await median('GET /report.xlsx (score + workbook)', () => get(`/api/missions/${missionId}/report.xlsx`)),
];
const allMissions = (await missions.list({ kind: 'system', label: 'cli' }, {})).map((m) => m.id);
const province = [
  await median(`naive province view: re-aggregate ${allMissions.length} missions`, async () => {
    for (const id of allMissions) await diagnostic.results.results({ kind: 'system', label: 'cli' }, id);
  }),
  await median('GET /diagnostic/province (scores kept per mission)', () => get('/api/diagnostic/province')),
];
const pdfBytes = (await get(`/api/missions/${missionId}/report.pdf`)).rawPayload.length;

console.log(
  `Diagnostic bench — ${database.kind}, ${INTERVIEWS} interviews × ${QUESTIONS.length} questions on Tintigny, ${OTHER_COMMUNES.length} other communes × 8 interviews; seeded in ${seeded} s; median of ${RUNS} runs`,
);
for (const r of [...results, ...province]) console.log(`${r.label.padEnd(58)} ${r.ms.toFixed(1).padStart(8)} ms`);
const [score, , , resultsRequest, pdfRequest] = results;
console.log(
  `report PDF ${(pdfBytes / 1024).toFixed(0)} kB; PDF request / scoring alone: × ${(pdfRequest!.ms / score!.ms).toFixed(1)}`,
);
console.log(`results request / scoring alone: × ${(resultsRequest!.ms / score!.ms).toFixed(1)}`);
console.log(`province view: naive / kept scores: × ${(province[0]!.ms / province[1]!.ms).toFixed(1)}`);

await app.close();
await database.close();
await rm(dataDir, { recursive: true, force: true });
