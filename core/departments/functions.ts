import { z } from 'zod';
import functionsData from './functions.json' with { type: 'json' };

/**
 * What laws call a body by its function (functions.json): 省大数据局 → 大数据工作主管部门. Data, parsed once; the
 * search vocabulary (core/segment/vocabulary.ts) turns each entry into a marker synonym group.
 */
export const DepartmentFunctions = z.object({
  /** A canonical name of the registry. */
  department: z.string().min(2),
  /** Each as the segmenter splits it, space-separated (a multi-word synonym matches as a phrase). */
  functions: z.array(z.string().min(2)).min(1).max(6),
  reason: z.string().min(10),
});
export type DepartmentFunctions = z.infer<typeof DepartmentFunctions>;

const FunctionsFile = z.object({ $comment: z.string().optional(), entries: z.array(DepartmentFunctions) }).strict();

export const DEPARTMENT_FUNCTIONS: readonly DepartmentFunctions[] = FunctionsFile.parse(functionsData).entries;
