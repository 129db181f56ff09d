import { escapeMarkdown } from './markdown.js';

describe('escapeMarkdown', () => {
  it('leaves plain Chinese text alone', () => {
    expect(escapeMarkdown('落实教育经费「第一批」，（上半年）完成')).toBe('落实教育经费「第一批」，（上半年）完成');
    expect(escapeMarkdown('2024-2025 年度 v1.2: 方案')).toBe('2024-2025 年度 v1.2: 方案');
  });

  it('takes bold, links and images literally', () => {
    expect(escapeMarkdown('**x** [link](http://evil)')).toBe('\\*\\*x\\*\\* \\[link\\]\\(http://evil\\)');
    expect(escapeMarkdown('![img](http://evil/a.png)')).toBe('\\!\\[img\\]\\(http://evil/a.png\\)');
    expect(escapeMarkdown('`code` _em_ ~~del~~ a|b')).toBe('\\`code\\` \\_em\\_ \\~\\~del\\~\\~ a\\|b');
  });

  it('takes HTML tags (WeCom <font>) literally', () => {
    expect(escapeMarkdown('<font color="warning">急</font>')).toBe('\\<font color="warning"\\>急\\</font\\>');
  });

  it('keeps the text on one line: no heading, quote or list can start', () => {
    const escaped = escapeMarkdown('标题\n# 伪造标题\r\n> 伪造引用\n- 伪造条目\u2028## 又一个');
    expect(escaped).not.toMatch(/[\r\n\u2028]/);
    expect(escaped).toBe('标题 \\# 伪造标题 \\> 伪造引用 - 伪造条目 \\#\\# 又一个');
  });

  it('escapes a backslash too, so that the text cannot undo an escape', () => {
    expect(escapeMarkdown('\\*x\\*')).toBe('\\\\\\*x\\\\\\*');
  });
});
