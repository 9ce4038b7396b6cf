import registryData from '../departments/registry.json' with { type: 'json' };
import { createDepartmentRegistry, departmentDictionary, departmentSynonyms, type DepartmentRegistry } from '../departments/index.js';
import { foldText } from './fold.js';
import { policyTerms } from './policy-terms.js';
import { encodeSearchWord } from './search-field.js';

/**
 * The vocabulary search shares between nodejieba (user dictionary) and
 * Meilisearch (`synonyms`), derived from the department registry and the
 * policy terms so the two never disagree.
 */
export interface SearchVocabulary {
  /** Words jieba keeps whole (folded). */
  dictionary: string[];
  /** Every written form of a body → its other forms (folded), as written. */
  synonyms: Record<string, string[]>;
  /** The same synonyms as Meilisearch words (see search-field.ts), for the `synonyms` setting. */
  encodedSynonyms: Record<string, string[]>;
}

/** Words for `createSegmenter({ userWords })`: department names and forms, then policy terms. */
export function segmenterWords(registry: DepartmentRegistry): string[] {
  return [...departmentDictionary(registry), ...policyTerms];
}

/**
 * Builds the vocabulary from a registry. Meilisearch's own `dictionary`
 * setting is not needed: our tokens reach it encoded, as words it never
 * splits (search-field.ts), which the evaluation measured as better than
 * listing words in `dictionary` (tests/eval, variant `raw-tokens`).
 */
export function searchVocabulary(registry: DepartmentRegistry): SearchVocabulary {
  const dictionary = [...new Set(segmenterWords(registry).map((w) => foldText(w.trim())).filter((w) => w.length > 1))].sort();
  const synonyms: Record<string, string[]> = {};
  for (const [form, others] of Object.entries(departmentSynonyms(registry))) {
    const key = foldText(form);
    const values = [...new Set([...(synonyms[key] ?? []), ...others.map(foldText)])].filter((v) => v !== key);
    if (values.length) synonyms[key] = values.sort();
  }
  const encodedSynonyms: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(synonyms)) encodedSynonyms[encodeSearchWord(k)] = v.map(encodeSearchWord);
  return { dictionary, synonyms, encodedSynonyms };
}

/** The vocabulary of the committed registry (core/departments/registry.json). */
export const SEARCH_VOCABULARY: SearchVocabulary = searchVocabulary(createDepartmentRegistry(registryData as never));
