/**
 * What a question asks for, recognised by the frame it is written in (什么时候施行,
 * 分为哪几类, 多久…一次, 能不能要求…, 会被罚多少钱, 谁负责…) — patterns of how
 * questions are put in Chinese, never particular questions. The frame is removed
 * from the query (its words name no clause) and the intent is searched instead
 * through its cue words: how the texts write an answer of that kind (本法自…起施行,
 * 处…罚款, 每年至少…一次, 分为…类型, 有权请求…, 本法所称…是指, 由…负责).
 *
 * Shared by the index settings (each intent's cues are one synonym group, see
 * thesaurus.ts) and the query stage (src/services/query).
 */
/** Every kind, once: the API schema's enum is this list. */
export const INTENT_KINDS = ['conditions', 'when', 'frequency', 'penalty', 'who', 'categories', 'obligation', 'right', 'definition', 'amount'] as const;
export type IntentKind = (typeof INTENT_KINDS)[number];

export interface IntentRule {
  kind: IntentKind;
  /** A cheap test that some frame may match (the frames backtrack; most queries have no frame at all). */
  hint: RegExp;
  /** Frames that ask this, matched on the folded query; the match is removed. */
  frames: RegExp[];
  /** How the texts write the answer, as query words (multi-word cues are phrases). */
  cues: string[];
  /** Said to the user in the query plan. */
  reason: string;
}

/** In order: the first rule whose frame matches gives the intent; every matching frame of every rule is removed. */
export const INTENT_RULES: readonly IntentRule[] = [
  {
    // First: 条件是什么 would otherwise be read as a definition question (是什么).
    kind: 'conditions',
    hint: /条件|情况下|情形下|前提/,
    frames: [
      /(?:需要|要|应当|应该|必须|得|须)?(?:满足|符合|具备|具有|达到)?(?:什么|哪些|何种|哪几个|哪几项|哪几)(?:样的)?(?:条件|前提|情形)/g,
      /(?:在)?(?:什么|哪些|何种|哪种)(?:样的)?(?:情况|情形|条件|前提)下(?:才)?(?:可以|能够|能|可|允许)?/g,
      /(?:的)?(?:条件|前提)(?:是)(?:什么|哪些)/g,
    ],
    // How the texts state conditions: 符合下列情形之一的…方可; 应当具备下列条件.
    cues: ['下列 情形', '方可', '下列 条件', '情形 之一'],
    reason: 'a question about conditions: the texts say 符合下列情形之一的…方可 / 应当具备下列条件',
  },
  {
    kind: 'when',
    hint: /时|哪|几月|日期|多会/,
    frames: [
      /(?:从|自|于)?(?:什么时候|什么时间|何时|哪天|哪一天|哪年|哪一年|几月几日|多会儿)(?:开始|起)?(?:正式)?(?:施行|生效|实施|执行|起施行|起效|开始实施)?(?:的)?/g,
      /(?:的)?(?:施行|生效|实施)(?:日期|时间)(?:是)?/g,
    ],
    cues: ['施行', '生效', '起 实施'],
    reason: 'a question about when: the texts say 自…起施行 / 生效',
  },
  {
    kind: 'frequency',
    hint: /久|多长|多少时间|几年|几个月|多少年|频|周期/,
    frames: [
      /(?:每)?(?:隔)?(?:多久|多长时间|多少时间|几年|几个月|多少年)(?:要|需要|应当|应该|必须|得)?(?:做|进行|开展|搞|组织)?(?:一次|一回)?/g,
      /(?:的)?(?:频次|频率|周期)(?:是)?(?:多少|怎样|如何)?/g,
    ],
    cues: ['每年', '定期', '至少', '一次', '每季度', '每半年'],
    reason: 'a question about how often: the texts say 每年至少…一次 / 定期',
  },
  {
    kind: 'penalty',
    hint: /罚|承担|后果|法律责任/,
    frames: [
      /(?:会|要|将)?(?:被)?(?:罚款?|处罚)(?:金额)?(?:最高|最多|最低|最少)?(?:是|有|能|可以|可|会)?(?:罚)?(?:多少钱|多少|几万|多重|多少万)/g,
      /(?:要|应)?承担(?:什么|哪些|怎样的)(?:法律)?责任/g,
      /(?:会|要|将)?(?:受到|被|有)?(?:怎么|如何|怎样|什么|哪些)(?:样的)?(?:处罚|罚|惩罚|法律责任|后果)/g,
    ],
    cues: ['罚款', '处罚', '法律责任'],
    reason: 'a question about penalties: the texts say 处…罚款 in the 法律责任 chapter',
  },
  {
    kind: 'who',
    hint: /谁|哪|什么部门|负责|牵头|主管|责任/,
    frames: [
      // Not 向谁提出 / 找哪个部门投诉: that asks where a person turns (FILLER removes it), and the texts answer with the
      // act itself (可以向…提出异议, 向有关主管部门报告), not with who is responsible for a task.
      /(?<![向找跟给])(?:由|归)?(?:谁|哪个部门|哪些部门|哪个单位|哪些单位|什么部门|哪个机构|哪些机构|哪家)(?:来|具体)?(?:负责|牵头|主管|管理|统筹|监管|承担|落实|管)?/g,
      /(?:的)?(?:负责|牵头|主管|责任)(?:部门|单位)(?:是|有)(?:谁|哪个|哪些|什么)?/g,
    ],
    cues: ['负责', '牵头', '主管部门', '责任单位', '统筹'],
    reason: 'a question about who is responsible: answered from the task owners, and the texts say 由…负责 / 牵头',
  },
  {
    kind: 'categories',
    hint: /类|几种|种类|级别|几级/,
    frames: [
      /(?:可以|可)?(?:分为|分成|划分为|分|包括|有)(?:哪几|哪些|几|什么)个?(?:类型|类别|种类|级别|类|种|级|档)/g,
      // A further classifier after the first (分为哪几类哪几级): the interrogative alone, with no verb before it.
      /(?:哪几|哪些|几)(?:类|种|级|档)(?:别)?/g,
    ],
    // 有条件 / 无条件: how data rules name their classes (无条件共享、有条件共享和不予共享; 有条件开放 / 无条件开放),
    // often with no 分为 or 类型 in the clause.
    cues: ['分为', '类型', '分类', '种类', '分级', '有 条件', '无条件'],
    reason: 'a question about categories: the texts say 分为…类型 / 分类分级 / 有条件…无条件',
  },
  {
    kind: 'obligation',
    // A-not-A and 是否 questions about a duty (要不要, 需不需要, 应不应当, 是否必须…): the texts answer with 应当 / 必须.
    // A yes/no question about what is allowed (…合法吗, 是否违法) or needed (需要…吗, 要…吗): the texts answer with the duty
    // or the ban (应当 / 不得), so the modal and the verdict word are the frame, not the subject.
    hint: /不要|不需|不用|不应|不该|不必|是否|吗|么|嘛|合法|违法|违规|侵权|允许/,
    frames: [
      /(?:是否|是不是)?(?:要不要|需不需要|需要不需要|用不用|必不必须|应不应该|应不应当|该不该|是否需要|是否应当|是否必须|是否要)/g,
      /(?:是否|是不是|算不算|算是|属于)(?:合法|违法|违规|侵权|被允许|允许)(?:的)?|(?:合法|违法|违规|侵权|允许)(?:的)?(?:吗|么|嘛)/g,
      /(?:需要|需|要|必须|应当|应该|得)(?=[\u4e00-\u9fffA-Za-z0-9 ]{1,16}(?:吗|么|嘛)[？?！!。 ]*$)/g,
    ],
    cues: ['应当', '必须', '不得'],
    reason: 'a question about a duty or what is allowed: the texts say 应当 / 必须 / 不得',
  },
  {
    kind: 'right',
    hint: /能不能|能否|可不可以|可以不可以|是否|有没有权|有权吗/,
    frames: [/(?:我|个人|用户)?(?:能不能|能否|可不可以|可以不可以|是否可以|是否能|有没有权利?|是否有权|有权吗)(?:要求|请求|申请)?/g],
    cues: ['有权', '请求', '要求'],
    reason: 'a question about what one may ask for: the texts say 有权请求 / 可以要求',
  },
  {
    kind: 'definition',
    hint: /什么|何为|何谓|是指|指的是|指什么|定义|含义|概念|意思|界定|范围/,
    frames: [/(?:什么是|什么叫|何为|何谓)/g, /(?:是什么意思|是什么|是指什么|指的是什么|指什么|的定义|的含义|的概念|什么意思|怎么定义|如何定义|如何界定|的范围)/g],
    cues: ['是 指', '所 称'],
    reason: 'a question about what a term means: the texts say 本法所称…是指',
  },
  {
    kind: 'amount',
    hint: /多少|多大|多高|几个|目标/,
    frames: [/(?:要|需要|应当|将)?(?:达到|建成|建设|建)?(?:多少个|多少家|多少座|多少万|多少|多大|多高|几个)(?:个)?/g, /(?:的)?目标是(?:什么|多少)/g],
    cues: ['达到', '以上', '万个'],
    reason: 'a question about a figure or target: the texts say 到…年…达到…',
  },
];

/** Words that only frame a question (自己的个人信息 → 个人信息); removed with the frames. */
export const FILLER = /自己的|自己|我的|我们的|请问|想知道|想了解|[向找跟给](?:谁|哪个部门|哪些部门|什么部门|哪个单位|哪个机构|哪里|哪儿)/g;

/**
 * A duty named as a noun: 告知义务, 报告义务, 保密义务 — people name duties so, the texts write the act with 应当
 * (个人信息处理者…应当…告知). The two characters before 义务 are kept as the searched word and the question becomes an
 * obligation question; 义务 itself is given up (a text that says 履行…义务 still holds the act).
 */
export const DUTY_NOUN = /([\u4e00-\u9fff]{2})义务/g;
/** What stands before 义务 without being an act (权利义务, 法定义务, 下列义务…): left as typed. */
export const NOT_AN_ACT = new Set(['权利', '法定', '相应', '有关', '下列', '上述', '各项', '规定', '基本', '一般', '特定', '应尽', '合同', '约定', '相关', '以下', '共同', '连带']);
