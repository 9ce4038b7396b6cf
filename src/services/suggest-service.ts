import type { Segmenter } from '../../core/segment/segmenter.js';
import { toSearchQuery } from '../../core/segment/search-field.js';
import type { Department } from '../../core/departments/index.js';
import type { DocumentDoc } from '../../core/index/schemas.js';
import { INDEX } from '../../core/index/index-names.js';
import type { SuggestQuery, SuggestResponse, Suggestion } from '../schemas/search.js';
import type { IndexReader } from './index-reader.js';
import { departmentPage, departmentUrl, documentPage, documentUrl } from './urls.js';

export interface SuggestServiceDeps {
  reader: IndexReader;
  segmenter: Segmenter;
  /** The bodies whose names (and aliases, abbreviations) are suggested: a list, or (the API) the live index generation's. */
  departments: Department[] | (() => Promise<Department[]>);
}

/** Documents asked of Meilisearch per keystroke; prefix matches among them are re-ranked here. */
const DOCUMENT_CANDIDATES = 50;

/**
 * Type-ahead over document titles and department names. A suggestion whose
 * text (or alias) starts with what was typed comes first, shortest first;
 * then those containing the typed words (segmented like search, the last one
 * as a prefix: 数字政 finds 数字政府), in Meilisearch's order.
 */
export function createSuggestService(deps: SuggestServiceDeps) {
  const { reader, segmenter } = deps;
  const norm = (s: string) => segmenter.fold(s).replace(/[\s《》〈〉“”"]/g, '').toLowerCase();
  const formsOf = (departments: Department[]) =>
    departments.map((d) => ({ d, forms: [d.name, ...d.aliases, ...d.abbreviations].map((f) => ({ f, n: norm(f) })) }));
  // The folded forms are computed once per list: a new generation brings a new list.
  let folded: { of: Department[]; forms: ReturnType<typeof formsOf> } | undefined;
  const departmentForms = async () => {
    const list = typeof deps.departments === 'function' ? await deps.departments() : deps.departments;
    if (folded?.of !== list) folded = { of: list, forms: formsOf(list) };
    return folded.forms;
  };

  return {
    async suggest(q: SuggestQuery): Promise<SuggestResponse> {
      const typed = norm(q.q);
      const words = segmenter.queryWords(q.q).map((w) => w.toLowerCase());
      const prefix: Array<Suggestion & { rank: number }> = [];
      const byWords: Suggestion[] = [];

      for (const { d, forms: fs } of await departmentForms()) {
        // The department's own task list: a search needs a query, a department page does not.
        const url = departmentUrl(d.name);
        const page = departmentPage(d.name);
        const starts = fs.find((x) => x.n.startsWith(typed));
        if (starts) {
          prefix.push({ kind: 'department', text: d.name, ...(starts.f !== d.name ? { matched: starts.f } : {}), match: 'prefix', url, page, rank: starts.n.length });
          continue;
        }
        const has = words.length > 0 && fs.find((x) => words.every((w) => x.n.includes(w)));
        if (has) byWords.push({ kind: 'department', text: d.name, ...(has.f !== d.name ? { matched: has.f } : {}), match: 'words', url, page });
      }

      const res = await reader.search<Pick<DocumentDoc, 'id' | 'title' | 'aliases'> & Record<string, unknown>>(INDEX.documents, toSearchQuery(segmenter.queryWords(q.q)), {
        limit: DOCUMENT_CANDIDATES,
        attributesToRetrieve: ['id', 'title', 'aliases'],
        matchingStrategy: 'all',
      });
      for (const doc of res.hits) {
        const url = documentUrl(doc.id);
        const page = documentPage(doc.id);
        const titles = [doc.title, ...(doc.aliases ?? [])];
        const starts = titles.find((t) => norm(t).startsWith(typed));
        if (starts) prefix.push({ kind: 'document', text: doc.title, ...(starts !== doc.title ? { matched: starts } : {}), match: 'prefix', id: doc.id, url, page, rank: norm(starts).length });
        else byWords.push({ kind: 'document', text: doc.title, match: 'words', id: doc.id, url, page });
      }

      prefix.sort((a, b) => a.rank - b.rank || a.text.localeCompare(b.text, 'zh'));
      const suggestions = [...prefix.map(({ rank: _r, ...s }) => s), ...byWords].slice(0, q.limit);
      return { query: q.q, suggestions };
    },
  };
}
export type SuggestService = ReturnType<typeof createSuggestService>;
