/**
 * Policy vocabulary that jieba's default dictionary splits or misses, added to
 * the user dictionary so each stays one token (cutForSearch still emits the
 * parts, so 数据要素 also finds 数据 and 要素). General terms of Chinese digital
 * and administrative policy, not names of any particular document.
 */
export const policyTerms: string[] = [
  '算力', '算力网络', '智算', '超算', '千兆光网', '双千兆', '一网通办', '一网统管', '一网协同', '跨省通办', '一件事',
  '数字政府', '数字经济', '数字乡村', '数字孪生', '数据要素', '数据资源', '公共数据', '政务数据', '数据共享', '数据开放',
  '数据安全', '网络安全', '个人信息', '个人信息保护', '关键信息基础设施', '等级保护', '数据中心', '边缘计算', '云计算',
  '物联网', '车联网', '工业互联网', '区块链', '人工智能', '大数据', '大模型', '新基建', '新型基础设施', '信息基础设施',
  '融合基础设施', '创新基础设施', '5G基站', '光纤到户', '卫星互联网', '北斗', '量子通信', '智慧城市', '智慧交通',
  '智慧能源', '智慧水利', '智慧医疗', '智慧教育', '电子政务', '电子证照', '电子印章', '政务服务', '营商环境',
  '放管服', '责任单位', '牵头单位', '配合单位', '分工负责', '专栏', '行动方案', '实施方案', '指导意见',
];
