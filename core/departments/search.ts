import type { DepartmentRegistry } from './registry.js';

/**
 * Every canonical name, alias and abbreviation, for the nodejieba user
 * dictionary: each must stay ONE token, or 省工业和信息化厅 would be indexed as
 * 省 / 工业 / 和 / 信息化 / 厅 and no synonym could ever match it.
 */
export function departmentDictionary(registry: DepartmentRegistry): string[] {
  return registry.allNames().filter((n) => n.length > 1);
}

/**
 * Meilisearch synonyms (multi-way): each written form of a body maps to all its
 * other forms, so searching 工信厅 finds text that says 省工业和信息化厅 and the
 * reverse. An abbreviation shared by several bodies (发改委) maps to all of them:
 * for search, recall beats the resolver's choice of one level.
 */
export function departmentSynonyms(registry: DepartmentRegistry): Record<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const d of registry.departments()) {
    const forms = [...new Set([d.name, ...d.aliases, ...d.abbreviations])];
    for (const f of forms) {
      const set = out.get(f) ?? new Set<string>();
      for (const g of forms) if (g !== f) set.add(g);
      out.set(f, set);
    }
  }
  return Object.fromEntries([...out].filter(([, v]) => v.size > 0).map(([k, v]) => [k, [...v]]));
}
