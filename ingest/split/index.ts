export { splitDocuments } from './split-documents.js';
export { documentId, normalizeTitle, looseTitleKey, splitVersion, VERSION_SUFFIX } from '../../core/ids/document-id.js';
export { parseCatalogue, checkCatalogue, CatalogueEntry } from './catalogue.js';
export { kindFromTitle, issuedTitles } from '../../core/text/title.js';
export { findDate, parseDate, findDocNumber, preciserDate } from './metadata.js';
