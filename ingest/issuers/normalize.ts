import { z } from 'zod';

/**
 * Issuers as the making body (制定机关), kept apart from the meeting that
 * adopted a text (会议). Catalogues and heads often write a law's issuer as the
 * meeting — 十二届全国人大常委会第二十四次会议 — which is when and where it was
 * adopted, not who made it: that is 全国人民代表大会常务委员会.
 */

export const IssuerRegistryData = z.object({
  $comment: z.string().optional(),
  issuers: z.array(z.object({ name: z.string().min(1), aliases: z.array(z.string().min(1)).default([]) })),
});
export type IssuerRegistryData = z.infer<typeof IssuerRegistryData>;

export interface IssuerRegistry {
  /** The canonical name of a body written any of its ways; undefined when unknown. */
  lookup(name: string): string | undefined;
}

/** Builds the lookup; a name claimed by two bodies is a mistake in the data and throws. */
export function createIssuerRegistry(data: unknown): IssuerRegistry {
  const parsed = IssuerRegistryData.parse(data);
  const byName = new Map<string, string>();
  for (const { name, aliases } of parsed.issuers) {
    for (const n of [name, ...aliases]) {
      const owner = byName.get(n);
      if (owner && owner !== name) throw new Error(`issuer registry: ${n} is claimed by ${owner} and ${name}`);
      byName.set(n, name);
    }
  }
  return { lookup: (name) => byName.get(name.replace(/\s+/g, '')) };
}

const CN = '[零〇一二三四五六七八九十百]+';
/** 十二届全国人大常委会第二十四次会议, 山东省第十三届人民代表大会常务委员会第三十次会议, 第十三届全国人民代表大会第四次会议. */
const MEETING = new RegExp(
  `^(.*?)第?(${CN})届(全国人大常委会|全国人民代表大会常务委员会|全国人大|全国人民代表大会|人大常委会|人民代表大会常务委员会|人大|人民代表大会)第(${CN})次(全体)?会议$`,
);
/** A body named with its term only: 第十二届全国人民代表大会常务委员会. */
const TERM_BODY = new RegExp(`^(.*?)第?(${CN})届(全国人大常委会|全国人民代表大会常务委员会|全国人大|全国人民代表大会|人大常委会|人民代表大会常务委员会|人大|人民代表大会)$`);
/** 国务院第N次常务会议, 省政府第N次常务会议. */
const EXECUTIVE_MEETING = new RegExp(`^(.+?)第(${CN}|\\d+)次(常务|全体)会议$`);

export interface IssuerParts {
  /** 制定机关: the body, canonical when the registry knows it. */
  maker?: string;
  /** 会议: the meeting that adopted the text, written in full. */
  meeting?: string;
}

/** The body and meeting of one issuer as written (one body; see {@link normalizeIssuers} for lists). */
export function splitIssuer(raw: string, registry: IssuerRegistry): IssuerParts {
  const name = raw.replace(/\s+/g, '');
  const m = name.match(MEETING);
  if (m) {
    const [, place = '', term, body, session] = m;
    const national = body!.startsWith('全国') || place === '全国';
    const standing = body!.includes('常');
    const full = `${national ? '全国' : place}人民代表大会${standing ? '常务委员会' : ''}`;
    const maker = registry.lookup(full) ?? full;
    return { maker, meeting: `${national ? '' : place}第${term}届${national ? '全国' : ''}人民代表大会${standing ? '常务委员会' : ''}第${session}次会议` };
  }
  const t = name.match(TERM_BODY);
  if (t) {
    const [, place = '', , body] = t;
    const national = body!.startsWith('全国') || place === '全国';
    const full = `${national ? '全国' : place}人民代表大会${body!.includes('常') ? '常务委员会' : ''}`;
    return { maker: registry.lookup(full) ?? full };
  }
  const e = name.match(EXECUTIVE_MEETING);
  if (e) return { maker: registry.lookup(e[1]!) ?? e[1]!, meeting: name };
  return { maker: registry.lookup(name) ?? name };
}

/** Several issuers written together (中共中央办公厅、国务院): each split, makers joined with 、. */
export function normalizeIssuers(raw: string, registry: IssuerRegistry): IssuerParts {
  const parts = raw.split(/[、，,；;]/).map((p) => p.trim()).filter(Boolean).map((p) => splitIssuer(p, registry));
  const makers = [...new Set(parts.map((p) => p.maker).filter(Boolean))];
  const meeting = parts.find((p) => p.meeting)?.meeting;
  return { ...(makers.length ? { maker: makers.join('、') } : {}), ...(meeting ? { meeting } : {}) };
}
