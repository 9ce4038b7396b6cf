import { describe, expect, it } from 'vitest';
import { Reference } from '../../core/references/index.js';
import { linkReferences } from '../../ingest/enrich/references/link-references.js';
import { walk } from '../../core/model/tree.js';
import { legalDoc, planDoc } from './fixtures.js';

function corpus() {
  const net = legalDoc(
    'net',
    '中华人民共和国网络安全法',
    [
      ['国家实行网络安全等级保护制度。'],
      ['网络产品应当符合要求。', '提供者不得设置恶意程序。', { text: '提供者应当：', items: ['为产品提供安全维护；', '及时告知用户。'] }],
      ['违反本法第一条、第二条第三款第（二）项规定的，依照前款处罚。'],
      ['违反本法第二条至第三条规定的，责令改正。', '有前款行为的，依照前条规定处罚。'],
    ],
    { year: 2016 },
  );
  const data = legalDoc(
    'data',
    '中华人民共和国数据安全法',
    [['关键信息基础设施运营者的重要数据出境，适用《中华人民共和国网络安全法》的规定；违反网络安全法第三条的，依照本法处理。']],
    { year: 2021 },
  );
  const regs = legalDoc(
    'regs',
    '某省大数据发展促进条例',
    [['为了促进大数据发展，根据《中华人民共和国数据安全法》等法律、行政法规，结合本省实际，制定本条例。'], ['本条例第一条所称数据，依照《某不存在的法》第九条。']],
    { kind: 'regulation', year: 2021, issuer: '某省人民代表大会常务委员会' },
  );
  const plan = planDoc(
    'plan',
    '某省数字建设规划',
    [
      '为贯彻落实《数字中国建设整体布局规划》（以下简称《布局规划》），根据《某省国民经济规划纲要》，制定本规划。',
      '按照《布局规划》要求，落实《某省大数据发展促进条例》第一条，实施《“十四五”大数据产业发展规划》。本规划自印发之日起施行。',
    ],
    { year: 2023, issuer: '某省人民政府办公厅' },
  );
  const national = planDoc('national', '数字中国建设整体布局规划', ['按照《数字中国建设整体布局规划》部署推进。'], { year: 2023 });
  const catalogue = [
    { id: 'cat-1', number: 1, title: '“十四五”大数据产业发展规划', date: '2021-11-30', issuer: '工业和信息化部' },
  ];
  return { docs: [net, data, regs, plan, national], catalogue };
}

describe('linkReferences', () => {
  const { docs, catalogue } = corpus();
  const { references, messages, aliases } = linkReferences(docs, catalogue);
  const from = (clauseId: string) => references.filter((r) => r.fromClauseId === clauseId);

  it('produces references that satisfy the zod schema', () => {
    for (const r of references) expect(() => Reference.parse(r)).not.toThrow();
    expect(new Set(references.map((r) => r.id)).size).toBe(references.length);
  });

  it('resolves a cross-document title to the document, with the span inside the clause text', () => {
    const [r] = from('data--art_1__para_1');
    const clause = docs[1]!.root.children[0]!.children[0]!;
    expect(r).toMatchObject({ status: 'resolved', toDocId: 'net', relation: 'mentions', anchor: 'title' });
    expect(clause.text.slice(r!.start, r!.end)).toBe('《中华人民共和国网络安全法》');
    expect(r!.fromPath).toEqual(['data--art_1', 'data--art_1__para_1']);
  });

  it('resolves a short title with an article to the clause', () => {
    const r = from('data--art_1__para_1')[1];
    expect(r).toMatchObject({ text: '网络安全法第三条', toClauseId: 'net--art_3', normalized: '《中华人民共和国网络安全法》第三条' });
  });

  it('resolves lists, ranges and relative citations inside the same document', () => {
    expect(from('net--art_3__para_1').map((r) => r.toClauseId)).toEqual([
      'net--art_1',
      'net--art_2__para_3__item_2',
      undefined, // 前款 in a first paragraph: nothing before it
    ]);
    expect(from('net--art_4__para_1').map((r) => r.toClauseId)).toEqual(['net--art_2', 'net--art_3']);
    expect(from('net--art_4__para_2').map((r) => r.toClauseId)).toEqual(['net--art_4__para_1', 'net--art_3']);
  });

  it('records basis relations of regulations made under a law (incoming references of the law)', () => {
    const incoming = references.filter((r) => r.toDocId === 'data' && r.fromDocId !== 'data');
    expect(incoming.map((r) => [r.fromDocId, r.relation])).toEqual([['regs', 'basis']]);
  });

  it('uses a defined short name and keeps the relation the text states', () => {
    const first = from('plan--blk_1');
    expect(first.map((r) => [r.text, r.status, r.relation, r.toDocId])).toEqual([
      ['《数字中国建设整体布局规划》', 'resolved', 'implements', 'national'],
      ['《某省国民经济规划纲要》', 'unresolved', 'basis', undefined],
    ]);
    const second = from('plan--blk_2');
    expect(second.map((r) => [r.text, r.status, r.toDocId ?? r.catalogueId, r.toClauseId])).toEqual([
      ['《布局规划》', 'resolved', 'national', undefined],
      ['《某省大数据发展促进条例》第一条', 'resolved', 'regs', 'regs--art_1'],
      ['《“十四五”大数据产业发展规划》', 'catalogue', 'cat-1', undefined],
    ]);
  });

  it('drops a document citing itself without an article', () => {
    expect(references.filter((r) => r.fromDocId === 'national')).toEqual([]);
    expect(references.some((r) => r.text.includes('本规划'))).toBe(false);
  });

  it('cites its own article by 本条例第N条', () => {
    expect(from('regs--art_2__para_1')[0]).toMatchObject({ anchor: 'self', toDocId: 'regs', toClauseId: 'regs--art_1' });
  });

  it('reports unresolved and missing clauses as messages, never throws', () => {
    const rules = messages.map((m) => m.rule);
    expect(rules).toContain('references/unresolved');
    expect(messages.find((m) => m.message.includes('某不存在的法'))).toMatchObject({ severity: 'info', path: 'regs.txt' });
  });

  it('sets node.data.references on citing nodes only', () => {
    const ids = new Set<string>();
    for (const d of docs) {
      for (const [node] of walk(d.root)) {
        const refs = (node.data?.references ?? []) as string[];
        for (const id of refs) ids.add(id);
        if (refs.length) expect(refs.every((id) => id.startsWith(`${node.id}__ref`))).toBe(true);
      }
    }
    expect([...ids].sort()).toEqual(references.map((r) => r.id).sort());
  });

  it('attributes a citation to the deepest node only, not again to its article', () => {
    expect(from('net--art_3')).toEqual([]);
    expect(references.filter((r) => r.fromClauseId.startsWith('net--art_3')).length).toBe(3);
  });

  it('returns short forms and distinctive defined names as aliases', () => {
    expect(aliases.get('net')).toContain('网络安全法');
    expect(aliases.get('national')).toContain('布局规划');
    expect(aliases.get('plan')).not.toContain('布局规划');
  });

  it('is deterministic and leaves the trees JSON-serializable', () => {
    const again = linkReferences(corpus().docs, catalogue);
    expect(again.references).toEqual(references);
    expect(JSON.parse(JSON.stringify(docs[0]!.root))).toEqual(docs[0]!.root);
  });
});
