import { createHash } from 'node:crypto';

/**
 * Document identity.
 *
 * Decision: a document's id is derived from its normalized title plus its
 * version marker (（试行）, （2024-2025年）, （会签稿）…), and NOT from its date or
 * 文号. The same document carries dates of different precision depending on
 * where it was found — "（2021年9月）" under its title in a compilation,
 * 2021.09.30 in a catalogue, 2021-07-19 in a manifest — so a date in the key
 * would split one law into several ids. When two genuinely different texts share
 * a title (an amended law next to its old text), the merge stage notices that
 * their texts disagree and asks for `{ withDate: true }` to tell them apart.
 */

/** Quotation marks of every width and style; a title keeps its meaning without them. */
const QUOTES = /[“”‘’"'「」『』〝〞″]/g;
/** Title marks: 《》 and the look-alikes PDF extraction produces. */
const TITLE_MARKS = /[《》〈〉«»<>]/g;
const DASHES = /[‐‑‒–—―－~～⁓]/g;

/**
 * A canonical form of a document title, for comparing titles from different
 * sources (a TOC, a body title line, a citation 《…》, a catalogue row):
 * Unicode NFKC (full-width digits and letters → ASCII), whitespace, 《》 and
 * quotes removed, dashes unified to '-', round/square/lenticular brackets unified
 * to full-width （）. Keeps 的 and version markers — see {@link looseTitleKey}
 * for the forgiving form.
 */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(TITLE_MARKS, '')
    .replace(QUOTES, '')
    .replace(DASHES, '-')
    .replace(/[([【]/g, '（')
    .replace(/[)\]】]/g, '）')
    .replace(/[。．.，,；;：:、]+$/u, '');
}

/**
 * A trailing version marker of a title: a year range （2024-2025年）, an edition
 * （2022版）, a draft stage （征求意见稿）（会签稿）, （试行）（暂行）（修订）（草案）.
 * A plain date （2021年9月） is not a version: it is where the document was dated.
 */
export const VERSION_SUFFIX =
  /[（(]\s*(?:\d{4}\s*(?:年\s*)?[-—–~～至]\s*\d{4}\s*年?(?:版|度)?|\d{4}\s*年?\s*(?:版|修订|修正)|[^（）()]{0,8}稿|试行|暂行|修订|修正|草案|修订版|第[一二三四五六七八九十\d]+版)\s*[）)]\s*$/u;

/** Splits a trailing version marker off a title: "X（试行）" → { title: "X", version: "（试行）" }. */
export function splitVersion(title: string): { title: string; version?: string } {
  const m = VERSION_SUFFIX.exec(title);
  if (!m || m.index === 0) return { title };
  const version = m[0]
    .trim()
    .replace(/^\(/, '（')
    .replace(/\)$/, '）')
    .replace(/\s+/g, '');
  return { title: title.slice(0, m.index).trimEnd(), version };
}

/**
 * A forgiving key for "is this the same title": {@link normalizeTitle}, then
 * version markers and every 的 dropped, then all punctuation — because the same
 * document is listed as 《…建设的指导意见》 in one place and 《…建设指导意见》 in
 * another. Never use it as an id: two versions of one plan share it.
 */
export function looseTitleKey(title: string): string {
  let t = normalizeTitle(title);
  for (let v = splitVersion(t); v.version; v = splitVersion(t)) t = v.title;
  return t.replace(/的/g, '').replace(/[\p{P}\p{S}]/gu, '');
}

/**
 * The id of a document: 'doc-' + the first 12 hex digits of sha256 over the
 * normalized title and version (only [A-Za-z0-9_-], usable as a Meilisearch
 * primary key and as the prefix of clause ids).
 *
 * @param meta the document's title and version; `date` and `docNumber` are
 *   ignored unless `opts.withDate` is set (see the decision at the top of this file).
 * @param opts.withDate default false: also key on the date, to tell apart two
 *   different texts that share title and version.
 */
export function documentId(
  meta: { title: string; version?: string; date?: string; docNumber?: string },
  opts: { withDate?: boolean } = {},
): string {
  const title = normalizeTitle(meta.title);
  const version = meta.version ? normalizeTitle(meta.version) : '';
  let key = version && !title.endsWith(version) ? title + version : title;
  if (opts.withDate && meta.date) key += `@${meta.date}`;
  return `doc-${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 12)}`;
}
