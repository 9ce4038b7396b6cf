import type { PolicyDocument } from '../../../core/model/document.js';
import { textMessage, type TextMessage } from '../../../core/model/messages.js';
import { walk, type PolicyNode } from '../../../core/model/tree.js';
import { extractAliasDefinitions, extractReferences, type ExtractContext } from '../../../core/references/extract-references.js';
import { labelNumber, libraryDocumentFromPolicy, libraryOf, type LibraryCatalogueEntry, type LibraryDocument } from '../../../core/references/library.js';
import type { RawReference, Reference } from '../../../core/references/reference.js';
import { createReferenceResolver, regionOf, type CitationTarget, type Resolution, type Resolver } from '../../../core/references/resolver.js';
import { referenceId } from '../../../core/ids/ids.js';

/** Kinds of documents whose text is a listing of titles (a TOC, a 附表), not citations. */
const LISTINGS = new Set(['compilation', 'catalogue']);
const LEGAL_KINDS = new Set(['law', 'regulation', 'rules']);
/** A defined short name this long is distinctive enough to serve as an alias everywhere; shorter ones (《规划》) stay local. */
const GLOBAL_ALIAS_MIN = 4;

export interface LinkResult {
  references: Reference[];
  messages: TextMessage[];
  /** Short forms by which each document may be cited (without 中华人民共和国, without version, defined 简称), by doc id. */
  aliases: Map<string, string[]>;
}

/** Offsets of each child's text inside its parent's text, where the parent's text contains it. */
function childSpans(node: PolicyNode): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  let cursor = 0;
  for (const child of node.children) {
    if (!child.text) continue;
    let at = child.position.start.offset - node.position.start.offset;
    if (node.text.slice(at, at + child.text.length) !== child.text) at = node.text.indexOf(child.text, cursor);
    if (at < 0) continue;
    spans.push({ start: at, end: at + child.text.length });
    cursor = at + child.text.length;
  }
  return spans;
}

/** Article and paragraph numbers around a node, for 前款 and 本条第二款. */
function legalContext(node: PolicyNode, ancestors: PolicyNode[], doc: PolicyDocument): ExtractContext {
  const chain = [...ancestors, node];
  const article = [...chain].reverse().find((n) => n.kind === 'article');
  const ctx: ExtractContext = { legal: LEGAL_KINDS.has(doc.kind) || article !== undefined };
  if (!article) return ctx;
  ctx.article = labelNumber(article.label);
  const para = chain.slice(chain.indexOf(article) + 1).find((n) => n.kind === 'paragraph');
  if (para) {
    const paras = article.children.filter((c) => c.kind === 'paragraph');
    ctx.paragraph = labelNumber(para.label) ?? paras.indexOf(para) + 1;
  } else if (node === article) {
    // Text of the article outside its paragraphs is its first paragraph's opening.
    ctx.paragraph = 1;
  }
  return ctx;
}

function targetOf(raw: RawReference, doc: PolicyDocument): CitationTarget {
  if (raw.anchor === 'self' || raw.anchor === 'relative') return { docId: doc.id, locator: raw.locator };
  const t: CitationTarget = {};
  if (raw.title) t.title = raw.title;
  if (raw.innerTitles) t.innerTitles = raw.innerTitles;
  if (raw.docNumber) t.docNumber = raw.docNumber;
  if (raw.locator) t.locator = raw.locator;
  return t;
}

function messageFor(ref: Reference, res: Resolution, doc: PolicyDocument, node: PolicyNode): TextMessage | undefined {
  const path = doc.sources.find((s) => s.chosen)?.path ?? doc.sources[0]?.path;
  const source = node.data?.source;
  const where: { path?: string; offset?: number } = {};
  if (path) where.path = path;
  if (source) where.offset = source.start + ref.start;
  const at = `${node.citation || node.id}: ${ref.text}`;
  if (ref.status === 'ambiguous') return textMessage('warning', 'references/ambiguous', `${at} — ${res.reason ?? 'several documents fit'}`, where);
  if (ref.status !== 'unresolved') return undefined;
  if (res.toDocId) return textMessage('warning', 'references/missing-clause', `${at} — ${res.reason}`, where);
  return textMessage('info', 'references/unresolved', `${at} — ${res.reason ?? 'not found'}`, where);
}

/** What linking needs to know about one document of the corpus before any is linked: no text, no tree. */
export interface LinkTarget {
  /** Its library entry (title, version, 文号, articles…), with the corpus's final id and metadata. */
  entry: LibraryDocument;
  /** Short names its text defines (（以下简称《…》）); ignored for listings. */
  definitions: Array<{ alias: string; title: string }>;
}

/** The link target of a parsed document. */
export function linkTarget(doc: PolicyDocument): LinkTarget {
  return { entry: libraryDocumentFromPolicy(doc), definitions: extractAliasDefinitions(doc.text).map(({ alias, title }) => ({ alias, title })) };
}

/** The corpus-wide part of linking: a resolver over every document and the catalogue, and each document's short names. */
export interface ReferenceContext {
  resolver: Resolver;
  /** Short forms by which each document may be cited, by doc id. */
  aliases: Map<string, string[]>;
  /** Short names each document defines for its own use (《规划》 → its full title), by doc id. */
  localAliases: Map<string, Record<string, string>>;
}

/**
 * Builds the {@link ReferenceContext} from light data about every document, so
 * documents can then be linked one file at a time ({@link linkDocuments}) without the
 * whole corpus in memory.
 */
export function referenceContext(targets: readonly LinkTarget[], catalogue: readonly LibraryCatalogueEntry[] = []): ReferenceContext {
  const entries = targets.map((t) => t.entry);
  // Short names first: a defined 简称 applies everywhere after its definition in that document.
  const localAliases = new Map<string, Record<string, string>>();
  const plain: Resolver = createReferenceResolver(libraryOf(entries, catalogue));
  const defined = new Map<string, Set<string>>();
  for (const { entry, definitions } of targets) {
    if (!definitions.length || LISTINGS.has(entry.kind ?? '')) continue;
    localAliases.set(entry.id, Object.fromEntries(definitions.map((d) => [d.alias, d.title])));
    for (const d of definitions) {
      const found = plain.findDocuments(d.title, { year: entry.year, region: regionOf(entry) });
      if (found.length === 1 && d.alias.length >= GLOBAL_ALIAS_MIN && found[0]!.id !== entry.id) {
        const set = defined.get(found[0]!.id) ?? new Set();
        set.add(d.alias);
        defined.set(found[0]!.id, set);
      }
    }
  }
  const aliases = new Map<string, string[]>();
  for (const entry of entries) aliases.set(entry.id, [...new Set([...plain.shortForms(entry), ...(defined.get(entry.id) ?? [])])]);
  const definedOnly = new Map([...defined].map(([id, set]) => [id, [...set]]));
  return { resolver: createReferenceResolver(libraryOf(entries, catalogue, definedOnly)), aliases, localAliases };
}

/**
 * Links one document: finds every citation in every clause, resolves it with
 * the corpus-wide context, sets `node.data.references` (reference ids) on citing
 * nodes, and returns the references and messages for unresolved and ambiguous
 * ones. A citation is attributed to the deepest node whose text holds it.
 * Listings (a compilation's TOC, a catalogue) cite nothing: their titles are
 * entries, not citations.
 */
export function linkDocument(doc: PolicyDocument, context: ReferenceContext): { references: Reference[]; messages: TextMessage[] } {
  const references: Reference[] = [];
  const messages: TextMessage[] = [];
  if (LISTINGS.has(doc.kind)) return { references, messages };
  const { resolver } = context;
  const from = { docId: doc.id, year: doc.year, region: regionOf(doc) };
  for (const [node, ancestors] of walk(doc.root)) {
    if (!node.text) continue;
    const ctx = { ...legalContext(node, ancestors, doc), aliases: context.localAliases.get(doc.id), bareTitles: resolver.bareTitles };
    const inChildren = childSpans(node);
    const raws = extractReferences(node.text, ctx).filter((r) => !inChildren.some((s) => r.start >= s.start && r.end <= s.end));
    if (!raws.length) continue;
    const fromPath = [...ancestors.slice(1), node].filter((n) => n !== doc.root).map((n) => n.id);
    const ids: string[] = [];
    for (const raw of raws) {
      const res: Resolution = raw.problem
        ? { status: 'unresolved', toPath: [], normalized: raw.text, reason: raw.problem }
        : resolver.resolve(targetOf(raw, doc), from);
      if (res.self) continue;
      const ref: Reference = {
        id: referenceId(node.id, ids.length + 1),
        fromDocId: doc.id,
        fromClauseId: node.id,
        fromPath,
        toPath: res.toPath,
        status: res.status,
        relation: raw.relation,
        anchor: raw.anchor,
        text: raw.text,
        normalized: res.normalized,
        start: raw.start,
        end: raw.end,
      };
      if (res.toDocId) ref.toDocId = res.toDocId;
      if (res.toClauseId) ref.toClauseId = res.toClauseId;
      if (res.catalogueId) ref.catalogueId = res.catalogueId;
      if (res.toTitle) ref.toTitle = res.toTitle;
      if (res.candidates) ref.candidates = res.candidates;
      if (res.reason) ref.reason = res.reason;
      ids.push(ref.id);
      references.push(ref);
      const msg = messageFor(ref, res, doc, node);
      if (msg) messages.push(msg);
    }
    if (ids.length) node.data = { ...node.data, references: ids };
  }
  return { references, messages };
}

/** {@link linkDocument} for each of some documents (one file's, or the corpus's), results in document order. */
export function linkDocuments(documents: readonly PolicyDocument[], context: ReferenceContext): { references: Reference[]; messages: TextMessage[] } {
  const references: Reference[] = [];
  const messages: TextMessage[] = [];
  for (const doc of documents) {
    const linked = linkDocument(doc, context);
    references.push(...linked.references);
    messages.push(...linked.messages);
  }
  return { references, messages };
}

/**
 * The references enricher over documents in memory: {@link referenceContext}
 * from all of them, then {@link linkDocuments}. Pure apart from adding data to
 * nodes; the trees keep their shape.
 *
 * @param documents the merged documents of the corpus
 * @param catalogue entries of the catalogue (附表) of documents, default none
 */
export function linkReferences(documents: PolicyDocument[], catalogue: readonly LibraryCatalogueEntry[] = []): LinkResult {
  const context = referenceContext(documents.map(linkTarget), catalogue);
  return { ...linkDocuments(documents, context), aliases: context.aliases };
}
