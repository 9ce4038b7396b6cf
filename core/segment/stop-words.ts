/**
 * Function words and question words that people type into a search box
 * (有哪些关于数据共享的要求) but that say nothing about which clause they want.
 * Dropped from queries only — never from indexed text — and only when the
 * query has other words left. Meilisearch reads just the first ten query words,
 * so each particle kept would push a content word out.
 */
export const QUERY_STOP_WORDS: ReadonlySet<string> = new Set([
  // particles and conjunctions
  '的', '地', '得', '了', '着', '过', '和', '与', '及', '以及', '或', '或者', '并', '并且', '而', '且', '也', '都', '就',
  '之', '其', '该', '此', '这', '那', '这些', '那些', '各', '等', '等等', '中', '里', '上', '下', '内', '把', '被', '给',
  '对', '对于', '在', '从', '向', '为', '以', '由', '于', '将', '是', '有', '要', '会', '能', '可', '可以',
  // question words and politeness
  '哪些', '哪个', '哪', '什么', '如何', '怎么', '怎样', '怎么样', '是否', '吗', '呢', '吧', '啊', '请', '请问', '应该', '我', '我们',
  '你', '一下', '查询', '搜索', '查找', '相关', '有关', '关于', '方面', '内容', '中有',
]);
