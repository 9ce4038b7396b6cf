import { z } from 'zod';
import { Level, guessLevel, isCollective, type DepartmentRegistry } from '../departments/index.js';
import { Role, type Task, type TaskDoc } from '../model/task.js';
import { departmentId, SafeId } from '../ids/ids.js';

export { TaskDoc } from '../model/task.js';

/** Tasks per role for one department. */
export const RoleCounts = z.object({
  lead: z.number().int(),
  responsible: z.number().int(),
  cooperating: z.number().int(),
  total: z.number().int(),
});
export type RoleCounts = z.infer<typeof RoleCounts>;

/**
 * The `departments` index: the registry as the API sees it (the API reads the
 * registry from here, never from the JSON file), plus task counts, plus the
 * bodies found in the text that the registry does not know (known: false).
 */
export const DepartmentDoc = z.object({
  /** 'dept-' + 16 hex of sha256(name): Meilisearch ids allow only [A-Za-z0-9_-]. */
  id: SafeId,
  name: z.string(),
  level: Level,
  aliases: z.array(z.string()),
  abbreviations: z.array(z.string()),
  /** Every form of the name (canonical, aliases, abbreviations, as written in the text), for `names = "工信厅"` filters. */
  names: z.array(z.string()),
  known: z.boolean(),
  /** The entry stands for many bodies (各县区人民政府, 各街办（新区）, 区级相关部门). */
  collective: z.boolean().default(false),
  counts: RoleCounts,
  /** Registry order (unknown bodies after), for stable listings. */
  order: z.number().int(),
});
export type DepartmentDoc = z.infer<typeof DepartmentDoc>;

/** A department's index id (core/ids). */
export { departmentId };

const uniq = <T>(xs: T[]): T[] => [...new Set(xs)];

/**
 * The `tasks` index documents: each task with flat filter fields
 * (departments, `name:role` pairs, roles) and segmented search fields.
 * @param segment turns text into space-separated words (default: identity, for tests)
 * @param firstOrder `order` of the first task (tasks arrive file by file when streamed)
 */
export function toTaskDocs(tasks: Task[], segment: (s: string) => string = (s) => s, firstOrder = 0): TaskDoc[] {
  return tasks.map((t, i) => ({
    ...t,
    departments: uniq(t.owners.map((o) => o.department)),
    departmentRoles: uniq(t.owners.map((o) => `${o.department}:${o.role}`)),
    roles: uniq(t.owners.map((o) => Role.parse(o.role))),
    titleSeg: segment(t.title ?? ''),
    textSeg: segment(t.text),
    order: firstOrder + i,
  }));
}

/**
 * The `departments` index documents: every body of the registry (counts may be
 * 0) and every unknown body the tasks name, with task counts by role. A task
 * counts once per department, under the role the department has in it.
 */
export function toDepartmentDocs(registry: DepartmentRegistry, tasks: ReadonlyArray<Pick<Task, 'owners'>>): DepartmentDoc[] {
  const counts = new Map<string, RoleCounts>();
  const written = new Map<string, Set<string>>();
  const unknown: string[] = [];
  for (const t of tasks) {
    for (const o of t.owners) {
      const c = counts.get(o.department) ?? { lead: 0, responsible: 0, cooperating: 0, total: 0 };
      c[o.role]++;
      c.total++;
      counts.set(o.department, c);
      const w = written.get(o.department) ?? new Set<string>();
      if (o.asWritten) w.add(o.asWritten);
      written.set(o.department, w);
      if (o.known === false && !unknown.includes(o.department)) unknown.push(o.department);
    }
  }
  const zero = (): RoleCounts => ({ lead: 0, responsible: 0, cooperating: 0, total: 0 });
  const docs: DepartmentDoc[] = registry.departments().map((d, order) => ({
    id: departmentId(d.name),
    name: d.name,
    level: d.level,
    aliases: d.aliases,
    abbreviations: d.abbreviations,
    names: uniq([d.name, ...d.aliases, ...d.abbreviations, ...(written.get(d.name) ?? [])]),
    known: true,
    collective: d.level === 'group' || isCollective(d.name),
    counts: counts.get(d.name) ?? zero(),
    order,
  }));
  const base = docs.length;
  const fresh = unknown.filter((name) => !registry.lookup(name));
  // The spellings the text used become the body's abbreviations, so a lookup by any of them finds it
  // (区发改委 → 区发展改革委) — never one that is another body's full name.
  const fullNames = new Set([...registry.departments().flatMap((d) => [d.name, ...d.aliases]), ...fresh]);
  fresh.forEach((name, i) =>
    docs.push({
      id: departmentId(name),
      name,
      level: guessLevel(name),
      aliases: [],
      abbreviations: [...(written.get(name) ?? [])].filter((w) => w !== name && !fullNames.has(w)),
      names: uniq([name, ...(written.get(name) ?? [])]),
      known: false,
      collective: isCollective(name),
      counts: counts.get(name) ?? zero(),
      order: base + i,
    }),
  );
  return docs;
}
