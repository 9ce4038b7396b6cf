import { z } from 'zod';

/**
 * A problem found in the text (an unknown numbering, an unresolved reference,
 * an unreadable file). Problems in the text are collected, never thrown —
 * like vfile-message: a place, a severity, a stable rule id.
 */
export const Severity = z.enum(['info', 'warning', 'error']);
export const TextMessage = z.object({
  severity: Severity,
  /** Stable rule id, e.g. 'read/corrupt-pdf', 'parse/numbering-gap', 'owners/unknown-department'. */
  rule: z.string(),
  message: z.string(),
  path: z.string().optional(),
  /** Offset in the original file, where known. */
  offset: z.number().int().nonnegative().optional(),
  /**
   * What the message is about, as data for programs (the message is for people):
   * e.g. `{ department, count, docId }` on 'owners/unknown-department'. Never parsed back out of `message`.
   */
  data: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type TextMessage = z.infer<typeof TextMessage>;

export function textMessage(
  severity: TextMessage['severity'],
  rule: string,
  message: string,
  where: { path?: string; offset?: number } = {},
  data?: Record<string, string | number>,
): TextMessage {
  return { severity, rule, message, ...where, ...(data ? { data } : {}) };
}
