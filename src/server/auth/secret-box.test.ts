import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSecretBox, SecretBox } from './secret-box.js';

describe('secret box', () => {
  it('round-trips a secret and never stores it in clear', () => {
    const box = new SecretBox('server key');
    const sealed = box.encrypt('EAAG-access-token');
    expect(sealed).not.toContain('EAAG');
    expect(box.encrypt('EAAG-access-token')).not.toBe(sealed);
    expect(box.decrypt(sealed)).toBe('EAAG-access-token');
  });

  it('refuses a tampered secret or one sealed under another key', () => {
    const sealed = new SecretBox('one').encrypt('token');
    expect(() => new SecretBox('two').decrypt(sealed)).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('other').toString('base64url');
    expect(() => new SecretBox('one').decrypt(parts.join('.'))).toThrow();
    expect(() => new SecretBox('one').decrypt('plain')).toThrow(/format/);
  });

  it('generates a key file once, readable by its owner only, and reuses it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rolo-key-'));
    try {
      const sealed = loadSecretBox(dir, undefined).encrypt('token');
      expect(statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
      expect(loadSecretBox(dir, undefined).decrypt(sealed)).toBe('token');
      expect(() => loadSecretBox(dir, 'configured').decrypt(sealed)).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
