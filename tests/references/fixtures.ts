import type { PolicyDocument, PolicyNode, DocKind } from '../../core/model/index.js';

/**
 * Small synthetic documents with trees shaped like the parser's (ids
 * `${docId}--${eId}`, positions into the document text, article text including
 * its paragraphs), so the enricher can be tested without the real parser.
 */

type Para = string | { text: string; items: string[] };

const cn = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const num = (n: number) => (n <= 10 ? cn[n]! : n < 20 ? `十${cn[n - 10]}` : `${cn[Math.floor(n / 10)]}十${cn[n % 10]}`);

function node(kind: PolicyNode['kind'], id: string, eId: string, text: string, start: number, children: PolicyNode[] = [], label?: string): PolicyNode {
  return {
    kind,
    id,
    eId,
    ...(label ? { label } : {}),
    text,
    citation: '',
    position: { start: { offset: start }, end: { offset: start + text.length } },
    children,
  };
}

function doc(id: string, title: string, kind: DocKind, text: string, children: PolicyNode[], meta: Partial<PolicyDocument>): PolicyDocument {
  return {
    id,
    title,
    kind,
    sources: [{ path: `${id}.txt`, start: 0, end: text.length, artifacts: 0, chosen: true }],
    attachments: [],
    text,
    root: { ...node('document', id, '', '', 0, children), position: { start: { offset: 0 }, end: { offset: text.length } } },
    messages: [],
    ...meta,
  };
}

/** A legal text: articles of paragraphs (a paragraph may hold items （一）（二）…). */
export function legalDoc(id: string, title: string, articles: Para[][], meta: Partial<PolicyDocument> = {}): PolicyDocument {
  let text = `${title}\n`;
  const nodes: PolicyNode[] = [];
  articles.forEach((paras, ai) => {
    const a = ai + 1;
    const artStart = text.length;
    const artId = `${id}--art_${a}`;
    const paraNodes: PolicyNode[] = [];
    paras.forEach((p, pi) => {
      const body = typeof p === 'string' ? p : p.text;
      const items = typeof p === 'string' ? [] : p.items;
      if (pi === 0) text += `第${num(a)}条 `;
      const pStart = text.length;
      text += body;
      const itemNodes: PolicyNode[] = [];
      items.forEach((it, k) => {
        text += '\n';
        const itText = `（${num(k + 1)}）${it}`;
        itemNodes.push(node('item', `${artId}__para_${pi + 1}__item_${k + 1}`, `art_${a}__para_${pi + 1}__item_${k + 1}`, itText, text.length, [], `（${num(k + 1)}）`));
        text += itText;
      });
      paraNodes.push(node('paragraph', `${artId}__para_${pi + 1}`, `art_${a}__para_${pi + 1}`, text.slice(pStart), pStart, itemNodes, `第${num(pi + 1)}款`));
      text += '\n';
    });
    const artText = text.slice(artStart, text.length - 1);
    nodes.push(node('article', artId, `art_${a}`, artText, artStart, paraNodes, `第${num(a)}条`));
  });
  return doc(id, title, meta.kind ?? 'law', text, nodes, meta);
}

/** A plan: unnumbered blocks of text. */
export function planDoc(id: string, title: string, blocks: string[], meta: Partial<PolicyDocument> = {}): PolicyDocument {
  let text = `${title}\n`;
  const nodes = blocks.map((b, i) => {
    const n = node('block', `${id}--blk_${i + 1}`, `blk_${i + 1}`, b, text.length);
    text += `${b}\n`;
    return n;
  });
  return doc(id, title, meta.kind ?? 'plan', text, nodes, meta);
}
