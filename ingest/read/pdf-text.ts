/**
 * Text of a PDF through pdf-parse 2.x (pdf.js). Pure apart from the library:
 * bytes in, text out. Pages are joined with a form feed, which normalization
 * turns into a line break it may rejoin.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Where pdf.js finds the Adobe CMaps for PDFs whose CJK fonts are not embedded (UniGB-UCS2-H…). */
function cMapDirectory(): string | undefined {
  try {
    const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps') + path.sep;
    return existsSync(dir) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** A PDF that pdf.js could not open or read. */
export class PdfReadError extends Error {
  override name = 'PdfReadError';
}

/**
 * Extracts the text of every page, pages separated by '\f'. Throws a
 * PdfReadError (with the library's error as `cause`) when the PDF is corrupt,
 * encrypted or otherwise unreadable; `readSourceFile` turns that into a
 * 'read/corrupt-pdf' result.
 */
export async function extractPdfText(bytes: Uint8Array): Promise<string> {
  // Loaded on demand: pdf.js is large and most corpora are plain text.
  const { PDFParse } = await import('pdf-parse');
  const cMapUrl = cMapDirectory();
  // pdf.js takes ownership of (detaches) the buffer it is given, so hand it a copy.
  const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: 0, ...(cMapUrl ? { cMapUrl, cMapPacked: true } : {}) });
  try {
    const result = await parser.getText();
    return result.pages.map((p) => p.text).join('\f');
  } catch (error) {
    throw new PdfReadError(error instanceof Error ? error.message : String(error), { cause: error });
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}
