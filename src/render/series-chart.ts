/**
 * An indicator's series as an SVG line chart: a pure function of data to
 * markup (no DOM, no scripts, no CDN), for the web app's indicator page. One
 * line per document (and unit), a dot per target, labelled with the year's
 * value; every text from the data is escaped.
 */

export interface ChartLine {
  /** The document's title: the line's legend. */
  label: string;
  unit: string;
  points: Array<{ year: number; value: number; url?: string }>;
  baseline?: { year: number; value: number };
}

export interface ChartOptions {
  /** Default 640 × 320. */
  width?: number;
  height?: number;
  /** The indicator's name, shown as the title and the accessible name. */
  title: string;
}

const COLORS = ['#1d70b8', '#d4351c', '#00703c', '#f47738', '#4c2c92', '#b58840', '#28a197', '#6f72af'];

/** Escapes text for SVG/XML content and attribute values. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

/**
 * Renders the chart. Lines with different units share the x axis (years) but
 * are scaled to the largest value of all; the legend names each line's unit.
 * @returns a standalone `<svg>` element (role="img", with a <title>).
 */
export function renderSeriesChart(lines: readonly ChartLine[], opts: ChartOptions): string {
  const width = opts.width ?? 640;
  const height = opts.height ?? 320;
  const pad = { left: 56, right: 16, top: 32, bottom: 40 + 18 * lines.length };
  const all = lines.flatMap((l) => [...l.points, ...(l.baseline ? [l.baseline] : [])]);
  const title = escapeXml(opts.title);
  if (!all.length) {
    return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${title}"><title>${title}</title><text x="${width / 2}" y="${height / 2}" text-anchor="middle">无数据</text></svg>`;
  }
  const years = all.map((p) => p.year);
  const minYear = Math.min(...years);
  const maxYear = Math.max(...years);
  const maxValue = Math.max(...all.map((p) => p.value), 0) || 1;
  const plotW = width - pad.left - pad.right;
  const plotH = Math.max(40, height - pad.top - pad.bottom);
  const x = (year: number) => pad.left + (maxYear === minYear ? plotW / 2 : ((year - minYear) / (maxYear - minYear)) * plotW);
  const y = (value: number) => pad.top + plotH - (value / maxValue) * plotH;

  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height + 18 * lines.length}" role="img" aria-label="${title}">`);
  parts.push(`<title>${title}</title>`);
  parts.push(`<text x="${pad.left}" y="18" font-size="14" font-weight="bold">${title}</text>`);
  // Axes: years below, zero and the maximum on the left.
  parts.push(`<line x1="${pad.left}" y1="${pad.top + plotH}" x2="${pad.left + plotW}" y2="${pad.top + plotH}" stroke="#505a5f"/>`);
  parts.push(`<line x1="${pad.left}" y1="${pad.top}" x2="${pad.left}" y2="${pad.top + plotH}" stroke="#505a5f"/>`);
  for (let yr = minYear; yr <= maxYear; yr++) {
    parts.push(`<text x="${fmt(x(yr))}" y="${pad.top + plotH + 16}" font-size="11" text-anchor="middle">${yr}</text>`);
  }
  parts.push(`<text x="${pad.left - 6}" y="${pad.top + plotH}" font-size="11" text-anchor="end">0</text>`);
  parts.push(`<text x="${pad.left - 6}" y="${pad.top + 4}" font-size="11" text-anchor="end">${fmt(maxValue)}</text>`);

  lines.forEach((line, i) => {
    const color = COLORS[i % COLORS.length];
    const pts = [...(line.baseline ? [line.baseline] : []), ...line.points].sort((a, b) => a.year - b.year);
    if (pts.length > 1) {
      parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${pts.map((p) => `${fmt(x(p.year))},${fmt(y(p.value))}`).join(' ')}"/>`);
    }
    for (const p of pts) {
      const isBase = line.baseline && p === line.baseline;
      const label = escapeXml(`${p.year}年 ${fmt(p.value)}${line.unit}${isBase ? '（基期）' : ''}`);
      const dot = `<circle cx="${fmt(x(p.year))}" cy="${fmt(y(p.value))}" r="4" fill="${isBase ? '#fff' : color}" stroke="${color}"><title>${label}</title></circle>`;
      // Only site paths and http(s) links: a javascript: URL in the data is dropped, not escaped.
      const raw = 'url' in p && typeof p.url === 'string' ? p.url : undefined;
      const url = raw && /^(?:\/(?!\/)|https?:\/\/)/.test(raw) ? raw : undefined;
      parts.push(url ? `<a href="${escapeXml(url)}">${dot}</a>` : dot);
      parts.push(`<text x="${fmt(x(p.year))}" y="${fmt(y(p.value) - 8)}" font-size="10" text-anchor="middle" fill="${color}">${escapeXml(fmt(p.value))}</text>`);
    }
    const ly = height - pad.bottom + 40 + 18 * i;
    parts.push(`<rect x="${pad.left}" y="${ly - 9}" width="10" height="10" fill="${color}"/>`);
    parts.push(`<text x="${pad.left + 16}" y="${ly}" font-size="11">${escapeXml(`${line.label}（${line.unit || '无单位'}）`)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}
