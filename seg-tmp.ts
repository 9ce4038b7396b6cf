import { createSegmenter } from './ingest/enrich/segment/index.js';
import { segmenterWords } from './ingest/enrich/segment/vocabulary.js';
import { loadDepartmentRegistry } from './ingest/departments/index.js';
const seg = createSegmenter({ userWords: segmenterWords(await loadDepartmentRegistry()) });
for (const s of process.argv.slice(2)) console.log(s, '→', seg.queryWords(s).join(' | '));
