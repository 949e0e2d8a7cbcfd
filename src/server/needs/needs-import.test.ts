import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as make from '../../../test/support/factories.ts';
import { type Client, createTestApp, type TestApp } from '../../../test/support/test-app.ts';

const ARLON = '81001';
const AUBANGE = '81004';
const TINTIGNY = '85039';
const csv = (text: string) => ({
  filename: 'besoins.csv',
  contentBase64: Buffer.from(text, 'utf8').toString('base64'),
});

/**
 * The needs register in and out of a spreadsheet: preview and import, the template, the export that re-imports.
 * Each test enters the needs it reads; the round trip of an export uses a commune (Tintigny) no other test writes to.
 */
describe('needs register: import and export', () => {
  let t: TestApp;
  let consultant: Client;

  beforeAll(async () => {
    t = await createTestApp();
    consultant = await make.signedIn(t, 'consultant');
  });
  afterAll(() => t.close());

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
    const aubangeEditor = await make.signedIn(t, 'commune_editor', AUBANGE);
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
    const arlonEditor = await make.signedIn(t, 'commune_editor', ARLON);
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
    const arlonEditor = await make.signedIn(t, 'commune_editor', ARLON);
    const original = (
      await consultant.post('/api/needs', {
        communeNis: TINTIGNY,
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
    const register = async () => (await consultant.get(`/api/needs?communeNis=${TINTIGNY}`)).json();
    const before = await register();
    const csvExport = (await consultant.get(`/api/needs/export.csv?communeNis=${TINTIGNY}`)).body;
    expect(csvExport).toContain('Faible');
    expect(csvExport).toContain('12500,5');
    const xlsxExport = (await consultant.get(`/api/needs/export.xlsx?communeNis=${TINTIGNY}`)).rawPayload;
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

    // An editor of another commune cannot update Tintigny's need by naming it.
    const foreign = (await arlonEditor.post('/api/needs/import/preview', csv(edited))).json();
    expect(foreign.rows[0].problems.map((p: { code: string }) => p.code)).toEqual(
      expect.arrayContaining(['NOT_YOUR_COMMUNE', 'UNKNOWN_ID']),
    );
    await consultant.delete(`/api/needs/${original.id}`);
  });

  it('exports the register as CSV and XLSX with the columns the import reads', async () => {
    await make.need(consultant, { communeNis: ARLON, title: 'Remplacer les lampadaires par des LED' });
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
});
