import { describe, expect, it } from 'vitest';
import { buildCorpus, buildFile, buildFileParts, parseFile, planCorpus, splitFile, surveyFile } from '../../ingest/pipeline.js';
import { normalizeText } from '../../ingest/normalize/index.js';
import { extractResponsibilities } from '../../ingest/enrich/responsibilities/index.js';
import { linkDocuments } from '../../ingest/enrich/references/link-references.js';
import { COMPILATION, NOTICE_WITH_PLAN } from '../split/fixtures.js';
import { loadDepartmentRegistry } from '../../core/departments/index.js';
import type { SourceFile } from '../../ingest/stages.js';
import { walk } from '../../core/model/tree.js';
import { readRealCorpus } from '../helpers/corpus.js';

const registry = await loadDepartmentRegistry();

function file(path: string, text: string): SourceFile {
  return { path, format: 'txt', encoding: 'utf-8', text, sha256: path.padEnd(64, '0').slice(0, 64) };
}

/** A regulation with chapters and articles, long enough for its text fingerprint to matter. */
const REGULATION = [
  '某市公共数据管理办法',
  '第一章 总则',
  ...Array.from({ length: 12 }, (_, i) => `第${'一二三四五六七八九十'[i] ?? '十'}${i >= 10 ? '一二'[i - 10] : ''}条 公共数据管理单位应当建立第${i + 1}类数据的目录、共享和开放制度，保障数据安全，促进数据依法有序流动。`),
].join('\n');

/** A plan citing the regulation's fourth article from another file. */
const PLAN = `某市数字政府建设方案
一、总体要求
（一）完善制度。依照《某市公共数据管理办法》第四条，建立公共数据共享机制。（责任单位：市大数据局）
（二）强化保障。各区县人民政府负责落实本方案。`;

describe('two-pass ingest (survey, plan, build file by file)', () => {
  const files = [file('a-regulation.txt', REGULATION), file('b-plan.txt', PLAN), file('c-copy.txt', REGULATION)];
  const surveys = files.map((f) => surveyFile(f));
  const plan = planCorpus(surveys);

  it('keeps only light facts between the passes: no text, no trees', () => {
    const json = JSON.stringify(surveys);
    expect(json).not.toContain('建立第3类数据的目录');
    expect(JSON.stringify(plan.documents)).not.toContain('建立第3类数据的目录');
    for (const s of surveys) for (const d of s.documents) expect(d.candidate).not.toHaveProperty('root');
  });

  it('decides merges across files before building: the second copy is dropped, both sources listed', () => {
    expect(plan.documents).toHaveLength(2);
    const kept = files.map((f) => buildFile(f, plan, { registry }).documents.map((d) => d.title));
    expect(kept).toEqual([['某市公共数据管理办法'], ['某市数字政府建设方案'], []]);
    const reg = plan.documents.find((d) => d.kind === 'rules' || d.title.endsWith('办法'))!;
    expect(reg.sources.map((s) => s.path)).toEqual(['a-regulation.txt', 'c-copy.txt']);
  });

  it('resolves a citation into another file while building one file at a time', () => {
    const part = buildFile(files[1]!, plan, { registry });
    const ref = part.references.find((r) => r.text.includes('第四条'));
    expect(ref?.status).toBe('resolved');
    const regulation = buildFile(files[0]!, plan, { registry }).documents[0]!;
    const article4 = [...walk(regulation.root)].map(([n]) => n).find((n) => n.label === '第四条');
    expect(ref?.toClauseId).toBe(article4?.id);
    expect(part.tasks.map((t) => t.owners.map((o) => o.department))).toContainEqual(expect.arrayContaining([expect.stringContaining('大数据局')]));
  });

  it('gives the same corpus as building everything in memory', () => {
    const whole = buildCorpus(files, { registry });
    const parts = files.map((f) => buildFile(f, plan, { registry }));
    expect(parts.flatMap((p) => p.documents.map((d) => d.id)).sort()).toEqual(whole.documents.map((d) => d.id).sort());
    expect(parts.flatMap((p) => p.references.map((r) => r.id)).sort()).toEqual(whole.references.map((r) => r.id).sort());
    expect(parts.flatMap((p) => p.tasks.map((t) => t.id)).sort()).toEqual(whole.tasks.map((t) => t.id).sort());
  });

  it('refuses a file that parses differently than when it was surveyed', () => {
    const changed = file('b-plan.txt', `某市另一个方案\n${PLAN}`);
    expect(() => buildFile(changed, plan, { registry })).toThrow(/surveyed/);
  });
});

describe('one file of many documents, a document at a time', () => {
  const compilation = file('compilation.txt', COMPILATION);

  it('ids every document from the split alone, as parsing them would', () => {
    const lazy = splitFile(normalizeText(compilation));
    const parsed = parseFile(normalizeText(compilation)).documents;
    expect(parsed.length).toBeGreaterThan(3);
    expect(lazy.ids).toEqual(parsed.map((d) => d.id));
    expect(parsed.slice(1).every((d) => d.partOf === parsed[0]!.id)).toBe(true);
  });

  it('lists a notice\'s attachment before the attachment is parsed', () => {
    const parsed = parseFile(normalizeText(file('notice.txt', NOTICE_WITH_PLAN))).documents;
    const notice = parsed.find((d) => d.attachments.length > 0)!;
    expect(notice).toBeDefined();
    const attachment = parsed.find((d) => d.id === notice.attachments[0])!;
    expect(attachment.attachmentOf).toBe(notice.id);
    // The notice precedes its plan: the link is known before the plan is parsed.
    expect(parsed.indexOf(notice)).toBeLessThan(parsed.indexOf(attachment));
  });

  it('hands pass 2 over one kept document per part, enriched as if each file were enriched whole', async () => {
    const files = await readRealCorpus();
    const plan = planCorpus(files.map((f) => surveyFile(f)));
    let many = 0;
    for (const source of files) {
      const parts = [...buildFileParts(source, plan, { registry })];
      for (const p of parts) expect(p.documents).toHaveLength(1);
      for (const p of parts) for (const t of p.tasks) expect(t.docId).toBe(p.documents[0]!.id);
      for (const p of parts) for (const r of p.references) expect(r.fromDocId).toBe(p.documents[0]!.id);
      if (parts.length < 2) continue;
      many++;
      // Extraction over all the file's documents at once — what a document-at-a-time build must not lose.
      const documents = parts.map((p) => p.documents[0]!);
      expect(parts.flatMap((p) => p.tasks)).toEqual(extractResponsibilities(documents, registry).tasks);
      expect(parts.flatMap((p) => p.references)).toEqual(linkDocuments(documents, plan.references).references);
    }
    expect(many).toBeGreaterThan(0);
  });
});

describe('the plan of the real corpus', () => {
  it('is a small fraction of the corpus it describes', async () => {
    const files = await readRealCorpus();
    const plan = planCorpus(files.map((f) => surveyFile(f)));
    const planChars = JSON.stringify({ ...plan, copies: [...plan.copies], aliases: [...plan.references.aliases], references: plan.references.resolver.bareTitles }).length;
    const corpusChars = files.reduce((n, f) => n + f.text.length, 0);
    // Measured: 7% (23 k characters of JSON for 353 k of text); what grows with the corpus is
    // metadata, titles, article ids and catalogue entries — never texts or trees.
    expect(planChars / corpusChars).toBeLessThan(0.15);
  });
});
