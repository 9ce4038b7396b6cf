/** Facet counts: renamed from index fields to query parameters, merged, counted over hits in hand. */
import type { ClauseDoc } from '../../../core/index/schemas.js';
import { FACET_FIELDS, type FacetName } from './constants.js';

/** Meilisearch's facet distribution under the names of the query parameters. */
export function renameFacets(dist: Record<string, Record<string, number>>): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [name, field] of Object.entries(FACET_FIELDS) as Array<[FacetName, string]>) out[name] = dist[field] ?? {};
  return out;
}

/** The `name:role` counts of one department, keyed by role; none without a department filter (a role alone filters nothing). */
export function rolesOf(pairs: Record<string, number>, department: string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  if (!department) return out;
  for (const [pair, n] of Object.entries(pairs)) {
    const cut = pair.lastIndexOf(':');
    if (pair.slice(0, cut) === department) out[pair.slice(cut + 1)] = n;
  }
  return out;
}

/** Adds two sets of facet counts. */
export function mergeFacets(a: Record<string, Record<string, number>>, b: Record<string, Record<string, number>>): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const bucket: Record<string, number> = { ...(a[name] ?? {}) };
    for (const [v, n] of Object.entries(b[name] ?? {})) bucket[v] = (bucket[v] ?? 0) + n;
    out[name] = bucket;
  }
  return out;
}

/** Facet counts over hits already in hand (phrase queries, whose totals are counted here). */
export function countFacets(hits: Array<Partial<ClauseDoc>>): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  const add = (name: string, value: unknown) => {
    if (value === undefined || value === null || value === '') return;
    const bucket = (out[name] ??= {});
    bucket[String(value)] = (bucket[String(value)] ?? 0) + 1;
  };
  for (const name of Object.keys(FACET_FIELDS)) out[name] = {};
  for (const h of hits) {
    add('docId', h.docId);
    add('kind', h.kind);
    add('docKind', h.docKind);
    add('issuer', h.issuer);
    add('year', h.year);
    for (const d of new Set(h.departments ?? [])) add('department', d);
    for (const r of new Set(h.departmentRoles ?? [])) add('role', r);
  }
  return out;
}
