/**
 * What the evidence domain says to people (Simplified Chinese), in one place: the names of accepted file types
 * and the 4xx/503 texts of uploads and downloads. Tests assert these texts: change one here and in the tests together.
 */

export const EVIDENCE_TYPE_NAME = {
  odfText: 'ODF 文本',
  odfSpreadsheet: 'ODF 表格',
  plainText: '纯文本',
} as const;

export const EVIDENCE_MESSAGES = {
  taskCompleted: '任务已办结，不能再上传佐证材料',
  typeRefused: (detected: string | null | undefined, allowed: readonly string[]) =>
    `文件内容不是允许的类型（识别为 ${detected ?? '未知'}）；允许：${allowed.join('、')}`,
  activeExtension: (extension: string) => `不接受 .${extension} 文件：此类文件打开时会被执行或作为网页显示`,
  activeContent: '文件内容是网页或脚本（HTML、SVG、XML），不能作为佐证材料；请转为 PDF 后上传',
  interrupted: '上传中断：文件传完之前连接已断开，请重新上传',
  notFound: (id: string) => `佐证材料不存在：${id}`,
  fileMissing: (id: string) => `佐证材料的文件已丢失：${id}`,
  storageUnavailable: '佐证材料存储暂时不可用，请稍后再试',
  tooLarge: (mib: string) => `文件超过大小上限 ${mib} MiB`,
  /** The stored name of a file whose name leaves nothing once cleaned. */
  unnamed: '未命名文件',
} as const;
