import type { TaskDoc } from '../../../core/model/task.js';
import { INDEX } from '../../../core/index/index-names.js';
import type { IndexReader } from '../index-reader.js';
import { clauseUrl } from '../urls.js';
import type { SearchResponse } from '../../schemas/search.js';

/** Tasks shown for a question about who is responsible. */
export const OWNER_TASKS = 5;

/**
 * The answer to 谁负责… from the responsibility index: the tasks that match
 * the question's words best (a relaxed match: the intent's cue is given up
 * first), and their owners counted by department, leads first.
 */
export async function ownersAnswer(reader: IndexReader, encodedQuery: string, fields: string[]): Promise<NonNullable<SearchResponse['owners']>> {
  const res = await reader.search<TaskDoc>(INDEX.tasks, encodedQuery, { matchingStrategy: 'last', limit: OWNER_TASKS, attributesToRetrieve: fields });
  const byDept = new Map<string, { roles: Set<'lead' | 'responsible' | 'cooperating'>; tasks: number; lead: number }>();
  for (const t of res.hits) {
    for (const o of t.owners) {
      const d = byDept.get(o.department) ?? { roles: new Set(), tasks: 0, lead: 0 };
      d.roles.add(o.role);
      d.tasks++;
      if (o.role !== 'cooperating') d.lead++;
      byDept.set(o.department, d);
    }
  }
  return {
    departments: [...byDept]
      .sort((a, b) => b[1].lead - a[1].lead || b[1].tasks - a[1].tasks)
      .map(([department, d]) => ({ department, roles: [...d.roles].sort(), tasks: d.tasks })),
    tasks: res.hits.map((t) => ({ id: t.id, docTitle: t.docTitle, citation: t.citation, text: t.text, owners: t.owners, url: clauseUrl(t.clauseId) })),
  };
}
