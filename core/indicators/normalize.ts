import { z } from 'zod';
import { indicatorId } from '../ids/ids.js';

/**
 * Indicator names grouped across documents: general folding rules first
 * (5G基站数量 / 全省5G基站数 → 5G基站), then a small reviewed registry for
 * names no rule can join (数据中心标准机柜数 = 在用数据中心机柜数).
 */

export const IndicatorRegistryData = z.object({
  $comment: z.string().optional(),
  indicators: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9-]+$/),
      name: z.string().min(1),
      aliases: z.array(z.string().min(1)).default([]),
    }),
  ),
});

export interface IndicatorIdentity {
  id: string;
  /** The name shown: the registry's, else the folded name as written. */
  name: string;
  known: boolean;
}

export interface IndicatorRegistry {
  identify(asWritten: string): IndicatorIdentity;
  /** Every registered name and alias, by indicator id (for search). */
  names(id: string): string[];
}

const PLACE = /^(?:全省|全市|全区|全县|全国|省内|市内|省级以上|我省|本省|各市|全域)/;
const ADVERB = /^(?:累计|新增|新开通|开通|建成|在用|各类|力争|重点)/;
const COUNT_SUFFIX = /(?:总数量|总数|数量|个数|数)$/;

/** The folded form names are compared in: width, brackets and quotes, place words, counting suffixes. */
export function foldIndicatorName(name: string): string {
  let s = name.normalize('NFKC').replace(/\s+/g, '').replace(/[“”"‘’'「」]/g, '').replace(/[—–－‐]/g, '-');
  s = s.replace(/[（(][^）)]*[）)]$/, '');
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(PLACE, '').replace(ADVERB, '');
  }
  // 数 ends a count (5G基站数) but also words that are not counts (指数, 倍数): only after a noun of two or more characters.
  if (s.length > 3 && !/(?:指|倍|系|函|分|参|总)数$/.test(s)) s = s.replace(COUNT_SUFFIX, '');
  return s;
}

/** Builds the registry; a folded alias claimed by two indicators throws (a mistake in the data). */
export function createIndicatorRegistry(data: unknown): IndicatorRegistry {
  const parsed = IndicatorRegistryData.parse(data);
  const byFolded = new Map<string, { id: string; name: string }>();
  const names = new Map<string, string[]>();
  for (const entry of parsed.indicators) {
    names.set(entry.id, [entry.name, ...entry.aliases]);
    for (const n of [entry.name, ...entry.aliases]) {
      const f = foldIndicatorName(n);
      const owner = byFolded.get(f);
      if (owner && owner.id !== entry.id) throw new Error(`indicator registry: ${n} is claimed by ${owner.id} and ${entry.id}`);
      byFolded.set(f, { id: entry.id, name: entry.name });
    }
  }
  return {
    identify(asWritten) {
      const folded = foldIndicatorName(asWritten);
      const known = byFolded.get(folded);
      return known ? { ...known, known: true } : { id: indicatorId(folded), name: folded || asWritten, known: false };
    },
    names: (id) => names.get(id) ?? [],
  };
}
