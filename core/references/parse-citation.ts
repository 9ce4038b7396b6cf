import { findDocNumbers } from '../patterns/doc-number.js';
import { extractReferences } from './extract-references.js';
import { readLocatorList } from './locators.js';
import { NUMERAL } from './numerals.js';
import type { Locator } from './reference.js';
import { cleanTitle } from './scan-titles.js';

/** A citation as a reader typed it, taken apart. */
export interface ParsedCitation {
  title?: string;
  docNumber?: string;
  /** The first clause named (a list names several: see `locators`). */
  locator?: Locator;
  locators: Locator[];
}

const FIRST_ELEMENT = new RegExp(`第[ \\t\\u3000]*[（(]?[ \\t\\u3000]*${NUMERAL}[ \\t\\u3000]*[）)]?[ \\t\\u3000]*[条款项]`, 'u');

/**
 * Takes apart a human citation: a full or short title with or without 《》,
 * then an optional article/paragraph/item in Chinese or Arabic numerals —
 * 安全生产法第二十一条, 《中华人民共和国安全生产法》第31条, 安全生产法 第三十一条第一款 —
 * or a 文号 (国发〔2015〕50号). Returns undefined when nothing citable is there.
 */
export function parseCitation(cite: string): ParsedCitation | undefined {
  const text = cite.trim();
  if (!text) return undefined;
  if (/[《«]/u.test(text)) {
    const refs = extractReferences(text).filter((r) => r.anchor === 'title');
    const first = refs[0];
    if (!first) return undefined;
    const same = refs.filter((r) => r.title === first.title);
    const locators = same.map((r) => r.locator).filter((l): l is Locator => !!l);
    const out: ParsedCitation = { title: first.title!, locators };
    if (locators[0]) out.locator = locators[0];
    if (first.docNumber) out.docNumber = first.docNumber;
    return out;
  }
  const m = FIRST_ELEMENT.exec(text);
  const head = m ? text.slice(0, m.index) : text;
  const numbers = findDocNumbers(head);
  const title = cleanTitle(numbers.length ? head.slice(0, numbers[0]!.start) : head).replace(/[“”"]/gu, '');
  const locators = m ? (readLocatorList(text, m.index)?.entries.flatMap((e) => e.locators) ?? []) : [];
  const out: ParsedCitation = { locators };
  if (title) out.title = title;
  if (numbers[0]) out.docNumber = numbers[0].docNumber;
  if (locators[0]) out.locator = locators[0];
  return out.title || out.docNumber ? out : undefined;
}
