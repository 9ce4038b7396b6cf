/** The filter builder: a search's parameters as one Meilisearch filter, every value escaped (src/services/filter.ts). */
import { ApiError } from '../../errors.js';
import type { SearchQuery } from '../../schemas/search.js';
import { and, eq, statusFilter } from '../filter.js';
import { asOfDay } from '../effect-status.js';
import type { RegistryLike } from './context.js';

/** The department filter: any spelling of a body (its registry name is what the index holds), 404 for none. */
export function departmentFilter(q: SearchQuery, registry: RegistryLike | undefined): string | undefined {
  if (!q.department) return undefined;
  const found = registry?.lookup(q.department);
  if (registry && !found) {
    throw new ApiError('DEPARTMENT_NOT_FOUND', `No department is called ${q.department}.`, {
      department: q.department,
      suggestions: registry.closest(q.department, 5),
    });
  }
  const name = found?.name ?? q.department;
  return q.role ? eq('departmentRoles', `${name}:${q.role}`) : eq('departments', name);
}

/**
 * The clause filters of a search: `unfiltered` without the effect status (the status facet counts under it), and
 * `filter` with it, for the day `asOf` the status is judged on.
 */
export function clauseFilters(q: SearchQuery, registry: RegistryLike | undefined): { unfiltered: string | undefined; filter: string | undefined; asOf: number } {
  const unfiltered = and(
    q.kind ? eq('kind', q.kind) : eq('isUnit', true),
    q.docId && eq('docId', q.docId),
    q.docKind && eq('docKind', q.docKind),
    q.issuer && eq('issuer', q.issuer),
    q.year !== undefined && eq('year', q.year),
    departmentFilter(q, registry),
  );
  const asOf = asOfDay(q.asOf);
  return { unfiltered, filter: and(unfiltered, q.status && statusFilter(q.status, asOf)), asOf };
}
