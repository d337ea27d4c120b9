import { describe, expect, it } from 'vitest';
import { sniffDelimiter } from './csv-dialect.js';

describe('sniffDelimiter', () => {
  it('finds each delimiter of a regular file', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3\n', true)).toBe(',');
    expect(sniffDelimiter('a;b;c\n1;2;3\n', true)).toBe(';');
    expect(sniffDelimiter('a\tb\tc\n1\t2\t3\n', true)).toBe('\t');
    expect(sniffDelimiter('a|b|c\n1|2|3\n', true)).toBe('|');
  });

  it('is not misled by decimal commas that are absent from the header', () => {
    expect(sniffDelimiter('Nome;Saldo;Peso\nAna;1.234,56;62,5\nBruno;-10,00;80,1\n', true)).toBe(';');
  });

  it('ignores delimiters inside quotes, even across lines', () => {
    const sample = 'Name;Note\n"Ana";"one, two, three"\n"Bruno";"a,\nb, c, d"\n';
    expect(sniffDelimiter(sample, true)).toBe(';');
  });

  it('prefers the delimiter with the most consistent count per row', () => {
    const sample = 'Name\tNote\nAna\tlikes tea, coffee\nBruno\tcall after 6\nCarla\tok, fine, thanks\n';
    expect(sniffDelimiter(sample, true)).toBe('\t');
  });

  it('trusts the header when rows are ragged, and the data when the header is a single column', () => {
    expect(sniffDelimiter('Name\tPhone\nAna\nBruno, Jr.\nCarla\n', true)).toBe('\t');
    expect(sniffDelimiter('Contacts\nName;Phone\nAna;1\nBruno;2\n', true)).toBe(';');
  });

  it('ignores a last record cut by the end of the sample, and falls back to a comma for one column', () => {
    expect(sniffDelimiter('a;b\n1;2\n3;4\nx,y,z,w,v,u', false)).toBe(';');
    expect(sniffDelimiter('Name\nAna\nBruno\n', true)).toBe(',');
    expect(sniffDelimiter('', true)).toBe(',');
  });
});
