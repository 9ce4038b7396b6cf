import type { Level } from './schema.js';
import { normalizeDepartmentName, type DepartmentRegistry, type Resolution, type ResolveOptions } from './registry.js';

/**
 * Bodies of any province, city, district or county, named by general rules
 * rather than listed: the registry seeds canonical names (省发展改革委), it does
 * not limit them. A body absent from the registry is still a department, with a
 * level and a normalized name, so every spelling of it finds the same one.
 */

/**
 * Spellings of the same department word, folded to the short official form the
 * registry uses (省发展改革委, 省人力资源社会保障厅, 省住房城乡建设厅…). Each rule
 * is true of every level: 市发改委 / 市发展和改革委员会 → 市发展改革委,
 * 区卫健局 → 区卫生健康局. Ordered: long forms before the abbreviations.
 */
const FOLDS: ReadonlyArray<[RegExp, string]> = [
  [/发展和改革委员会|发展改革委员会|发改委/g, '发展改革委'],
  [/发展和改革局|发改局/g, '发展改革局'],
  [/工信(厅|局|委)/g, '工业和信息化$1'],
  [/经信(厅|局|委)/g, '经济和信息化$1'],
  [/人力资源和社会保障|人力社保(?=厅|局)|人社(?=厅|局)/g, '人力资源社会保障'],
  [/住房和城乡建设|住建(?=厅|局|委)/g, '住房城乡建设'],
  [/卫生健康委员会|卫健委/g, '卫生健康委'],
  [/卫健局/g, '卫生健康局'],
  [/市场监督管理|市监(?=局)/g, '市场监管'],
  [/科学技术(?=厅|局)/g, '科技'],
  [/文旅(?=厅|局)/g, '文化和旅游'],
  [/自规局/g, '自然资源和规划局'],
  [/金融监督管理总局/g, '金融监管总局'],
  [/(商务|农业农村|交通运输|教育|民族宗教|经济信息)委员会$/g, '$1委'],
];

/** Folds the spellings of department words (发改委 → 发展改革委); the level prefix is kept as written. */
export function foldDepartmentWords(name: string): string {
  return FOLDS.reduce((s, [re, to]) => s.replace(re, to), name);
}

/**
 * The level prefix a name opens with, and the rest: 自治区工业和信息化厅 →
 * 自治区 + 工业和信息化厅, 区卫健局 → 区 + 卫健局. 市场监管局 opens with a word,
 * not with 市: the caller checks the stem against the registry first.
 */
function splitLevelPrefix(name: string): { prefix?: string; stem: string } {
  const m = name.match(/^(自治区|省|市|区|县)(?=[\u4e00-\u9fff]{2,})(?!级|内|属|直|委|场|域|县|政府$|人民政府$)/);
  return m ? { prefix: m[1]!, stem: name.slice(m[1]!.length) } : { stem: name };
}

/** Entries that stand for many bodies: 各县区人民政府, 各街办（新区）, 区级相关部门, 全区…各专班, 省直有关部门. */
export function isCollective(name: string): boolean {
  return /^(各|全[省市区县]|有关|相关|其他|其它)|[省市区县]级(各|有关|相关)?|[省市区县]直(各|有关|相关)|(各|有关|相关|成员)(部门|单位|机构)|各[\u4e00-\u9fff]{0,8}(专班|银行|机构|企业)$/.test(name);
}

/** Where an unknown body sits, from the words it is made of (collectives by their members' level). */
export function guessLevel(name: string): Level {
  const n = name.replace(/^各/, '');
  if (/^(街道|街办|镇|乡)|(街道|街办|街道办事处|办事处|镇人民政府|乡人民政府|社区)(（[^）]*）)?$/.test(n)) return 'subdistrict';
  if (/^(自治区)/.test(n)) return 'provincial';
  if (/^(区|县)(?![域])|^[\u4e00-\u9fff]{1,4}(区|县|旗)(?!域)|区县|县区|县（市、区）|县市区|区（县）/.test(n) && !/^[\u4e00-\u9fff]{2,3}市(?![场])/.test(n)) return 'county';
  if (/[市州].*政府$/.test(n) || /^(市|[\u4e00-\u9fff]{2,3}(市|州|盟)(?!场))/.test(n)) return 'municipal';
  if (/(部门|单位)$/.test(name) && /各|有关|相关|其他/.test(name)) return 'group';
  if (/银行|银保监|证监|金融监管总局/.test(name)) return 'regulator';
  if (/公司$|集团$/.test(name)) return 'enterprise';
  if (/^(国家|中央|国务院|中国)|部$|署$|海关$/.test(name)) return 'central';
  return 'provincial';
}

/** The prefix a document's own bodies carry (省, 自治区, 市, 区, 县), from its title or issuer. */
export interface IssuingLevel {
  prefix: '省' | '自治区' | '市' | '区' | '县';
  level: Level;
}

/**
 * The issuing body's level, which decides what a bare department name means: in
 * a 自治区 document 工业和信息化厅 is the region's, in a 直辖市 or city document
 * 发展改革委 is the city's, in a district's 卫健局 the district's. Undefined when
 * the title and issuer name no place (the registry's default level then holds).
 */
export function issuingLevel(doc: { title: string; issuer?: string | undefined }): IssuingLevel | undefined {
  for (const words of [doc.issuer ?? '', doc.title]) {
    // 关于印发XX市…的通知 names its level after the verb.
    const w = words.replace(/^(?:中共)?(?:关于)?(?:印发|转发)?《?/, '');
    // 某自治区 in a model text or a template names the level with a one-character stand-in for the region.
    if (/^[\u4e00-\u9fff]{1,6}自治区(?!州)/.test(w) || /^自治区/.test(w)) return { prefix: '自治区', level: 'provincial' };
    if (/^[\u4e00-\u9fff]{2,3}省/.test(w)) return { prefix: '省', level: 'provincial' };
    if (/^([\u4e00-\u9fff]{2,4}市)?[\u4e00-\u9fff]{1,4}(区|县)(?!域|级)/.test(w) && !/^[\u4e00-\u9fff]{2,4}市(?!.{0,4}[区县])/.test(w)) {
      return { prefix: /^([\u4e00-\u9fff]{2,4}市)?[\u4e00-\u9fff]{1,4}区/.test(w) ? '区' : '县', level: 'county' };
    }
    if (/^[\u4e00-\u9fff]{2,4}市/.test(w)) return { prefix: '市', level: 'municipal' };
  }
  return undefined;
}

/** The level a prefix gives a body. */
function prefixLevel(prefix: string): Level {
  return prefix === '省' || prefix === '自治区' ? 'provincial' : prefix === '市' ? 'municipal' : 'county';
}

/** The department word's ending swapped (卫生健康局 ↔ 卫生健康委 ↔ 卫生健康厅), to find its stem in the registry. */
function endingVariants(stem: string): string[] {
  const m = stem.match(/^(.*[\u4e00-\u9fff])(厅|局|委)$/);
  if (!m) return [stem];
  return [stem, ...['厅', '局', '委'].filter((e) => e !== m[2]).map((e) => m[1]! + e)];
}

/** Words that show a name already says where its body is (a place, a zone, a collective). */
const PLACED =
  /[省市区县州盟旗镇乡]|海关|新区|开发区|园区|街道|街办|^(各|全|有关|相关|其他|国家|中国|中央|人民银行)|^(北京|天津|上海|重庆|河北|山西|内蒙古|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|海南|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆|兵团)/;

/** A unit of the issuing department itself (厅会展服务中心, 局办公室, 委政策法规处): named as the document names it. */
const OWN_UNIT = /^(?:厅|局|委)[\u4e00-\u9fff]{2,}/;

/** A department word with no place before it (财政局, 工业和信息化厅, 城管执法局): the issuing body's own. */
function isBareDepartment(stem: string, registry: DepartmentRegistry): boolean {
  if (OWN_UNIT.test(stem)) return false;
  if (endingVariants(stem).some((v) => registry.lookup(`省${v}`)?.name.startsWith('省'))) return true;
  return stem.length <= 12 && /(厅|局|委|办|中心)$/.test(stem) && !PLACED.test(stem);
}

/** The registry's short form of a department word of the same ending (应急管理厅 → 应急厅), else the word. */
function registryStem(stem: string, registry: DepartmentRegistry): string {
  const hit = registry.lookup(`省${stem}`);
  return hit && hit.name.startsWith('省') && hit.name.at(-1) === stem.at(-1) ? hit.name.slice(1) : stem;
}

/**
 * Resolves a name as written in a document issued at `issuing`'s level. The
 * registry decides for names of its own (省X, 国家X, 各市人民政府) and, in
 * provincial documents, for short forms; a body of another level (市发改局,
 * 区卫健局, 自治区工业和信息化厅) or a bare department word in a document of
 * another level (工业和信息化厅 in a 自治区 document) becomes that level's body,
 * named by its prefix and the folded department word: never 省….
 */
export function resolveDepartment(written: string, registry: DepartmentRegistry, issuing?: IssuingLevel, opts: ResolveOptions = {}): Resolution {
  const name = normalizeDepartmentName(written);
  const { prefix, stem } = splitLevelPrefix(name);
  const own = issuing && issuing.prefix !== '省' ? issuing.prefix : undefined;
  const local = prefix && prefix !== '省' ? prefix : !prefix ? own : undefined;
  if (!local) return registry.resolve(name, opts);
  const folded = foldDepartmentWords(stem);
  if (!prefix) {
    const hit = registry.lookup(name, opts);
    // A registry body named in full that is not a provincial department (各市人民政府, 国家发展改革委) stays itself.
    if (hit && !hit.name.startsWith('省') && hit.level !== 'provincial') return registry.resolve(name, opts);
    if (!isBareDepartment(folded, registry)) return registry.resolve(name, opts);
  }
  const canonical = local + registryStem(folded, registry);
  const listed = registry.lookup(canonical);
  if (listed) return { canonical: listed.name, level: listed.level, known: true, collective: isCollective(listed.name) };
  return { canonical, level: prefixLevel(local), known: false, collective: isCollective(canonical) };
}
