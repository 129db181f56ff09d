import ExcelJS from 'exceljs';
import { renderAssessmentHtml } from './assessment-html.js';
import { HEADER_ROWS, renderAssessmentWorkbook } from './assessment-workbook.js';
import { largeReport } from './report-fixture.js';

/**
 * The budget is 5 s for a report of 10,000 tasks across 20 departments. The time
 * is printed, not asserted: a loaded CI machine must not fail the suite over it.
 */
describe('reports of 10,000 tasks across 20 departments', () => {
  const report = largeReport(10_000, 20);

  it('renders the workbook, every task on its department\'s sheet', async () => {
    const started = performance.now();
    const buffer = await renderAssessmentWorkbook(report);
    const elapsed = performance.now() - started;
    console.log(`report.xlsx: 10,000 tasks, 20 departments in ${elapsed.toFixed(0)} ms (${(buffer.length / 1024).toFixed(0)} KiB)`);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(workbook.worksheets).toHaveLength(21);
    const taskRows = workbook.worksheets.slice(1).reduce((sum, sheet) => sum + sheet.rowCount - HEADER_ROWS, 0);
    expect(taskRows).toBe(10_000);
  });

  it('renders the HTML page', () => {
    const started = performance.now();
    const html = renderAssessmentHtml(report);
    const elapsed = performance.now() - started;
    console.log(`report.html: 10,000 tasks, 20 departments in ${elapsed.toFixed(0)} ms (${(html.length / 1024).toFixed(0)} KiB)`);
    expect(html.split('<svg').length - 1).toBe(3);
  });
});
