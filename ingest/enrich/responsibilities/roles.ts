import type { Role } from '../../../core/model/task.js';

/**
 * Labels that open a list of owners inside a note: 牵头单位：, 责任单位：,
 * 牵头责任单位：, 协同责任单位：… The role holds for the names after it until the
 * next label.
 */
export const ROLE_LABEL =
  /((?:主要|具体)?(?:牵头|主责|主办|责任|负责|配合|协同|协办|协助|参与|支持|实施|承办|落实)(?:责任|负责|配合|落实)?(?:单位|部门|处室)|责任主体)[:：]/;

/** Labels naming a person or post, never a department: 分管领导：, 牵头负责领导：, 责任领导：, 责任人：. */
export const LEADER_LABEL = /((?:分管|牵头负责|牵头|责任|负责|联系|包抓|协管)?(?:[省市区县]级?)?(?:领导|同志)|责任人)[:：]/;

/** Labels that give no role themselves; the closing words after them do: 部门分工：…牵头，…配合. */
export const NEUTRAL_LABEL = /(部门分工|职责分工|责任分工|任务分工|分工)[:：]/;

/** Labels of a note's deadline part (完成时限：2026年底): what follows is a date, never a body. */
export const DEADLINE_LABEL = /((?:完成|办结)(?:时限|时间|期限)|时间节点|时限要求|进度安排|时间安排)[:：]/;

/** Any label a note or a note line may open with. */
export const ANY_LABEL = new RegExp(`${LEADER_LABEL.source}|${ROLE_LABEL.source}|${NEUTRAL_LABEL.source}|${DEADLINE_LABEL.source}`);

/** Words that close a list of owners and give its role: …分工负责, …配合, …落实. Longest first. */
export const ROLE_SUFFIX =
  /(按职[责能](?:分工)?(?:配合|参与|协助|协同)|负责具体实施|负责组织实施|配合落实|协助落实|按职责分工负责|按职能分工负责|按职责分工落实|按职责分工|牵头负责|抓好落实|负责落实|共同负责|分别负责|分工负责|按职责负责|负责落实|组织实施|具体实施|负责|落实|牵头|协同配合|配合|参与|协助|协同)$/;

/**
 * The role a label, suffix or table header names; undefined when it names none.
 * 牵头/主责/主要责任 → lead; 责任/负责 → responsible; 配合/参与/协助 → cooperating.
 */
export function classifyRole(word: string): Role | undefined {
  // 主要责任单位 / 主要负责部门 name the body that answers first, beside 具体责任单位 or 配合单位: the lead.
  if (/牵头|主责|主办|主要(?:责任|负责)/.test(word)) return 'lead';
  if (/配合|参与|协助|协同|协办|支持/.test(word)) return 'cooperating';
  if (/责任|负责|实施|落实|分工/.test(word)) return 'responsible';
  return undefined;
}

/**
 * A post or person named where owners are (分管副市长, 协管副秘书长, 黄某某副主席):
 * a leader, kept apart from the departments.
 */
/**
 * The opening of a statement handing owners down to the tasks after it (以下任务均需…, 以下各项任务均涉及…,
 * 以下政策措施均需…): what follows names owners of later tasks, not of the text it stands in.
 */
export const HAND_DOWN_OPENING =
  /^(?:以下|下列|下述)(?:各项|所有|全部)?(?:[\u4e00-\u9fff]{0,4}?(?:任务|项目|工作|措施|事项|内容|政策))?(?:均|都|全部|皆)(?:需要|需|须|由|要|涉及|为|请)?/;

export const POST = /(?:[省市区县州]长|主席|秘书长|书记|领导|同志|常委|省长助理|市长助理)(?:[\u4e00-\u9fff]{2,3})?$/;
