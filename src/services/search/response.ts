/** The response mapper: ranked clauses → the API's hits, notices and the answer to a query with nothing to search. */
import type { ClauseDoc } from '../../../core/index/schemas.js';
import { isoOfDay } from '../../../core/model/dates.js';
import type { SearchHit, SearchNotice, SearchQuery, SearchResponse } from '../../schemas/search.js';
import { clauseHead } from '../clause-head.js';
import { asOfDay, statusOf } from '../effect-status.js';
import type { QueryPlan } from '../search-query.js';
import { clausePage, clauseUrl, documentPage, documentUrl } from '../urls.js';
import type { ClauseHit } from './context.js';
import { isPartial } from './words.js';

/** Marks the query's words in a clause's text: its snippet and the matched spans. */
export type Marker = (text: string) => { snippet: string; matches: SearchHit['matches'] };

/** A clause's place as one line: 《title》 › 第三章 网络运行安全 › 第二十一条. */
export function breadcrumb(doc: Pick<ClauseDoc, 'docTitle' | 'path' | 'label' | 'heading'>): string {
  let line = `《${doc.docTitle}》`;
  for (let i = 1; i < doc.path.length; i++) line = withPart(line, doc.path[i]!);
  return withPart(line, doc);
}

/** `line › label heading`, leaving out what a level lacks (built without arrays: it runs for every hit). */
function withPart(line: string, { label, heading }: { label?: string; heading?: string }): string {
  const part = label && heading ? `${label} ${heading}` : label || heading;
  return part ? `${line} › ${part}` : line;
}

/** One clause as a search hit: its head, place, snippet, owners and links. */
export function toHit(h: ClauseHit, mark: Marker, asOf: number): SearchHit {
  const { snippet, matches } = mark(h.text);
  return {
    ...clauseHead(h),
    ...(h.year ? { year: h.year } : {}),
    ...(h.date ? { date: h.date } : {}),
    status: statusOf(h, asOf),
    ...(h.effectiveFrom ? { effectiveFrom: h.effectiveFrom } : {}),
    path: h.path,
    breadcrumb: breadcrumb(h),
    text: h.text,
    snippet,
    matches,
    citation: h.citation,
    owners: h.owners ?? [],
    url: clauseUrl(h.id),
    page: clausePage(h.id),
    partial: isPartial(h),
  };
}

/**
 * What the answer tells besides its hits: department names nobody knows, a 文号 that is a corpus document's own
 * number, and a relaxed match (how many clauses hold every word).
 */
export function searchNotices(
  plan: QueryPlan,
  numbered: Array<{ id: string; title: string; docNumber: string }>,
  relaxed: { totalAllWords: number } | undefined,
): SearchNotice[] {
  const notices: SearchNotice[] = plan.unknownDepartments.map((u) => ({
    code: 'unknown-department' as const,
    message: `“${u.asWritten}” is not a known department; only clauses naming it exactly are shown.`,
    asWritten: u.asWritten,
    suggestions: u.suggestions,
  }));
  for (const d of numbered) {
    notices.push({
      code: 'document-number',
      message: `${d.docNumber} is the number of 《${d.title}》; the hits are the clauses that cite it.`,
      document: { id: d.id, title: d.title, docNumber: d.docNumber, url: documentUrl(d.id), page: documentPage(d.id) },
    });
  }
  if (relaxed) {
    notices.push({
      code: 'relaxed',
      message: `${relaxed.totalAllWords} clauses contain every word; the ones after them contain only some (marked partial).`,
    });
  }
  return notices;
}

export /** The answer to a query with no word to search: no hits and a notice that says why. */
function nothingSearchable(q: SearchQuery, plan: QueryPlan, searchPlan: { exact: boolean; rewrites: SearchResponse['plan']['rewrites'] }): SearchResponse {
  const message = plan.dropped.length
    ? `“${q.q}” holds only words too common to search by (${plan.dropped.join('、')}); type a topic, a title, a department or a 文号.`
    : `“${q.q}” holds nothing searchable (no Chinese word, letter or number); type a topic, a title, a department or a 文号.`;
  return {
    query: q.q,
    words: [],
    dropped: plan.dropped,
    phrases: [],
    departments: plan.departments,
    matchingStrategy: 'all',
    notices: [{ code: 'nothing-searchable', message }],
    total: 0,
    totalIsExact: true,
    totalAllWords: 0,
    limit: q.limit,
    offset: q.offset,
    hits: [],
    asOf: isoOfDay(asOfDay(q.asOf)),
    documents: {},
    plan: { exact: searchPlan.exact, rewrites: searchPlan.rewrites },
    processingTimeMs: 0,
  };
}
