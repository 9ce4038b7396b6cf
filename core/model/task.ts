import { z } from 'zod';
import { Owner } from '../index/schemas.js';
import { SafeId } from '../ids/ids.js';

export const Role = z.enum(['lead', 'responsible', 'cooperating']);
export type Role = z.infer<typeof Role>;

/** How the owners were written: a note closing a task, a task-table row, or a section headed by a department. */
export const TaskForm = z.enum(['note', 'table', 'section']);
export type TaskForm = z.infer<typeof TaskForm>;


/**
 * A responsibility task: a span of a clause's text and the departments that own
 * it. One clause may hold several (an item with several owner notes); a table
 * row holds one.
 */
export const Task = z.object({
  /** `${clauseId}__t${n}`, n counting the clause's tasks from 1 in text order: stable while the clause is. */
  id: SafeId,
  docId: z.string(),
  docTitle: z.string(),
  clauseId: SafeId,
  citation: z.string(),
  /** The item's title sentence, or a task table's 任务名称. */
  title: z.string().optional(),
  /** Just the span the owners apply to (a table row: its year columns, labelled). */
  text: z.string(),
  /** In the order written; one entry per department. */
  owners: z.array(Owner).min(1),
  /** The person or post named beside the note (分管领导：…, 分管副省长负责), never a department. */
  leader: z.string().optional(),
  /** Years named: 到2025年, 2023年年底前, or the year columns of a table row. */
  years: z.array(z.number().int()),
  /** Deadlines as written (到2025年, 2023年年底前). */
  deadlines: z.array(z.string()),
  form: TaskForm,
});
export type Task = z.infer<typeof Task>;

/** The `tasks` index: a task plus flat fields for filters, facets and search. */
export const TaskDoc = Task.extend({
  /** Canonical names of the owners. */
  departments: z.array(z.string()),
  /** `name:role` pairs (省水利厅:lead), for one-filter role lookups. */
  departmentRoles: z.array(z.string()),
  roles: z.array(Role),
  /** Segmented text (space-separated words) that search matches; `text` stays for display. */
  titleSeg: z.string(),
  textSeg: z.string(),
  /** Corpus order, for stable listings. */
  order: z.number().int(),
});
export type TaskDoc = z.infer<typeof TaskDoc>;
