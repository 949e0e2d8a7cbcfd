import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as PdfmakeModule from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

/**
 * pdfmake, set up once for every report of the app: Roboto (shipped with pdfmake, covers French), and no network
 * or file access beyond those fonts, so a document can never fetch or read anything else.
 */
type Pdfmake = typeof PdfmakeModule;

const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto');
let loaded: Promise<Pdfmake> | undefined;

/** Imported with the first PDF, not at start (~25 MB): an idle server does not hold it (bench/memory.ts). */
function load(): Promise<Pdfmake> {
  loaded ??= import('pdfmake').then((module) => {
    // pdfmake is a CommonJS singleton; under ESM its instance is the default export.
    const pdfmake = ((module as unknown as { default?: Pdfmake }).default ?? module) as Pdfmake;
    configure(pdfmake);
    return pdfmake;
  });
  return loaded;
}

function configure(pdfmake: Pdfmake): void {
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
}

export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  const pdfmake = await load();
  return pdfmake.createPdf(definition).getBuffer();
}

/**
 * Roboto has no narrow no-break space (U+202F), which Belgian French number formatting puts between thousands:
 * it becomes an ordinary no-break space, which the font has.
 */
export function printable(text: string): string {
  return text.replace(/\u202f/g, '\u00a0');
}
