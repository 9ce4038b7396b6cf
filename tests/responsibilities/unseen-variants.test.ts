import { beforeAll, describe, expect, it } from 'vitest';
import { loadDepartmentRegistry, type DepartmentRegistry } from '../../core/departments/index.js';
import { findOwnerNotes } from '../../ingest/enrich/responsibilities/index.js';

/**
 * Phrasings of owner notes that do not occur in the corpus, written from the
 * conventions of Chinese plans, to check that the rules generalize.
 */
let registry: DepartmentRegistry;
beforeAll(async () => {
  registry = await loadDepartmentRegistry();
});

const owners = (text: string) =>
  findOwnerNotes(text, registry).flatMap((n) => n.parsed.owners.map((o) => `${o.asWritten}:${o.role}`));

describe('owner notes not seen in the corpus', () => {
  it.each([
    ['加强示范应用推广。（牵头单位：省科技厅；配合单位：省财政厅、各市人民政府）', ['省科技厅:lead', '省财政厅:cooperating', '各市人民政府:cooperating']],
    ['推进医保数据共享。（由省卫生健康委牵头，省医保局参与）', ['省卫生健康委:lead', '省医保局:cooperating']],
    ['规范市场秩序。（省商务厅、省市场监管局按职责分工负责）', ['省商务厅:responsible', '省市场监管局:responsible']],
    ['建设智慧水利。(省水利厅牵头,省自然资源厅、省气象局配合)', ['省水利厅:lead', '省自然资源厅:cooperating', '省气象局:cooperating']],
    ['完善标准体系。（责任部门：省市场监管局；协同部门：省工业和信息化厅）', ['省市场监管局:responsible', '省工业和信息化厅:cooperating']],
    ['强化人才支撑。（省人力资源社会保障厅、省教育厅负责）', ['省人力资源社会保障厅:responsible', '省教育厅:responsible']],
    ['推进项目建设。（省发展改革委、省财政厅牵头，各市政府落实）', ['省发展改革委:lead', '省财政厅:lead', '各市政府:responsible']],
    ['开展试点示范。（省科技厅牵头，各市人民政府组织实施）', ['省科技厅:lead', '各市人民政府:responsible']],
    ['完善数据目录。【责任单位：省大数据局；配合单位：省直有关部门】', ['省大数据局:responsible', '省直有关部门:cooperating']],
  ])('%s', (text, expected) => {
    expect(owners(text)).toEqual(expected);
  });
});

describe('what is not an owner note', () => {
  it.each([
    '本办法自2025年1月1日起实施。（2024年12月修订后实施）',
    '【专栏1】数字基础设施建设重点工程',
    '各地要抓好落实（具体方案另行印发）',
  ])('%s', (text) => {
    expect(owners(text)).toEqual([]);
  });
});
