import { describe, expect, it } from 'vitest';
import { catalogueKey, mergeDuplicates } from '../../ingest/merge/index.js';
import type { DocKind, PolicyDocument } from '../../core/model/document.js';
import { documentId } from '../../ingest/split/index.js';

/** A plain text long enough for shingles: numbered sentences on a topic. */
function body(topic: string, n = 30, variant = ''): string {
  return Array.from({ length: n }, (_, i) => `${i + 1}.推进${topic}第${i + 1}项任务${variant}，到2025年完成建设目标${i * 7}个。`).join('\n');
}

interface DocSpec {
  title: string;
  text: string;
  path: string;
  start?: number;
  artifacts?: number;
  kind?: DocKind;
  version?: string;
  date?: string;
  issuer?: string;
  partOf?: string;
  attachmentOf?: string;
  attachments?: string[];
}

/** Another text on the same kind of subject, worded differently. */
function otherBody(n = 30): string {
  return Array.from({ length: n }, (_, i) => `第${i + 1}条 公共数据提供单位应当依法开放第${i + 1}类数据，保障安全。`).join('\n');
}

/** A parsed document as the parse stage returns it: one source, chosen. */
function doc(spec: DocSpec): PolicyDocument {
  const id = documentId({ title: spec.title, version: spec.version });
  const { path, start = 0, artifacts = 0, text, ...meta } = spec;
  return {
    ...meta,
    id,
    kind: spec.kind ?? 'plan',
    attachments: spec.attachments ?? [],
    sources: [{ path, start, end: start + text.length, artifacts, chosen: true }],
    text,
    root: {
      kind: 'document',
      id,
      eId: '',
      text: '',
      citation: `《${spec.title}》`,
      position: { start: { offset: 0 }, end: { offset: text.length } },
      children: [
        { kind: 'block', id: `${id}--blk_1`, eId: 'blk_1', text, citation: '', position: { start: { offset: 0 }, end: { offset: text.length } }, children: [] },
      ],
    },
    messages: [],
  };
}

describe('mergeDuplicates', () => {
  it('merges two copies of one document, keeps the cleaner text and lists both sources', () => {
    const standalone = doc({ title: '某省数字强省建设规划', text: body('数字强省', 30, '。'), path: 'a-plan.txt', artifacts: 400, date: '2021-07-19', issuer: '某省人民政府办公厅' });
    const inCompilation = doc({ title: '某省数字强省建设规划', text: body('数字强省'), path: 'z-compilation.txt', start: 5000, artifacts: 2, partOf: 'doc-compilation' });
    const { documents, messages } = mergeDuplicates([standalone, inCompilation]);
    expect(documents).toHaveLength(1);
    const merged = documents[0]!;
    expect(merged.text).toBe(inCompilation.text);
    expect(merged.sources.map((s) => [s.path, s.chosen])).toEqual([
      ['a-plan.txt', false],
      ['z-compilation.txt', true],
    ]);
    // The richer metadata survives from the dropped copy; the link to the compilation too.
    expect(merged).toMatchObject({ date: '2021-07-19', year: 2021, issuer: '某省人民政府办公厅', partOf: 'doc-compilation' });
    expect(merged.messages.map((m) => m.rule)).toContain('merge/duplicate');
    expect(messages.map((m) => m.rule)).toContain('merge/summary');
  });

  it('breaks ties by longer text, then path order', () => {
    const short = doc({ title: '某某方案', text: body('某某', 30), path: 'b.txt' });
    const long = doc({ title: '某某方案', text: `${body('某某', 30)}\n附则：本方案自印发之日起施行。`, path: 'c.txt' });
    expect(mergeDuplicates([short, long]).documents[0]!.sources.find((s) => s.chosen)!.path).toBe('c.txt');
    const same = doc({ title: '某某方案', text: body('某某', 30), path: 'a.txt' });
    expect(mergeDuplicates([short, same]).documents[0]!.sources.find((s) => s.chosen)!.path).toBe('a.txt');
  });

  it('matches a title that lost its 的 when the content agrees', () => {
    const a = doc({ title: '某省数字基础设施建设的指导意见', kind: 'opinion', text: body('基础设施'), path: 'a.txt' });
    const b = doc({ title: '某省数字基础设施建设指导意见', kind: 'opinion', text: body('基础设施'), path: 'b.txt', attachments: [] });
    const child = doc({ title: '某附件', text: body('附件'), path: 'b.txt', attachmentOf: b.id });
    const { documents } = mergeDuplicates([a, b, child]);
    expect(documents).toHaveLength(2);
    // A link to the dropped copy now points at the kept one.
    expect(documents.find((d) => d.title === '某附件')!.attachmentOf).toBe(documents.find((d) => d.kind === 'opinion')!.id);
  });

  it('never merges different documents with similar or equal titles', () => {
    const plan = doc({ title: '某省数据条例', kind: 'regulation', text: body('数据条例'), path: 'a.txt' });
    const other = doc({ title: '某省数据条例', kind: 'regulation', text: otherBody(), path: 'b.txt', date: '2016-11-07' });
    const { documents, messages } = mergeDuplicates([plan, other]);
    expect(documents).toHaveLength(2);
    expect(new Set(documents.map((d) => d.id)).size).toBe(2);
    const renamed = documents.find((d) => d.sources[0]!.path === 'b.txt')!;
    expect(renamed.id).toBe(documentId({ title: '某省数据条例', date: '2016-11-07' }, { withDate: true }));
    expect(renamed.root.children[0]!.id).toBe(`${renamed.id}--blk_1`);
    expect(messages.map((m) => m.rule)).toContain('merge/same-title-different-text');
  });

  it('keeps two versions of a plan apart even when their texts agree', () => {
    const v1 = doc({ title: '某某行动方案', version: '（2021-2023年）', text: body('行动'), path: 'a.txt' });
    const v2 = doc({ title: '某某行动方案', version: '（2024-2025年）', text: body('行动'), path: 'b.txt' });
    expect(mergeDuplicates([v1, v2]).documents).toHaveLength(2);
    const bare = doc({ title: '某某行动方案', text: body('行动'), path: 'c.txt' });
    expect(mergeDuplicates([v1, bare]).documents).toHaveLength(1);
  });

  it('fills issuer and date from a catalogue document listing the document', () => {
    const catalogue = doc({
      title: '相关政策文件清单',
      kind: 'catalogue',
      path: 'z.txt',
      text: '序号\t名称\t发文日期\t发文单位\n1\t《某省数据条例》\t2021.09.30\t某省人大常委会\n2\t《中共中央国务院关于构建某某制度的意见》\t2022.12.02\t中共中央办公厅、国务院',
    });
    const law = doc({ title: '某省数据条例', kind: 'regulation', text: body('条例'), path: 'z.txt', date: '2021-09' });
    const opinion = doc({ title: '关于构建某某制度的意见', kind: 'opinion', text: body('制度'), path: 'z.txt', start: 900 });
    const { documents } = mergeDuplicates([catalogue, law, opinion]);
    expect(documents.find((d) => d.kind === 'regulation')).toMatchObject({ date: '2021-09-30', issuer: '某省人大常委会' });
    expect(documents.find((d) => d.kind === 'opinion')).toMatchObject({ date: '2022-12-02', year: 2022 });
  });

  it('is deterministic whatever the input order', () => {
    const docs = [
      doc({ title: '甲方案', text: body('甲'), path: 'b.txt' }),
      doc({ title: '乙办法', kind: 'rules', text: body('乙'), path: 'a.txt', start: 10 }),
      doc({ title: '甲方案', text: body('甲'), path: 'c.txt', artifacts: 1 }),
      doc({ title: '丙意见', kind: 'opinion', text: body('丙'), path: 'a.txt', start: 0 }),
    ];
    const forward = mergeDuplicates(docs);
    const backward = mergeDuplicates([...docs].reverse());
    expect(JSON.stringify(backward)).toBe(JSON.stringify(forward));
    expect(forward.documents.map((d) => d.title)).toEqual(['丙意见', '乙办法', '甲方案']);
  });

  it('does not modify its input', () => {
    const docs = [doc({ title: '甲方案', text: body('甲'), path: 'b.txt' }), doc({ title: '甲方案', text: body('甲'), path: 'c.txt' })];
    const before = JSON.stringify(docs);
    mergeDuplicates(docs);
    expect(JSON.stringify(docs)).toBe(before);
  });
});

describe('catalogueKey', () => {
  it('looks through issuing organs, notice wrappers, 的 and versions', () => {
    expect(catalogueKey('中共中央国务院关于构建某某制度的意见')).toBe(catalogueKey('关于构建某某制度的意见'));
    expect(catalogueKey('关于某省数字政府建设实施方案的通知')).toBe(catalogueKey('某省数字政府建设实施方案'));
    expect(catalogueKey('关于印发《某某行动方案（2024-2025年）》的通知')).toBe(catalogueKey('某某行动方案'));
    expect(catalogueKey('关于做好某某工作的通知')).not.toBe(catalogueKey('某某工作'));
  });
});
