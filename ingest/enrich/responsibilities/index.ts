export * from '../../../core/model/task.js';
export * from './roles.js';
export * from './years.js';
export * from './department-list.js';
export * from './notes.js';
export * from './spans.js';
export * from './tables.js';
export * from './sections.js';
export { extractResponsibilities, documentLevel, resolveOwners } from './extract.js';
