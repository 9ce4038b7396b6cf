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
});
export type TextMessage = z.infer<typeof TextMessage>;

export function textMessage(
  severity: TextMessage['severity'],
  rule: string,
  message: string,
  where: { path?: string; offset?: number } = {},
): TextMessage {
  return { severity, rule, message, ...where };
}
