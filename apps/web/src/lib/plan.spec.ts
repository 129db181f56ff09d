import { layOutSection } from './plan';

describe('layOutSection', () => {
  const text = '十三五以来,教育事业全面发展。省市优质园比例达85%,学前三年入园率达100%。其他成绩。\n\n——第二段。交流教师占比达25%。';
  it('marks each clause where its sentence occurs and keeps the words around it', () => {
    const { paragraphs, unplaced } = layOutSection(text, [
      { ref: '一#22', text: '交流教师占比达25%。' },
      { ref: '一#5', text: '省市优质园比例达85%,学前三年入园率达100%。' },
    ]);
    expect(paragraphs).toEqual([
      [{ text: '十三五以来,教育事业全面发展。' }, { text: '省市优质园比例达85%,学前三年入园率达100%。', ref: '一#5' }, { text: '其他成绩。' }],
      [{ text: '——第二段。' }, { text: '交流教师占比达25%。', ref: '一#22' }],
    ]);
    expect(unplaced).toEqual([]);
  });

  it('returns clauses not found in the text apart, and places a repeated sentence once', () => {
    const { paragraphs, unplaced } = layOutSection('甲。甲。', [
      { ref: 'a', text: '甲。' },
      { ref: 'b', text: '乙。' },
    ]);
    expect(paragraphs).toEqual([[{ text: '甲。', ref: 'a' }, { text: '甲。' }]]);
    expect(unplaced).toEqual([{ ref: 'b', text: '乙。' }]);
  });

  it('handles a section without text', () => {
    expect(layOutSection('', [{ ref: 'x', text: '丙' }])).toEqual({ paragraphs: [], unplaced: [{ ref: 'x', text: '丙' }] });
  });
});
