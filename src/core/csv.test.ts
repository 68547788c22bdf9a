import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, csvDateTime, csvHours, toCsv } from './csv';

/** A small reader of what toCsv writes (RFC 4180 with `;`), to check the round trip. */
function parse(text: string): string[][] {
  expect(text.startsWith(CSV_BOM)).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.slice(1);
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ';') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  return rows;
}

describe('csvCell', () => {
  it('quotes separators, quotes and line breaks', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('zei "ja"')).toBe('"zei ""ja"""');
    expect(csvCell('regel 1\nregel 2')).toBe('"regel 1\nregel 2"');
    expect(csvCell('regel 1\r\nregel 2')).toBe('"regel 1\r\nregel 2"');
    expect(csvCell('gewoon')).toBe('gewoon');
    expect(csvCell(null)).toBe('');
    expect(csvCell(12)).toBe('12');
  });

  it('keeps text that starts like a formula from running', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+31 6 1234')).toBe("'+31 6 1234");
    expect(csvCell('-1+1')).toBe("'-1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('leaves numbers alone, negative ones too (they are ours, not text from Keeping)', () => {
    expect(csvCell(-5)).toBe('-5');
  });
});

describe('toCsv', () => {
  it('writes a BOM, semicolons and CRLF rows', () => {
    expect(
      toCsv([
        ['a', 'b'],
        ['1,50', ''],
      ]),
    ).toBe(`${CSV_BOM}a;b\r\n1,50;\r\n`);
  });

  it('round-trips any text (formula starts come back with their apostrophe)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), { maxLength: 5 }),
        (rows) => {
          const back = parse(toCsv(rows));
          expect(back).toEqual(
            rows.map((row) => row.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell))),
          );
        },
      ),
    );
  });
});

describe('csvHours and csvDateTime', () => {
  it('writes hours with a decimal comma', () => {
    expect(csvHours(90)).toBe('1,50');
    expect(csvHours(0)).toBe('0,00');
    expect(csvHours(61)).toBe('1,02');
    expect(csvHours(-30)).toBe('-0,50');
  });

  it('writes dates as dd-mm-jjjj in the given zone', () => {
    expect(csvDateTime(Date.UTC(2026, 10, 2, 23, 30), 'Europe/Amsterdam')).toEqual({
      date: '03-11-2026',
      time: '00:30',
    });
  });
});
