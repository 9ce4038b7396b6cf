import registryData from '../departments/registry.json' with { type: 'json' };
import { DEPARTMENT_FUNCTIONS, createDepartmentRegistry, departmentDictionary, departmentSynonyms, type DepartmentFunctions, type DepartmentRegistry } from '../departments/index.js';
import { synonymMarker } from '../thesaurus/thesaurus.js';
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
  /** The same synonyms as Meilisearch words (see search-field.ts), for the `synonyms` setting; with each body's function marker. */
  encodedSynonyms: Record<string, string[]>;
  /**
   * Canonical name (folded) → what laws call the body by its function (folded). The query stage sends the body's
   * marker (synonymMarker of the name) instead of its name, whose synonyms are its names and these functions.
   */
  departmentFunctions: ReadonlyMap<string, string[]>;
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
export function searchVocabulary(registry: DepartmentRegistry, functions: readonly DepartmentFunctions[] = DEPARTMENT_FUNCTIONS): SearchVocabulary {
  const dictionary = [...new Set(segmenterWords(registry).map((w) => foldText(w.trim())).filter((w) => w.length > 1))].sort();
  const synonyms: Record<string, string[]> = {};
  for (const [form, others] of Object.entries(departmentSynonyms(registry))) {
    const key = foldText(form);
    const values = [...new Set([...(synonyms[key] ?? []), ...others.map(foldText)])].filter((v) => v !== key);
    if (values.length) synonyms[key] = values.sort();
  }
  const encodedSynonyms: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(synonyms)) encodedSynonyms[encodeSearchWord(k)] = v.map(encodeSearchWord);
  const departmentFunctions = new Map<string, string[]>();
  for (const entry of functions) {
    const body = registry.lookup(entry.department);
    if (!body) continue;
    const key = foldText(body.name);
    departmentFunctions.set(key, entry.functions.map((f) => foldText(f.replace(/ /g, ''))));
    // The marker stands for the body's names and its functions; a function of several words matches as a phrase.
    const names = [body.name, ...body.aliases, ...body.abbreviations].map((n) => encodeSearchWord(foldText(n)));
    const phrases = entry.functions.map((f) => f.split(' ').map((w) => encodeSearchWord(foldText(w))).join(' '));
    encodedSynonyms[encodeSearchWord(synonymMarker(key))] = [...new Set([...names, ...phrases])];
  }
  return { dictionary, synonyms, encodedSynonyms, departmentFunctions };
}

/** The vocabulary of the committed registry (core/departments/registry.json). */
export const SEARCH_VOCABULARY: SearchVocabulary = searchVocabulary(createDepartmentRegistry(registryData as never));
