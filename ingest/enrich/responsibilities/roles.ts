import type { Role } from './task.js';

/**
 * Labels that open a list of owners inside a note: 牵头单位：, 责任单位：… The role
 * holds for the names after it until the next label.
 */
export const ROLE_LABEL = /(牵头单位|牵头部门|主责单位|主责部门|主办单位|责任单位|责任部门|责任主体|实施单位|配合单位|配合部门|协同单位|协同部门|协办单位|参与单位|参与部门|支持单位)[:：]/;

/** Words that close a list of owners and give its role: …分工负责, …配合, …落实. Longest first. */
export const ROLE_SUFFIX =
  /(按职责分工负责|按职能分工负责|按职责分工落实|按职责分工|牵头负责|共同负责|分别负责|分工负责|按职责负责|负责落实|组织实施|具体实施|负责|落实|牵头|协同配合|配合|参与|协助|协同)$/;

/**
 * The role a label, suffix or table header names; undefined when it names none.
 * 牵头 → lead; 责任/负责 → responsible; 配合/参与/协助 → cooperating.
 */
export function classifyRole(word: string): Role | undefined {
  if (/牵头|主责|主办/.test(word)) return 'lead';
  if (/配合|参与|协助|协同|协办|支持/.test(word)) return 'cooperating';
  if (/责任|负责|实施|落实|分工/.test(word)) return 'responsible';
  return undefined;
}
