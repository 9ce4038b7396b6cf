import { describe, expect, it } from 'vitest';
import * as read from '../../ingest/read/index.js';

describe('ingest/read public surface', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(read).sort()).toEqual(['PdfReadError', 'decodeText', 'extractPdfText', 'listCorpusFiles', 'listCorpusInputs', 'readSourceFile']);
  });
});
