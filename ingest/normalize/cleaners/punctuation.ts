/**
 * ASCII punctuation typed (or extracted) inside Chinese text → the official
 * full-width forms. Each rule looks at the neighbours, so numbers (1,000 /
 * 10:30 / 1.25), versions, URLs and Latin phrases keep their ASCII marks.
 */
import { HAN, isAsciiAlnum, isAsciiDigit, isCjkish, isHan } from '../../../core/patterns/characters.js';
import type { Edit } from '../offset-map.js';
import { lineSpans, type Cleaner } from '../cleaner.js';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

function nextNonSpace(text: string, i: number, acrossLines = false): string | undefined {
  let j = i;
  while (j < text.length && (text[j] === ' ' || text[j] === '\u3000' || (acrossLines && text[j] === '\n'))) j++;
  return text[j];
}

function prevNonSpace(text: string, i: number): string | undefined {
  let j = i;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\u3000')) j--;
  return j >= 0 ? text[j] : undefined;
}

/**
 * , ; : ? ! → ，；：？！ when the mark follows or precedes (across spaces) a
 * full-width character — but never between two digits (1,000 / 10:30) and
 * never a colon starting a URL path (http://).
 */
export const toChinesePunctuation: Cleaner = {
  name: 'to-chinese-punctuation',
  clean: (text) => {
    const edits: Edit[] = [];
    const re = /[,;:?!]/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const i = m.index;
      const prev = text[i - 1];
      const next = text[i + 1];
      if (isAsciiDigit(prev) && isAsciiDigit(next)) continue;
      if (m[0] === ':' && next === '/') continue;
      // Across a line break too: a comma ending a wrapped line is followed by the next line's text.
      const after = nextNonSpace(text, i + 1, true);
      // A percentage closes a Chinese clause too ("达到60%;2022年").
      const afterPercent = prev === '%' && (isAsciiDigit(after) || isCjkish(after));
      if (isCjkish(prev) || isCjkish(after) || afterPercent) edits.push({ start: i, end: i + 1, text: FULL[m[0]]!, artifact: true });
    }
    return { edits };
  },
};

const NUMBERING_CONTENT = /^[ \u3000]*(?:\d{1,3}|[一二三四五六七八九十百]+)[ \u3000]*$/;

/**
 * ( ) → （ ）, the official form. A pair stays ASCII only in a Latin context:
 * ASCII inside, an ASCII word (or nothing) before it and no Chinese after it
 * — f(x), "Protocol (IP)". Numbering labels (1) (一) always convert. An
 * unmatched parenthesis (its partner on another line, cut by a page break)
 * converts when its line has Chinese in it.
 */
export const toFullWidthParentheses: Cleaner = {
  name: 'to-full-width-parentheses',
  clean: (text) => {
    const edits: Edit[] = [];
    const hanLine = new RegExp(`[${HAN}]`);
    for (const span of lineSpans(text)) {
      const line = text.slice(span.start, span.end);
      if (!line.includes('(') && !line.includes(')')) continue;
      const lineHasHan = hanLine.test(line);
      const open: number[] = [];
      const convert = new Set<number>();
      const unmatched: number[] = [];
      for (let k = 0; k < line.length; k++) {
        const ch = line[k];
        if (ch === '(') open.push(k);
        else if (ch === ')') {
          const o = open.pop();
          if (o === undefined) {
            unmatched.push(k);
            continue;
          }
          const inner = line.slice(o + 1, k);
          const before = prevNonSpace(line, o - 1);
          const after = nextNonSpace(line, k + 1);
          const latin = /^[\x20-\x7e]*$/.test(inner) && (before === undefined || isAsciiAlnum(before)) && !isCjkish(after);
          if (NUMBERING_CONTENT.test(inner) || !latin) {
            convert.add(o);
            convert.add(k);
          }
        }
      }
      unmatched.push(...open);
      if (lineHasHan) for (const k of unmatched) convert.add(k);
      for (const k of [...convert].sort((a, b) => a - b)) {
        edits.push({ start: span.start + k, end: span.start + k + 1, text: FULL[line[k]!]!, artifact: true });
      }
    }
    return { edits };
  },
};

/**
 * A '.' that ends a Chinese sentence: after an ideograph (even before a digit:
 * "引擎.2020年"), or after a closing mark or % when no letter or digit
 * follows; never in a dot leader (.....) or before a lowercase letter (域名.com).
 */
function isChineseFullStop(text: string, i: number): boolean {
  const prev = text[i - 1];
  const next = text[i + 1];
  if (next === '.' || prev === '.' || (next !== undefined && /[a-z]/.test(next))) return false;
  // After an ideograph a digit or capital starts the next sentence ("引擎.2020年"):
  // a decimal point always follows a digit.
  if (isHan(prev)) return true;
  return prev !== undefined && '”’）)》%'.includes(prev) && !isAsciiAlnum(next);
}

/** How many Chinese full stops typed as '.' a text must show before the file is taken to use that style. */
const FULL_STOP_STYLE_MIN = 3;

/**
 * '.' → 。 in files whose sentences end with an ASCII period after Chinese
 * (an extraction style: "基础.") — decided per file, then applied only where
 * the dot follows Chinese text, so decimals (1.25, 11.2万), versions (v2.0),
 * URLs and list numbers at a line start ("1.") are never touched.
 */
export const toChineseFullStops: Cleaner = {
  name: 'to-chinese-full-stops',
  clean: (text) => {
    const at: number[] = [];
    for (let i = text.indexOf('.'); i !== -1; i = text.indexOf('.', i + 1)) if (isChineseFullStop(text, i)) at.push(i);
    if (at.length < FULL_STOP_STYLE_MIN) return { edits: [] };
    return { edits: at.map((i) => ({ start: i, end: i + 1, text: '。', artifact: true })) };
  },
};
