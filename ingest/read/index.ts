export { listCorpusFiles, readSourceFile } from './read-file.js';
export { decodeText, type DecodedText } from './decode.js';
export { extractPdfText, PdfReadError } from './pdf-text.js';
