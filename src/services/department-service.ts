import { createDepartmentRegistry, type Department, type DepartmentRegistry } from '../../core/departments/index.js';
import { generationOf, perGeneration, type GenerationSource } from './generation.js';
import { foldText } from '../../core/segment/fold.js';
import type { TaskDoc } from '../../core/model/task.js';
import { INDEX } from '../../core/index/index-names.js';
import type { DepartmentDoc } from '../../core/index/tasks.js';
import { ApiError } from '../errors.js';
import type { Role } from '../../core/model/task.js';
import type {
  DepartmentCsvQuery,
  DepartmentListQuery,
  DepartmentProfile,
  DepartmentProfileQuery,
  DepartmentSummary,
  DepartmentTasks,
  DepartmentTasksQuery,
  TaskHit,
} from '../schemas/tasks.js';
import { and, eq } from './filter.js';
import type { IndexReader } from './index-reader.js';
import { clauseUrl, departmentUrl, documentUrl } from './urls.js';

/** Most departments the index can hold; read whole to rebuild the registry. */
const MAX_DEPARTMENTS = 10_000;
/** Most documents whose titles are kept for department profiles. */
const MAX_DOCUMENTS = 100_000;
/** Page size when the CSV export walks a department's whole task list. */
const CSV_PAGE = 1000;

function summary(d: DepartmentDoc): DepartmentSummary {
  return {
    id: d.id,
    name: d.name,
    level: d.level,
    aliases: d.aliases,
    abbreviations: d.abbreviations,
    known: d.known,
    ...(d.collective ? { collective: true } : {}),
    counts: d.counts,
    url: departmentUrl(d.name),
  };
}

/** A task as the API returns it; `department` adds that body's role. */
export function toTaskHit(t: TaskDoc, department?: string): TaskHit {
  const role = department ? t.owners.find((o) => o.department === department)?.role : undefined;
  return {
    id: t.id,
    docId: t.docId,
    docTitle: t.docTitle,
    clauseId: t.clauseId,
    citation: t.citation,
    ...(t.title ? { title: t.title } : {}),
    text: t.text,
    ...(role ? { role } : {}),
    owners: t.owners,
    ...(t.leader ? { leader: t.leader } : {}),
    years: t.years,
    deadlines: t.deadlines,
    form: t.form,
    url: clauseUrl(t.clauseId),
  };
}

export const TASK_FIELDS = ['id', 'docId', 'docTitle', 'clauseId', 'citation', 'title', 'text', 'owners', 'leader', 'years', 'deadlines', 'form'];

interface Loaded {
  stamp: string;
  registry: DepartmentRegistry;
  byName: Map<string, DepartmentDoc>;
  docs: DepartmentDoc[];
  /** Each body's names (canonical, aliases, abbreviations), folded and lower-cased, for `?q=`. */
  foldedNames: Map<DepartmentDoc, string[]>;
  /** Document titles and corpus positions by id (profiles name the documents a body's tasks are in). */
  documents: Map<string, { title: string; position: number }>;
}

/**
 * Departments and their task lists. The registry comes from the departments
 * index (never the JSON file: the API only reads the index), rebuilt with the
 * same resolver code as ingest and cached until the index is rebuilt (the meta
 * document's ingestedAt changes).
 */
export function createDepartmentService(reader: IndexReader, generation: GenerationSource = generationOf(reader)) {
  const load = perGeneration(generation, async (stamp): Promise<Loaded> => {
    const { hits } = await reader.list<DepartmentDoc>(INDEX.departments, { limit: MAX_DEPARTMENTS, sort: ['order:asc'] });
    const registry = createDepartmentRegistry({
      departments: hits.map((d) => ({ name: d.name, level: d.level, aliases: d.aliases, abbreviations: d.abbreviations })),
    });
    const foldedNames = new Map(hits.map((d) => [d, [d.name, ...d.aliases, ...d.abbreviations].map((n) => foldText(n).toLowerCase())]));
    const documents = await reader.list<{ id: string; title: string }>(INDEX.documents, {
      limit: MAX_DOCUMENTS,
      sort: ['order:asc'],
      fields: ['id', 'title'],
    });
    return {
      stamp,
      registry,
      byName: new Map(hits.map((d) => [d.name, d])),
      docs: hits,
      foldedNames,
      documents: new Map(documents.hits.map((d, position) => [d.id, { title: d.title, position }])),
    };
  });

  /** The body a name stands for, or 404 with the closest names. */
  const resolve = async (name: string): Promise<DepartmentDoc> => {
    const { registry, byName } = await load();
    const hit: Department | undefined = registry.lookup(name);
    const doc = hit && byName.get(hit.name);
    if (!doc) {
      throw new ApiError('DEPARTMENT_NOT_FOUND', `No department is called ${name}.`, { name, suggestions: registry.closest(name, 5) });
    }
    return doc;
  };

  const taskFilter = (name: string, q: DepartmentCsvQuery) =>
    and(
      q.role ? eq('departmentRoles', `${name}:${q.role}`) : eq('departments', name),
      q.docId && eq('docId', q.docId),
      q.year !== undefined && eq('years', q.year),
    );

  return {
    /**
     * The department registry of the live index generation (the registry file's bodies and every body ingest found
     * in a note), rebuilt once per generation: the one registry the API resolves department names with.
     */
    async registry(): Promise<DepartmentRegistry> {
      return (await load()).registry;
    },

    /** The canonical name for any name of a body; undefined when unknown (for other services' filters). */
    async canonical(name: string): Promise<string | undefined> {
      const { registry, byName } = await load();
      const hit = registry.lookup(name);
      return hit && byName.has(hit.name) ? hit.name : undefined;
    },

    resolve,

    async list(q: DepartmentListQuery) {
      const { docs, registry, foldedNames } = await load();
      const typed = q.q === undefined ? undefined : foldText(q.q).toLowerCase();
      // The body the words name outright (工信厅 → 省工业和信息化厅) leads, even if its names do not contain them.
      const named = q.q === undefined ? undefined : registry.lookup(q.q)?.name;
      const matches = (d: DepartmentDoc) =>
        typed === undefined || d.name === named || foldedNames.get(d)!.some((n) => n.includes(typed));
      const chosen = docs
        .filter((d) => (!q.level || d.level === q.level) && (!q.withTasks || d.counts.total > 0) && matches(d))
        // Busiest bodies first; registry order breaks ties, so the listing is stable.
        .sort((a, b) => Number(b.name === named) - Number(a.name === named) || b.counts.total - a.counts.total || a.order - b.order);
      return { total: chosen.length, limit: q.limit, offset: q.offset, departments: chosen.slice(q.offset, q.offset + q.limit).map(summary) };
    },

    async tasks(name: string, q: DepartmentTasksQuery): Promise<DepartmentTasks> {
      const dept = await resolve(name);
      const { hits, total } = await reader.list<TaskDoc>(INDEX.tasks, {
        filter: taskFilter(dept.name, q),
        limit: q.limit,
        offset: q.offset,
        sort: ['order:asc'],
        fields: TASK_FIELDS,
      });
      return {
        department: { ...summary(dept), requested: name },
        total,
        limit: q.limit,
        offset: q.offset,
        tasks: hits.map((t) => toTaskHit(t, dept.name)),
      };
    },

    /**
     * Who a department works with: the bodies that share its tasks (with the
     * filters: role=lead answers "what does it lead, and with whom?"), each
     * with its own role in them, and the documents the tasks are in. Counted
     * by Meilisearch facets over the tasks index, in one request.
     */
    async profile(name: string, q: DepartmentProfileQuery): Promise<DepartmentProfile> {
      const dept = await resolve(name);
      const { byName, documents: known } = await load();
      const dist = await reader.facets(INDEX.tasks, ['departments', 'departmentRoles', 'docId'], taskFilter(dept.name, q));
      const noRoles = (): Record<Role, number> => ({ lead: 0, responsible: 0, cooperating: 0 });
      const roles = new Map<string, Record<Role, number>>();
      for (const [key, n] of Object.entries(dist.departmentRoles ?? {})) {
        const at = key.lastIndexOf(':');
        const split = roles.get(key.slice(0, at)) ?? noRoles();
        split[key.slice(at + 1) as Role] += n;
        roles.set(key.slice(0, at), split);
      }
      const rank = (n: string) => byName.get(n)?.order ?? Number.MAX_SAFE_INTEGER;
      const partners = Object.entries(dist.departments ?? {})
        .filter(([n]) => n !== dept.name)
        .sort(([a, x], [b, y]) => y - x || rank(a) - rank(b))
        .map(([n, tasks]) => ({
          name: n,
          known: byName.get(n)?.known ?? false,
          tasks,
          roles: roles.get(n) ?? noRoles(),
          url: departmentUrl(n),
        }));
      const position = (id: string) => known.get(id)?.position ?? Number.MAX_SAFE_INTEGER;
      const documents = Object.entries(dist.docId ?? {})
        .sort(([a, x], [b, y]) => y - x || position(a) - position(b))
        .map(([docId, tasks]) => ({ docId, title: known.get(docId)?.title ?? docId, tasks, url: documentUrl(docId) }));
      const filters = new URLSearchParams();
      for (const key of ['role', 'docId', 'year'] as const) if (q[key] !== undefined) filters.set(key, String(q[key]));
      return {
        department: { ...summary(dept), requested: name },
        tasks: dist.departments?.[dept.name] ?? 0,
        tasksUrl: `${departmentUrl(dept.name)}${filters.size ? `?${filters}` : ''}`,
        totalPartners: partners.length,
        partners: partners.slice(0, q.limit),
        documents,
      };
    },

    /** Every task of a department (for the CSV 台账), in document order. */
    async allTasks(name: string, q: DepartmentCsvQuery): Promise<{ department: DepartmentDoc; tasks: TaskHit[] }> {
      const dept = await resolve(name);
      const tasks: TaskHit[] = [];
      for (let offset = 0; ; offset += CSV_PAGE) {
        const { hits, total } = await reader.list<TaskDoc>(INDEX.tasks, {
          filter: taskFilter(dept.name, q),
          limit: CSV_PAGE,
          offset,
          sort: ['order:asc'],
          fields: TASK_FIELDS,
        });
        tasks.push(...hits.map((t) => toTaskHit(t, dept.name)));
        if (hits.length < CSV_PAGE || tasks.length >= total) break;
      }
      return { department: dept, tasks };
    },
  };
}
export type DepartmentService = ReturnType<typeof createDepartmentService>;
