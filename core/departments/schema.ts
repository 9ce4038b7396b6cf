import { z } from 'zod';

/**
 * Where a body sits in the hierarchy a document addresses — not who appoints it:
 * a vertically managed bureau written 省X局 (省税务局, 省通信管理局) acts as a
 * provincial department in provincial documents, so it is `provincial`.
 * - `provincial`: a provincial department, Party organ or provincial body (省工业和信息化厅, 省委网信办)
 * - `municipal`: a city's body or government, or all of them (济南市人民政府, 各市人民政府, 市发展改革委)
 * - `county`: a district's or county's body or government (区卫生健康局, 各县区人民政府)
 * - `subdistrict`: a 街道 / 镇 / 乡 (各街道办事处, 各街办（新区）)
 * - `central`: a central body or a local office of one that is not a financial regulator (工业和信息化部, 青岛海关)
 * - `regulator`: a financial regulator or central-bank branch (人民银行山东省分行, 山东证监局)
 * - `enterprise`: a company given tasks (国网山东省电力公司)
 * - `group`: a generic group, not one body (省政府各部门, 各有关部门)
 */
export const Level = z.enum(['provincial', 'municipal', 'county', 'subdistrict', 'central', 'regulator', 'enterprise', 'group']);
export type Level = z.infer<typeof Level>;

/** One body of the registry. */
export const DepartmentEntry = z
  .object({
    /** The canonical name, as documents of its level usually write it (省工业和信息化厅). */
    name: z.string().trim().min(2),
    level: Level,
    /**
     * Other full names of the SAME body: the official long form, a former name after a
     * rename, 人民政府/政府 variants. Unique across the registry.
     */
    aliases: z.array(z.string().trim().min(2)).default([]),
    /**
     * Short forms staff type (工信厅, 发改委). May be shared by bodies of different levels
     * (发改委: 省发展改革委 and 国家发展改革委); the resolver then prefers the document's level.
     */
    abbreviations: z.array(z.string().trim().min(2)).default([]),
    /** Why an alias is there (a rename, a merger), for reviewers. */
    note: z.string().optional(),
  })
  .strict();
export type DepartmentEntry = z.infer<typeof DepartmentEntry>;

/** core/departments/registry.json */
export const RegistryData = z
  .object({
    $comment: z.string().optional(),
    /** The level preferred for an ambiguous abbreviation when the caller gives none (default provincial). */
    preferLevel: Level.default('provincial'),
    departments: z.array(DepartmentEntry),
  })
  .strict()
  .superRefine((data, ctx) => {
    // A full name may belong to one body only; abbreviations may be shared but
    // never collide with someone's full name.
    const owner = new Map<string, string>();
    data.departments.forEach((d, i) => {
      for (const n of [d.name, ...d.aliases]) {
        const prev = owner.get(n);
        if (prev !== undefined && prev !== d.name) {
          ctx.addIssue({ code: 'custom', path: ['departments', i], message: `name "${n}" is given to both ${prev} and ${d.name}` });
        }
        owner.set(n, d.name);
      }
    });
    data.departments.forEach((d, i) => {
      for (const a of d.abbreviations) {
        const full = owner.get(a);
        if (full !== undefined && full !== d.name) {
          ctx.addIssue({ code: 'custom', path: ['departments', i], message: `abbreviation "${a}" of ${d.name} is the full name of ${full}` });
        }
      }
    });
  });
export type RegistryData = z.infer<typeof RegistryData>;
export type RegistryInput = z.input<typeof RegistryData>;
