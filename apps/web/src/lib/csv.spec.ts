import { formatCsvCell, toCsv } from './csv.js';

describe('formatCsvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['REJECTED: Wrong View', 'REJECTED: Wrong View'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded', '" padded"'],
  ])('writes %j as %j', (value, expected) => {
    expect(formatCsvCell(value)).toBe(expected);
  });

  it('writes null as an empty cell and numbers and booleans as text', () => {
    expect([formatCsvCell(null), formatCsvCell(1.5), formatCsvCell(false)]).toEqual(['', '1.5', 'false']);
  });
});

describe('toCsv', () => {
  it('joins the header and rows with commas and CRLF line ends', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          [1, 'x,y'],
          [null, true],
        ],
      ),
    ).toBe('a,b\r\n1,"x,y"\r\n,true\r\n');
  });
});
