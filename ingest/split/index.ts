export { splitDocuments } from './split-documents.js';
export { documentId, normalizeTitle, looseTitleKey, splitVersion, VERSION_SUFFIX } from './document-id.js';
export { parseCatalogue, checkCatalogue, CatalogueEntry } from './catalogue.js';
export { kindFromTitle, issuedTitles } from './title.js';
export { findDate, parseDate, findDocNumber, preciserDate } from './metadata.js';
