import { describe, expect, it } from 'vitest';
import { continuesInto, estimateLineWidth, rejoinBrokenLines } from '../../ingest/normalize/cleaners/rejoin.js';
import { applyEdits, trackText } from '../../ingest/normalize/offset-map.js';
import { normalizeText } from '../../ingest/normalize/index.js';
import type { SourceFile } from '../../ingest/stages.js';

const source = (text: string, format: SourceFile['format'] = 'txt'): SourceFile => ({ path: 'synthetic', format, encoding: 'utf-8', text, sha256: '' });
const normalized = (text: string, format: SourceFile['format'] = 'txt'): string[] => normalizeText(source(text, format)).text.split('\n').filter((l) => l !== '');
const rejoin = (text: string): string => applyEdits(trackText(text), rejoinBrokenLines.clean(text, { path: 's', format: 'txt' }).edits).text;

/** Wraps text every `width` characters, like a hard-wrapped extraction. */
function wrap(text: string, width: number, sep = '\n\n'): string {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += width) out.push(text.slice(i, i + width));
  return out.join(sep);
}

// Synthetic sentences in the style of a plan; each paragraph is long enough to wrap several times.
const P1 = '为全面推进数字化转型，加快构建现代化基础设施体系，根据有关规划部署，结合本地实际，制定本方案。本方案实施期限为三年。';
const P2 = '到2025年，全市数据中心规模持续扩大，千兆光网实现城乡全覆盖，工业互联网平台服务企业数量显著增加，数字治理能力明显提升。';
const P3 = '强化统筹协调，建立健全工作推进机制，定期调度重点任务进展情况，及时研究解决重大问题，确保各项任务落到实处。';

describe('continuesInto', () => {
  it('joins a paragraph broken at a page end, across blank lines', () => {
    expect(rejoin('5. 推广量子通信网络应用。加快量子通信在政务领域的融合应用。到 2025\n\n年，培育形成产业集群。')).toBe(
      '5. 推广量子通信网络应用。加快量子通信在政务领域的融合应用。到 2025年，培育形成产业集群。',
    );
  });

  it('attaches a responsibility note on its own line to its task', () => {
    expect(continuesInto('积极推进数字乡村建设试点工作。', '（责任单位：市农业农村局、市商务局）')).toBe(true);
    expect(continuesInto('积极推进数字乡村建设试点工作。', '【责任单位：市农业农村局】')).toBe(true);
  });

  it('joins a note broken right after its colon, but not a colon outside any parenthesis', () => {
    expect(continuesInto('确保各项工作取得成效。（牵头单位：', '省大数据局)')).toBe(true);
    expect(continuesInto('全面提升政策精准协同能力。(责任单位:', '市委宣传部、市发展改革委）')).toBe(true);
    expect(rejoin('确保工作成效。（牵头单位：\n\n某市大数据局，配合单位：各区县政府）')).toBe('确保工作成效。（牵头单位：某市大数据局，配合单位：各区县政府）');
    expect(continuesInto('主要目标（2023—2025年）：', '到2025年，数据要素市场体系基本建立。')).toBe(false);
    expect(continuesInto('各区县人民政府：', '现将方案印发给你们。')).toBe(false);
  });

  it('does not join after a sentence end, or before a line that opens a block', () => {
    expect(continuesInto('制定本方案。', '本方案实施期限为三年。')).toBe(false);
    expect(continuesInto('加快建设信息基础设施，', '（二）构建数据处理体系。')).toBe(false);
    expect(continuesInto('加快建设信息基础设施，', '第二条 本办法适用于')).toBe(false);
    expect(continuesInto('加快建设信息基础设施，', '任务\t单位')).toBe(false);
  });

  it('joins when the next line cannot start a line, or this one cannot end one', () => {
    expect(continuesInto('市大数据主管部门负责统筹全市数据资源管理工作', '，建立数据资源目录。')).toBe(true);
    expect(continuesInto('根据《数字经济发展', '规划》要求')).toBe(true);
    expect(continuesInto('（责任单位：省大数据局、省通信', '管理局）')).toBe(true);
    expect(continuesInto('五、', '保障措施')).toBe(true);
  });

  it('does not mistake a citation of an article for a new article', () => {
    expect(continuesInto('违反本法规定的，由有关主管部门依照本法', '第三十条规定处罚。')).toBe(true);
    expect(continuesInto('违反本法规定的，由有关主管部门依照本法', '第三十条 国家建立制度。')).toBe(false);
  });

  it('keeps titles, dates, signatures and headings on their own lines', () => {
    expect(continuesInto('某市数据资源管理办法', '为了规范数据资源管理，制定本办法。')).toBe(false);
    expect(continuesInto('某市大数据局', '2025年1月1日')).toBe(false);
    expect(continuesInto('一、总体要求', '深入贯彻新发展理念，加快建设。')).toBe(false);
    expect(continuesInto('（一）加强组织领导，完善工作机制', '各地要建立健全工作机制。')).toBe(false);
    expect(continuesInto('——2020年2月3日，在某会议上的讲话', '要鼓励运用大数据、人工智能等技术。')).toBe(false);
    expect(continuesInto('## 关于印发某某市数字基础设施建设三年行动方案的通知', '各区县人民政府：')).toBe(false);
  });

  it('keeps a long title apart when the file shows no wrapping, but joins a full-width line when it does', () => {
    const longTitle = '关于印发某某市数字基础设施建设三年行动方案的通知';
    expect(continuesInto(longTitle, '各区县人民政府，市政府各部门：')).toBe(false);
    expect(continuesInto('计算济南中心、青岛海洋超算中心的运算速度和水平位于国内前', '列。建设运营一批节点。', 28)).toBe(true);
    expect(continuesInto('计算济南中心、青岛海洋超算中心的运算速度和水平位于国内前', '列。建设运营一批节点。')).toBe(false);
  });

  it('joins a numbered item with a full stop inside, or as wide as a full line', () => {
    expect(continuesInto('11.高标准建设数据大脑。持续加强领域大脑', '建设，推动重点领域协同。')).toBe(true);
    expect(continuesInto('1. 主动融入国家超算互联网，重点支持国家 E 级超算中心', '等省内节点建设。')).toBe(true);
  });
});

describe('estimateLineWidth', () => {
  it('finds the width of a hard-wrapped text', () => {
    const text = wrap(P1 + P2 + P3, 28);
    expect(estimateLineWidth(text.split('\n'))).toBeGreaterThanOrEqual(27);
    expect(estimateLineWidth(text.split('\n'))).toBeLessThanOrEqual(29);
  });

  it('gives no width for a file with one paragraph per line', () => {
    expect(estimateLineWidth([P1, P2, P3, '一、总体要求', '某市数据资源管理办法'])).toBeUndefined();
  });
});

describe('rejoining whole texts', () => {
  it('rebuilds the paragraphs of a hard-wrapped text, never gluing a title or heading', () => {
    const text = ['某市数字化转型三年行动方案', '', wrap(P1, 28), '', '一、发展目标', '', wrap(P2, 28), '', '二、保障措施', '', wrap(P3, 28)].join('\n');
    expect(normalized(text)).toEqual(['某市数字化转型三年行动方案', P1, '一、发展目标', P2, '二、保障措施', P3]);
  });

  it('handles page-break damage in a one-paragraph-per-line text', () => {
    const broken = `${P2.slice(0, 40)}\n\n- 3 -\n\n${P2.slice(40)}`;
    const text = ['一、发展目标', broken, '（责任单位：市发展改革委）', '二、保障措施', P3].join('\n');
    expect(normalized(text)).toEqual(['一、发展目标', `${P2}（责任单位：市发展改革委）`, '二、保障措施', P3]);
  });

  it('keeps Markdown headings apart and bullets as items', () => {
    const text = '# 某市文件\n\n## 关于印发某某市数字基础设施建设三年行动方案的通知\n\n各区县人民政府：\n\n- 1.积极推广行业专网，加快建设\n\n融媒体平台。\n- 2.着力提升骨干网络层级。';
    expect(normalized(text, 'md')).toEqual([
      '某市文件',
      '关于印发某某市数字基础设施建设三年行动方案的通知',
      '各区县人民政府：',
      '1.积极推广行业专网，加快建设融媒体平台。',
      '2.着力提升骨干网络层级。',
    ]);
  });

  it('glues two Latin words with a space', () => {
    expect(rejoin('推动 big data，cloud and\nedge computing 协同发展。')).toBe('推动 big data，cloud and edge computing 协同发展。');
  });
});
