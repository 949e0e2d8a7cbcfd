import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { MAX_CELL_CHARACTERS } from './needs-file.ts';

const ARLON = '81001';
const MB = 1024 * 1024;

/**
 * An XLSX of needs whose second row's title is `cellMegabytes` of « A »: the shared strings part is streamed into
 * the zip, so the test never holds the unpacked cell (a 96 MB cell packs into ~100 kB).
 */
async function bombFile(cellMegabytes: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Besoins');
  sheet.addRow(['Code INS', 'Titre']);
  sheet.addRow([ARLON, 'PLACEHOLDER']);
  const zip = await JSZip.loadAsync(Buffer.from(await workbook.xlsx.writeBuffer()));
  const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
  const [before, after] = strings.split('PLACEHOLDER') as [string, string];
  const chunk = Buffer.alloc(MB, 'A');
  async function* sharedStrings() {
    yield Buffer.from(before);
    for (let i = 0; i < cellMegabytes; i++) yield chunk;
    yield Buffer.from(after);
  }
  zip.file('xl/sharedStrings.xml', Readable.from(sharedStrings()));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

describe('the needs import refuses oversized files before parsing them (audit finding 4)', () => {
  let t: TestApp;
  let editor: Client;

  beforeAll(async () => {
    t = await createTestApp();
    editor = await t.login(await t.createUser('commune_editor', ARLON));
  });
  afterAll(() => t?.close());

  it('answers 400 in French to a small zip holding a 96 MB cell, and memory stays bounded', async () => {
    const file = await bombFile(96);
    expect(file.length).toBeLessThan(400 * 1024);
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    const preview = await editor.post('/api/needs/import/preview', {
      filename: 'bombe.xlsx',
      contentBase64: file.toString('base64'),
    });
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);

    expect(preview.statusCode).toBe(400);
    const body = preview.json() as { error: { code: string; message: string } };
    expect(body.error.code).toBe('IMPORT_TOO_LARGE');
    expect(body.error.message).toBe(
      'Le fichier décompressé dépasse 32 Mo : découpez-le ou enregistrez-le à nouveau depuis votre tableur.',
    );
    // Nothing of the cell comes back, and the server never held it: parsing it took ~1 GB before the bound.
    expect(preview.body.length).toBeLessThan(1000);
    expect((peak - before) / MB).toBeLessThan(96);
    // And nothing was written.
    expect(((await editor.get(`/api/needs?communeNis=${ARLON}`)).json() as unknown[]).length).toBe(0);
  });

  it('refuses a cell longer than any field, naming its line and column, without echoing it', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Besoins');
    sheet.addRow(['Code INS', 'Titre', 'Description']);
    sheet.addRow([ARLON, 'Éclairage public', 'x'.repeat(MAX_CELL_CHARACTERS + 1)]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const preview = await editor.post('/api/needs/import/preview', {
      filename: 'longue.xlsx',
      contentBase64: file.toString('base64'),
    });
    expect(preview.statusCode).toBe(400);
    expect(preview.json().error).toMatchObject({
      code: 'IMPORT_CELL_TOO_LONG',
      message: 'Ligne 2, colonne 3 : la cellule dépasse 10000 caractères.',
    });
    expect(preview.body).not.toContain('xxxxxxxxxx');
  });
});
