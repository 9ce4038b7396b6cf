/**
 * 文号 (document numbers): an issuer code, the year in brackets, a serial and 号 —
 * 国发〔2015〕50号, 鲁政办字〔2020〕34号, 鲁政发〔2023〕10号. GB/T 9704 prescribes
 * 〔〕; extraction and typing produce [] ［］ 【】 （） () instead, and a serial
 * is sometimes written 第14号. Shared by document heads (ingest/split), citations
 * (ingest/enrich/references) and queries (src/services/search-query.ts).
 */

const OPEN = '〔\\[［【（(';
const CLOSE = '〕\\]］】）)';
/** The bracketed year, serial and 号; the issuer code is read backwards from it (faster than a leading CJK run). */
const YEAR_SERIAL = new RegExp(`[ \\t]*[${OPEN}][ \\t]*([0-9０-９]{4})[ \\t]*[${CLOSE}][ \\t]*第?[ \\t]*([0-9０-９]{1,5})[ \\t]*号`, 'gu');
const CODE_BEFORE = /[\u4e00-\u9fff]{1,16}$/u;

/**
 * Words that come before a 文号 in running text but are never part of an issuer
 * code (按照国发〔2015〕50号 → 国发). The code is what follows the last of them.
 */
const LEAD_IN = /^.*(?:按照|根据|依据|依照|参照|参见|执行|落实|贯彻|印发|转发|见|和|及|与|或|的|文件|通知|意见|要求)/u;

const fold = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

export interface DocNumberSpan {
  start: number;
  end: number;
  /** Normalized: 国发〔2015〕50号. */
  docNumber: string;
}

/** Normalizes a 文号: brackets to 〔〕, digits to ASCII, spaces out. Returns undefined when it is not one. */
export function normalizeDocNumber(s: string): string | undefined {
  const found = findDocNumbers(s);
  return found.length === 1 ? found[0]!.docNumber : undefined;
}

/** Finds every 文号 in a text, with its span (issuer code included). */
export function findDocNumbers(text: string): DocNumberSpan[] {
  const out: DocNumberSpan[] = [];
  YEAR_SERIAL.lastIndex = 0;
  for (let m = YEAR_SERIAL.exec(text); m; m = YEAR_SERIAL.exec(text)) {
    const run = CODE_BEFORE.exec(text.slice(Math.max(0, m.index - 16), m.index))?.[0];
    if (!run) continue;
    const code = run.replace(LEAD_IN, '');
    if (!code) continue;
    out.push({ start: m.index - code.length, end: m.index + m[0].length, docNumber: `${code}〔${fold(m[1]!)}〕${Number(fold(m[2]!))}号` });
  }
  return out;
}

/** The text with every 文号 in its normalized form (国发[2022]第014号 → 国发〔2022〕14号), so they compare as strings. */
export function normalizeDocNumbersIn(text: string): string {
  const found = findDocNumbers(text);
  if (!found.length) return text;
  let out = '';
  let last = 0;
  for (const f of found) {
    out += text.slice(last, f.start) + f.docNumber;
    last = f.end;
  }
  return out + text.slice(last);
}
