import { describe, expect, it } from 'vitest';
import * as parse from '../../ingest/parse/index.js';
import { parseDocument } from '../../ingest/parse/index.js';
import { PolicyNodeSchema, walk, type PolicyNode } from '../../core/model/tree.js';
import { TextMessage } from '../../core/model/messages.js';
import { originalSlice } from '../../ingest/normalize/index.js';
import type { PolicyDocument } from '../../core/model/document.js';
import type { DocumentSlice } from '../../ingest/stages.js';
import { corpusFile, documentInFile, fixture, sliceOf, textSlice, titleLineOffset } from './helpers.js';

const COMPILATION = 'zibo-big-data-laws-and-policies-compilation-2023.txt';

function synthetic(): Array<[string, DocumentSlice]> {
  return [
    ['law-parts-sections', textSlice(fixture('law-parts-sections.txt'), { title: '示范数据管理法', kind: 'law' })],
    ['law-no-chapters', textSlice(fixture('law-no-chapters.txt'), { title: '示范公共数据开放办法', kind: 'rules' })],
    ['plan-levels', textSlice(fixture('plan-levels.txt'), { title: '示范数字经济发展行动方案', kind: 'plan' })],
    ['plan-boxes', textSlice(fixture('plan-boxes.txt'), { title: '示范新型基础设施行动计划', kind: 'plan' })],
    ['plan-lost-titles', textSlice(fixture('plan-lost-titles.txt'), { title: '示范发展纲要', kind: 'plan' })],
    ['task-table', textSlice(fixture('task-table.txt'), { title: '示范任务清单', kind: 'plan' })],
    ['speeches', textSlice(fixture('speeches.txt'), { title: '重要论述摘编', kind: 'speeches' })],
  ];
}

function real(): Array<[string, DocumentSlice]> {
  const c = corpusFile(COMPILATION);
  const md = corpusFile('shandong-digital-infrastructure-action-plan-2024-2025.md');
  return [
    ['cyber law', documentInFile(c, '中华人民共和国网络安全法', '中华人民共和国数据安全法', 'law')],
    ['provincial regulation', documentInFile(c, '山东省大数据发展促进条例', '山东省电子政务和政务数据管理办法', 'regulation')],
    ['action plan with tables', documentInFile(c, '山东省数字政府建设“385”行动计划', '山东省支持数字经济发展的意见', 'plan')],
    ['outline with boxes', documentInFile(c, '促进大数据发展行动纲要', '“十四五”数字经济发展规划', 'plan')],
    ['speeches', documentInFile(c, '习近平总书记关于大数据重要论述摘编', '国家大数据法规政策', 'speeches')],
    ['md plan', sliceOf(md, { title: '山东省数字基础设施建设行动方案', kind: 'plan' }, titleLineOffset(md.text, '山东省数字基础设施建设行动方案'))],
    ['hard-wrapped plan', sliceOf(corpusFile('shandong-14th-five-year-digital-province-plan-2021.txt'), { title: '山东省“十四五”数字强省建设规划', kind: 'plan' })],
    ['opinion', sliceOf(corpusFile('shandong-digital-infrastructure-guidance-2020.txt'), { title: '山东省数字基础设施建设的指导意见', kind: 'opinion' })],
  ];
}

const UNITS = new Set(['article', 'paragraph', 'item', 'subitem', 'task', 'row', 'excerpt', 'block']);
const cjk = (s: string): string => s.replace(/[^\u4e00-\u9fff]/g, '');

function checkContract(doc: PolicyDocument, docId: string): void {
  const root = doc.root;
  expect(root).toMatchObject({ kind: 'document', id: docId, eId: '' });
  expect(() => PolicyNodeSchema.parse(root)).not.toThrow();
  expect(JSON.parse(JSON.stringify(root))).toEqual(root);
  for (const m of doc.messages) expect(() => TextMessage.parse(m)).not.toThrow();

  const ids = new Set<string>();
  for (const [node, ancestors] of walk(root)) {
    expect(ids.has(node.id), `duplicate id ${node.id}`).toBe(false);
    ids.add(node.id);
    if (node === root) continue;
    const parent = ancestors.at(-1)!;
    expect(node.id).toBe(`${docId}--${node.eId}`);
    expect(node.eId).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(node.eId.startsWith(parent.eId ? `${parent.eId}__` : '')).toBe(true);
    expect(node.citation.startsWith('《')).toBe(true);
    const { start, end } = { start: node.position.start.offset, end: node.position.end.offset };
    expect(start).toBeLessThanOrEqual(end);
    expect(start).toBeGreaterThanOrEqual(parent.position.start.offset);
    expect(end).toBeLessThanOrEqual(parent.position.end.offset);
    // A node's words are words of the document, inside its position.
    const inside = doc.text.slice(start, end);
    for (const line of node.text.split('\n')) expect(inside.includes(line.trim()), `${node.id}: ${line}`).toBe(true);
    if (UNITS.has(node.kind)) expect(cjk(node.text)).toBe(cjk(inside));
    // No debris in headings: markup, leader dots, TABs, a dangling stop.
    if (node.heading) expect(node.heading).not.toMatch(/[#*\t]|\.{3}|…{2}|[。；：，]$|^\s|\s$/);
    if (node.label) expect(node.label).not.toMatch(/\s/);
  }
}

describe('the tree contract', () => {
  for (const [name, slice] of synthetic()) {
    it(`holds for the synthetic ${name}`, () => checkContract(parseDocument(slice, `doc-${name}`), `doc-${name}`));
  }
  for (const [name, slice] of real()) {
    it(`holds for the real ${name}`, () => checkContract(parseDocument(slice, 'doc-real'), 'doc-real'));
  }

  it('is deterministic: the same text gives the same tree and ids', () => {
    for (const [, slice] of real().slice(0, 3)) {
      expect(parseDocument(slice, 'doc-a')).toEqual(parseDocument(slice, 'doc-a'));
    }
  });

  it('maps every node back to the original words through the offset map', () => {
    const file = corpusFile('shandong-14th-five-year-digital-province-plan-2021.txt');
    const slice = sliceOf(file, { title: 'x', kind: 'plan' });
    const doc = parseDocument(slice, 'doc-src');
    let checked = 0;
    for (const [node] of walk(doc.root)) {
      const src = node.data?.source as { path: string; start: number; end: number };
      expect(src.path).toBe(file.source.path);
      if (node.kind !== 'task') continue;
      // The original (full-width digits, hard wraps, « ») holds the same Chinese characters.
      const original = file.source.text.slice(src.start, src.end);
      expect(cjk(original)).toBe(cjk(originalSlice(file, node.position.start.offset, node.position.end.offset)));
      expect(cjk(original).startsWith(cjk(node.text).slice(0, 12))).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('in the real laws, no paragraph starts or ends in the middle of a sentence', () => {
    const c = corpusFile(COMPILATION);
    const doc = parseDocument(documentInFile(c, '中华人民共和国个人信息保护法', '关键信息基础设施安全保护条例', 'law'), 'doc-pipl');
    const bad = [...walk(doc.root)]
      .map(([n]) => n)
      .filter((n): n is PolicyNode => ['paragraph', 'item'].includes(n.kind) && n.children.length === 0)
      .filter((n) => !/[。；：”）]$/.test(n.text) || /^[，。、；）]/.test(n.text));
    expect(bad.map((n) => n.text)).toEqual([]);
  });

  it('copies the slice metadata and lists the source file', () => {
    const c = corpusFile(COMPILATION);
    const slice = { ...documentInFile(c, '山东省公共数据开放办法', '山东省“十四五”数字强省建设规划', 'rules'), date: '2022-01-17', issuer: '山东省人民政府' };
    const doc = parseDocument(slice, 'doc-meta');
    expect(doc).toMatchObject({ id: 'doc-meta', title: '山东省公共数据开放办法', kind: 'rules', date: '2022-01-17', year: 2022, attachments: [] });
    expect(doc.sources).toEqual([
      { path: COMPILATION, start: expect.any(Number), end: expect.any(Number), artifacts: c.artifacts, chosen: true },
    ]);
    expect(c.source.text.slice(doc.sources[0]!.start, doc.sources[0]!.end)).toContain('第二十三条');
    expect(doc.text).toBe(slice.text);
  });

  it('pins the public surface of ingest/parse', () => {
    expect(Object.keys(parse).sort()).toEqual(['citationTitle', 'countNodesByKind', 'findNodeByLabelPath', 'parseDocument']);
  });
});
