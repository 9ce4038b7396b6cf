import { looseTitleKey, normalizeTitle, splitVersion } from '../ids/document-id.js';
import { endsWithTypeWord } from '../text/title.js';
import { normalizeDocNumber } from '../patterns/doc-number.js';
import type { LibraryArticle, LibraryCatalogueEntry, LibraryDocument, ReferenceLibrary } from './library.js';
import { formatLocator } from './locators.js';
import { formatNumeral } from './numerals.js';
import type { Candidate, Locator, ReferenceStatus } from './reference.js';

/** What is cited, as extraction found it (see RawReference), or as a reader typed it. */
export interface CitationTarget {
  title?: string;
  innerTitles?: string[];
  docNumber?: string;
  /** The document is known already (本法, 前款): skip title resolution. */
  docId?: string;
  locator?: Locator;
}

/** Where the citation stands; its year rules out documents issued later. */
export interface CitingContext {
  docId?: string;
  year?: number;
  /**
   * The province or city the citing document belongs to (山东省). Documents of one
   * region cite each other without the region's name (《支持数字经济发展的意见》
   * in a 山东省 plan means 《山东省支持数字经济发展的意见》); that reading is tried
   * only after the title as written fits nothing.
   */
  region?: string;
}

const REGION = /^[\u4e00-\u9fff]{2,6}?(?:省|自治区|市|县)/u;

/** The region a document belongs to, from its issuer (山东省人民政府办公厅) or title; undefined for national ones. */
export function regionOf(doc: { issuer?: string; title: string }): string | undefined {
  return REGION.exec(doc.issuer ?? '')?.[0] ?? REGION.exec(doc.title)?.[0];
}

/** The title read as a document of the citing region: X → 山东省X, 关于X → 关于山东省X. */
function regionalVariants(title: string, region: string | undefined): string[] {
  if (!region || title.startsWith(region) || REGION.test(title)) return [];
  return title.startsWith('关于') ? [`关于${region}${title.slice(2)}`, region + title] : [region + title];
}

export interface Resolution {
  status: ReferenceStatus;
  toDocId?: string;
  toClauseId?: string;
  /** The cited clause and its ancestors (article, paragraph, item), outermost first. */
  toPath: string[];
  catalogueId?: string;
  toTitle?: string;
  candidates?: Candidate[];
  /** The canonical citation: 《中华人民共和国安全生产法》第二十二条第三款. */
  normalized: string;
  reason?: string;
  /** The citation names the citing document itself as a whole (本规划, its own title): not a reference. */
  self?: boolean;
}

export interface Resolver {
  resolve(target: CitationTarget, from?: CitingContext): Resolution;
  /** Documents whose title fits, at the strictest level where any does (empty when none). */
  findDocuments(title: string, from?: CitingContext): LibraryDocument[];
  document(id: string): LibraryDocument | undefined;
  /** Titles and short forms that may be recognized without 《》 (for free text). */
  bareTitles: readonly string[];
  /** The general short forms of a document's title (without 中华人民共和国, without version). */
  shortForms(doc: Pick<LibraryDocument, 'title' | 'version'>): string[];
}

/** The state name that national laws carry and citations often leave out. */
const STATE_PREFIX = /^中华人民共和国/u;
/** Issuer words before 关于 (国务院关于…, 中共中央国务院关于…) that citations add or drop. */
const ISSUER_BEFORE_ABOUT = /^.{1,16}?(?=关于)/u;

const stripState = (t: string) => t.replace(STATE_PREFIX, '');
const versionKey = (v: string | undefined) => (v ? normalizeTitle(v).replace(/年/g, '').replace(/[（）]/g, '') : undefined);

/** The year range of a version marker: （2019-2022年） → [2019, 2022]. */
function versionYears(v: string | undefined): [number, number] | undefined {
  const m = v ? /(\d{4})\D+(\d{4})/u.exec(v.normalize('NFKC')) : null;
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

type Level = 'exact' | 'base' | 'stateless' | 'alias' | 'loose';
const LEVELS: Level[] = ['exact', 'base', 'stateless', 'alias', 'loose'];

interface Titled {
  title: string;
  version?: string;
  year?: number;
  aliases?: string[];
  issuer?: string;
}

/**
 * Issuer names a citation may put before a title (工业和信息化部“十四五”…规划 for
 * the ministry's “十四五”…规划): the issuer as listed without 等N部门, and each of
 * several issuers (中共中央办公厅、国务院).
 */
function issuerPrefixes(issuer: string | undefined): string[] {
  if (!issuer) return [];
  const main = issuer.replace(/等[^、，,]*$/u, '').trim();
  const parts = main.split(/[、，,\s]+/u).filter(Boolean);
  return [...new Set([main.replace(/[、，,\s]/gu, ''), ...parts])].filter((p) => p.length >= 2);
}

/** Keys of a title at each level, strictest first. */
function titleKeys(t: Titled): Record<Level, string[]> {
  const full = t.version && !normalizeTitle(t.title).endsWith(normalizeTitle(t.version)) ? t.title + t.version : t.title;
  const split = splitVersion(normalizeTitle(full));
  const base = split.title;
  const loose = looseTitleKey(stripState(base));
  return {
    exact: [normalizeTitle(full)],
    base: [base],
    stateless: [stripState(base)],
    alias: [...(t.aliases ?? []), ...issuerPrefixes(t.issuer).map((p) => p + base)].map(normalizeTitle),
    loose: [...new Set([loose, loose.replace(ISSUER_BEFORE_ABOUT, ''), loose.replace(ISSUER_BEFORE_ABOUT, '').replace(/^关于/u, '')])],
  };
}

class TitleIndex<T extends Titled> {
  private readonly maps = new Map<Level, Map<string, T[]>>(LEVELS.map((l) => [l, new Map()]));
  constructor(items: readonly T[]) {
    for (const item of items) {
      const keys = titleKeys(item);
      for (const level of LEVELS) {
        for (const k of keys[level]) {
          if (!k) continue;
          const m = this.maps.get(level)!;
          const list = m.get(k) ?? [];
          if (!list.includes(item)) list.push(item);
          m.set(k, list);
        }
      }
    }
  }

  /**
   * Items whose title fits the cited one, at the strictest level where any fits.
   * A version in the citation must agree with the item's version when both have
   * one; a citation cannot point to an item issued after the citing text, nor a
   * plan for 2019-2022 to a text issued in 2023.
   */
  find(cited: string, from: CitingContext = {}): T[] {
    const citedVersion = splitVersion(normalizeTitle(cited)).version;
    const years = versionYears(citedVersion);
    const keys = titleKeys({ title: cited, aliases: [cited] });
    for (const level of LEVELS) {
      const found = new Set<T>();
      for (const k of keys[level]) for (const item of this.maps.get(level)!.get(k) ?? []) found.add(item);
      const fits = [...found].filter((item) => {
        if (citedVersion && item.version && versionKey(citedVersion) !== versionKey(item.version)) return false;
        if (from.year && item.year && item.year > from.year) return false;
        if (years && item.year && !item.version && item.year > years[0]) return false;
        return true;
      });
      if (fits.length) return fits;
    }
    return [];
  }
}

interface CatalogueItem extends Titled {
  entry: LibraryCatalogueEntry;
}

/** Kinds named in words in a reason ("the law 《…》 has 79 articles"). */
const LEGAL_KINDS = new Set(['law', 'regulation', 'rules']);

/** The article, paragraph and item a locator names, or why it cannot be found. */
function findClause(doc: LibraryDocument, l: Locator): { path: string[] } | { reason: string } {
  const title = `《${fullTitle(doc)}》`;
  if (l.article === undefined) {
    return { reason: `the citation names ${formatLocator(l)} without an article` };
  }
  if (!doc.articles.length) return { reason: `${title} is not divided into articles; there is no 第${formatNumeral(l.article)}条` };
  const art: LibraryArticle | undefined = doc.articles.find((a) => a.number === l.article);
  if (!art) {
    const what = LEGAL_KINDS.has(doc.kind ?? '') ? `the ${doc.kind} ${title}` : title;
    return { reason: `${what} has ${doc.articles.length} articles; there is no 第${formatNumeral(l.article)}条` };
  }
  const path = [art.id];
  if (l.paragraph === undefined && l.item === undefined) return { path };
  const paraNo = l.paragraph ?? 1;
  const para = art.paragraphs.find((p) => p.number === paraNo);
  if (!para) {
    return { reason: `第${formatNumeral(art.number)}条 of ${title} has ${art.paragraphs.length} paragraph(s); there is no 第${formatNumeral(paraNo)}款` };
  }
  if (para.id !== art.id && (l.paragraph !== undefined || art.paragraphs.length > 1)) path.push(para.id);
  if (l.item === undefined) return { path };
  const item = para.items.find((i) => i.number === l.item);
  if (!item) {
    return { reason: `${formatLocator({ article: art.number, paragraph: l.paragraph })} of ${title} has ${para.items.length} item(s); there is no 第（${formatNumeral(l.item)}）项` };
  }
  path.push(item.id);
  return { path };
}

function fullTitle(doc: Pick<LibraryDocument, 'title' | 'version'>): string {
  return doc.version && !normalizeTitle(doc.title).endsWith(normalizeTitle(doc.version)) ? doc.title + doc.version : doc.title;
}

/**
 * Creates the resolver over a library of documents and catalogue entries.
 * Resolution, in order: a document of the corpus (by title at decreasing
 * strictness — exact, without version, without 中华人民共和国, a defined short
 * name, loose — then by 文号), then the clause a locator names; else a catalogue
 * entry; else unresolved with the words as cited. Several documents fitting
 * equally well make the reference ambiguous, with every candidate listed.
 */
export function createReferenceResolver(library: ReferenceLibrary): Resolver {
  const docs = new TitleIndex<LibraryDocument>(library.documents);
  const catalogue = new TitleIndex<CatalogueItem>(
    library.catalogue.map((entry) => ({ entry, title: entry.title, issuer: entry.issuer, year: entry.date ? Number(entry.date.slice(0, 4)) : undefined })),
  );
  const byId = new Map(library.documents.map((d) => [d.id, d]));
  const byNumber = new Map<string, LibraryDocument[]>();
  for (const d of library.documents) {
    if (!d.docNumber) continue;
    const key = normalizeDocNumber(d.docNumber) ?? d.docNumber;
    byNumber.set(key, [...(byNumber.get(key) ?? []), d]);
  }

  const shortForms = (doc: Pick<LibraryDocument, 'title' | 'version'>): string[] => {
    const base = splitVersion(doc.title).title;
    const forms = new Set([base, stripState(base)]);
    forms.delete(fullTitle(doc));
    return [...forms].filter((f) => f.length >= 2);
  };

  const bareTitles = [
    ...new Set(
      [
        ...library.documents.flatMap((d) => [fullTitle(d), ...shortForms(d), ...d.aliases]),
        ...library.catalogue.flatMap((e) => [e.title, ...shortForms({ title: e.title })]),
      ].filter((t) => t.length >= 2 && endsWithTypeWord(t)),
    ),
  ].sort((a, b) => b.length - a.length);

  const toDocument = (doc: LibraryDocument, locator: Locator | undefined): Resolution => {
    const normalized = `《${fullTitle(doc)}》${formatLocator(locator)}`;
    const base: Resolution = { status: 'resolved', toDocId: doc.id, toTitle: fullTitle(doc), toPath: [], normalized };
    const entry = catalogue.find(fullTitle(doc))[0];
    if (entry) base.catalogueId = entry.entry.id;
    if (!locator || !Object.keys(locator).length) return base;
    const found = findClause(doc, locator);
    if ('reason' in found) return { ...base, status: 'unresolved', reason: found.reason };
    return { ...base, toClauseId: found.path[found.path.length - 1], toPath: found.path };
  };

  const candidatesOf = (list: LibraryDocument[]): Candidate[] => list.map((d) => ({ docId: d.id, title: fullTitle(d) }));

  return {
    bareTitles,
    shortForms,
    document: (id) => byId.get(id),
    findDocuments(title, from = {}) {
      for (const t of [title, ...regionalVariants(title, from.region)]) {
        const found = docs.find(t, from);
        if (found.length) return found;
      }
      return [];
    },
    resolve(target, from = {}) {
      const loc = formatLocator(target.locator);
      if (target.docId) {
        const doc = byId.get(target.docId);
        if (!doc) return { status: 'unresolved', toPath: [], normalized: loc, reason: `no document ${target.docId}` };
        return toDocument(doc, target.locator);
      }
      const titles = [target.title, ...(target.innerTitles ?? [])].filter((t): t is string => !!t);
      const inCorpus = (list: LibraryDocument[], cited: string): Resolution => {
        const self = from.docId ? list.find((d) => d.id === from.docId) : undefined;
        if (self) {
          // A title naming the citing document itself: a clause of it, or no reference at all.
          return target.locator && Object.keys(target.locator).length ? toDocument(self, target.locator) : { ...toDocument(self, undefined), self: true };
        }
        if (list.length === 1) return toDocument(list[0]!, target.locator);
        return {
          status: 'ambiguous',
          toPath: [],
          candidates: candidatesOf(list),
          normalized: `《${cited}》${loc}`,
          reason: `${list.length} documents fit 《${cited}》`,
        };
      };
      const readings = [...titles, ...titles.flatMap((t) => regionalVariants(t, from.region))];
      for (const t of readings) {
        const found = docs.find(t, from);
        if (found.length) return inCorpus(found, t);
      }
      if (target.docNumber) {
        const found = byNumber.get(normalizeDocNumber(target.docNumber) ?? target.docNumber) ?? [];
        if (found.length) return inCorpus(found, target.title ?? target.docNumber);
      }
      for (const t of readings) {
        const found = catalogue.find(t, from);
        if (found.length === 1) {
          const e = found[0]!.entry;
          return { status: 'catalogue', catalogueId: e.id, toTitle: e.title, toPath: [], normalized: `《${e.title}》${loc}` };
        }
        if (found.length > 1) {
          return {
            status: 'ambiguous',
            toPath: [],
            candidates: found.map((f) => ({ catalogueId: f.entry.id, title: f.entry.title })),
            normalized: `《${t}》${loc}`,
            reason: `${found.length} catalogue entries fit 《${t}》`,
          };
        }
      }
      const cited = target.title ? `《${target.title}》${loc}` : `${target.docNumber ?? ''}${loc}`;
      return {
        status: 'unresolved',
        toPath: [],
        normalized: cited,
        reason: target.title ? `no document or catalogue entry titled 《${target.title}》` : `no document numbered ${target.docNumber}`,
      };
    },
  };
}
