import { evidenceName } from './content-type.js';

const text = (s: string) => Buffer.from(s);
const PDF = 'application/pdf';

describe('evidenceName', () => {
  it.each(['hta', 'js', 'vbs', 'bat', 'cmd', 'ps1', 'html', 'HTM', 'svg', 'exe', 'lnk', 'wsf', 'jar'])('refuses a .%s file whatever its content', (ext) => {
    expect(evidenceName(`报告.${ext}`, 'text/plain', text('just words'))).toEqual({ refused: expect.stringContaining(`.${ext.toLowerCase()}`) });
  });

  it.each(['<!DOCTYPE html><html>', '  <script>alert(1)</script>', '<svg onload=x>', '<?xml version="1.0"?>'])('refuses text that is markup: %s', (content) => {
    expect(evidenceName('说明.txt', 'text/plain', text(content))).toEqual({ refused: expect.stringContaining('网页或脚本') });
  });

  it('keeps a name whose extension fits the content', () => {
    expect(evidenceName('拨付凭证.pdf', PDF, text('%PDF-1.4'))).toEqual({ filename: '拨付凭证.pdf', corrected: false });
    expect(evidenceName('照片.JPEG', 'image/jpeg', Buffer.alloc(4))).toEqual({ filename: '照片.JPEG', corrected: false });
    expect(evidenceName('统计.wps', 'application/x-cfb', Buffer.alloc(4))).toEqual({ filename: '统计.wps', corrected: false });
    expect(evidenceName('台账 <1>.csv', 'text/csv', text('a,b'))).toEqual({ filename: '台账 <1>.csv', corrected: false });
  });

  it('corrects an extension that disagrees with the content, or adds one', () => {
    expect(evidenceName('报告.pdf', 'image/png', Buffer.alloc(4))).toEqual({ filename: '报告.png', corrected: true });
    expect(evidenceName('scan.docx.pdf', 'image/jpeg', Buffer.alloc(4))).toEqual({ filename: 'scan.docx.jpg', corrected: true });
    expect(evidenceName('会议纪要', 'text/plain', text('纪要'))).toEqual({ filename: '会议纪要.txt', corrected: true });
    expect(evidenceName('.pdf', PDF, text('%PDF'))).toEqual({ filename: '.pdf.pdf', corrected: true });
    // A corrected name still fits the 255 characters a name is kept to.
    const long = evidenceName(`${'长'.repeat(255)}`, PDF, text('%PDF'));
    expect('filename' in long && long.filename.length).toBe(255);
    expect('filename' in long && long.filename.endsWith('.pdf')).toBe(true);
  });
});
