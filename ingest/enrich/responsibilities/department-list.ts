import { normalizeDepartmentName, type DepartmentRegistry } from '../../../core/departments/index.js';

/**
 * The endings of names of bodies: 厅, 局, 委, 办, 部, 院, 政府, 公司, 分行, 总队,
 * 部门, 单位… A fragment without one (按职责, 等, 各自职责) is not a body.
 */
const BODY_END =
  /(厅|局|委|办|部|院|会|室|署|中心|公司|集团|银行|分行|支行|政府|单位|部门|机构|总队|支队|机关|馆|联|海关|工委|团省委|小组|办公室|办事处|街办|街道|乡镇|镇街|专班|分局|处|处室|科室)$/;

/** Words that end like a body but are not one (布局 ends in 局, 数字政府 in 政府, 其他单位 points back at the list). */
const NOT_BODY = /((?:之|好|到|此|各|难|益|用|深|出|长|短|住|去|相)处|布局|格局|大局|全局|开局|结局|(?<!科技创)新局|(数字|法治|服务型|智慧|整体|廉洁|电子|有为|透明)政府)$|^(其他|其它|其余)(成员)?(单位|部门)$/;

/** Every one of a kind of area, standing for its government: 各镇（街道）, 各乡镇, 各组团（直管区）, 各片区. */
const EVERY_AREA = /^各(?:乡|镇|乡镇|镇街|街道|组团|片区|园区|社区)$/;

/** True when a fragment can be the name of a body (by its shape; the registry may still not know it). */
export function isBodyLike(name: string): boolean {
  const s = normalizeDepartmentName(name);
  // A qualifier after the name (各街办（新区）) does not change what it ends with.
  const core = s.replace(/（[^（）]{1,8}）$/, '');
  return s.length >= 2 && s.length <= 40 && /^[\u4e00-\u9fff（）、A-Za-z0-9]+$/.test(s) && (EVERY_AREA.test(core) || (BODY_END.test(core) && !NOT_BODY.test(core)));
}

/** The generic group a trailing 等有关部门 / 等部门 stands for. */
export const GENERIC_OTHERS = '各有关部门';

// Separators inside a list of names. 和/及/与 only between two bodies: 省工业和信息化厅 keeps its 和.
const HARD_SEPARATOR = /[、，,；;／/\s]/;
const SOFT_SEPARATOR = /(?<=[厅局委办部院会室署心司团行府位门队关馆联])(?:和|及|与|同)(?=[省市各有国人中团])/;
// A boundary between two names written together: the end of one body, the start of the next.
const RUN_BOUNDARY = /(?<=[厅局委办部院署心司行府门队关馆联])(?=省|各|国家|国网|人民银行|中国|共青团|团省委)/;

/**
 * Splits a list of department names as written in a note or cell into names:
 * on 、，；/ and spaces, on 以及 (and 和/及 between two bodies), and a run of names
 * written without separator (省财政厅省地方金融监管局) into its known names.
 * 等 is stripped; X等有关部门 / X等部门 yields X and the generic group 各有关部门.
 * Fragments are returned repaired but otherwise as written, order kept; the
 * caller decides which are bodies.
 */
export function splitDepartmentList(list: string, registry: DepartmentRegistry): string[] {
  const out: string[] = [];
  for (const raw of splitOutsideParens(list.replace(/以及/g, '、'), HARD_SEPARATOR)) {
    for (let piece of raw.split(SOFT_SEPARATOR)) {
      piece = normalizeDepartmentName(piece);
      if (!piece) continue;
      let others = false;
      const m = piece.match(/^(.*?)等(其他|其它)?(有关|相关)?(部门|单位)$/);
      if (m && !registry.lookup(piece)) {
        piece = m[1]!;
        others = true;
      }
      piece = piece.replace(/等$/, '');
      if (piece) out.push(...splitRun(piece, registry));
      if (others) out.push(GENERIC_OTHERS);
    }
  }
  return shareQualifiers(shareSuffixes(out, registry));
}

const BARE_PLACE = /^[\u4e00-\u9fff]{1,6}?(市|区|县|州|旗|镇|乡|街道)$/;
const PLACED_BODY = /^([\u4e00-\u9fff]{1,6}?(?:市|区|县|州|旗|镇|乡|街道))((?:人民)?政府|办事处|管委会|管理委员会|[\u4e00-\u9fff]{2,12}(?:局|委|办))$/;

/**
 * Places listed before one shared body word take it too: 翠屏区、叙州区、南溪区人民政府
 * → three governments, 成都市、德阳市人民政府 → two.
 */
function shareSuffixes(names: string[], registry: DepartmentRegistry): string[] {
  return names.map((name, i) => {
    if (!BARE_PLACE.test(name) || registry.lookup(name)) return name;
    for (const later of names.slice(i + 1)) {
      if (BARE_PLACE.test(later)) continue;
      const m = later.match(PLACED_BODY);
      return m ? name + m[2] : name;
    }
    return name;
  });
}

const COLLECTIVE_QUALIFIER = /^各(?:市（州）|市（地）|县（市、区）|县（市）|区（县）|设区市|区县|县区|县市区|[市县区州盟旗])/;
const GENERIC_BODY = /^(?!各|省|市|区|县|有关|相关|其他|其它)[\u4e00-\u9fff]{2,10}(?:部门|机构)$/;

/**
 * A collective qualifier opening a list holds for the generic bodies after it:
 * 各市（州）党委网信部门、数据管理部门 → 各市（州）数据管理部门 too.
 */
function shareQualifiers(names: string[]): string[] {
  const q = names[0]?.match(COLLECTIVE_QUALIFIER)?.[0];
  // 各盟行政公署、市人民政府 / 各乡镇人民政府、街道办事处: 各 holds for a bare level's government or office after it.
  const each = names[0]?.startsWith('各') ? '各' : undefined;
  return names.map((name, i) => {
    if (i === 0) return name;
    if (q && GENERIC_BODY.test(name)) return q + name;
    if (each && /^(?:[市县区旗盟州乡镇]|乡镇)(?:人民)?政府$|^(?:街道办事处|街道|街办|镇街|乡镇)$/.test(name)) return each + name;
    return name;
  });
}

/** One name, or the names of a run written without separators. */
function splitRun(piece: string, registry: DepartmentRegistry): string[] {
  // A run of names is a few names long; longer pieces are prose.
  if (piece.length > 60 || registry.lookup(piece)) return [piece];
  const known = registry.segment(piece);
  if (known && known.length > 1) return known;
  const parts = piece.split(RUN_BOUNDARY).filter(Boolean);
  if (parts.length > 1 && parts.every(isBodyLike)) return parts;
  return [piece];
}

/**
 * Splits a table cell of departments. Cells separate names with spaces, but a
 * column or line break can also put a space INSIDE a name (省大数 据局), or cut
 * it and repeat the character at the cut (省人大常委会 会法工委). Adjacent
 * pieces are joined when the join is a known name, or when the second piece
 * starts with the character the first ends with (the repeat of a cut).
 */
export function splitCellDepartments(cell: string, registry: DepartmentRegistry): string[] {
  // A separator inside brackets belongs to a qualifier (各地（州、市）商务主管部门), not to the list.
  const tokens = splitOutsideParens(cell, /[\s、，,；;]/).map(normalizeDepartmentName).filter(Boolean);
  const merged: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let taken = false;
    for (let j = Math.min(tokens.length - 1, i + 2); j > i && !taken; j--) {
      const parts = tokens.slice(i, j + 1);
      for (const joined of [parts.join(''), joinCut(parts)]) {
        if (!joined || !registry.lookup(joined)) continue;
        // Two known names side by side stay two, unless written together they are one name.
        if (parts.every((p) => registry.lookup(p)) && !registry.lookup(parts.join(''))) continue;
        merged.push(joined);
        i = j;
        taken = true;
        break;
      }
    }
    if (taken) continue;
    const next = tokens[i + 1];
    const cur = tokens[i]!;
    if (next && cur.at(-1) === next[0] && !registry.lookup(next) && !registry.lookup(cur + next)) {
      merged.push(joinCut([cur, next]));
      i++;
      continue;
    }
    merged.push(cur);
  }
  // 各 opening the cell holds across its separators as it does in a note's list (各镇人民政府、街道办事处).
  return shareQualifiers(merged.flatMap((t) => splitDepartmentList(t, registry)));
}

/** Splits on a one-character separator, except inside parentheses (各县（市、区）人民政府 stays whole). */
export function splitOutsideParens(text: string, sep: RegExp): string[] {
  const out: string[] = [];
  let depth = 0;
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
    else if (depth === 0 && sep.test(ch)) {
      out.push(text.slice(last, i));
      last = i + 1;
    }
  }
  out.push(text.slice(last));
  return out.filter((s) => s.length > 0);
}

/** Joins pieces of a name cut by a break, dropping a character repeated across the cut. */
function joinCut(parts: string[]): string {
  return parts.reduce((acc, p) => (acc && p && acc.at(-1) === p[0] ? acc + p.slice(1) : acc + p), '');
}
