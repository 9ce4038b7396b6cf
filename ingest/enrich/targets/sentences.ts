/**
 * Targets stated in sentences: a deadline (到2025年 / 2020年 / 自2020年起 /
 * 到2022年年底) governs the rest of its sentence, up to the next deadline; in
 * that scope each number with a unit is a target, its indicator read from
 * the words around it:
 * - before it, with a comparison verb: 行政村5G网络通达率超过99% → 行政村5G网络通达率;
 * - between a building verb and it: 累计开通5G基站25万个 → 5G基站;
 * - after it, when a building verb (or nothing) precedes: 建成40家以上国家级特色专业型平台.
 * A number with no deadline in its sentence is not a target; neither is a
 * count of the bodies a goal covers (16市均达到…), a year, a ranking (50强), or
 * a number glued to letters (5G, IPv6, 10G-PON's 10).
 */

export interface SentenceTarget {
  asWritten: string;
  value: number;
  unit: string;
  year: number;
  qualifier?: string;
  /** Offsets of the number (and unit) in the text scanned, and of its sentence. */
  start: number;
  end: number;
  sentence: { start: number; end: number };
}

const DEADLINE = /(?:到|至|在|于|自|从)?\s*((?:19|20)\d{2})\s*年(?![-—–~至到]\s*\d)(?:年底|年末|底|末|内)?(?:前|起|以前|之前)?(?![度以来远])/g;
const UNITS = [
  '万亿元', '亿元', '万元', '亿美元', '亿个', '万个', '万家', '万台', '万架', '万人次', '人次', '万次', '万人', '亿户', '万户', '万条', '万公里', '万吨', '万套', '万项', '万座',
  '个百分点', '百分点', '%', '倍',
  '个', '家', '台', '架', '座', '处', '项', '所', '条', '套', '户', '人', '公里', '千米', '兆瓦', '千瓦', '吨', '次', '件', '张', '部', '批', '类',
  'EFLOPS', 'PFLOPS', 'TFLOPS', 'Gbps', 'Mbps', 'EB', 'PB', 'TB', 'T',
];
const UNIT = UNITS.map((u) => u.replace(/[%]/g, '\\$&')).join('|');
const NUMBER = new RegExp(`(?<![A-Za-z0-9.+\\-/])(\\d+(?:\\.\\d+)?)\\s*(余)?\\s*(${UNIT})?(以上|左右|以内|以下|余)?(?![A-Za-z0-9])`, 'g');
const COMPARE = /(?:原则上)?(?:力争)?(?:均)?(?:达到|超过|突破|达|不低于|不少于|不高于|不超过|低于|高于|降至|降低到|提高到|提高至|提升至|提升到|增长到|增加到|控制在|保持在|年均增长|年均提高|提高|增长|至少)$/;
const BUILD = /(?:建成|建设|打造|培育|新增|形成|争创|推出|遴选培育|遴选|培树|建有|开通|部署|认定|创建|引进|布局|完成|拓展|推广|发展|新开通|累计开通|累计培育|累计建成|开展|实施|组建|设立|培养|引育)(?:累计|至少)?$/;
const BUILD_ANY = /(?:建成|建设|打造|培育|新增|形成|争创|推出|遴选培育|培树|建有|开通|部署|认定|创建|引进|布局|完成|拓展|推广|发展|组建|设立|培养)/g;
const METRIC = /(?:数|数量|总数|量|率|规模|占比|比重|比例|里程|带宽|产值|收入|总量|保有量)$/;
const PLACE = /^(?:全省|全市|全区|全县|全国|省内|市内|我省|本省|各市|全域)+/;

function cleanName(s: string): string {
  let t = s.replace(/\s+/g, '').replace(/^[，、；：和及与并且]+/, '').replace(/[，、；：。！？和及与]+$/, '');
  t = t.replace(/《([^》]*)》[（(]简称([^）)]+)[）)]/g, '$2');
  const lastDe = t.lastIndexOf('的');
  // 全国领先的物联网公共服务平台 → 物联网公共服务平台; but 提供数据服务的比例 keeps its words (比例 alone names nothing).
  if (lastDe >= 0 && lastDe < t.length - 3 && !/[“"（(][^”")）]*$/.test(t.slice(0, lastDe))) t = t.slice(lastDe + 1);
  t = t.replace(/^.*等(?:领域|行业|方面|地区)/, '');
  t = t.replace(PLACE, '').replace(/^(?:累计|在用)$/, '');
  return t.trim();
}

interface Sentence {
  start: number;
  end: number;
}

function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  // ； joins the clauses of one sentence (到2025年，A；B): the deadline governs both.
  for (const m of text.matchAll(/[。！？\n]/g)) {
    out.push({ start, end: m.index! + 1 });
    start = m.index! + 1;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/**
 * The targets in one text (a clause's), with offsets into it. `minYear`: deadlines before it are history, not targets.
 * A deadline written as a clause of its own (到2025年，…) governs the rest of the paragraph — the sentences after it
 * that name no deadline — up to a responsibility note (（…负责）) that closes a task; one inside a clause
 * (到2022年建成…) governs its sentence only.
 */
export function extractSentenceTargets(text: string, minYear?: number): SentenceTarget[] {
  const out: SentenceTarget[] = [];
  let carry: number | undefined;
  for (const s of sentences(text)) {
    const sentence = text.slice(s.start, s.end);
    const deadlines = [...sentence.matchAll(DEADLINE)].filter((d) => !/截至|截止|以来/.test(sentence.slice(Math.max(0, d.index! - 3), d.index! + d[0].length + 3)));
    const push = (year: number, from: number, to: number) => {
      if (minYear !== undefined && year < minYear) return;
      out.push(...scopeTargets(sentence, from, to, year).map((t) => ({ ...t, start: t.start + s.start, end: t.end + s.start, sentence: s })));
    };
    if (!deadlines.length && carry !== undefined) push(carry, 0, sentence.length);
    for (let i = 0; i < deadlines.length; i++) {
      const d = deadlines[i]!;
      const from = d.index! + d[0].length;
      const to = i + 1 < deadlines.length ? deadlines[i + 1]!.index! : sentence.length;
      push(Number(d[1]), from, to);
    }
    const last = deadlines.at(-1);
    if (last) carry = /^\s*[，,]/.test(sentence.slice(last.index! + last[0].length)) ? Number(last[1]) : undefined;
    if (/[（(][^（）()]*(?:负责|牵头|配合|责任单位)[^（）()]*[）)]/.test(sentence)) carry = undefined;
  }
  return out;
}

function scopeTargets(sentence: string, from: number, to: number, year: number): Array<Omit<SentenceTarget, 'sentence'>> {
  const scope = sentence.slice(from, to);
  const out: Array<Omit<SentenceTarget, 'sentence'>> = [];
  // Clauses of the scope: split at ， and ；, not at 、 (lists inside one clause).
  let clauseStart = 0;
  const clauses: Array<{ start: number; text: string }> = [];
  for (const m of scope.matchAll(/[，,；;：:]/g)) {
    clauses.push({ start: clauseStart, text: scope.slice(clauseStart, m.index) });
    clauseStart = m.index! + 1;
  }
  clauses.push({ start: clauseStart, text: scope.slice(clauseStart) });
  for (const clause of clauses) {
    const numbers = [...clause.text.matchAll(NUMBER)].filter((m) => !/^(?:19|20)\d{2}$/.test(m[1]!) || m[3]);
    let prevEnd = 0;
    numbers.forEach((m, k) => {
      const [whole, num, yu, unit = '', after] = m;
      const at = m.index!;
      const end = at + whole.length;
      const left = clause.text.slice(prevEnd, at);
      const nextAt = numbers[k + 1]?.index ?? clause.text.length;
      const right = clause.text.slice(end, nextAt);
      prevEnd = end;
      if (/^(?:19|20)\d{2}$/.test(num!) && unit === '') return;
      if (/^[强届次期]/.test(right) && !unit) return;
      const qualifier = after ?? (yu ? '余' : undefined);
      const name = indicatorOf(left, right, !!unit);
      if (!name) return;
      out.push({
        asWritten: name.asWritten,
        value: Number(num),
        unit,
        year,
        ...(name.compare || qualifier ? { qualifier: [name.compare, qualifier].filter(Boolean).join('') } : {}),
        start: from + clause.start + at,
        end: from + clause.start + end,
      });
    });
  }
  return out;
}

/** The indicator of a number from the words before and after it; undefined when it is not a target. */
function indicatorOf(left: string, right: string, hasUnit: boolean): { asWritten: string; compare?: string } | undefined {
  let tail = left.replace(/\s+/g, '');
  // A second number joined to the first (2个A和10个B): its left is only the conjunction.
  if (/[和及与、]$/.test(tail) && !COMPARE.test(tail.slice(0, -1))) tail = /^[^，]*?[和及与、]$/.test(tail) && !BUILD_ANY.test(tail) ? '' : tail;
  BUILD_ANY.lastIndex = 0;
  let compare: string | undefined;
  for (let m = tail.match(COMPARE); m && m[0]; m = tail.match(COMPARE)) {
    compare = m[0] + (compare ?? '');
    tail = tail.slice(0, tail.length - m[0].length).trim();
  }
  const noun = cleanName(right.replace(/^(?:以上|左右|以内|以下)?(?:的)?/, '').split(/[和及与]\s*$/)[0]!.replace(/[和及与]$/, ''));
  // 建设不少于2000个智慧社区: a building verb before the comparison, so the name follows the number.
  if (compare && noun && (tail === '' || BUILD.test(tail.replace(PLACE, '')) || BUILD.test(tail))) return noun.length >= 2 ? { asWritten: noun, compare } : undefined;
  if (compare) {
    // 行政村5G网络通达率超过99% / 打造信创应用典型示范单位不少于300家: the name before the verb.
    const afterList = tail.slice(tail.lastIndexOf('、') + 1);
    const name = cleanName(stripLeadingBuild(afterList));
    return name && name.length >= 2 ? { asWritten: name, compare } : undefined;
  }
  if (!hasUnit) return undefined;
  const tailAfterList = tail.slice(tail.lastIndexOf('、') + 1);
  // 建成40家以上国家级特色专业型平台 / 35个以上工业互联网标识解析二级节点 / 建成济南、青岛2个国家互联网骨干直联点.
  const listed = /^(?:建成|建设|打造|培育|形成|布局)[^，、]{0,8}(?:、[^，、]{1,8})+$/.test(tail);
  if (noun && (tail === '' || BUILD.test(tail) || listed)) return noun.length >= 2 ? { asWritten: noun } : undefined;
  // 累计开通5G基站25万个 / 建成千兆宽带示范小区6000个: the name between the verb and the number.
  if (!noun || right.trim() === '') {
    const verbs = [...tailAfterList.matchAll(BUILD_ANY)];
    const last = verbs.at(-1);
    // 边缘级数据中心标准机柜数15万架: no verb, but the words before name a measure.
    if (!last) {
      const name = cleanName(tailAfterList.slice(tailAfterList.lastIndexOf('和') + 1));
      return METRIC.test(name) && name.length >= 3 ? { asWritten: name } : undefined;
    }
    const name = cleanName(tailAfterList.slice(last.index! + last[0].length));
    return name.length >= 2 ? { asWritten: name } : undefined;
  }
  return undefined;
}

function stripLeadingBuild(s: string): string {
  const m = s.match(/^(?:.*?)(建成|打造|培育|形成|争创|推出|完成|实现)/);
  if (!m) return s;
  const rest = s.slice(m[0].length);
  return rest.length >= 2 ? rest : s;
}
