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
const HOME = '山东';

/** The titles the splitter finds in a file (the strings to rename in each copy). */
function titlesOf(file: SourceFile, manifest?: Manifest): string[] {
  const entry = manifest?.files[file.path];
  const titles = splitDocuments(normalizeText(file), entry).map((s) => s.title.replace(/\s+/g, ''));
  return [...new Set(titles.filter((t) => t.length >= 4 && !t.includes(HOME)))].sort((a, b) => b.length - a.length);
}

/** One copy of a file, renamed for copy number `k` (1-based). */
export function perturbCopy(file: SourceFile, k: number, titles: string[]): SourceFile {
  const province = PROVINCES[(k - 1) % PROVINCES.length]!;
  let text = file.text;
  // Titles may be broken by spaces or line breaks in the extracted text (a cover page): match loosely.
  for (const t of titles) text = text.replace(new RegExp([...t].map(escapeRegExp).join('\\s*'), 'g'), `${province}${t}`);
  text = text.split(HOME).join(province);
  // Years move by k (2020 → 2020+k): dates, targets and ids differ between copies.
  text = text.replace(/(?<![0-9０-９])(20[0-4][0-9])(?=年)/g, (y) => String(Number(y) + k));
  const dot = file.path.lastIndexOf('.');
  const path = `${file.path.slice(0, dot)}-copy${String(k).padStart(2, '0')}${file.path.slice(dot)}`;
  return { ...file, path, text, sha256: `${file.sha256.slice(0, 56)}${String(k).padStart(8, '0')}` };
}

/** The real files and their copies, and a manifest covering the copies. */
export function scaleCorpus(files: SourceFile[], factor: number, manifest?: Manifest): { files: SourceFile[]; manifest: Manifest } {
  if (!Number.isInteger(factor) || factor < 1 || factor > PROVINCES.length + 1) throw new RangeError(`factor must be 1–${PROVINCES.length + 1}`);
  const out: SourceFile[] = [...files];
  const entries: Manifest['files'] = { ...(manifest?.files ?? {}) };
  const titles = new Map(files.map((f) => [f.path, titlesOf(f, manifest)]));
  for (let k = 1; k < factor; k++) {
    const province = PROVINCES[(k - 1) % PROVINCES.length]!;
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
