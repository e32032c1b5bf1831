import { describe, expect, it } from 'vitest';
import { csvCell } from './service.js';

describe('CSV export cells', () => {
  it.each([
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    ['Education Week', 'Education Week'],
  ])('attack: formula injection — %j is written as %j', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it('writes numbers as they are', () => {
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(3)).toBe('3');
  });
});
