/** The columns a 分工表 is read by. */
export type ImportColumn = 'seq' | 'title' | 'description' | 'lead' | 'co' | 'due' | 'clause' | 'supervisor';

/** Each column's Chinese header first (the template writes it), then the synonyms tables use. */
export const COLUMN_NAMES: Record<ImportColumn, string[]> = {
  seq: ['序号', '编号'],
  title: ['重点任务', '任务', '工作任务', '任务名称', '主要任务', '任务内容', '工作内容', '督办事项', '事项'],
  description: ['具体内容', '具体措施', '工作措施', '任务要求', '工作要求', '具体要求', '主要内容', '任务描述', '工作目标', '目标要求'],
  lead: ['牵头单位', '责任单位', '牵头部门', '责任部门', '主办单位', '牵头'],
  co: ['配合单位', '协办单位', '配合部门', '协同单位', '参与单位', '协办部门', '配合'],
  due: ['完成时限', '完成时间', '时间节点', '完成期限', '时限要求', '时限'],
  clause: ['规划条款', '条款', '对应条款', '条款编号', '规划依据'],
  supervisor: ['督办责任人', '督办人'],
};

export const REQUIRED_COLUMNS: ImportColumn[] = ['title', 'lead', 'due'];

/** A header cell without spaces, line breaks and a bracketed note: 牵头单位（部门） → 牵头单位. */
function bareHeader(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/[（(][^）)]*[）)]$/, '')
    .replace(/[:：*＊]/g, '');
}

/** The column a header cell names, by exact name first, then by a name it begins with. */
export function matchHeader(text: string): ImportColumn | null {
  const bare = bareHeader(text);
  if (bare === '') return null;
  const columns = Object.keys(COLUMN_NAMES) as ImportColumn[];
  for (const column of columns) if (COLUMN_NAMES[column].includes(bare)) return column;
  // Longest synonym first, so 督办责任人 is not read as 责任…
  const prefixes = columns.flatMap((column) => COLUMN_NAMES[column].map((name) => ({ column, name }))).sort((a, b) => b.name.length - a.name.length);
  return prefixes.find((p) => p.name.length >= 2 && bare.startsWith(p.name))?.column ?? null;
}

/** The header row's columns by index (1-based), when the row names every required column; else null. */
export function readHeaderRow(cells: string[]): Map<ImportColumn, number> | null {
  const found = new Map<ImportColumn, number>();
  cells.forEach((text, i) => {
    const column = matchHeader(text);
    if (column && !found.has(column)) found.set(column, i + 1);
  });
  return REQUIRED_COLUMNS.every((c) => found.has(c)) ? found : null;
}

export const COLUMN_LABEL: Record<ImportColumn, string> = {
  seq: '序号',
  title: '重点任务',
  description: '具体内容',
  lead: '牵头单位',
  co: '配合单位',
  due: '完成时限',
  clause: '规划条款',
  supervisor: '督办责任人',
};
