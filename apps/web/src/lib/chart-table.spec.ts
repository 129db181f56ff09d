import { chartTable } from './chart-table';

describe('chartTable', () => {
  it('lists each category with one value per series, a dash where a value is missing', () => {
    const option = {
      xAxis: { type: 'category', data: ['财政局', '教育局'] },
      series: [
        { name: '逾期', type: 'bar', data: [3, 0] },
        { name: '按时办结率', type: 'bar', data: [87.5, null] },
      ],
    };
    expect(chartTable(option)).toEqual({
      head: ['', '逾期', '按时办结率'],
      rows: [
        ['财政局', '3', '87.5'],
        ['教育局', '0', '—'],
      ],
    });
  });

  it('gives nothing for a chart without categories or series', () => {
    expect(chartTable({ series: [{ name: 'x', data: [1] }] })).toBeNull();
    expect(chartTable({ xAxis: { data: ['a'] }, series: [] })).toBeNull();
  });
});
