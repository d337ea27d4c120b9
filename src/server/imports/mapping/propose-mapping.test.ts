import { describe, expect, it } from 'vitest';
import type { StandardFieldId } from '../../../shared/contact-fields.js';
import type { ImportTarget } from '../../../shared/import-schemas.js';
import { field, ignore, mapped, newCustom, row, tags } from './mapping-test-targets.js';
import { proposeMapping, type KnownCustomField } from './propose-mapping.js';

const phoneCountry: ImportTarget = { kind: 'phoneCountry' };
const custom = (fieldId: string): ImportTarget => ({ kind: 'custom', fieldId });
const consent = (
  part: 'status' | 'source' | 'date',
  channel: 'whatsapp' | 'email' | 'sms' = 'whatsapp',
  purpose: 'marketing' | 'utility' | 'authentication' = 'marketing',
): ImportTarget => ({ kind: 'consent', part, channel, purpose });

/** The fields proposed for headers in one language, as header → field id. */
function fieldsOf(headers: readonly string[]): Record<string, StandardFieldId | string> {
  const targets = proposeMapping(headers, [], []);
  return Object.fromEntries(
    headers.map((header, index) => {
      const target = targets[index];
      return [header, target?.kind === 'field' ? target.field : (target?.kind ?? 'missing')];
    }),
  );
}

describe('proposeMapping by header names', () => {
  it.each([
    'E-Mail',
    'e_mail',
    'EMAIL ADDRESS',
    'Correo electrónico',
    '\uFEFFEmail',
    ' Email: ',
    'Work email',
    'Email 2',
  ])('reads %j as the email', (header) => {
    expect(proposeMapping([header], [], [])).toEqual([field('email')]);
  });

  it('reads English headers', () => {
    expect(
      fieldsOf([
        'Full Name',
        'Given name',
        'Surname',
        'Mobile Number',
        'Email Address',
        'Organization',
        'Job Title',
        'Date of Birth',
        'Preferred Language',
        'Time Zone',
        'Street Address',
        'Town',
        'State',
        'Zip Code',
        'Country',
        'LinkedIn URL',
        'Twitter handle',
        'Facebook',
        'Instagram',
        'Homepage',
        'Labels',
        'WhatsApp ID',
      ]),
    ).toEqual({
      'Full Name': 'name',
      'Given name': 'firstName',
      Surname: 'lastName',
      'Mobile Number': 'phone',
      'Email Address': 'email',
      Organization: 'company',
      'Job Title': 'jobTitle',
      'Date of Birth': 'birthday',
      'Preferred Language': 'language',
      'Time Zone': 'timezone',
      'Street Address': 'street',
      Town: 'city',
      State: 'region',
      'Zip Code': 'postalCode',
      Country: 'country',
      'LinkedIn URL': 'linkedin',
      'Twitter handle': 'twitter',
      Facebook: 'facebook',
      Instagram: 'instagram',
      Homepage: 'website',
      Labels: 'tags',
      'WhatsApp ID': 'whatsappId',
    });
  });

  it('reads English abbreviations and short names', () => {
    expect(fieldsOf(['Cell', 'DOB', 'Zip', 'X', 'URL', 'TZ', 'Co. name', 'Title'])).toEqual({
      Cell: 'phone',
      DOB: 'birthday',
      Zip: 'postalCode',
      X: 'twitter',
      URL: 'website',
      TZ: 'timezone',
      'Co. name': 'ignore',
      Title: 'jobTitle',
    });
  });

  it('reads Spanish headers', () => {
    expect(
      fieldsOf([
        'Nombre completo',
        'Nombre de pila',
        'Apellidos',
        'Teléfono móvil',
        'Correo',
        'Empresa',
        'Puesto',
        'Fecha de nacimiento',
        'Idioma',
        'Zona horaria',
        'Dirección',
        'Ciudad',
        'Provincia',
        'Código postal',
        'País',
        'Sitio web',
        'Etiquetas',
      ]),
    ).toEqual({
      'Nombre completo': 'name',
      'Nombre de pila': 'firstName',
      Apellidos: 'lastName',
      'Teléfono móvil': 'phone',
      Correo: 'email',
      Empresa: 'company',
      Puesto: 'jobTitle',
      'Fecha de nacimiento': 'birthday',
      Idioma: 'language',
      'Zona horaria': 'timezone',
      Dirección: 'street',
      Ciudad: 'city',
      Provincia: 'region',
      'Código postal': 'postalCode',
      País: 'country',
      'Sitio web': 'website',
      Etiquetas: 'tags',
    });
  });

  it('reads Portuguese headers', () => {
    expect(
      fieldsOf([
        'Nome',
        'Primeiro nome',
        'Sobrenome',
        'Celular',
        'E-mail',
        'Empresa',
        'Cargo',
        'Aniversário',
        'Endereço',
        'Cidade',
        'Estado',
        'CEP',
        'País',
        'Site',
        'Categorias',
        'País do telefone',
      ]),
    ).toEqual({
      Nome: 'name',
      'Primeiro nome': 'firstName',
      Sobrenome: 'lastName',
      Celular: 'phone',
      'E-mail': 'email',
      Empresa: 'company',
      Cargo: 'jobTitle',
      Aniversário: 'birthday',
      Endereço: 'street',
      Cidade: 'city',
      Estado: 'region',
      CEP: 'postalCode',
      País: 'country',
      Site: 'website',
      Categorias: 'tags',
      'País do telefone': 'phoneCountry',
    });
  });

  it('reads French headers', () => {
    expect(
      fieldsOf([
        'Nom complet',
        'Prénom',
        'Nom de famille',
        'Téléphone portable',
        'Courriel',
        'Entreprise',
        'Poste',
        'Date de naissance',
        'Langue',
        'Fuseau horaire',
        'Adresse',
        'Ville',
        'Région',
        'Code postal',
        'Pays',
        'Site web',
        'Étiquettes',
      ]),
    ).toEqual({
      'Nom complet': 'name',
      Prénom: 'firstName',
      'Nom de famille': 'lastName',
      'Téléphone portable': 'phone',
      Courriel: 'email',
      Entreprise: 'company',
      Poste: 'jobTitle',
      'Date de naissance': 'birthday',
      Langue: 'language',
      'Fuseau horaire': 'timezone',
      Adresse: 'street',
      Ville: 'city',
      Région: 'region',
      'Code postal': 'postalCode',
      Pays: 'country',
      'Site web': 'website',
      Étiquettes: 'tags',
    });
  });

  it('reads German headers', () => {
    expect(
      fieldsOf([
        'Vorname',
        'Nachname',
        'Handy',
        'E-Mail-Adresse',
        'Unternehmen',
        'Position',
        'Geburtstag',
        'Sprache',
        'Zeitzone',
        'Straße',
        'Stadt',
        'Bundesland',
        'PLZ',
        'Land',
        'Webseite',
        'Gruppen',
      ]),
    ).toEqual({
      Vorname: 'firstName',
      Nachname: 'lastName',
      Handy: 'phone',
      'E-Mail-Adresse': 'email',
      Unternehmen: 'company',
      Position: 'jobTitle',
      Geburtstag: 'birthday',
      Sprache: 'language',
      Zeitzone: 'timezone',
      Straße: 'street',
      Stadt: 'city',
      Bundesland: 'region',
      PLZ: 'postalCode',
      Land: 'country',
      Webseite: 'website',
      Gruppen: 'tags',
    });
  });

  it('reads Italian headers', () => {
    expect(
      fieldsOf([
        'Nome e cognome',
        'Cellulare',
        'Indirizzo email',
        'Azienda',
        'Ruolo',
        'Data di nascita',
        'Indirizzo',
        'Città',
        'Regione',
        'CAP',
        'Paese',
        'Sito web',
        'Etichette',
      ]),
    ).toEqual({
      'Nome e cognome': 'name',
      Cellulare: 'phone',
      'Indirizzo email': 'email',
      Azienda: 'company',
      Ruolo: 'jobTitle',
      'Data di nascita': 'birthday',
      Indirizzo: 'street',
      Città: 'city',
      Regione: 'region',
      CAP: 'postalCode',
      Paese: 'country',
      'Sito web': 'website',
      Etichette: 'tags',
    });
  });

  it('reads Dutch headers', () => {
    expect(
      fieldsOf([
        'Voornaam',
        'Achternaam',
        'Telefoonnummer',
        'E-mailadres',
        'Bedrijfsnaam',
        'Functie',
        'Geboortedatum',
        'Taal',
        'Adres',
        'Woonplaats',
        'Provincie',
        'Postcode',
        'Land',
        'Website',
        'Groepen',
      ]),
    ).toEqual({
      Voornaam: 'firstName',
      Achternaam: 'lastName',
      Telefoonnummer: 'phone',
      'E-mailadres': 'email',
      Bedrijfsnaam: 'company',
      Functie: 'jobTitle',
      Geboortedatum: 'birthday',
      Taal: 'language',
      Adres: 'street',
      Woonplaats: 'city',
      Provincie: 'region',
      Postcode: 'postalCode',
      Land: 'country',
      Website: 'website',
      Groepen: 'tags',
    });
  });

  it('reads Indonesian headers', () => {
    expect(
      fieldsOf([
        'Nama lengkap',
        'Nama depan',
        'Nama belakang',
        'No HP',
        'Alamat email',
        'Nama perusahaan',
        'Jabatan',
        'Tanggal lahir',
        'Bahasa',
        'Alamat',
        'Kota',
        'Provinsi',
        'Kode pos',
        'Negara',
        'Situs web',
        'Label',
      ]),
    ).toEqual({
      'Nama lengkap': 'name',
      'Nama depan': 'firstName',
      'Nama belakang': 'lastName',
      'No HP': 'phone',
      'Alamat email': 'email',
      'Nama perusahaan': 'company',
      Jabatan: 'jobTitle',
      'Tanggal lahir': 'birthday',
      Bahasa: 'language',
      Alamat: 'street',
      Kota: 'city',
      Provinsi: 'region',
      'Kode pos': 'postalCode',
      Negara: 'country',
      'Situs web': 'website',
      Label: 'tags',
    });
  });

  it('reads Turkish headers', () => {
    expect(
      fieldsOf([
        'Ad',
        'Soyadı',
        'Cep telefonu',
        'E-posta',
        'Şirket',
        'Unvan',
        'Doğum tarihi',
        'Dil',
        'Adres',
        'Şehir',
        'İl',
        'Posta kodu',
        'Ülke',
        'Web sitesi',
        'Etiketler',
      ]),
    ).toEqual({
      Ad: 'firstName',
      Soyadı: 'lastName',
      'Cep telefonu': 'phone',
      'E-posta': 'email',
      Şirket: 'company',
      Unvan: 'jobTitle',
      'Doğum tarihi': 'birthday',
      Dil: 'language',
      Adres: 'street',
      Şehir: 'city',
      İl: 'region',
      'Posta kodu': 'postalCode',
      Ülke: 'country',
      'Web sitesi': 'website',
      Etiketler: 'tags',
    });
  });

  it('peels qualifiers off headers that are not synonyms as a whole', () => {
    expect(
      fieldsOf([
        'Customer name',
        'Teléfono del cliente',
        'Business email',
        'Home address',
        'Mailing city',
        'Company phone',
      ]),
    ).toEqual({
      'Customer name': 'name',
      'Teléfono del cliente': 'phone',
      'Business email': 'email',
      'Home address': 'street',
      'Mailing city': 'city',
      'Company phone': 'ignore',
    });
  });

  it('proposes the phone country only when the header says it is for the phone', () => {
    expect(fieldsOf(['Phone', 'Country code for phone', 'Country'])).toEqual({
      Phone: 'phone',
      'Country code for phone': 'phoneCountry',
      Country: 'country',
    });
    expect(proposeMapping(['Phone country', 'Phone'], [], [])).toEqual([phoneCountry, field('phone')]);
  });

  it('ignores note columns: notes are not imported', () => {
    expect(
      mapped(
        ['Name', 'Notes', 'Observações', 'Comentarios'],
        [['Ana', 'VIP', 'Liga às 9h', 'Cliente antigo']],
      ),
    ).toEqual([
      ['Name', field('name')],
      ['Notes', ignore],
      ['Observações', ignore],
      ['Comentarios', ignore],
    ]);
  });
});

describe('proposeMapping of names', () => {
  it.each([
    [
      ['Nombre', 'Apellido', 'Teléfono'],
      ['firstName', 'lastName', 'phone'],
    ],
    [
      ['Nome', 'Sobrenome'],
      ['firstName', 'lastName'],
    ],
    [
      ['Name', 'Surname'],
      ['firstName', 'lastName'],
    ],
    [
      ['Nom', 'Prénom'],
      ['lastName', 'firstName'],
    ],
    [
      ['Name', 'Vorname'],
      ['lastName', 'firstName'],
    ],
    [
      ['Name', 'First name', 'Phone'],
      ['name', 'firstName', 'phone'],
    ],
    [
      ['Full name', 'Last name'],
      ['name', 'lastName'],
    ],
    [
      ['Name', 'First name', 'Last name'],
      ['name', 'firstName', 'lastName'],
    ],
  ])('reads %j as %j', (headers, fields) => {
    expect(proposeMapping(headers, [], [])).toEqual(fields.map((id) => field(id as StandardFieldId)));
  });
});

describe('proposeMapping of consent columns', () => {
  it.each([
    ['WhatsApp opt-in', consent('status')],
    ['Marketing consent', consent('status')],
    ['Consent source', consent('source')],
    ['Consent date', consent('date')],
    ['Opt-in date', consent('date')],
    ['opted_in_at', consent('date')],
    ['Email opt-in', consent('status', 'email')],
    ['E-mail marketing consent date', consent('date', 'email')],
    ['SMS consent', consent('status', 'sms')],
    ['Accepts SMS Marketing', consent('status', 'sms')],
    ['Transactional WhatsApp consent', consent('status', 'whatsapp', 'utility')],
    ['Utility opt-in source', consent('source', 'whatsapp', 'utility')],
    ['Consentimento WhatsApp', consent('status')],
    ['Origem do consentimento', consent('source')],
    ['Fecha de consentimiento', consent('date')],
    ['Einwilligung E-Mail', consent('status', 'email')],
  ] as const)('reads %j as a consent column', (header, target) => {
    expect(proposeMapping([header], [], [])).toEqual([target]);
  });

  it('does not read opt-out columns as consent, since their yes means a refusal', () => {
    expect(mapped(['Email Opt Out', 'Unsubscribed from WhatsApp'], [['true', 'false']])).toEqual([
      ['Email Opt Out', newCustom('Email Opt Out', 'boolean')],
      ['Unsubscribed from WhatsApp', newCustom('Unsubscribed from WhatsApp', 'boolean')],
    ]);
  });

  it('maps a file with a full WhatsApp consent record and keeps one column per consent part', () => {
    const headers = [
      'Name',
      'Phone',
      'WhatsApp opt-in',
      'Opt-in source',
      'Opt-in date',
      'Marketing consent',
      'Email consent',
    ];
    const rows = [['Ana', '+55 11 98765-4321', 'yes', 'Store counter', '2024-03-01', 'yes', 'no']];
    expect(mapped(headers, rows)).toEqual([
      ['Name', field('name')],
      ['Phone', field('phone')],
      ['WhatsApp opt-in', consent('status')],
      ['Opt-in source', consent('source')],
      ['Opt-in date', consent('date')],
      ['Marketing consent', ignore],
      ['Email consent', consent('status', 'email')],
    ]);
  });
});

describe('proposeMapping of duplicate columns', () => {
  it('gives the phone to the best match and the WhatsApp column to the WhatsApp ID', () => {
    const headers = ['Name', 'Phone', 'Mobile', 'WhatsApp', 'Phone 2'];
    const rows = [['Ana', '+55 11 3333-4444', '+55 11 98765-4321', '+55 11 98765-4321', '+55 11 2222-1111']];
    expect(mapped(headers, rows)).toEqual([
      ['Name', field('name')],
      ['Phone', ignore],
      ['Mobile', field('phone')],
      ['WhatsApp', field('whatsappId')],
      ['Phone 2', ignore],
    ]);
  });

  it('turns a second phone column into the WhatsApp ID only when its header says WhatsApp', () => {
    const rows = [['+55 11 3333-4444', '+55 11 98765-4321']];
    expect(proposeMapping(['Telefone', 'Número do WhatsApp'], rows, [])).toEqual([
      field('phone'),
      field('whatsappId'),
    ]);
    expect(proposeMapping(['Telefone', 'Telefone 2'], rows, [])).toEqual([field('phone'), ignore]);
    expect(proposeMapping(['Phone', 'Wpp'], rows, [])).toEqual([field('phone'), field('whatsappId')]);
    expect(proposeMapping(['Mobile', 'Phone (WhatsApp)'], rows, [])).toEqual([
      field('phone'),
      field('whatsappId'),
    ]);
    expect(proposeMapping(['WhatsApp'], [['+55 11 98765-4321']], [])).toEqual([field('phone')]);
  });

  it('keeps the explicit WhatsApp ID column and ignores a WhatsApp phone column once both are taken', () => {
    const rows = [['+55 11 3333-4444', '5511987654321', '+55 11 98765-4321']];
    expect(proposeMapping(['Phone', 'WhatsApp ID', 'WhatsApp number'], rows, [])).toEqual([
      field('phone'),
      field('whatsappId'),
      ignore,
    ]);
  });

  it('prefers the duplicate that has data in the sample', () => {
    const rows = [
      ['', 'ana@example.com', ''],
      ['', 'bia@example.com', ''],
    ];
    expect(proposeMapping(['Email', 'Work email', 'Home email'], rows, [])).toEqual([
      ignore,
      field('email'),
      ignore,
    ]);
    expect(proposeMapping(['Email', 'Work email'], [['ana@example.com', 'ana@work.example']], [])).toEqual([
      field('email'),
      ignore,
    ]);
  });

  it('merges several tag columns instead of ignoring them', () => {
    expect(proposeMapping(['Tags', 'Groups'], [['vip', 'Lisboa']], [])).toEqual([tags, tags]);
  });
});

describe('proposeMapping of custom fields and empty columns', () => {
  const customFields: KnownCustomField[] = [
    { id: 'cf_store', key: 'preferred_store', label: 'Preferred store', type: 'select' },
    { id: 'cf_points', key: 'loyalty_points', label: 'Points balance', type: 'number' },
  ];

  it('maps a Rolo export with custom fields: known ones by label, unknown ones as new typed fields', () => {
    const headers = [
      'Name',
      'First name',
      'Last name',
      'Phone',
      'Email',
      'WhatsApp ID',
      'Company',
      'Job title',
      'Birthday',
      'Language',
      'Time zone',
      'Street',
      'City',
      'Region',
      'Postal code',
      'Country',
      'LinkedIn',
      'Twitter',
      'Facebook',
      'Instagram',
      'Website',
      'Tags',
      'Preferred store',
      'Last order total',
      'Mobile',
    ];
    const rows = [
      row(headers, {
        Name: 'Ana Lima',
        Phone: '+5511987654321',
        Tags: 'vip; lisboa',
        'Preferred store': 'Centro',
        'Last order total': 'R$ 1.234,56',
        Mobile: '+55 11 2222-3333',
      }),
      row(headers, { Name: 'Bruno Dias', 'Preferred store': 'Norte', 'Last order total': 'R$ 89,90' }),
    ];
    expect(mapped(headers, rows, customFields)).toEqual([
      ['Name', field('name')],
      ['First name', field('firstName')],
      ['Last name', field('lastName')],
      ['Phone', field('phone')],
      ['Email', field('email')],
      ['WhatsApp ID', field('whatsappId')],
      ['Company', field('company')],
      ['Job title', field('jobTitle')],
      ['Birthday', field('birthday')],
      ['Language', field('language')],
      ['Time zone', field('timezone')],
      ['Street', field('street')],
      ['City', field('city')],
      ['Region', field('region')],
      ['Postal code', field('postalCode')],
      ['Country', field('country')],
      ['LinkedIn', field('linkedin')],
      ['Twitter', field('twitter')],
      ['Facebook', field('facebook')],
      ['Instagram', field('instagram')],
      ['Website', field('website')],
      ['Tags', tags],
      ['Preferred store', custom('cf_store')],
      ['Last order total', newCustom('Last order total', 'currency')],
      ['Mobile', newCustom('Mobile', 'phone')],
    ]);
  });

  it('matches existing custom fields by key as well as by label, before proposing new ones', () => {
    const headers = ['Nome', 'LOYALTY_POINTS', 'Preferred Store', 'Segmento'];
    const rows = [['Ana', '120', 'Centro', 'Varejo']];
    expect(mapped(headers, rows, customFields)).toEqual([
      ['Nome', field('name')],
      ['LOYALTY_POINTS', custom('cf_points')],
      ['Preferred Store', custom('cf_store')],
      ['Segmento', newCustom('Segmento', 'text')],
    ]);
  });

  it('ignores columns without data unless they name a field, and labels new fields from the trimmed header', () => {
    const headers = ['Name', 'Email', 'Loyalty tier', '  Internal code  ', '', 'Points balance'];
    const rows = [
      ['Ana', '', '', 'A-1', 'x', ''],
      ['Bia', '', ' ', 'A-2', 'y', ''],
    ];
    expect(mapped(headers, rows, customFields)).toEqual([
      ['Name', field('name')],
      ['Email', field('email')],
      ['Loyalty tier', ignore],
      ['  Internal code  ', newCustom('Internal code', 'text')],
      ['', newCustom('Column 5', 'text')],
      ['Points balance', custom('cf_points')],
    ]);
  });

  it('reads ragged rows as empty cells and ignores a file without rows', () => {
    expect(proposeMapping(['Name', 'Club', 'Extra'], [['Ana'], ['Bia', 'Gold', 'x', 'beyond']], [])).toEqual([
      field('name'),
      newCustom('Club', 'text'),
      newCustom('Extra', 'text'),
    ]);
    expect(proposeMapping(['Club'], [], [])).toEqual([ignore]);
  });
});
