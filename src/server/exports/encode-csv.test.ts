import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExportCell } from './export-cells.js';
import { encodeCsvRows } from './encode-csv.js';

const cell = fc.oneof(
  fc.constant(null),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.string({ unit: fc.constantFrom('a', 'é', ',', '"', '\r', '\n', ' ', "'", '=', ';', '😀') }),
  fc.string(),
);
const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 5 });

describe('encodeCsvRows', () => {
  it('quotes fields holding a comma, a quote or a line break, and ends lines with CRLF', () => {
    expect(encodeCsvRows([['a,b', 'say "hi"', 'one\ntwo', 'x\ry', 'plain', null, 1234.5, -2, '']])).toBe(
      '"a,b","say ""hi""","one\ntwo","x\ry",plain,,1234.5,-2,\r\n',
    );
  });

  it('writes exactly what csv-stringify writes with CRLF line ends and line breaks quoted', () => {
    fc.assert(
      fc.property(rows, (sample: ExportCell[][]) => {
        expect(encodeCsvRows(sample)).toBe(
          stringify(sample, { record_delimiter: 'windows', quoted_match: /[\r\n]/ }),
        );
      }),
    );
  });

  it('reads back as the same text through csv-parse', () => {
    fc.assert(
      fc.property(rows, (sample: ExportCell[][]) => {
        const text = encodeCsvRows(sample);
        const expected = sample.map((row) => row.map((value) => (value === null ? '' : String(value))));
        expect(text === '' ? [] : parse(text, { relax_column_count: true })).toEqual(expected);
      }),
    );
  });
});
