export * from './ids.js';
export { looseTitleKey, normalizeTitle, splitVersion, VERSION_SUFFIX } from './document-id.js';
