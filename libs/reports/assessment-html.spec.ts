import { CHART_SECTIONS, TABLE_SECTIONS, escapeHtml, renderAssessmentHtml } from './assessment-html.js';
import { LONG_NAME, smallReport } from '../../test/fixtures/assessment-report.fixture.js';

/** Each `<section data-section>`'s name and content; sections do not nest. */
function sections(html: string): Map<string, string> {
  return new Map([...html.matchAll(/<section data-section="([^"]+)">([\s\S]*?)<\/section>/g)].map((m) => [m[1], m[2]]));
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('renderAssessmentHtml', () => {
  const html = renderAssessmentHtml(smallReport());

  it('is a self-contained Chinese page', () => {
    expect(html).toMatch(/^<!doctype html>\s*<html lang="zh-CN">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>2025 年度目标考核报告</title>');
    expect(html).toMatch(/@page \{ size: A4/);
    expect(html).toMatch(/font-family: "PingFang SC"/);
    expect(html).not.toMatch(/<script|<link|src="http/i);
  });

  it('renders the same report to the same bytes, so a frozen report stays identical', () => {
    expect(renderAssessmentHtml(smallReport())).toBe(html);
  });

  it('has exactly one chart in each chart section and none elsewhere', () => {
    const found = sections(html);
    expect([...found.keys()]).toEqual([...CHART_SECTIONS, ...TABLE_SECTIONS]);
    for (const name of CHART_SECTIONS) expect(count(found.get(name)!, '<svg')).toBe(1);
    for (const name of TABLE_SECTIONS) expect(count(found.get(name)!, '<svg')).toBe(0);
    expect(count(html, '<svg')).toBe(CHART_SECTIONS.length);
  });

  it('charts every department', () => {
    const found = sections(html);
    for (const name of CHART_SECTIONS) {
      // ECharts truncates long axis labels; the short names are whole.
      expect(found.get(name)).toContain('教育局');
      expect(found.get(name)).toContain('财政局');
    }
  });

  it("names every department in the ranking and the details, with the API's numbers", () => {
    const { ranking, departments } = Object.fromEntries(sections(html));
    for (const name of ['教育局', '财政局', LONG_NAME]) {
      expect(ranking).toContain(`<td>${escapeHtml(name)}</td>`);
      expect(departments).toContain(escapeHtml(name));
    }
    expect(
      ranking.match(
        /<tr><td class="num">(\d+)<\/td><td>([^<]+)<\/td><td class="num">([\d.]+)<\/td><td class="num">([^<]+)<\/td><td class="num">([\d.]+)<\/td>/g,
      ),
    ).toEqual([
      '<tr><td class="num">1</td><td>教育局</td><td class="num">90.00</td><td class="num">96.25</td><td class="num">92.50</td>',
      '<tr><td class="num">1</td><td>财政局</td><td class="num">92.50</td><td class="num">—</td><td class="num">92.50</td>',
      `<tr><td class="num">3</td><td>${escapeHtml(LONG_NAME)}</td><td class="num">71.38</td><td class="num">—</td><td class="num">71.38</td>`,
    ]);
    expect(departments).toContain('<dt>按时完成率</dt><dd>66.7%</dd>');
    // 定期报送: 9 of 12 periods on time, 1 missed; a department with no period due shows no rate.
    expect(departments).toContain('<dt>按时报送率</dt><dd>75.0%</dd><dt>逾期未报</dt><dd>1</dd>');
    expect(departments).toContain('<dt>按时报送率</dt><dd>—</dd><dt>逾期未报</dt><dd>0</dd>');
    expect(ranking).toContain('<th colspan="3">定期报送</th>');
    expect(departments).toContain('2025-10-04 09:00');
  });

  it('escapes text from the record: a task titled with a script stays text', () => {
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 其他');
    expect(html).not.toMatch(/<script/i);
  });

  it('escapes a department name in the tables and in the charts', () => {
    const report = smallReport();
    report.departments[0].departmentName = '<img src=x onerror=alert(1)>';
    const hostile = renderAssessmentHtml(report);
    expect(hostile).not.toContain('<img');
    expect(hostile).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
