import { describe, expect, it } from 'vitest';
import { headerKey, headerWords } from './normalize-header.js';

describe('headerKey', () => {
  it.each([
    ['E-Mail', 'email'],
    ['e_mail', 'email'],
    ['EMAIL ADDRESS', 'emailaddress'],
    ['\uFEFFEmail', 'email'],
    ['  First  Name ', 'firstname'],
    ['firstName', 'firstname'],
    ['Correo electrónico', 'correoelectronico'],
    ['Straße', 'strasse'],
    ['Soyadı', 'soyadi'],
    ['İl', 'il'],
    ['Doğum tarihi', 'dogumtarihi'],
    ['Mailing State/Province', 'mailingstateprovince'],
    ["Nom de l'entreprise", 'nomdelentreprise'],
    ['Nº', 'no'],
  ])('reads %j as %j', (header, key) => {
    expect(headerKey(header)).toBe(key);
  });
});

describe('headerWords', () => {
  it('splits on punctuation, underscores, camelCase and numbers glued to words', () => {
    expect(headerWords('E-mail 1 - Value')).toEqual(['e', 'mail', '1', 'value']);
    expect(headerWords('home_phone2')).toEqual(['home', 'phone', '2']);
    expect(headerWords('MailingCity')).toEqual(['mailing', 'city']);
    expect(headerWords('Teléfono (móvil)')).toEqual(['telefono', 'movil']);
    expect(headerWords(' - ')).toEqual([]);
  });
});
