import { z } from 'zod';

/** One quantitative target (指标) a document sets, with where it is stated. */
export const Target = z.object({
  /** `<clauseId>--tgt_<n>`: stable while the clause and its wording are. */
  id: z.string(),
  docId: z.string(),
  clauseId: z.string(),
  /** The indicator group (registry id or a hash of the folded name) and its display name. */
  indicatorId: z.string(),
  indicator: z.string(),
  /** The indicator as the text names it. */
  asWritten: z.string(),
  value: z.number(),
  /** As written: 万个, %, 亿元, T, EFLOPS; '' for a bare number (PUE 1.3). */
  unit: z.string(),
  year: z.number().int(),
  /** 以上 / 左右 / 超过 / 不低于 / 不高于 … when the text qualifies the number. */
  qualifier: z.string().optional(),
  baseline: z.object({ value: z.number(), year: z.number().int() }).optional(),
  /** 约束性 (true) / 预期性 (false), where a table says. */
  binding: z.boolean().optional(),
  form: z.enum(['sentence', 'table']),
  /** The sentence (or the table row) stating it, and the number's offsets in the clause's text. */
  text: z.string(),
  span: z.object({ start: z.number().int(), end: z.number().int() }),
});
export type Target = z.infer<typeof Target>;
