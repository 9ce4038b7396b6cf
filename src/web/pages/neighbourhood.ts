import { documentPage } from '../../services/urls.js';
import { html, type Html } from '../html.js';
import { RELATION, label } from '../labels.js';

export interface NeighbourDoc {
  docId?: string;
  title: string;
  count: number;
  relations: Record<string, number>;
}

const W = 760;
const ROW = 34;
const BOX_W = 250;
const BOX_H = 26;
/** Characters of a title that fit a box at the page's font size. */
const TITLE_CHARS = 16;

const clip = (s: string) => (s.length > TITLE_CHARS ? `${s.slice(0, TITLE_CHARS - 1)}…` : s);
const widthOf = (n: number) => Math.min(6, 1 + Math.log2(n)).toFixed(1);

function box(x: number, y: number, d: NeighbourDoc, side: 'in' | 'out'): Html {
  const rels = Object.entries(d.relations)
    .map(([r, n]) => `${label(RELATION, r)} ${n}`)
    .join('，');
  const body = html`<title>${d.title}（${side === 'in' ? '引用本文件' : '被本文件引用'} ${d.count} 次：${rels}）</title>
    <rect x="${x}" y="${y}" width="${BOX_W}" height="${BOX_H}" rx="4" class="nb__box${d.docId ? '' : ' nb__box--external'}"/>
    <text x="${x + 10}" y="${y + 17}" class="nb__label">${clip(d.title)}</text>
    <text x="${x + BOX_W - 8}" y="${y + 17}" class="nb__count" text-anchor="end">${d.count}</text>`;
  return d.docId ? html`<a href="${documentPage(d.docId)}">${body}</a>` : html`<g>${body}</g>`;
}

/**
 * The document's citation neighbourhood as SVG: documents citing it on the
 * left, documents it cites on the right, lines as thick as the references are
 * many. Only attributes style it (the stylesheet does the rest): the CSP
 * forbids inline styles.
 */
export function neighbourhoodSvg(title: string, incoming: NeighbourDoc[], outgoing: NeighbourDoc[]): Html {
  const rows = Math.max(incoming.length, outgoing.length, 1);
  const h = rows * ROW + 40;
  const cy = h / 2;
  const cx = W / 2;
  const centre = { w: 200, h: 44 };
  const yOf = (i: number, n: number) => 30 + (rows - n) * (ROW / 2) + i * ROW;
  const edges: Html[] = [];
  const boxes: Html[] = [];
  incoming.forEach((d, i) => {
    const y = yOf(i, incoming.length);
    edges.push(html`<line x1="${BOX_W}" y1="${y + BOX_H / 2}" x2="${cx - centre.w / 2}" y2="${cy}" class="nb__edge" stroke-width="${widthOf(d.count)}" marker-end="url(#nb-arrow)"/>`);
    boxes.push(box(0, y, d, 'in'));
  });
  outgoing.forEach((d, i) => {
    const y = yOf(i, outgoing.length);
    edges.push(html`<line x1="${cx + centre.w / 2}" y1="${cy}" x2="${W - BOX_W}" y2="${y + BOX_H / 2}" class="nb__edge" stroke-width="${widthOf(d.count)}" marker-end="url(#nb-arrow)"/>`);
    boxes.push(box(W - BOX_W, y, d, 'out'));
  });
  return html`<svg class="neighbourhood" viewBox="0 0 ${W} ${h}" role="img" aria-labelledby="nb-title" xmlns="http://www.w3.org/2000/svg">
  <title id="nb-title">《${title}》的引用关系：${incoming.length} 份文件引用它，它引用 ${outgoing.length} 份文件</title>
  <defs><marker id="nb-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="nb__arrow"/></marker></defs>
  <text x="0" y="16" class="nb__side">引用本文件</text>
  <text x="${W}" y="16" class="nb__side" text-anchor="end">本文件引用</text>
  ${edges}
  <rect x="${cx - centre.w / 2}" y="${cy - centre.h / 2}" width="${centre.w}" height="${centre.h}" rx="6" class="nb__centre"/>
  <text x="${cx}" y="${cy + 5}" class="nb__centre-label" text-anchor="middle">${clip(title)}</text>
  ${boxes}
  ${!incoming.length ? html`<text x="10" y="${cy + 5}" class="nb__none">（无）</text>` : ''}
  ${!outgoing.length ? html`<text x="${W - 10}" y="${cy + 5}" class="nb__none" text-anchor="end">（无）</text>` : ''}
</svg>`;
}
