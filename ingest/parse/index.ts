export { parseDocument, citationTitle } from './parse-document.js';
export { countNodesByKind, findNodeByLabelPath } from './tree-helpers.js';
