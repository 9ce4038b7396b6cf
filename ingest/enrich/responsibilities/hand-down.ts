import type { DepartmentRegistry } from '../../../core/departments/index.js';
import { parseOwnerNote, type WrittenOwner } from './notes.js';
import { HAND_DOWN_OPENING as HAND_DOWN } from './roles.js';

/**
 * A paragraph that hands owners down to the tasks after it, instead of naming
 * them at each: 以下任务均涉及各县区人民政府，不再一一列出 / 以下各项任务均需各设区市
 * 人民政府负责落实 / 以下政策措施均需各区县人民政府抓好落实. The opening words and
 * the closing 不再列出 are not departments (HAND_DOWN_OPENING in roles.ts).
 */
/** What the owners do, after the role word (负责资金保障, 抓好组织实施): not a department. */
const DUTY_AFTER_ROLE = /(负责|抓好|做好)(?!落实$)[\u4e00-\u9fff]{1,10}$/;
/** 由其结合实际抓好落实: the owners just named are meant, and the closing word gives their role. */
const BY_THEM = /[，,]?由其[\u4e00-\u9fff]{0,8}?(抓好落实|负责落实|组织实施|具体实施|落实|负责)$/;
/** 协同推进 / 配合实施: the role word, then what is done together — the role is the first word's. */
const ROLE_THEN_ACT = /(协同|配合|协助|参与)(?:推进|实施|落实|完成)$/;
const NOT_LISTED = /[，,；;]?(?:均)?(?:不再|不另)(?:单独|一一|逐项|逐一|分别)?(?:列出|列明|标注|注明|列举)[。]?$/;

/**
 * The owners a hand-down paragraph names (roles from its closing words, else
 * responsible) and the fragments it could not read (`left`, for the document's
 * messages); undefined for any other text. A paragraph naming more bodies than
 * fragments is read in part rather than dropped whole.
 */
export function readHandDown(text: string, registry: DepartmentRegistry): { owners: WrittenOwner[]; left: string[] } | undefined {
  const t = text.replace(/\s+/g, '');
  const m = t.match(HAND_DOWN);
  if (!m || t.length > 120) return undefined;
  const rest = t.slice(m[0].length).replace(NOT_LISTED, '').replace(/[。；;]$/, '').replace(BY_THEM, '，$1').replace(DUTY_AFTER_ROLE, '负责').replace(ROLE_THEN_ACT, '$1');
  const parsed = parseOwnerNote(rest, registry);
  return parsed.owners.length > parsed.rejected.length ? { owners: parsed.owners, left: parsed.rejected } : undefined;
}
