import type { Manifest } from '../ingest/corpus/manifest.js';
import type { SourceFile } from '../ingest/stages.js';
import { normalizeText } from '../ingest/normalize/index.js';
import { splitDocuments } from '../ingest/split/index.js';

/**
 * A synthetic corpus `factor` times the real one, for scale benchmarks: the
 * real files plus `factor − 1` copies in which every document is made a
 * distinct document — the province named in it is another province, every
 * other title is prefixed with that province (so duplicate detection never
 * merges a copy into the original), and years are shifted so numbers differ
 * too. The text stays real Chinese policy prose, so segmentation, parsing and
 * search work as hard as on the real corpus.
 */
const PROVINCES = [
  '河北', '山西', '辽宁', '吉林', '江苏', '浙江', '安徽', '福建', '江西', '河南',
  '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海',
  '黑龙江', '内蒙古', '广西', '西藏', '宁夏', '新疆', '北京', '天津', '上海', '重庆',
];
/**
 * Past the 30 provinces (factors 32–100): prefecture-level cities, so each copy
 * still has a place name of its own (the first 30 copies are unchanged, so a
 * 20× corpus is the same as before the list grew).
 */
const CITIES = [
  '石家庄', '唐山', '太原', '大同', '沈阳', '大连', '长春', '吉林市', '南京', '苏州',
  '无锡', '杭州', '宁波', '温州', '合肥', '芜湖', '福州', '厦门', '南昌', '赣州',
  '郑州', '洛阳', '武汉', '宜昌', '长沙', '株洲', '广州', '深圳', '佛山', '海口',
  '成都', '绵阳', '贵阳', '遵义', '昆明', '曲靖', '西安', '宝鸡', '兰州', '天水',
  '西宁', '哈尔滨', '大庆', '呼和浩特', '包头', '南宁', '柳州', '拉萨', '银川', '乌鲁木齐',
  '邯郸', '保定', '长治', '鞍山', '吉安', '徐州', '常州', '绍兴', '台州', '蚌埠',
  '泉州', '九江', '开封', '襄阳', '岳阳', '珠海', '三亚', '宜宾', '桂林',
];
const PLACES = [...PROVINCES, ...CITIES];
/** Years move by at most this much, so shifted years stay plausible (2049 + 30 at most). */
const MAX_YEAR_SHIFT = PROVINCES.length;
const HOME = '山东';

/** The titles the splitter finds in a file (the strings to rename in each copy). */
export function titlesOf(file: SourceFile, manifest?: Manifest): string[] {
  const entry = manifest?.files[file.path];
  const titles = splitDocuments(normalizeText(file), entry).map((s) => s.title.replace(/\s+/g, ''));
  return [...new Set(titles.filter((t) => t.length >= 4 && !t.includes(HOME)))].sort((a, b) => b.length - a.length);
}

/** One copy of a file, renamed for copy number `k` (1-based). */
export function perturbCopy(file: SourceFile, k: number, titles: string[]): SourceFile {
  const province = PLACES[k - 1]!;
  let text = file.text;
  // Titles may be broken by spaces or line breaks in the extracted text (a cover page): match loosely.
  for (const t of titles) text = text.replace(new RegExp([...t].map(escapeRegExp).join('\\s*'), 'g'), `${province}${t}`);
  text = text.split(HOME).join(province);
  // Years move by k (2020 → 2020+k; past 30 copies, by k modulo 30): dates, targets and ids differ between copies.
  const shift = ((k - 1) % MAX_YEAR_SHIFT) + 1;
  text = text.replace(/(?<![0-9０-９])(20[0-4][0-9])(?=年)/g, (y) => String(Number(y) + shift));
  const dot = file.path.lastIndexOf('.');
  const path = `${file.path.slice(0, dot)}-copy${String(k).padStart(2, '0')}${file.path.slice(dot)}`;
  return { ...file, path, text, sha256: `${file.sha256.slice(0, 56)}${String(k).padStart(8, '0')}` };
}

/** The real files and their copies, and a manifest covering the copies. */
export function scaleCorpus(files: SourceFile[], factor: number, manifest?: Manifest): { files: SourceFile[]; manifest: Manifest } {
  if (!Number.isInteger(factor) || factor < 1 || factor > PLACES.length + 1) throw new RangeError(`factor must be 1–${PLACES.length + 1}`);
  const out: SourceFile[] = [...files];
  const entries: Manifest['files'] = { ...(manifest?.files ?? {}) };
  const titles = new Map(files.map((f) => [f.path, titlesOf(f, manifest)]));
  for (let k = 1; k < factor; k++) {
    const province = PLACES[k - 1]!;
    for (const f of files) {
      const copy = perturbCopy(f, k, titles.get(f.path)!);
      out.push(copy);
      const e = manifest?.files[f.path];
      if (e) {
        entries[copy.path] = {
          ...e,
          ...(e.title ? { title: `${e.title.includes(HOME) ? '' : province}${e.title.split(HOME).join(province)}` } : {}),
          ...(e.issuer ? { issuer: e.issuer.split(HOME).join(province) } : {}),
        } as never;
      }
    }
  }
  return { files: out, manifest: { ...(manifest ?? {}), files: entries } as Manifest };
}

function escapeRegExp(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
