import * as OpenCC from 'opencc-js';

/**
 * Folding applied to indexed text and to queries alike, so a reader may type
 * traditional characters (數據安全) or full-width Latin (ＩＰｖ６) and still
 * match. Both folds are meant to keep the string's length, so offsets found in
 * the folded text are offsets in the original (highlight relies on it).
 */

let toSimplified: ((s: string) => string) | undefined;

/** Traditional → simplified (opencc t → cn). Converter built once: it loads dictionaries. */
export function foldTraditional(text: string): string {
  const convert = (toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' }));
  return convert(text);
}

/** Full-width ASCII (Ｇ, ２０２５) → half-width, ideographic space → space. One char for one char. */
export function foldWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/**
 * Both folds. Opencc converts phrase by phrase and very rarely changes the
 * length; then the traditional fold is dropped for that text rather than
 * shifting every offset after it.
 */
export function foldText(text: string): string {
  const width = foldWidth(text);
  const simplified = foldTraditional(width);
  return simplified.length === width.length ? simplified : width;
}
