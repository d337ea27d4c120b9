import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeHead, detectEncoding } from './detect-encoding.js';

describe('detectEncoding', () => {
  it('reads byte order marks', () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toBe('utf-8');
    expect(detectEncoding(iconv.encode('Name', 'utf-16le', { addBOM: true }))).toBe('utf-16le');
    expect(detectEncoding(iconv.encode('Name', 'utf-16be', { addBOM: true }))).toBe('utf-16be');
  });

  it('finds UTF-16 without BOM by where its zero bytes are', () => {
    expect(detectEncoding(iconv.encode('Name,Phone\nZoë,1\n', 'utf-16le'))).toBe('utf-16le');
    expect(detectEncoding(iconv.encode('Name,Phone\nZoë,1\n', 'utf-16be'))).toBe('utf-16be');
  });

  it('takes valid UTF-8 (even cut inside a character at the end of the sample) as UTF-8, else Windows-1252', () => {
    expect(detectEncoding(Buffer.from('plain ascii'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from('José'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from('José').subarray(0, 4))).toBe('utf-8');
    expect(detectEncoding(iconv.encode('José;São Paulo;10 €', 'windows-1252'))).toBe('windows-1252');
  });

  it('decodes a sample without its BOM', () => {
    expect(decodeHead(Buffer.from([0xef, 0xbb, 0xbf, 0x41]), 'utf-8')).toBe('A');
    expect(decodeHead(iconv.encode('Preço €', 'windows-1252'), 'windows-1252')).toBe('Preço €');
  });
});
