import { z } from 'zod';
import { DocKind } from '../../core/model/document.js';
import { NodeKind } from '../../core/model/tree.js';
import { Owner, PathEntry } from '../../core/index/schemas.js';
import { Id, Limit, Offset, ShortText } from './common.js';
import { AsOf, StatusParam } from './dates.js';
import { EffectStatus, IsoDate } from '../../core/model/dates.js';
import { INTENT_KINDS } from '../../core/thesaurus/intents.js';

export const Role = z.enum(['lead', 'responsible', 'cooperating']);

export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(200).describe('Search words; Chinese is segmented by the server. "Quoted phrases" must appear verbatim.'),
  limit: Limit(100),
  offset: Offset,
  docId: Id.optional().describe('Only clauses of this document'),
  kind: NodeKind.optional().describe('Only nodes of this kind (article, task, heading…); by default, whole units'),
  docKind: DocKind.optional(),
  issuer: ShortText.optional(),
  year: z.coerce.number().int().min(1949).max(2100).optional().describe('Year of the document'),
  department: ShortText.optional().describe('Only clauses with a task owned by this department (any alias)'),
  role: Role.optional().describe('With department: only this role'),
  status: StatusParam.optional(),
  asOf: AsOf.optional(),
  sort: z.enum(['relevance', 'newest', 'oldest', 'effective']).default('relevance').describe('relevance, by document date, or by effective date (latest first)'),
  facets: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('Include facet counts, keyed by the filter parameter they feed: docId, kind, docKind, issuer, year, department, status, and role (of the department filtered on)'),
  exact: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('Search literally: no question frames removed, no synonyms, abbreviations, typo corrections or intents (plan.rewrites is then empty)'),
}).refine((v) => !v.role || v.department, { message: 'role needs a department', path: ['role'] });
export type SearchQuery = z.infer<typeof SearchQuery>;

export const Match = z.object({ start: z.number().int(), end: z.number().int() });

export const SearchHit = z.object({
  id: z.string(),
  docId: z.string(),
  docTitle: z.string(),
  kind: NodeKind,
  label: z.string().optional(),
  heading: z.string().optional(),
  /** The document's year and date, when known (what `sort` orders by). */
  year: z.number().int().optional(),
  date: z.string().optional(),
  /** The document's effect status on `asOf` and the day it took (or takes) effect, when its text says. */
  status: EffectStatus,
  effectiveFrom: IsoDate.optional(),
  path: z.array(PathEntry),
  /** The breadcrumb as one line: 《title》 › 第三章 网络运行安全 › 第二十一条 */
  breadcrumb: z.string(),
  text: z.string(),
  snippet: z.string(),
  matches: z.array(Match),
  citation: z.string(),
  owners: z.array(Owner),
  url: z.string(),
  /** The clause's web page (its permalink for people): /clauses/:id. */
  page: z.string(),
  /** True when the hit lacks some of the query's words (shown after every hit that has them all). */
  partial: z.boolean(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const FacetCounts = z.record(z.string(), z.record(z.string(), z.number()));

/** Something the reader should know about how the query was understood. */
export const SearchNotice = z.object({
  /**
   * unknown-department: a department-like name not in the registry (matched verbatim only); relaxed: partial matches
   * follow the full ones; document-number: a 文号 in the query is the number of a document in the corpus;
   * nothing-searchable: the query holds no word to search (punctuation, an emoji, only particles), so no hits.
   */
  code: z.enum(['unknown-department', 'relaxed', 'document-number', 'nothing-searchable']),
  message: z.string(),
  /** unknown-department: the name as written in the query. */
  asWritten: z.string().optional(),
  suggestions: z.array(z.string()).optional(),
  /** document-number: the document so numbered. */
  document: z.object({ id: z.string(), title: z.string(), docNumber: z.string(), url: z.string(), page: z.string() }).optional(),
});
export type SearchNotice = z.infer<typeof SearchNotice>;

/** One change query understanding made to what was typed (see src/services/query/understand.ts). */
export const Rewrite = z.object({
  /**
   * frame: question words removed (什么时候施行); intent: what the question asks for, searched through its cue words
   * (ranked first, not required); synonym: an everyday word searched with the texts' wordings; abbreviation: a
   * title's abbreviation spelled out; typo: a word the index lacks corrected to one it holds; scope: a document named
   * by its title, searched first (`to` holds its ids); locator: a number typed without 第 after a law's name read as
   * an article (网安法44条 → 第44条); absent: a word no indexed text holds, searched by its parts (`to`) or left out.
   */
  kind: z.enum(['frame', 'intent', 'synonym', 'abbreviation', 'typo', 'scope', 'locator', 'absent']),
  from: z.string(),
  to: z.array(z.string()),
  reason: z.string(),
});
export type Rewrite = z.infer<typeof Rewrite>;

export const SearchPlan = z.object({
  /** True when `exact=true` turned understanding off. */
  exact: z.boolean(),
  /** What the question asks: when, frequency, penalty, who, categories, right, definition, amount. */
  intent: z.enum(INTENT_KINDS).optional(),
  rewrites: z.array(Rewrite),
});

export const SearchResponse = z.object({
  query: z.string(),
  /** The words searched, as segmented (at most ten: Meilisearch reads no more). */
  words: z.array(z.string()),
  /** Words left out: particles, question words, the least informative beyond ten. */
  dropped: z.array(z.string()),
  /** Text every hit contains verbatim (quoted phrases, unknown department names), folded. */
  phrases: z.array(z.string()),
  /** Department names recognised in the query, with the registry's canonical name (searched with all its aliases). */
  departments: z.array(z.object({ asWritten: z.string(), canonical: z.string() })),
  /** 'all': every hit has every word; 'relaxed': hits with every word, then hits missing the least informative words (partial). */
  matchingStrategy: z.enum(['all', 'relaxed']),
  notices: z.array(SearchNotice),
  total: z.number().int(),
  /** False when `total` is a lower bound (a phrase query with more candidates than are checked). */
  totalIsExact: z.boolean(),
  /** How many of the `total` hits contain every word (the rest are partial matches, listed after them). */
  totalAllWords: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  hits: z.array(SearchHit),
  /** Counts per facet value, keyed by the filter parameter (docId, kind, docKind, issuer, year, department; role: of the department filtered on). */
  facets: FacetCounts.optional(),
  /** The day statuses were computed for. */
  asOf: IsoDate,
  /** Titles of the documents of the hits, by id. */
  documents: z.record(z.string(), z.string()),
  /** How the query was understood: every rewrite, so it can be shown and undone (`exact=true`). */
  plan: SearchPlan,
  /** A question about who is responsible: the tasks that match, with their owners (from the tasks index). */
  owners: z
    .object({
      departments: z.array(z.object({ department: z.string(), roles: z.array(Role), tasks: z.number().int() })),
      tasks: z.array(z.object({ id: z.string(), docTitle: z.string(), citation: z.string(), text: z.string(), owners: z.array(Owner), url: z.string() })),
    })
    .optional(),
  processingTimeMs: z.number(),
});
export type SearchResponse = z.infer<typeof SearchResponse>;

export const SuggestQuery = z.object({
  q: z.string().trim().min(1).max(50).describe('What has been typed so far'),
  limit: Limit(20, 10),
});
export type SuggestQuery = z.infer<typeof SuggestQuery>;

export const Suggestion = z.object({
  kind: z.enum(['document', 'department']),
  /** The title or the department's canonical name. */
  text: z.string(),
  /** The alias or abbreviation that matched, when not `text` itself. */
  matched: z.string().optional(),
  /** prefix: `text` (or `matched`) starts with what was typed; words: it contains the typed words. */
  match: z.enum(['prefix', 'words']),
  id: z.string().optional(),
  /** Where to go: the document, or the department's task list. */
  url: z.string(),
  /** The same as a web page: /documents/:id or /departments/:name. */
  page: z.string(),
});
export type Suggestion = z.infer<typeof Suggestion>;

export const SuggestResponse = z.object({ query: z.string(), suggestions: z.array(Suggestion) });
export type SuggestResponse = z.infer<typeof SuggestResponse>;
