import ExcelJS from 'exceljs';
import { renderAssessmentHtml } from './assessment-html.js';
import { HEADER_ROWS, renderAssessmentWorkbook } from './assessment-workbook.js';
import { largeReport } from '../../test/fixtures/assessment-report.fixture.js';

/** A report at the size keeps every task; its time is measured by `npm run bench`, not here. */
describe('reports of 10,000 tasks across 20 departments', () => {
  const report = largeReport(10_000, 20);

  it("renders the workbook, every task on its department's sheet", async () => {
    const buffer = await renderAssessmentWorkbook(report);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(workbook.worksheets).toHaveLength(21);
    const taskRows = workbook.worksheets.slice(1).reduce((sum, sheet) => sum + sheet.rowCount - HEADER_ROWS, 0);
    expect(taskRows).toBe(10_000);
  });

  it('renders the HTML page', () => {
    const html = renderAssessmentHtml(report);
    expect(html.split('<svg').length - 1).toBe(3);
  });
});
