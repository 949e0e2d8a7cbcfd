import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentedShape } from '../../../test/support/openapi-sweep.ts';
import { type Client, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { explainGroup } from '../../domain/mutualisation/grouping.ts';
import { seedCatalogueDemo } from '../catalogue/catalogue-demo.ts';
import { CLI_CONTEXT } from '../http/request-context.ts';
import { groupNeedsInDatabase } from './grouping-engine.ts';
import { LABELLED_NEEDS, pairwiseScores } from './labelled-needs.test-support.ts';

const ARLON = '81001';
const AUBANGE = '81004';
const csv = (text: string) => ({
  filename: 'besoins.csv',
  contentBase64: Buffer.from(text, 'utf8').toString('base64'),
});

describe('needs register', () => {
  let t: TestApp;
  let consultant: Client;
  let arlonEditor: Client;
  let arlonViewer: Client;
  let aubangeEditor: Client;

  beforeAll(async () => {
    t = await createTestApp();
    consultant = await t.login(await t.createUser('consultant'));
    arlonEditor = await t.login(await t.createUser('commune_editor', ARLON));
    arlonViewer = await t.login(await t.createUser('commune_viewer', ARLON));
    aubangeEditor = await t.login(await t.createUser('commune_editor', AUBANGE));
  });
  afterAll(() => t.close());

  it('a commune editor records a need of their commune, and only of theirs; its viewers read it', async () => {
    const created = await arlonEditor.post('/api/needs', {
      communeNis: ARLON,
      title: 'Remplacer les lampadaires par des LED',
      description: 'Les lampadaires au sodium du centre consomment trop.',
      dimensions: ['environment'],
      category: 'public-lighting',
      urgency: 'high',
      estimatedBudget: 120000,
      timeframe: 'short',
      source: 'meeting',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ communeName: 'Arlon', urgency: 'high', permissions: { edit: true } });
    const other = await arlonEditor.post('/api/needs', { communeNis: AUBANGE, title: 'Wi-Fi' });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('FORBIDDEN_OTHER_COMMUNE');

    const seen = (await arlonViewer.get('/api/needs')).json();
    expect(seen.map((n: { title: string }) => n.title)).toContain('Remplacer les lampadaires par des LED');
    expect(seen[0].permissions.edit).toBe(false);
    expect((await aubangeEditor.get('/api/needs')).json()).toEqual([]);
    expect((await aubangeEditor.get(`/api/needs/${created.json().id}`)).statusCode).toBe(403);
    expect((await t.anonymous.get('/api/needs')).statusCode).toBe(401);

    const edited = await arlonEditor.patch(`/api/needs/${created.json().id}`, { estimatedBudget: 95000 });
    expect(edited.json().estimatedBudget).toBe(95000);
    const audit = await t.app.services.uow.read((repos) =>
      repos.audit.search({ entityId: created.json().id, page: 1, pageSize: 50 }),
    );
    expect(audit.items.map((e: { action: string }) => e.action).sort()).toEqual(['need.create', 'need.update']);
  });

  it('finds needs by their French words, whatever the accents and plurals', async () => {
    const found = (await consultant.get(`/api/needs?q=${encodeURIComponent('LAMPADAIRE')}`)).json();
    expect(found.map((n: { communeNis: string }) => n.communeNis)).toContain(ARLON);
  });

  it('rejects bad input with a 400 naming the field, and writes nothing', async () => {
    const response = await consultant.post('/api/needs', { communeNis: ARLON, title: 'X', category: 'teleportation' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('category');
  });

  it('previews an import row by row, listing every problem, and writes nothing until confirmed', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('nis_code;title;description;category;budget\n', 'utf8'),
      Buffer.from(`${AUBANGE};Wi-Fi gratuit sur la place;Accès internet public;;5000\n`, 'utf8'),
      Buffer.from(`99999;Caméras;;;\n`, 'utf8'),
      Buffer.from(`${AUBANGE};;Sans titre;;\n`, 'utf8'),
      Buffer.from(`${AUBANGE};=HYPERLINK("http://x";"clic");;;\n`, 'utf8'),
      Buffer.from(`${AUBANGE};Pr`, 'utf8'),
      Buffer.from([0xe9]), // "é" in Latin-1: not UTF-8
      Buffer.from(`vention;;;\n`, 'utf8'),
      Buffer.from(`${ARLON};Bornes de recharge;;ev-charging;12 500,50\n`, 'utf8'),
    ]);
    const file = { filename: 'besoins.csv', contentBase64: latin1.toString('base64') };
    const before = (await consultant.get('/api/needs')).json().length;
    const preview = await consultant.post('/api/needs/import/preview', file);
    expect(preview.statusCode, preview.body).toBe(200);
    const body = preview.json();
    expect(body.valid).toBe(2);
    const problems = Object.fromEntries(
      body.rows
        .filter((r: { ok: boolean }) => !r.ok)
        .map((r: { line: number; problems: { code: string }[] }) => [r.line, r.problems.map((p) => p.code)]),
    );
    expect(problems).toEqual({ 3: ['UNKNOWN_NIS'], 4: ['MISSING_TITLE'], 5: ['FORMULA'], 6: ['BAD_ENCODING'] });
    expect((await consultant.get('/api/needs')).json().length).toBe(before);

    // An Aubange editor may import only Aubange's rows.
    const asEditor = (await aubangeEditor.post('/api/needs/import/preview', file)).json();
    expect(asEditor.rows.find((r: { line: number }) => r.line === 7).problems[0].code).toBe('NOT_YOUR_COMMUNE');

    const confirmed = await consultant.post('/api/needs/import', file);
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    expect(confirmed.json()).toEqual({ created: 2, updated: 0, unchanged: 0, skipped: 4 });
    const after = (await consultant.get('/api/needs')).json();
    expect(after.length).toBe(before + 2);
    expect(after.find((n: { title: string }) => n.title === 'Bornes de recharge').estimatedBudget).toBe(12500.5);
  });

  it('reads a file written with the French labels the screens show, and lists the accepted values of an unknown one', async () => {
    const file = csv(
      [
        'Code INS;Titre;Urgence;Échéance;Source;Dimensions;Catégorie;Budget (€ HTVA)',
        `${AUBANGE};Éclairage du RAVeL;Élevée;Court terme;Réunion;Gouvernance;Éclairage public;18 000`,
        `${AUBANGE};Bornes vélo;pressante;court terme;réunion;mobilite;velos partages;`,
      ].join('\n'),
    );
    const preview = (await consultant.post('/api/needs/import/preview', file)).json();
    expect(preview.rows[0]).toMatchObject({
      ok: true,
      action: 'create',
      need: {
        urgency: 'high',
        timeframe: 'short',
        source: 'meeting',
        dimensions: ['governance'],
        category: 'public-lighting',
        estimatedBudget: 18000,
      },
    });
    expect(preview.rows[1].problems).toEqual([
      { column: 'urgency', code: 'UNKNOWN_URGENCY', value: 'pressante', accepted: ['Faible', 'Moyenne', 'Élevée'] },
    ]);
  });

  it('offers a template with the columns and the values they accept, in CSV and XLSX', async () => {
    const template = await arlonEditor.get('/api/needs/template.csv');
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-disposition']).toContain('modele-import-besoins.csv');
    const lines = template.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'Identifiant;Code INS;Commune;Titre;Description;Catégorie;Dimensions;Urgence;Budget (€ HTVA);Échéance;Source;Référence de la source',
    );
    expect(lines).toContain('# Urgence — valeurs acceptées : Faible | Moyenne | Élevée');
    // Filled in as it comes, the template imports: its notes are skipped.
    const filled = `${template.body}${['', ARLON, '', 'Application communale', '', 'Application et information communale', 'Citoyens', 'Faible', '', 'Long terme', 'Diagnostic', ''].join(';')}\r\n`;
    const preview = (await arlonEditor.post('/api/needs/import/preview', csv(filled))).json();
    expect(preview).toMatchObject({ valid: 1, invalid: 0, created: 1 });

    const xlsx = await arlonEditor.get('/api/needs/template.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Besoins', 'Valeurs acceptées', 'Mode d’emploi']);
    expect(workbook.getWorksheet('Besoins')!.getRow(1).getCell(8).value).toBe('Urgence');
    const values = workbook.getWorksheet('Valeurs acceptées')!;
    expect(values.getColumn(4).values).toEqual(expect.arrayContaining(['Échéance', 'Court terme', 'Long terme']));
    expect(workbook.getWorksheet('Besoins')!.getCell('H2').dataValidation).toMatchObject({ type: 'list' });
    expect((await t.anonymous.get('/api/needs/template.csv')).statusCode).toBe(401);
  });

  it('re-imports its own export unchanged, CSV and XLSX; an edited cell updates that need only', async () => {
    const original = (
      await consultant.post('/api/needs', {
        communeNis: AUBANGE,
        title: '- 3 luminaires « place du Marché »',
        description: 'Ligne 1 ; "citée"\nLigne 2, avec virgule',
        dimensions: ['governance', 'living'],
        category: 'public-lighting',
        urgency: 'low',
        estimatedBudget: 12500.5,
        timeframe: 'long',
        source: 'project_sheet',
        sourceRef: 'Fiche 3',
      })
    ).json();
    const fields = (n: Record<string, unknown>) => ({
      communeNis: n.communeNis,
      title: n.title,
      description: n.description,
      dimensions: n.dimensions,
      category: n.category,
      urgency: n.urgency,
      estimatedBudget: n.estimatedBudget,
      timeframe: n.timeframe,
      source: n.source,
      sourceRef: n.sourceRef,
    });
    const register = async () => (await consultant.get(`/api/needs?communeNis=${AUBANGE}`)).json();
    const before = await register();
    const csvExport = (await consultant.get(`/api/needs/export.csv?communeNis=${AUBANGE}`)).body;
    expect(csvExport).toContain('Faible');
    expect(csvExport).toContain('12500,5');
    const xlsxExport = (await consultant.get(`/api/needs/export.xlsx?communeNis=${AUBANGE}`)).rawPayload;
    for (const file of [csv(csvExport), { filename: 'besoins.xlsx', contentBase64: xlsxExport.toString('base64') }]) {
      const preview = (await consultant.post('/api/needs/import/preview', file)).json();
      expect(preview).toMatchObject({ invalid: 0, created: 0, updated: 0, unchanged: before.length });
      expect((await consultant.post('/api/needs/import', file)).json()).toEqual({
        created: 0,
        updated: 0,
        unchanged: before.length,
        skipped: 0,
      });
    }
    expect((await register()).map(fields)).toEqual(before.map(fields));

    // Without the identifier, the export makes the same needs anew (another register, the same facts).
    const withoutIds = csvExport
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .map((line: string) => line.replace(/^[^;]*;/, ''))
      .join('\r\n');
    const copied = (await consultant.post('/api/needs/import', csv(withoutIds))).json();
    expect(copied.created).toBe(before.length);
    const copies = (await register()).filter((n: { id: string; title: string }) => n.title === original.title);
    expect(copies.map(fields)).toEqual([fields(original), fields(original)]);
    await Promise.all(
      copies
        .filter((n: { id: string }) => n.id !== original.id)
        .map((n: { id: string }) => consultant.delete(`/api/needs/${n.id}`)),
    );

    // One cell changed in the spreadsheet: that need is updated, and audited with before and after.
    const edited = csvExport.replace('Faible', 'Élevée');
    expect((await consultant.post('/api/needs/import/preview', csv(edited))).json()).toMatchObject({ updated: 1 });
    expect((await consultant.post('/api/needs/import', csv(edited))).json()).toMatchObject({ updated: 1, created: 0 });
    expect((await consultant.get(`/api/needs/${original.id}`)).json()).toMatchObject({
      ...fields(original),
      urgency: 'high',
    });
    const audit = await t.app.services.uow.read((repos) =>
      repos.audit.search({ entityId: original.id, page: 1, pageSize: 50 }),
    );
    expect(audit.items.map((e: { action: string }) => e.action)).toContain('need.update');

    // An editor of another commune cannot update Aubange's need by naming it.
    const foreign = (await arlonEditor.post('/api/needs/import/preview', csv(edited))).json();
    expect(foreign.rows[0].problems.map((p: { code: string }) => p.code)).toEqual(
      expect.arrayContaining(['NOT_YOUR_COMMUNE', 'UNKNOWN_ID']),
    );
    await consultant.delete(`/api/needs/${original.id}`);
  });

  it('exports the register as CSV and XLSX with the columns the import reads', async () => {
    const exported = await consultant.get('/api/needs/export.csv');
    expect(exported.headers['content-type']).toContain('text/csv');
    const text = exported.body.replace(/^\uFEFF/, '');
    expect(text.split('\r\n')[0]).toBe(
      'Identifiant;Code INS;Commune;Titre;Description;Catégorie;Dimensions;Urgence;Budget (€ HTVA);Échéance;Source;Référence de la source',
    );
    expect(text).toContain('Remplacer les lampadaires par des LED');
    const xlsx = await consultant.get('/api/needs/export.xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    // A formula typed in a spreadsheet cell is refused like one in a CSV.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Besoins');
    sheet.addRow(['nis_code', 'title', 'description']);
    sheet.addRow([AUBANGE, { formula: 'HYPERLINK("http://example.com","clic")' }, '']);
    sheet.addRow([AUBANGE, 'Parking intelligent', 'Capteurs de places libres']);
    const bad = await consultant.post('/api/needs/import/preview', {
      filename: 'besoins.xlsx',
      contentBase64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64'),
    });
    expect(bad.json().rows.map((r: { ok: boolean }) => r.ok)).toEqual([false, true]);
    expect(bad.json().rows[0].problems).toEqual([
      { column: 'title', code: 'FORMULA', value: '=HYPERLINK("http://example.com","clic")' },
    ]);
  });

  it('groups the labelled French needs with a pairwise precision ≥ 0.9 and recall ≥ 0.95', async () => {
    const groups = await groupNeedsInDatabase(
      t.database.db,
      LABELLED_NEEDS.map((n) => ({
        id: n.id,
        communeNis: n.nis,
        title: n.title,
        description: n.description,
        category: null,
      })),
    );
    const scores = pairwiseScores(
      groups.map((g) => g.needIds),
      LABELLED_NEEDS,
    );
    expect(scores.precision).toBeGreaterThanOrEqual(0.9);
    expect(scores.recall).toBeGreaterThanOrEqual(0.95);
    // Needs that match nothing stay alone.
    const grouped = new Set(groups.flatMap((g) => g.needIds));
    for (const need of LABELLED_NEEDS.filter((n) => n.gold === null)) expect(grouped.has(need.id)).toBe(false);
    const lighting = groups.find((g) => g.category === 'public-lighting')!;
    expect(lighting.reason).toContain('Éclairage public intelligent');
    expect(lighting.sharedTerms).toContain('lampadaire');
    // The facts behind the French reason are kept, so another language can word them.
    expect(lighting.explanation.category).toBe('public-lighting');
    expect(lighting.explanation.taxonomyTerms).toContain('lampadaire');
    expect(explainGroup(lighting.explanation).reason).toBe(lighting.reason);
  });

  it('the calculator groups needs over HTTP in the CLI format, storing nothing', async () => {
    const response = await arlonViewer.post('/api/analysis/needs', {
      needs: [
        { id: 'a', nis_code: ARLON, title: 'Wi-Fi gratuit sur la place', description: '' },
        { id: 'b', nis_code: AUBANGE, title: 'Bornes wifi dans les villages', description: 'hotspots' },
        { id: 'c', nis_code: AUBANGE, title: 'Fête du village', description: '' },
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      groups: [{ needs: ['a', 'b'], communes: [ARLON, AUBANGE], label: 'Wi-Fi public', reason: expect.any(String) }],
    });
    const bad = await arlonViewer.post('/api/analysis/needs', {
      needs: [{ id: 'a', nis_code: ARLON, title: 'x', category: 'nope' }],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toContain('nope');
    const tooMany = await arlonViewer.post('/api/analysis/needs', {
      needs: Array.from({ length: 5001 }, (_, i) => ({ id: `n${i}`, nis_code: ARLON, title: 'Wi-Fi' })),
    });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().error.code).toBe('TOO_MANY_NEEDS');
    const spec = (await t.anonymous.get('/api/openapi.json')).json();
    expect(documentedShape(spec, 'POST', '/api/analysis/needs')).toEqual({
      body: expect.arrayContaining(['needs']),
      response: expect.arrayContaining(['groups']),
    });
    expect(documentedShape(spec, 'POST', '/api/mutualisation/runs', '202').response).toEqual(
      expect.arrayContaining(['id', 'status', 'progress', 'step']),
    );
    expect(documentedShape(spec, 'POST', '/api/needs/import/preview')).toEqual({
      body: ['contentBase64', 'filename'],
      response: expect.arrayContaining(['rows', 'valid', 'invalid', 'missingColumns']),
    });
  });

  it('a consultant groups the register, confirms a group, polls interest; an editor answers; the purchase follows', async () => {
    await aubangeEditor.post('/api/needs', {
      communeNis: AUBANGE,
      title: 'Éclairage public intelligent',
      description: 'Moduler l’intensité des luminaires la nuit.',
    });
    const started = await consultant.post('/api/mutualisation/runs');
    expect(started.statusCode, started.body).toBe(202);
    await t.app.services.mutualisation.waitForRun(started.json().id);
    const run = (await consultant.get(`/api/mutualisation/runs/${started.json().id}`)).json();
    expect(run).toMatchObject({ status: 'done', progress: 1 });
    expect(run.stats.groups).toBeGreaterThan(0);

    const groups = (await consultant.get('/api/mutualisation/groups')).json();
    const lighting = groups.find((g: { category: string }) => g.category === 'public-lighting');
    expect(lighting.communeNames, JSON.stringify(lighting)).toEqual(['Arlon', 'Aubange']);
    expect(lighting.explanation).toMatchObject({ category: 'public-lighting' });
    // A commune user sees the groups their commune is in.
    expect((await arlonViewer.get('/api/mutualisation/groups')).json().map((g: { id: string }) => g.id)).toContain(
      lighting.id,
    );

    const detail = (await consultant.get(`/api/mutualisation/groups/${lighting.id}`)).json();
    expect(detail.communes.map((c: { name: string }) => c.name)).toEqual(['Arlon', 'Aubange']);
    expect(detail.totals.budget).toBe(95000);
    expect(detail.totals.population).toBeGreaterThan(30000);
    // What the caller may do comes with the group: a proposed group is not bought yet; a commune user only reads it.
    expect(detail.permissions).toEqual({ manage: true, poll: true, buy: false });
    expect((await arlonViewer.get(`/api/mutualisation/groups/${lighting.id}`)).json().permissions).toEqual({
      manage: false,
      poll: false,
      buy: false,
    });

    const confirmed = await consultant.post(`/api/mutualisation/groups/${lighting.id}/actions`, { action: 'confirm' });
    expect(confirmed.json().status).toBe('confirmed');
    expect(confirmed.json().permissions.buy).toBe(true);
    const model = {
      kind: 'volume-tiers',
      unit: 'point lumineux',
      tiers: [
        { fromQuantity: 0, unitPrice: 500 },
        { fromQuantity: 300, unitPrice: 400 },
      ],
    };
    const priced = await consultant.post(`/api/mutualisation/groups/${lighting.id}/actions`, {
      action: 'price-model',
      priceModel: model,
    });
    expect(priced.statusCode, priced.body).toBe(200);

    const poll = await consultant.post(`/api/mutualisation/groups/${lighting.id}/polls`, {
      question: 'Rejoignez-vous l’achat groupé de luminaires LED ?',
      unit: 'point lumineux',
      deadline: '2099-12-31',
    });
    expect(poll.statusCode, poll.body).toBe(201);
    expect(poll.json().answers.map((a: { communeNis: string }) => a.communeNis)).toEqual([ARLON, AUBANGE]);

    const mine = (await arlonEditor.get('/api/mutualisation/polls/mine')).json();
    expect(mine[0].groupLabel).toBe('Éclairage public intelligent');
    // The editor answers their commune's open poll; its viewer may not, nor is the consultant asked it.
    expect(mine[0].permissions).toEqual({ answer: true });
    expect((await arlonViewer.get('/api/mutualisation/polls/mine')).json()[0].permissions).toEqual({ answer: false });
    expect(poll.json().permissions).toEqual({ answer: false });
    expect(
      (await arlonEditor.post(`/api/mutualisation/polls/${poll.json().id}/answers`, { answer: 'yes' })).json().error
        .code,
    ).toBe('VALIDATION_FAILED');
    expect(
      (await arlonViewer.post(`/api/mutualisation/polls/${poll.json().id}/answers`, { answer: 'yes', quantity: 1 }))
        .statusCode,
    ).toBe(403);
    const answered = await arlonEditor.post(`/api/mutualisation/polls/${poll.json().id}/answers`, {
      answer: 'yes',
      quantity: 200,
    });
    expect(answered.statusCode, answered.body).toBe(200);
    await aubangeEditor.post(`/api/mutualisation/polls/${poll.json().id}/answers`, { answer: 'yes', quantity: 150 });

    // Through a lot of the agency's framework agreement (the demo catalogue's lot 2, public lighting).
    await seedCatalogueDemo(t.app.services.catalogue, t.app.services.watch, new Date('2026-01-10T00:00:00Z'));
    const [agreement] = await t.app.services.catalogue.agreements(CLI_CONTEXT.actor);
    const lot2 = agreement!.lots.find((lot) => lot.number === 2)!;
    const lumigest = agreement!.lots.find((l) => l.number === 2)!.solutions.find((s) => s.name === 'LumiGest')!;
    const buy = (body: Record<string, unknown>) =>
      consultant.post(`/api/mutualisation/groups/${lighting.id}/purchase`, {
        title: 'Achat groupé de luminaires LED',
        lotId: lot2.id,
        solutionId: lumigest.solutionId,
        ...body,
      });
    const unknownLot = await buy({ lotId: '0f6a2b1c-3d4e-4f5a-8b6c-7d8e9f0a1b2c' });
    expect(unknownLot.statusCode).toBe(400);
    expect(unknownLot.json().error.code).toBe('LOT_NOT_FOUND');
    expect((await buy({ solutionId: null })).json().error.code).toBe('VALIDATION_FAILED');
    // Aubange has not adhered to the demo agreement (Arlon has): the consultant must confirm adhering on its behalf.
    const unconfirmed = await buy({});
    expect(unconfirmed.statusCode).toBe(409);
    expect(unconfirmed.json().error).toMatchObject({
      code: 'PURCHASE_NEEDS_CONFIRMATION',
      details: { warnings: [{ code: 'not-adherent', communes: ['Aubange'] }] },
    });
    expect(unconfirmed.json().error.message).toContain('Aubange n’a pas adhéré');
    const purchase = await buy({ confirmed: ['not-adherent'] });
    expect(purchase.statusCode, purchase.body).toBe(201);
    expect(purchase.json().lot).toEqual({
      id: lot2.id,
      agreementId: agreement!.id,
      label: `lot 2 « Territoire connecté » de l’accord-cadre ${agreement!.reference}, attribué à Territoires Intelligents SA (démo)`,
    });
    expect(purchase.json().solution).toEqual({ id: lumigest.solutionId, name: 'LumiGest' });
    expect((await consultant.get(`/api/mutualisation/groups/${lighting.id}`)).json().purchase.lot.id).toBe(lot2.id);
    // 350 points together reach the 400 € tier; alone each pays 500 €.
    expect(purchase.json().totals).toEqual({ quantity: 350, costAlone: 175000, costTogether: 140000, saving: 35000 });
    expect(purchase.json().lines).toEqual([
      { communeNis: ARLON, communeName: 'Arlon', quantity: 200, amount: 80000, callOffId: expect.any(String) },
      { communeNis: AUBANGE, communeName: 'Aubange', quantity: 150, amount: 60000, callOffId: expect.any(String) },
    ]);
    // The lot's consumption shows it, like the call-offs it is made of.
    const after = (await consultant.get(`/api/catalogue/agreements/${agreement!.id}`)).json();
    expect(after.lots.find((l: { number: number }) => l.number === 2).consumption).toMatchObject({
      ordered: 140000,
      remaining: 460000,
    });
    expect(after.adherents.map((a: { communeNis: string }) => a.communeNis).sort()).toEqual([ARLON, AUBANGE]);
    // An Arlon editor sees Arlon's line of the purchase only.
    const seenByArlon = (await arlonEditor.get(`/api/mutualisation/groups/${lighting.id}`)).json().purchase;
    expect(seenByArlon.lines.map((l: { communeNis: string }) => l.communeNis)).toEqual([ARLON]);
    expect(seenByArlon.totals).toBeNull();

    // A new run keeps the confirmed group and its decisions.
    const second = (await consultant.post('/api/mutualisation/runs')).json();
    await t.app.services.mutualisation.waitForRun(second.id);
    expect((await consultant.get(`/api/mutualisation/groups/${lighting.id}`)).json().status).toBe('confirmed');
  });

  it('splits, merges and dismisses groups, and a dismissed group is not proposed again', async () => {
    for (const [nis, title, description] of [
      [ARLON, 'Capteurs de remplissage des poubelles', 'Optimiser la collecte des déchets.'],
      [AUBANGE, 'Conteneurs à verre connectés', 'Connaître le remplissage des bulles à verre.'],
      ['83012', 'Collecte des déchets optimisée', ''],
    ] as const) {
      await consultant.post('/api/needs', { communeNis: nis, title, description });
    }
    const run = (await consultant.post('/api/mutualisation/runs')).json();
    await t.app.services.mutualisation.waitForRun(run.id);
    const waste = (await consultant.get('/api/mutualisation/groups?status=proposed'))
      .json()
      .find((g: { category: string }) => g.category === 'waste');
    expect(waste.needCount).toBe(3);
    const detail = (await consultant.get(`/api/mutualisation/groups/${waste.id}`)).json();
    const split = await consultant.post(`/api/mutualisation/groups/${waste.id}/actions`, {
      action: 'split',
      needIds: [detail.needs[0].id],
    });
    expect(split.json().needCount).toBe(2);
    const others = (await consultant.get('/api/mutualisation/groups?status=proposed')).json();
    const piece = others.find((g: { category: string; id: string }) => g.category === 'waste' && g.id !== waste.id);
    expect(piece.needCount).toBe(1);
    // The new group names whose need it holds, so the two read apart.
    expect(piece.label).toBe(`${waste.label} — ${detail.needs[0].communeName}`);
    const merged = await consultant.post(`/api/mutualisation/groups/${waste.id}/actions`, {
      action: 'merge',
      groupId: piece.id,
    });
    expect(merged.json().needCount).toBe(3);
    await consultant.post(`/api/mutualisation/groups/${waste.id}/actions`, { action: 'dismiss' });
    const rerun = (await consultant.post('/api/mutualisation/runs')).json();
    await t.app.services.mutualisation.waitForRun(rerun.id);
    const after = (await consultant.get('/api/mutualisation/groups')).json();
    expect(
      after.filter((g: { category: string }) => g.category === 'waste').map((g: { status: string }) => g.status),
    ).toEqual(['dismissed']);
  });

  it('proposes the category a run recognised on a need entered without one; accepting it is one audited update', async () => {
    const bikes = (
      await arlonEditor.post('/api/needs', {
        communeNis: ARLON,
        title: 'Installer des bornes de recharge',
        description: 'Sur la place, pour les voitures électriques des visiteurs.',
      })
    ).json();
    const unknown = (await arlonEditor.post('/api/needs', { communeNis: ARLON, title: 'Fête de la musique' })).json();
    expect(bikes.suggestedCategory).toBeNull();
    const run = (await consultant.post('/api/mutualisation/runs')).json();
    await t.app.services.mutualisation.waitForRun(run.id);
    expect(
      (await consultant.get(`/api/mutualisation/runs/${run.id}`)).json().stats.suggestedCategories,
    ).toBeGreaterThan(0);

    const proposed = (await arlonViewer.get(`/api/needs/${bikes.id}`)).json();
    expect(proposed).toMatchObject({ category: null, suggestedCategory: 'ev-charging' });
    const listed = (await arlonViewer.get('/api/needs')).json();
    expect(listed.find((n: { id: string }) => n.id === bikes.id).suggestedCategory).toBe('ev-charging');
    expect(listed.find((n: { id: string }) => n.id === unknown.id).suggestedCategory).toBeNull();
    // A need that was given a category gets no suggestion.
    expect(
      listed.filter(
        (n: { category: string | null; suggestedCategory: string | null }) => n.category && n.suggestedCategory,
      ),
    ).toEqual([]);

    const accepted = await arlonEditor.patch(`/api/needs/${bikes.id}`, { category: proposed.suggestedCategory });
    expect(accepted.json()).toMatchObject({ category: 'ev-charging', suggestedCategory: null });
    const audit = await t.app.services.uow.read((repos) =>
      repos.audit.search({ entityId: bikes.id, page: 1, pageSize: 50 }),
    );
    const update = audit.items.find((e: { action: string }) => e.action === 'need.update')!;
    expect(update).toMatchObject({ before: { category: null }, after: { category: 'ev-charging' } });
  });
});
