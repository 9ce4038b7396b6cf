import registryData from '../../departments/registry.json' with { type: 'json' };
import { createDepartmentRegistry, departmentDictionary, departmentSynonyms, type DepartmentRegistry } from '../../departments/index.js';
import { foldText } from './fold.js';
import { policyTerms } from './policy-terms.js';

/**
 * The vocabulary search shares between nodejieba (user dictionary) and
 * Meilisearch (`dictionary` and `synonyms` settings), derived from the
 * department registry and the policy terms so the two never disagree.
 */
export interface SearchVocabulary {
  /** Words jieba keeps whole and Meilisearch must not split again (folded). */
  dictionary: string[];
  /** Every written form of a body → its other forms (folded), for Meilisearch `synonyms`. */
  synonyms: Record<string, string[]>;
}

/** Words for `createSegmenter({ userWords })`: department names and forms, then policy terms. */
export function segmenterWords(registry: DepartmentRegistry): string[] {
  return [...departmentDictionary(registry), ...policyTerms];
}

/**
 * Builds the vocabulary from a registry. Dictionary entries are what keeps
 * 省工业和信息化厅 one token inside Meilisearch — without it Meilisearch
 * re-splits it (省 / 工业 / 和 / 信息化 / 厅), its matching strategy can then
 * drop the last character and its typo tolerance can turn 局 into 厅. Parts
 * stay findable because the indexed token stream lists them separately.
 */
export function searchVocabulary(registry: DepartmentRegistry): SearchVocabulary {
  const dictionary = [...new Set(segmenterWords(registry).map((w) => foldText(w.trim())).filter((w) => w.length > 1))].sort();
  const synonyms: Record<string, string[]> = {};
  for (const [form, others] of Object.entries(departmentSynonyms(registry))) {
    const key = foldText(form);
    const values = [...new Set([...(synonyms[key] ?? []), ...others.map(foldText)])].filter((v) => v !== key);
    if (values.length) synonyms[key] = values.sort();
  }
  return { dictionary, synonyms };
}

/** The vocabulary of the committed registry (ingest/departments/registry.json). */
export const SEARCH_VOCABULARY: SearchVocabulary = searchVocabulary(createDepartmentRegistry(registryData as never));
