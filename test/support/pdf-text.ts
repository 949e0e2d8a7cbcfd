import { extractText, getDocumentProxy } from 'unpdf';

/** The text of a PDF, page by page, as a reader would copy it (unpdf: PDF.js without a browser). */
export async function pdfText(buffer: Uint8Array): Promise<{ pages: number; text: string[] }> {
  const pdf = await getDocumentProxy(new Uint8Array(buffer));
  const { totalPages, text } = await extractText(pdf, { mergePages: false });
  return { pages: totalPages, text: text as string[] };
}
