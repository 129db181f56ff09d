/**
 * The 分工表 template: the columns the import reads, an example heading and task,
 * a sheet of departments (name, code, other names) and drop-down lists of department
 * names on the 牵头单位 / 配合单位 columns.
 */
import ExcelJS from 'exceljs';
import { COLUMN_NAMES } from './table-headers.js';
import { WORKBOOK_CREATOR } from './excel.messages.js';

export const TEMPLATE_FILE_NAME = '重点任务分工表模板.xlsx';

const TEMPLATE_ROWS = 1000;

export async function importTemplate(departments: Array<{ code: string; name: string; aliases: string[] }>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = WORKBOOK_CREATOR;
  const sheet = workbook.addWorksheet('分工表', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: COLUMN_NAMES.seq[0], key: 'seq', width: 8 },
    { header: COLUMN_NAMES.title[0], key: 'title', width: 36 },
    { header: COLUMN_NAMES.description[0], key: 'description', width: 60 },
    { header: COLUMN_NAMES.lead[0], key: 'lead', width: 18 },
    { header: COLUMN_NAMES.co[0], key: 'co', width: 26 },
    { header: COLUMN_NAMES.due[0], key: 'due', width: 16 },
    { header: COLUMN_NAMES.clause[0], key: 'clause', width: 14 },
    { header: COLUMN_NAMES.supervisor[0], key: 'supervisor', width: 16 },
  ];
  sheet.getRow(1).font = { bold: true };
  const [first, second] = [departments[0]?.name ?? '', departments[1]?.name ?? ''];
  sheet.addRow({ seq: '一、', title: '（示例）加强教师队伍建设', description: '标题行：牵头单位和完成时限可空，取其下各项任务', lead: '', co: '', due: '' });
  sheet.addRow({
    seq: '1.',
    title: '（示例）深化师德师风建设',
    description: '开展师德专题教育，健全师德考核评价',
    lead: first,
    co: second,
    due: '2025年12月底',
    clause: '',
  });
  sheet.addRow([]);
  const list = workbook.addWorksheet('部门列表');
  list.columns = [
    { header: '部门名称', key: 'name', width: 24 },
    { header: '部门代码', key: 'code', width: 14 },
    { header: '也可写作', key: 'aliases', width: 48 },
  ];
  list.getRow(1).font = { bold: true };
  for (const d of departments) list.addRow({ name: d.name, code: d.code, aliases: d.aliases.join('、') });
  const names = `'部门列表'!$A$2:$A$${Math.max(2, departments.length + 1)}`;
  for (let r = 2; r <= TEMPLATE_ROWS; r++) {
    sheet.getCell(`D${r}`).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [names],
      showErrorMessage: true,
      errorTitle: '牵头单位',
      error: '请从部门列表中选择',
    };
    // 配合单位 may name several departments, so the list only suggests.
    sheet.getCell(`E${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: [names], showErrorMessage: false };
  }
  const help = workbook.addWorksheet('填写说明');
  help.getColumn(1).width = 100;
  for (const line of [
    '序号：一、 （一） 1. （1） 表示层级，下级任务归入上级任务；可不填。',
    '牵头单位：一个部门；写多个时第一个牵头，其余作为配合单位。',
    '配合单位：可写多个，用 、 ， , ； 或空格分隔。部门名称见「部门列表」，也可写常见简称（如 发改委、市教育局）。',
    '完成时限：2025-12-31、2025/12/31、2025年12月31日、2025年12月底、2025.12、2025年底、2025年上半年、2025年第三季度。',
    '定期报送：写 每月、每季度、每半年 或 长期坚持（按季度报送），即为没有最终期限的长期任务，按该周期报送进展；写「2025年底前，每季度报送」则既有完成时限又须定期报送。按年重复的任务请每年一行。',
    '督办责任人：在职督查人员的姓名（同名时填邮箱）；留空则新任务由导入人担任，已有任务保持不变。',
    '请勿使用公式；同一上级下任务标题不要重复。先“预览”检查错误，再确认导入；重复导入同一文件不会产生重复任务。',
  ])
    help.addRow([line]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
