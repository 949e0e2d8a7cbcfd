import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as pdfmakeModule from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

/**
 * pdfmake, set up once for every report of the app: Roboto (shipped with pdfmake, covers French), and no network
 * or file access beyond those fonts, so a document can never fetch or read anything else.
 */
// pdfmake is a CommonJS singleton; under ESM its instance is the default export.
const pdfmake = ((pdfmakeModule as unknown as { default?: typeof pdfmakeModule }).default ??
  pdfmakeModule) as typeof pdfmakeModule;

const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto');
let configured = false;

function configure(): void {
  if (configured) return;
  pdfmake.setFonts({
    Roboto: {
      normal: join(FONT_DIR, 'Roboto-Regular.ttf'),
      bold: join(FONT_DIR, 'Roboto-Medium.ttf'),
      italics: join(FONT_DIR, 'Roboto-Italic.ttf'),
      bolditalics: join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path: string) => path.startsWith(FONT_DIR));
  configured = true;
}

export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  configure();
  return pdfmake.createPdf(definition).getBuffer();
}

/**
 * Roboto has no narrow no-break space (U+202F), which Belgian French number formatting puts between thousands:
 * it becomes an ordinary no-break space, which the font has.
 */
export function printable(text: string): string {
  return text.replace(/\u202f/g, '\u00a0');
}
