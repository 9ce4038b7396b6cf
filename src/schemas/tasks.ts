import { z } from 'zod';
import { Level } from '../../core/departments/schema.js';
import { Role, TaskForm } from '../../core/model/task.js';
import { Owner } from '../../core/index/schemas.js';
import { RoleCounts } from '../../core/index/tasks.js';
import { Id, Limit, Offset, ShortText } from './common.js';

const Year = z.coerce.number().int().min(1949).max(2100);

export const DepartmentListQuery = z.object({
  q: ShortText.optional().describe('Only bodies with this in one of their names (大数据局, 工信; traditional characters fold); the body it names exactly first'),
  level: Level.optional().describe('Only bodies of this level'),
  withTasks: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('Only bodies that own at least one task'),
  limit: Limit(100, 100),
  offset: Offset,
});
export type DepartmentListQuery = z.infer<typeof DepartmentListQuery>;

export const DepartmentSummary = z.object({
  id: z.string(),
  name: z.string().describe('Canonical name'),
  level: Level,
  aliases: z.array(z.string()),
  abbreviations: z.array(z.string()),
  known: z.boolean().describe('false: found in the text, not (yet) in the registry'),
  collective: z.boolean().optional().describe('true: the entry stands for many bodies (各县区人民政府, 各街办（新区）, 区级相关部门)'),
  counts: RoleCounts.describe('Tasks by this body’s role in them'),
  url: z.string().describe('Its task list'),
});
export type DepartmentSummary = z.infer<typeof DepartmentSummary>;

export const DepartmentList = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  departments: z.array(DepartmentSummary),
});

export const DepartmentParams = z.object({
  name: ShortText.describe('Any name of the body: canonical, alias or abbreviation (工信厅)'),
});

export const DepartmentTasksQuery = z.object({
  role: Role.optional().describe('Only tasks where the body has this role'),
  docId: Id.optional(),
  year: Year.optional().describe('Only tasks naming this year (到2025年, a 2025 table column)'),
  limit: Limit(1000, 100),
  offset: Offset,
});
export type DepartmentTasksQuery = z.infer<typeof DepartmentTasksQuery>;

/** The CSV export takes the same filters, without paging: it is the whole 台账. */
export const DepartmentCsvQuery = DepartmentTasksQuery.pick({ role: true, docId: true, year: true });
export type DepartmentCsvQuery = z.infer<typeof DepartmentCsvQuery>;

export const DepartmentProfileQuery = DepartmentCsvQuery.extend({
  limit: Limit(500, 20).describe('Partners listed, most shared tasks first'),
});
export type DepartmentProfileQuery = z.infer<typeof DepartmentProfileQuery>;

const RoleSplit = z.object({ lead: z.number().int(), responsible: z.number().int(), cooperating: z.number().int() });

export const Partner = z.object({
  name: z.string().describe('Canonical name'),
  known: z.boolean(),
  tasks: z.number().int().describe('Tasks counted that this body shares'),
  roles: RoleSplit.describe('Its role in them'),
  url: z.string().describe('Its task list'),
});

export const DepartmentProfile = z.object({
  department: DepartmentSummary.extend({ requested: z.string().describe('The name as asked for') }),
  tasks: z.number().int().describe('The department’s tasks counted (with the role, docId and year filters)'),
  tasksUrl: z.string().describe('Those tasks, listed'),
  totalPartners: z.number().int().describe('Bodies sharing at least one of them (at most 500 are counted)'),
  partners: z.array(Partner).describe('Most shared tasks first'),
  documents: z
    .array(z.object({ docId: z.string(), title: z.string(), tasks: z.number().int(), url: z.string() }))
    .describe('Where the tasks are, most first'),
});
export type DepartmentProfile = z.infer<typeof DepartmentProfile>;

export const TaskHit = z.object({
  id: z.string(),
  docId: z.string(),
  docTitle: z.string(),
  clauseId: z.string(),
  citation: z.string(),
  title: z.string().optional(),
  text: z.string(),
  /** In /v1/departments/:name/tasks: the role of that body in this task. */
  role: Role.optional(),
  owners: z.array(Owner).describe('inherited: true when a note handed the owner down (下同, 以下任务均需…); collective: true for entries standing for many bodies'),
  leader: z.string().optional().describe('The person or post named beside the note (分管领导：…, 分管副省长负责), never a department'),
  years: z.array(z.number().int()),
  deadlines: z.array(z.string()),
  form: TaskForm,
  /** Search hits: a highlighted crop of the text. */
  snippet: z.string().optional(),
  url: z.string().describe('The clause holding the task'),
});
export type TaskHit = z.infer<typeof TaskHit>;

export const DepartmentTasks = z.object({
  department: DepartmentSummary.extend({ requested: z.string().describe('The name as asked for') }),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  tasks: z.array(TaskHit),
});
export type DepartmentTasks = z.infer<typeof DepartmentTasks>;

export const TaskSearchQuery = z.object({
  q: z.string().trim().max(200).optional().describe('Search words; omitted: list in document order'),
  department: ShortText.optional().describe('Only tasks this body owns (any of its names)'),
  role: Role.optional().describe('With department: its role; alone: tasks having an owner with this role'),
  docId: Id.optional(),
  year: Year.optional(),
  limit: Limit(100),
  offset: Offset,
});
export type TaskSearchQuery = z.infer<typeof TaskSearchQuery>;

export const TaskSearchResponse = z.object({
  query: z.string().optional(),
  department: z.string().optional().describe('The canonical name the department filter resolved to'),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  tasks: z.array(TaskHit),
});
export type TaskSearchResponse = z.infer<typeof TaskSearchResponse>;
