import ExcelJS from 'exceljs';
import { HEADER_ROWS, RANKING_SHEET, renderAssessmentWorkbook } from './assessment-workbook.js';
import { LONG_NAME, SCRIPT_TITLE, smallReport } from '../../test/fixtures/assessment-report.fixture.js';

/** The data rows of the table whose header row starts with `firstHeader`: its cells by header text. */
function rows(sheet: ExcelJS.Worksheet, firstHeader: string): Record<string, ExcelJS.Cell>[] {
  const header = sheet.getRow(HEADER_ROWS);
  const columns = new Map<string, number>();
  let start = 0;
  header.eachCell((cell, col) => {
    if (cell.value === firstHeader && start === 0) start = col;
  });
  expect(start).toBeGreaterThan(0);
  for (let col = start; header.getCell(col).value; col += 1) columns.set(header.getCell(col).text, col);
  const result: Record<string, ExcelJS.Cell>[] = [];
  for (let r = HEADER_ROWS + 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells = Object.fromEntries([...columns].map(([name, col]) => [name, row.getCell(col)]));
    if (Object.values(cells).some((cell) => cell.value !== null)) result.push(cells);
  }
  return result;
}

describe('renderAssessmentWorkbook', () => {
  let workbook: ExcelJS.Workbook;
  const progress: [number, number][] = [];

  beforeAll(async () => {
    const buffer = await renderAssessmentWorkbook(smallReport(), (done, total) => {
      progress.push([done, total]);
    });
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  });

  it('reports progress once per department sheet', () => {
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('names a sheet per department, each acceptable to Excel, after the ranking', () => {
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names.slice(0, 3)).toEqual([RANKING_SHEET, '教育局', '财政局']);
    const long = names[3];
    expect(Array.from(long).length).toBeLessThanOrEqual(31);
    expect(long).not.toMatch(/[\\/?*[\]:]/);
    expect(long.startsWith('泰兴市教育局基础教育科_督导室_专项_检查_')).toBe(true);
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
  });

  it('freezes the title and header rows of every sheet', () => {
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROWS });
    }
  });

  it('titles every sheet with the year, the state of the cycle and its date', () => {
    const ranking = workbook.getWorksheet(RANKING_SHEET)!;
    expect(ranking.getCell('A1').value).toBe('2025 年度目标考核报告');
    expect(ranking.getCell('A2').value).toBe('已定稿，数据截至 2026-01-05 10:30');
    expect(ranking.getCell('A1').font?.bold).toBe(true);
    expect(workbook.getWorksheet('教育局')!.getCell('A1').value).toBe('2025 年度目标考核报告 · 教育局');
  });

  it('ranks departments with the numbers of the report, a tie sharing first place', () => {
    const ranking = rows(workbook.getWorksheet(RANKING_SHEET)!, '名次');
    expect(ranking.map((row) => [row['名次'].value, row['部门'].value, row['最终得分'].value])).toEqual([
      [1, '教育局', 92.5],
      [1, '财政局', 92.5],
      [3, LONG_NAME, 71.38],
    ]);
    const [jyj, czj] = ranking;
    expect(jyj['计算得分'].value).toBe(90);
    expect(jyj['评审均分'].value).toBe(96.25);
    expect(czj['评审均分'].value).toBeNull();
    expect([jyj['应完成'], jyj['按时完成'], jyj['逾期完成'], jyj['仍逾期'], jyj['被退回次数'], jyj['延期申请'], jyj['亮红灯']].map((c) => c.value)).toEqual([
      3, 2, 1, 0, 1, 1, 1,
    ]);
    expect(jyj['按时完成率'].value).toBeCloseTo(2 / 3);
    expect(jyj['佐证材料齐全率'].value).toBeCloseTo(2 / 3);
    expect(jyj['平均逾期天数'].value).toBe(4);
    expect([jyj['优秀'].value, jyj['良好'].value, jyj['合格'].value, jyj['不合格'].value]).toEqual([2, 1, 0, 0]);
    expect([jyj['正常推进'].value, jyj['存在风险'].value, jyj['严重滞后'].value, jyj['数据不足'].value]).toEqual([1, 1, 0, 0]);
    expect(ranking[2]['升级至部门负责人'].value).toBe(1);
    // 定期报送: periods due, on time and missed (late ones are the rest).
    expect([jyj['应报'].value, jyj['按时报送'].value, jyj['逾期未报'].value]).toEqual([12, 9, 1]);
    expect([czj['应报'].value, czj['按时报送'].value, czj['逾期未报'].value]).toEqual([0, 0, 0]);
  });

  it('formats scores, shares and days', () => {
    const [jyj] = rows(workbook.getWorksheet(RANKING_SHEET)!, '名次');
    expect(jyj['最终得分'].numFmt).toBe('0.00');
    expect(jyj['按时完成率'].numFmt).toBe('0.0%');
    expect(jyj['佐证材料齐全率'].numFmt).toBe('0.0%');
    expect(jyj['平均逾期天数'].numFmt).toBe('0.0');
    const header = workbook.getWorksheet(RANKING_SHEET)!.getRow(HEADER_ROWS).getCell(3);
    expect(header.font?.bold).toBe(true);
    expect(header.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
  });

  it("lists a department's tasks with Chinese statuses, real dates and completion times in Asia/Shanghai", () => {
    const tasks = rows(workbook.getWorksheet('教育局')!, '编号');
    expect(tasks.map((t) => [t['编号'].value, t['状态'].value, t['逾期天数'].value, t['佐证数'].value, t['评定等级'].value])).toEqual([
      ['JY-01', '已办结', 0, 3, '优秀'],
      ['JY-02', '已办结', 4, 0, '良好'],
      [null, '已办结', 0, 1, '优秀'],
    ]);
    const [first] = tasks;
    expect(first['截止日期'].value).toEqual(new Date('2025-06-30T00:00:00Z'));
    expect(first['截止日期'].numFmt).toBe('yyyy-mm-dd');
    // 15:30 UTC is 23:30 in Shanghai: still the due date, as the report's "on time" says.
    expect(first['办结时间'].value).toEqual(new Date('2025-06-30T23:30:00Z'));
    expect(first['办结时间'].numFmt).toBe('yyyy-mm-dd hh:mm');

    const open = rows(workbook.worksheets[3], '编号');
    expect(open.map((t) => [t['任务'].value, t['状态'].value, t['办结时间'].value, t['评定等级'].value])).toEqual([
      [SCRIPT_TITLE, '办理中', null, null],
      ['督导评估', '待签收', null, null],
    ]);
  });

  it("sets the department's indicators beside its tasks, trends in Chinese", () => {
    const indicators = rows(workbook.getWorksheet('教育局')!, '指标编号');
    expect(indicators.map((i) => [i['指标'].value, i['基期值'].value, i['目标值'].value, i['最新值'].value, i['年份'].value, i['趋势'].value])).toEqual([
      ['学前教育毛入园率', 90, 98, 96, 2025, '正常推进'],
      ['生师比', 18, 15, 17.4, 2025, '存在风险'],
    ]);
    expect(indicators[0]['完成进度'].value).toBeCloseTo(0.75);
    const unknown = rows(workbook.worksheets[3], '指标编号');
    expect(unknown.map((i) => [i['指标'].value, i['基期值'].value, i['最新值'].value, i['趋势'].value])).toEqual([
      ['督导覆盖率', 60, 55, '严重滞后'],
      ['新指标', null, null, '数据不足'],
    ]);
  });

  it('fails when the progress callback fails', async () => {
    await expect(
      renderAssessmentWorkbook(smallReport(), () => {
        throw new Error('job lost');
      }),
    ).rejects.toThrow('job lost');
  });

  it('shows how the computed score was reached', () => {
    const breakdown = rows(workbook.getWorksheet('教育局')!, '项目');
    expect(breakdown.map((b) => [b['项目'].value, b['分值'].value])).toEqual([
      ['按时完成率', 60],
      ['逾期扣分', -2.5],
    ]);
  });
});
