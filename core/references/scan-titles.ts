import { splitVersion } from '../ids/document-id.js';
import { tidyTitle } from '../text/lines.js';

/** A title found in a text: its span (marks included) and the title inside. */
export interface TitleSpan {
  start: number;
  end: number;
  /** The title, whitespace removed, widths folded, nested marks written 〈〉: 关于印发〈X〉的通知. */
  title: string;
  /** Titles nested inside it: 关于印发《X》的通知 → [X]. */
  innerTitles: string[];
  /** How it was marked: 《》 (also «» and 〈〉) or “”. */
  marks: 'angle' | 'quote';
}

const OPEN = new Set(['《', '«', '〈', '＜']);
const CLOSE = new Set(['》', '»', '〉', '＞']);
/** A 《 without its 》 within this many characters is stray, not a title. */
const MAX_TITLE_LENGTH = 120;
/** Sentence ends never occur inside a title; meeting one means the 《 was stray. */
const SENTENCE_END = /[。！？]/;

/** Cleans the inside of a title mark: page-break debris (newlines, spaces) out, widths folded. */
export function cleanTitle(inner: string): string {
  const flat = inner.replace(/[\r\n]+/g, ' ');
  return tidyTitle(flat.replace(/[《«]/g, '〈').replace(/[》»]/g, '〉'))
    .replace(/[\s\u3000]+(?=[^A-Za-z0-9])|(?<=[^A-Za-z0-9])[\s\u3000]+/g, '')
    .trim();
}

/**
 * A version marker written right after the closing mark, outside it:
 * 《X》（试行）, 《X》（2018-2022年）, 《X》（会签稿）. Returns its length, 0 if none.
 */
function versionAfter(text: string, at: number): { length: number; version?: string } {
  const m = /^[ \t\u3000]*[（(][^（）()\n]{1,14}[）)]/.exec(text.slice(at, at + 24));
  if (!m) return { length: 0 };
  const v = splitVersion(`X${m[0].trim()}`);
  return v.version && v.title === 'X' ? { length: m[0].length, version: v.version } : { length: 0 };
}

/**
 * Finds titles marked with 《》 (and the variants «», 〈〉 that extraction and
 * normalization leave), nesting included: 《关于印发〈X〉的通知》 is one title with
 * one inner title. A version marker right after the closing mark is taken into
 * the title. A title broken by a page break (newline inside) is rejoined.
 */
export function findAngleTitles(text: string): TitleSpan[] {
  const out: TitleSpan[] = [];
  // 〈 opens a title only when nested; alone it is usually a stray bracket.
  const outer = /[《«]/gu;
  let i = 0;
  while (i < text.length) {
    outer.lastIndex = i;
    const found = outer.exec(text);
    if (!found) break;
    i = found.index;
    let depth = 0;
    let j = i;
    const innerStarts: number[] = [];
    const inner: Array<[number, number]> = [];
    let closed = -1;
    for (; j < text.length && j - i <= MAX_TITLE_LENGTH; j++) {
      const c = text[j]!;
      if (OPEN.has(c)) {
        depth++;
        if (depth === 2) innerStarts.push(j);
      } else if (CLOSE.has(c)) {
        depth--;
        if (depth === 1 && innerStarts.length) inner.push([innerStarts.pop()!, j]);
        if (depth === 0) {
          closed = j;
          break;
        }
      } else if (SENTENCE_END.test(c)) {
        break;
      }
    }
    if (closed < 0 || closed === i + 1) {
      i++;
      continue;
    }
    const raw = text.slice(i + 1, closed);
    let title = cleanTitle(raw);
    let end = closed + 1;
    const v = versionAfter(text, end);
    if (v.length && v.version && !splitVersion(title).version) {
      title += v.version;
      end += v.length;
    }
    if (title.length > 0) {
      out.push({
        start: i,
        end,
        title,
        innerTitles: inner.map(([a, b]) => cleanTitle(text.slice(a + 1, b))).filter(Boolean),
        marks: 'angle',
      });
    }
    i = closed + 1;
  }
  return out;
}

/** Type words that make a quoted string a title by its shape alone (not 法, 计划, 清单: slogans end in those). */
const QUOTED_TITLE_SHAPE = /^[^、，,；;：:]{8,60}(?:条例|办法|规定|细则|规划|方案|意见|通知|纲要|决定|指南)$/u;

/**
 * Finds titles written in quotation marks. Quotes mostly mark slogans and
 * names (“十四五”, “区块链+执法”, “外专双百计划”), so “X” counts as a title only
 * when X is a known title or short name (`names`: the library's titles, the
 * document's defined 简称) or is unmistakably shaped like one: 8+ characters, no
 * list punctuation, ending in a document type word such as 办法, 规划, 意见.
 */
export function findQuotedTitles(text: string, names: { has(title: string): boolean } = new Set<string>()): TitleSpan[] {
  const out: TitleSpan[] = [];
  const re = /[“"]([^“”"\n]{1,60})[”"]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const title = cleanTitle(m[1]!);
    if (names.has(title) || QUOTED_TITLE_SHAPE.test(title)) {
      out.push({ start: m.index, end: m.index + m[0].length, title, innerTitles: [], marks: 'quote' });
    }
  }
  return out;
}
