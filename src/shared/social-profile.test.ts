import { describe, expect, it } from 'vitest';
import { normalizeSocialProfile } from './social-profile.js';

describe('normalizeSocialProfile', () => {
  it.each([
    ['twitter', '@maria', 'https://x.com/maria'],
    ['twitter', 'maria_s', 'https://x.com/maria_s'],
    ['instagram', '@maria.silva', 'https://www.instagram.com/maria.silva'],
    ['facebook', '@maria.silva.92', 'https://www.facebook.com/maria.silva.92'],
    ['linkedin', 'maria-silva', 'https://www.linkedin.com/in/maria-silva'],
    ['instagram', '@joão', 'https://www.instagram.com/jo%C3%A3o'],
  ] as const)('turns the %s handle %j into %s', (network, raw, url) => {
    expect(normalizeSocialProfile(network, raw)).toBe(url);
  });

  it.each([
    ['linkedin', 'linkedin.com/in/maria', 'https://linkedin.com/in/maria'],
    ['linkedin', ' https://www.linkedin.com/in/maria/ ', 'https://www.linkedin.com/in/maria/'],
    ['twitter', 'http://twitter.com/maria', 'http://twitter.com/maria'],
    ['website', 'example.com', 'https://example.com/'],
    ['website', 'https://shop.example.com/about?x=1', 'https://shop.example.com/about?x=1'],
  ] as const)('keeps the %s link %j as %s', (network, raw, url) => {
    expect(normalizeSocialProfile(network, raw)).toBe(url);
  });

  it.each([
    ['website', 'javascript:alert(1)'],
    ['twitter', 'javascript:alert(1)'],
    ['linkedin', 'data:text/html,<script>alert(1)</script>'],
    ['facebook', 'ftp://files.example.com/me'],
    ['website', '@maria'],
    ['website', 'localhost'],
    ['instagram', 'not a profile'],
    ['twitter', ''],
  ] as const)('refuses the %s value %j', (network, raw) => {
    expect(normalizeSocialProfile(network, raw)).toBeNull();
  });
});
