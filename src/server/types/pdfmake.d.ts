/** The part of pdfmake 0.3's server API the app uses (the package ships no types). */
declare module 'pdfmake' {
  type FontFiles = { normal: string; bold: string; italics: string; bolditalics: string };
  type OutputDocument = { getBuffer(): Promise<Buffer> };
  const pdfmake: {
    setFonts(fonts: Record<string, FontFiles>): void;
    setUrlAccessPolicy(callback: (url: string) => boolean): void;
    setLocalAccessPolicy(callback: (path: string) => boolean): void;
    createPdf(document: Record<string, unknown>, options?: Record<string, unknown>): OutputDocument;
  };
  export default pdfmake;
}
