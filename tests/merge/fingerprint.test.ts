import { describe, expect, it } from 'vitest';
import { containment, estimateContainment, estimateJaccard, fingerprint, jaccard, shingles, SKETCH_SIZE } from '../../ingest/merge/index.js';

/** A deterministic pseudo-random Chinese text (a linear congruential generator over common characters). */
function text(seed: number, length: number): string {
  const chars = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';
  let x = seed >>> 0;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out += chars[x % chars.length];
  }
  return out;
}

describe('text fingerprints', () => {
  it('are exact for texts with fewer shingles than the sketch holds', () => {
    const a = text(1, 150);
    const b = a.slice(40) + text(2, 60);
    expect(shingles(a).size).toBeLessThan(SKETCH_SIZE);
    expect(estimateJaccard(fingerprint(a), fingerprint(b))).toBeCloseTo(jaccard(shingles(a), shingles(b)), 10);
    expect(estimateContainment(fingerprint(a), fingerprint(b))).toBeCloseTo(containment(shingles(a), shingles(b)), 10);
  });

  it('stay a fixed size however long the text', () => {
    const f = fingerprint(text(3, 50_000));
    expect(f.sketch).toHaveLength(SKETCH_SIZE);
    expect(f.size).toBeGreaterThan(40_000);
  });

  it('estimate Jaccard and containment of long texts within a few hundredths', () => {
    const base = text(4, 20_000);
    const cases = [
      [base, base.slice(0, 19_000) + text(5, 3_000)], // a copy with an edited ending
      [base, base.slice(0, 9_000)], // one contained in the other
      [base, text(6, 20_000)], // unrelated
    ] as const;
    for (const [a, b] of cases) {
      const sa = shingles(a);
      const sb = shingles(b);
      expect(Math.abs(estimateJaccard(fingerprint(a), fingerprint(b)) - jaccard(sa, sb))).toBeLessThan(0.08);
      expect(Math.abs(estimateContainment(fingerprint(a), fingerprint(b)) - containment(sa, sb))).toBeLessThan(0.08);
    }
  });

  it('treat two empty texts as the same and an empty one as contained in nothing', () => {
    expect(estimateJaccard(fingerprint(''), fingerprint(''))).toBe(1);
    expect(estimateContainment(fingerprint(''), fingerprint('数据安全管理办法'))).toBe(0);
  });
});
