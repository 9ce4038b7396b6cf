export { listCorpusFiles, listCorpusInputs, readSourceFile, type SkippedFile } from './read-file.js';
export { decodeText, type DecodedText } from './decode.js';
export { extractPdfText, PdfReadError } from './pdf-text.js';
