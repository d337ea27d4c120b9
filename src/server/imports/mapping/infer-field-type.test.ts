import { describe, expect, it } from 'vitest';
import { inferFieldType } from './infer-field-type.js';

describe('inferFieldType', () => {
  it.each([
    ['Portuguese yes/no with accents, case and blanks', ['Sim', 'Não', 'sim', '', ' NÃO ', 'nao'], 'boolean'],
    ['yes/no words mixed with 1/0', ['yes', 'No', '1', '0', 'TRUE'], 'boolean'],
    ['French, German and Spanish yes/no', ['oui', 'non', 'ja', 'nein', 'sí', 'no'], 'boolean'],
    ['1/0 alone', ['1', '0', '1', '1', '0'], 'number'],
    [
      'Brazilian currency, one amount without the symbol',
      ['R$ 1.234,56', 'R$ 99,90', 'R$1.000,00', '', '250,00'],
      'currency',
    ],
    ['dollars, euros and codes', ['$1,200.00', '$35.50', 'USD 12', '€ 30', '12,50 €', '-$5'], 'currency'],
    ['Indonesian rupiah', ['Rp 150.000', 'Rp 1.250.000', 'IDR 75000'], 'currency'],
    ['percentages with spaces and decimal commas', ['12%', '7,5 %', '100%', '0.5%', '-3%'], 'percent'],
    ['European decimals and thousands', ['1.234,56', '12,5', '-3', '1.000.000', '0,75', '42'], 'number'],
    ['US decimals and thousands', ['1,234.56', '0.5', '+7', '12,000'], 'number'],
    ['plain digit strings as long as phone numbers', ['11987654321', '21987654321', '31987654321'], 'number'],
    ['US dates', ['3/1/2024', '12/31/2023', '07/04/2024', '1/15/24'], 'date'],
    ['European dates', ['31/12/2023', '01.03.2024', '15-08-1990'], 'date'],
    ['ISO dates', ['2024-03-01', '1990-12-31', ' 2000-02-29 '], 'date'],
    [
      'dates with month names',
      ['1 Mar 2024', 'March 5, 2024', '15 de março de 2024', '3. Okt. 2023'],
      'date',
    ],
    [
      'dates with times',
      ['2024-03-01T14:30:00Z', '2024-03-02 09:15', '3/1/2024 2:30 PM', '01/03/2024 18:00:05'],
      'datetime',
    ],
    [
      'emails with stray case and spaces',
      ['  Ana@Example.com ', 'joao.silva@empresa.com.br', 'x@y.co'],
      'email',
    ],
    [
      'web addresses with and without scheme',
      ['https://rolo.app', 'www.example.com/path', 'loja.com.br', 'http://x.io'],
      'url',
    ],
    [
      'phone numbers in several formats',
      [
        '+55 11 98765-4321',
        '(11) 3456-7890',
        '+1 (415) 555-0132',
        '11987654321',
        '612 345 678',
        '415.555.0132',
      ],
      'phone',
    ],
    ['Brazilian CPF numbers', ['123.456.789-09', '987.654.321-00', '111.222.333-44'], 'text'],
    ['Brazilian postal codes', ['01310-100', '20040-002', '30130-010'], 'text'],
    ['few short choices that repeat', ['Gold', 'Silver', 'gold', 'Bronze', 'Gold ', 'Silver'], 'select'],
    ['short values that do not repeat', ['Ana', 'Bruno', 'Carla', 'Davi'], 'text'],
    [
      'thirteen choices, each repeated',
      [...'ABCDEFGHIJKLM'].flatMap((letter) => [`Store ${letter}`, `Store ${letter}`]),
      'text',
    ],
    [
      'repeated values longer than 40 characters',
      Array(4).fill('A rather long description of the same plan'),
      'text',
    ],
    ['a value over 200 characters', ['short', `Long ${'x'.repeat(200)}`], 'long_text'],
    ['multi-line values', ['Rua A, 1\nApto 2', 'Rua B, 3'], 'long_text'],
    ['no value at all', ['', '  ', ''], 'text'],
  ] as const)('reads %s as %s', (_, values, type) => {
    expect(inferFieldType(values)).toBe(type);
  });

  it('allows one stray value in ten but not two in ten', () => {
    const emails = Array.from({ length: 9 }, (_, i) => `client${i}@example.com`);
    expect(inferFieldType([...emails, 'n/a'])).toBe('email');
    expect(inferFieldType([...emails.slice(1), 'n/a', 'ask Ana'])).toBe('text');
    const phones = Array.from({ length: 9 }, (_, i) => `+55 11 9876${i}-4321`);
    expect(inferFieldType([...phones, 'no phone'])).toBe('phone');
    expect(inferFieldType([...phones.slice(1), 'no phone', '-'])).toBe('text');
  });

  it('needs the mark of a currency, percent or time on half of the values', () => {
    expect(inferFieldType(['R$ 10,00', 'R$ 12,00', '5', '7'])).toBe('currency');
    expect(inferFieldType(['R$ 10,00', '12', '5', '7', '8', '9', '10,5', '11', '13', '14'])).toBe('number');
    expect(inferFieldType(['12%', '12', '13', '14', '15', '16', '17', '18', '19', '20'])).toBe('number');
    expect(inferFieldType(['2024-03-01', '2024-03-02', '2024-03-03 10:00'])).toBe('date');
  });

  it('refuses impossible dates', () => {
    expect(inferFieldType(['2024-02-30', '2024-13-01', '2024-00-10'])).toBe('text');
    expect(inferFieldType(['13/13/2024', '32/01/2024', '00/00/2000'])).toBe('text');
  });
});
