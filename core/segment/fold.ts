import * as OpenCC from 'opencc-js';

/**
 * Folding applied to indexed text and to queries alike, so a reader may type
 * traditional characters (數據安全) or full-width Latin (ＩＰｖ６) and still
 * match. Both folds map one character to one character, so offsets found in
 * the folded text are offsets in the original (highlight relies on it).
 */

/** Han blocks whose traditional forms OpenCC knows (Unified Ideographs, Extension A, Compatibility). */
const HAN_RANGES: Array<[number, number]> = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
];

let table: Uint16Array | undefined;

/**
 * Traditional → simplified, character by character, from OpenCC's t → cn
 * character table (built once by converting every Han character alone, into a
 * 64K lookup array). Character by character on purpose: phrase conversion
 * would change the length, and a query and a text must fold identically
 * whatever surrounds them. It is also fast enough to fold every indexed text
 * and every hit at query time.
 */
function traditionalTable(): Uint16Array {
  if (table) return table;
  const convert = OpenCC.Converter({ from: 't', to: 'cn' });
  const t = new Uint16Array(0x10000);
  for (const [lo, hi] of HAN_RANGES) {
    const chars: string[] = [];
    for (let c = lo; c <= hi; c++) chars.push(String.fromCharCode(c));
    // A separator between characters keeps OpenCC from matching multi-character phrases.
    const converted = convert(chars.join('\n')).split('\n');
    if (converted.length !== chars.length) throw new Error('OpenCC changed the number of characters');
    chars.forEach((ch, i) => {
      const to = converted[i]!;
      if (to !== ch && to.length === 1) t[ch.charCodeAt(0)] = to.charCodeAt(0);
    });
  }
  table = t;
  return t;
}

/** Traditional → simplified (數據 → 数据), one character for one character. */
export function foldTraditional(text: string): string {
  const t = traditionalTable();
  let out: string[] | undefined;
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const to = t[text.charCodeAt(i)]!;
    if (to === 0) continue;
    (out ??= []).push(text.slice(last, i), String.fromCharCode(to));
    last = i + 1;
  }
  return out ? out.join('') + text.slice(last) : text;
}

/** Full-width ASCII (Ｇ, ２０２５) → half-width, ideographic space → space. One char for one char. */
export function foldWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/** Both folds; the result always has the length of `text`. */
export function foldText(text: string): string {
  return foldTraditional(foldWidth(text));
}
