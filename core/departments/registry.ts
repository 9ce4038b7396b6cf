import { RegistryData, type Level, type RegistryInput } from './schema.js';
import { foldDepartmentWords, guessLevel, isCollective } from './local-names.js';

export { guessLevel } from './local-names.js';

/** A body of the registry, as callers see it. */
export interface Department {
  /** Canonical name. */
  name: string;
  level: Level;
  aliases: string[];
  abbreviations: string[];
}

export interface Resolution {
  /** The canonical name, or the repaired name as written (department words folded) when the body is unknown. */
  canonical: string;
  level: Level;
  known: boolean;
  /** The entry stands for many bodies (各市人民政府, 各有关部门, 区级相关部门). */
  collective: boolean;
}

export interface ResolveOptions {
  /** Preferred level for an ambiguous abbreviation, usually the document's (default: the registry's preferLevel). */
  prefer?: Level;
}

export interface DepartmentRegistry {
  /** Canonical name, level and whether the body is known, for a name as written. Never throws. */
  resolve(nameAsWritten: string, opts?: ResolveOptions): Resolution;
  /** The body a name, alias or abbreviation stands for; undefined when unknown. */
  lookup(anyNameOrAlias: string, opts?: ResolveOptions): Department | undefined;
  /** Canonical names most like `name` (for "did you mean" answers), best first; default 5. */
  closest(name: string, n?: number): string[];
  /** Every canonical name, alias and abbreviation, deduplicated. */
  allNames(): string[];
  /** Every body, in registry order. */
  departments(): Department[];
  /**
   * Splits names written together without a separator (省财政厅省地方金融监管局) into
   * known names; undefined when the run is not entirely made of known names.
   */
  segment(run: string): string[] | undefined;
  readonly preferLevel: Level;
}

const ZERO_WIDTH = /[\u200b-\u200d\ufeff]/g;
const EDGE_PUNCT = /^[\s、，,；;：:。.·“”"'‘’《》〈〉]+|[\s、，,；;：:。.·“”"'‘’《》〈〉]+$/g;

/**
 * Repairs a name as extracted: removes the spaces and line breaks a page or
 * column break left inside it (省大数 据局), folds ASCII parentheses to the
 * official full-width ones and strips punctuation around it.
 */
export function normalizeDepartmentName(name: string): string {
  let s = name.replace(ZERO_WIDTH, '').replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
  s = s.replace(EDGE_PUNCT, '');
  // A closing parenthesis belongs to the name only when the name opened one: 各县（市、区）人民政府.
  const count = (c: string) => s.split(c).length - 1;
  while (s.endsWith('）') && count('）') > count('（')) s = s.slice(0, -1);
  while (s.startsWith('（') && count('（') > count('）')) s = s.slice(1);
  return s;
}

/**
 * Generic spelling variants of the same name, tried when the name itself is not
 * in the registry: a province's own name before 省 (XX省大数据局 → 省大数据局,
 * 中共XX省委办公厅 → 省委办公厅), an autonomous region's before 自治区
 * (XX壮族自治区商务厅 → 自治区商务厅: a region's body, never 省…), 人民政府 ⇄ 政府,
 * and the department words folded (发改委 → 发展改革委, 卫健局 → 卫生健康局).
 */
export function nameVariants(name: string): string[] {
  const out = new Set<string>([name]);
  const region = name.match(/^(?:中共)?[\u4e00-\u9fff]{2,6}?(?=自治区(?!州)[\u4e00-\u9fff]{2,})/);
  const provincial = region ? undefined : name.match(/^(?:中共)?[\u4e00-\u9fff]{2,3}省(?=[\u4e00-\u9fff]{2,})/);
  if (region) out.add(name.slice(region[0].length));
  if (provincial) out.add(`省${name.slice(provincial[0].length)}`);
  for (const v of [...out]) out.add(foldDepartmentWords(v));
  for (const v of [...out]) {
    if (v.includes('人民政府')) out.add(v.replace('人民政府', '政府'));
    else if (v.includes('政府')) out.add(v.replace('政府', '人民政府'));
  }
  return [...out];
}

/** A level's government written short (各区政府, 县政府, 各乡镇政府): the 人民政府 it stands for. */
const SHORT_GOVERNMENT = /^(各?(?:[省市区县州盟旗乡镇]|区县|县区|县市区|县（市、区）|县（市）|市（州）|区（县）))政府$/;

/** An unknown body's name: repaired, a region's own name dropped before 自治区, its department words folded. */
function unknownCanonical(nameAsWritten: string): string {
  const name = normalizeDepartmentName(nameAsWritten).replace(SHORT_GOVERNMENT, '$1人民政府');
  const region = name.match(/^(?:中共)?[\u4e00-\u9fff]{2,6}?(?=自治区(?!州)[\u4e00-\u9fff]{2,})/);
  return foldDepartmentWords(region ? name.slice(region[0].length) : name);
}

function bigrams(s: string): string[] {
  if (s.length < 2) return [s];
  const out: string[] = [];
  for (let i = 0; i < s.length - 1; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** Dice coefficient over character bigrams, with a bonus when one name contains the other. */
function similarity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 2;
  const ba = bigrams(a);
  const bb = new Map<string, number>();
  for (const g of bigrams(b)) bb.set(g, (bb.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of ba) {
    const n = bb.get(g) ?? 0;
    if (n > 0) {
      common++;
      bb.set(g, n - 1);
    }
  }
  const dice = (2 * common) / (ba.length + bigrams(b).length);
  return dice + (a.includes(b) || b.includes(a) ? 0.5 : 0);
}

/**
 * Builds the registry from its data (registry.json or the departments index).
 * Invalid data is a configuration mistake and throws a ZodError at once.
 */
export function createDepartmentRegistry(data: RegistryInput | RegistryData): DepartmentRegistry {
  const parsed = RegistryData.parse(data);
  const departments: Department[] = parsed.departments.map((d) => ({
    name: normalizeDepartmentName(d.name),
    level: d.level,
    aliases: d.aliases.map(normalizeDepartmentName),
    abbreviations: d.abbreviations.map(normalizeDepartmentName),
  }));
  // Full names point at one body; an abbreviation may point at several.
  const byName = new Map<string, Department>();
  const byAbbreviation = new Map<string, Department[]>();
  for (const d of departments) {
    for (const n of [d.name, ...d.aliases]) byName.set(n, d);
    for (const a of d.abbreviations) byAbbreviation.set(a, [...(byAbbreviation.get(a) ?? []), d]);
  }
  const maxLen = Math.max(...[...byName.keys(), ...byAbbreviation.keys()].map((n) => n.length));

  const pick = (candidates: Department[], prefer: Level): Department =>
    candidates.find((c) => c.level === prefer) ?? candidates.find((c) => c.level === parsed.preferLevel) ?? candidates[0]!;

  const exact = (name: string, prefer: Level): Department | undefined => {
    const full = byName.get(name);
    if (full) return full;
    const short = byAbbreviation.get(name);
    return short ? pick(short, prefer) : undefined;
  };

  const lookup = (anyName: string, opts: ResolveOptions = {}): Department | undefined => {
    const name = normalizeDepartmentName(anyName);
    const prefer = opts.prefer ?? parsed.preferLevel;
    for (const v of nameVariants(name)) {
      const hit = exact(v, prefer);
      if (hit) return hit;
    }
    return undefined;
  };

  const allNames = [...new Set(departments.flatMap((d) => [d.name, ...d.aliases, ...d.abbreviations]))];

  return {
    preferLevel: parsed.preferLevel,
    lookup,
    resolve(nameAsWritten, opts) {
      const hit = lookup(nameAsWritten, opts);
      if (hit) return { canonical: hit.name, level: hit.level, known: true, collective: hit.level === 'group' || isCollective(hit.name) };
      const canonical = unknownCanonical(nameAsWritten);
      return { canonical, level: guessLevel(canonical), known: false, collective: isCollective(canonical) };
    },
    closest(name, n = 5) {
      const q = normalizeDepartmentName(name);
      const scored = departments
        .map((d) => ({ name: d.name, score: Math.max(...[d.name, ...d.aliases, ...d.abbreviations].map((x) => similarity(q, x))) }))
        .filter((s) => s.score > 0)
        .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh'));
      return scored.slice(0, n).map((s) => s.name);
    },
    allNames: () => allNames.slice(),
    departments: () => departments.map((d) => ({ ...d, aliases: d.aliases.slice(), abbreviations: d.abbreviations.slice() })),
    segment(run) {
      const s = normalizeDepartmentName(run);
      // Fewest pieces covering the whole run, each piece a full name (or a variant of one).
      const best: Array<string[] | undefined> = new Array(s.length + 1).fill(undefined);
      best[0] = [];
      for (let i = 0; i < s.length; i++) {
        const prev = best[i];
        if (!prev) continue;
        for (let j = i + 2; j <= Math.min(s.length, i + maxLen + 4); j++) {
          const piece = s.slice(i, j);
          if (!nameVariants(piece).some((v) => byName.has(v))) continue;
          const cand = [...prev, piece];
          if (!best[j] || best[j]!.length > cand.length) best[j] = cand;
        }
      }
      return best[s.length];
    },
  };
}
