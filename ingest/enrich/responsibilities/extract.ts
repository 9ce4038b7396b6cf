/**
 * The responsibilities enricher, in named steps: reading.ts (one document's reading state and `emit`), walk.ts (the
 * walk over the tree: sections, containers, tables), units.ts (the notes of one unit's text), and the readers of
 * each note shape they call (notes.ts, tables.ts, hand-down.ts, sections.ts); owners.ts resolves names.
 */
import type { DepartmentRegistry } from '../../../core/departments/index.js';
import type { PolicyDocument } from '../../../core/model/document.js';
import type { TextMessage } from '../../../core/model/messages.js';
import type { Task } from '../../../core/model/task.js';
import { reportUnknown, startReading } from './reading.js';
import { flushOpen } from './units.js';
import { visit } from './walk.js';

export { documentLevel, resolveOwners } from './owners.js';

/** Extracts the tasks of one document; see extractResponsibilities. */
function extractFromDocument(doc: PolicyDocument, registry: DepartmentRegistry, tasks: Task[], messages: TextMessage[]): void {
  const reading = startReading(doc, registry, tasks, messages);
  visit(reading, doc.root);
  // A note the last unit opened and nothing closed.
  flushOpen(reading);
  reportUnknown(reading);
}

/**
 * The responsibilities enricher. Finds every task and its owners in the
 * documents — owner notes closing a task (（责任单位：…）, （A负责，B配合）,
 * （牵头单位：…，责任单位：…）), rows of task tables (任务名称 | 责任部门 | 2024年…)
 * and sections headed by a department — resolves names through the registry,
 * and sets `data.owners`, `data.taskIds` and `data.years` on each clause that
 * carries tasks (the tree is not reshaped). Pure apart from that annotation.
 * Problems (unknown departments, fragments that are not bodies, notes without a
 * task) become messages.
 */
export function extractResponsibilities(
  documents: PolicyDocument[],
  registry: DepartmentRegistry,
): { tasks: Task[]; messages: TextMessage[] } {
  const tasks: Task[] = [];
  const messages: TextMessage[] = [];
  for (const doc of documents) extractFromDocument(doc, registry, tasks, messages);
  return { tasks, messages };
}

