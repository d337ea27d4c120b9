import { describe, expect, it } from 'vitest';
import { STANDARD_FIELDS } from '../../../shared/contact-fields.js';
import { field, ignore, mapped, newCustom, row, tags } from './mapping-test-targets.js';
import { recogniseExport } from './propose-mapping.js';

const GOOGLE =
  'First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department,Birthday,Notes,Photo,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value,Address 1 - Label,Address 1 - Formatted,Address 1 - Street,Address 1 - City,Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,Address 1 - Extended Address,Website 1 - Label,Website 1 - Value'.split(
    ',',
  );
const GOOGLE_OLD =
  'Name,Given Name,Additional Name,Family Name,Yomi Name,Given Name Yomi,Additional Name Yomi,Family Name Yomi,Name Prefix,Name Suffix,Initials,Nickname,Short Name,Maiden Name,Birthday,Gender,Location,Billing Information,Directory Server,Mileage,Occupation,Hobby,Sensitivity,Priority,Subject,Notes,Language,Photo,Group Membership,E-mail 1 - Type,E-mail 1 - Value,E-mail 2 - Type,E-mail 2 - Value,Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value,Address 1 - Type,Address 1 - Formatted,Address 1 - Street,Address 1 - City,Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,Address 1 - Extended Address,Organization 1 - Type,Organization 1 - Name,Organization 1 - Yomi Name,Organization 1 - Title,Organization 1 - Department,Organization 1 - Symbol,Organization 1 - Location,Organization 1 - Job Description,Website 1 - Type,Website 1 - Value'.split(
    ',',
  );
const OUTLOOK =
  "First Name,Middle Name,Last Name,Title,Suffix,Nickname,Given Yomi,Surname Yomi,E-mail Address,E-mail 2 Address,E-mail 3 Address,Home Phone,Home Phone 2,Business Phone,Business Phone 2,Mobile Phone,Car Phone,Other Phone,Primary Phone,Pager,Business Fax,Home Fax,Other Fax,Company Main Phone,Callback,Radio Phone,Telex,TTY/TDD Phone,IMAddress,Job Title,Department,Company,Office Location,Manager's Name,Assistant's Name,Assistant's Phone,Company Yomi,Business Street,Business City,Business State,Business Postal Code,Business Country/Region,Home Street,Home City,Home State,Home Postal Code,Home Country/Region,Other Street,Other City,Other State,Other Postal Code,Other Country/Region,Personal Web Page,Spouse,Schools,Hobby,Location,Web Page,Birthday,Anniversary,Notes,Categories".split(
    ',',
  );
const HUBSPOT =
  'Record ID,First Name,Last Name,Email,Phone Number,Mobile Phone Number,WhatsApp Phone Number,Company Name,Job Title,Street Address,City,State/Region,Postal Code,Country/Region,Create Date,Contact owner,Lifecycle Stage,Lead Status,Last Activity Date,Marketing contact status,Associated Company'.split(
    ',',
  );
const SALESFORCE =
  'Contact ID,Salutation,First Name,Last Name,Title,Account Name,Email,Phone,Mobile,Home Phone,Fax,Mailing Street,Mailing City,Mailing State/Province,Mailing Zip/Postal Code,Mailing Country,Birthdate,Lead Source,Contact Owner,Created Date,Description,Email Opt Out'.split(
    ',',
  );
const ROLO = [
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
];
const VCARD =
  'Full name,First name,Last name,Phone,Phone 2,Phone 3,Email,Email 2,Company,Job title,Birthday,Street,City,Region,Postal code,Country,Website,Note,WhatsApp'.split(
    ',',
  );

describe('recogniseExport', () => {
  it.each([
    ['google', GOOGLE],
    ['google', GOOGLE_OLD],
    ['outlook', OUTLOOK],
    ['hubspot', HUBSPOT],
    ['salesforce', SALESFORCE],
    ['rolo', ROLO],
    ['vcard', VCARD],
  ] as const)('recognises a %s export', (id, headers) => {
    expect(recogniseExport(headers)).toBe(id);
  });

  it('writes the Rolo header row exactly as the standard field labels and Tags', () => {
    expect(ROLO).toEqual([...STANDARD_FIELDS.map((f) => f.label), 'Tags']);
  });

  it('recognises exports whose headers went through a spreadsheet (case, BOM, spacing, a few columns only)', () => {
    expect(recogniseExport(['\uFEFFFIRST NAME', 'e-mail 1 - value', 'Phone 1 - Value', 'labels'])).toBe(
      'google',
    );
    expect(recogniseExport(['First Name', 'Last Name', 'MailingCity', 'MailingCountry', 'AccountName'])).toBe(
      'salesforce',
    );
    expect(recogniseExport(['Record ID', 'Email', 'Lifecycle Stage', 'Contact owner'])).toBe('hubspot');
    expect(
      recogniseExport([...ROLO.slice(0, 18).map((header) => header.toUpperCase()), 'Loyalty points']),
    ).toBe('rolo');
    expect(recogniseExport(ROLO.slice(0, 17))).toBeNull();
  });

  it('recognises nothing in files that share only common headers with the exports', () => {
    expect(recogniseExport(['Name', 'Phone', 'Email', 'Tags'])).toBeNull();
    expect(
      recogniseExport(['First Name', 'Last Name', 'Email', 'Phone Number', 'Company Name', 'Street Address']),
    ).toBeNull();
    expect(recogniseExport(['Nome', 'Celular', 'E-mail', 'Cidade'])).toBeNull();
    expect(
      recogniseExport(['Name', 'Mobile', 'WhatsApp ID', 'Time zone', 'Facebook', 'Instagram', 'Tags']),
    ).toBeNull();
    expect(recogniseExport([])).toBeNull();
  });
});

describe('proposeMapping for known exports', () => {
  it('maps the current Google Contacts export', () => {
    const grace = row(GOOGLE, {
      'First Name': 'Grace',
      'Middle Name': 'Brewster',
      'Last Name': 'Hopper',
      Nickname: 'Amazing Grace',
      'Organization Name': 'US Navy',
      'Organization Title': 'Rear Admiral',
      Birthday: '1906-12-09',
      Notes: 'Met at the conference',
      Labels: '* myContacts ::: Navy',
      'E-mail 1 - Label': '* Work',
      'E-mail 1 - Value': 'grace@navy.example',
      'E-mail 2 - Label': 'Other',
      'E-mail 2 - Value': 'grace@example.com',
      'Phone 1 - Label': 'Mobile',
      'Phone 1 - Value': '+1 555 0199',
      'Phone 2 - Label': 'Work',
      'Phone 2 - Value': '+1 555 0100',
      'Address 1 - Label': 'Work',
      'Address 1 - Formatted': '1 Main St\nArlington, VA 22201',
      'Address 1 - Street': '1 Main St',
      'Address 1 - City': 'Arlington',
      'Address 1 - Region': 'VA',
      'Address 1 - Postal Code': '22201',
      'Address 1 - Country': 'USA',
      'Address 1 - Extended Address': 'Suite 4',
      'Website 1 - Value': 'https://example.com/grace',
    });
    const ada = row(GOOGLE, {
      'First Name': 'Ada',
      'Last Name': 'Lovelace',
      Labels: '* myContacts',
      'Phone 1 - Label': 'Mobile',
      'Phone 1 - Value': '+44 20 7946 0018',
    });
    expect(mapped(GOOGLE, [grace, ada])).toEqual([
      ['First Name', field('firstName')],
      ['Middle Name', newCustom('Middle Name', 'text')],
      ['Last Name', field('lastName')],
      ['Phonetic First Name', ignore],
      ['Phonetic Middle Name', ignore],
      ['Phonetic Last Name', ignore],
      ['Name Prefix', ignore],
      ['Name Suffix', ignore],
      ['Nickname', newCustom('Nickname', 'text')],
      ['File As', ignore],
      ['Organization Name', field('company')],
      ['Organization Title', field('jobTitle')],
      ['Organization Department', ignore],
      ['Birthday', field('birthday')],
      ['Notes', ignore],
      ['Photo', ignore],
      ['Labels', tags],
      ['E-mail 1 - Label', ignore],
      ['E-mail 1 - Value', field('email')],
      ['E-mail 2 - Label', ignore],
      ['E-mail 2 - Value', ignore],
      ['Phone 1 - Label', ignore],
      ['Phone 1 - Value', field('phone')],
      ['Phone 2 - Label', ignore],
      ['Phone 2 - Value', ignore],
      ['Address 1 - Label', ignore],
      ['Address 1 - Formatted', ignore],
      ['Address 1 - Street', field('street')],
      ['Address 1 - City', field('city')],
      ['Address 1 - PO Box', ignore],
      ['Address 1 - Region', field('region')],
      ['Address 1 - Postal Code', field('postalCode')],
      ['Address 1 - Country', field('country')],
      ['Address 1 - Extended Address', newCustom('Address 1 - Extended Address', 'text')],
      ['Website 1 - Label', ignore],
      ['Website 1 - Value', field('website')],
    ]);
  });

  it('maps the older Google Contacts export', () => {
    const ada = row(GOOGLE_OLD, {
      Name: 'Ada Lovelace',
      'Given Name': 'Ada',
      'Family Name': 'Lovelace',
      Birthday: '1815-12-10',
      Gender: 'female',
      Occupation: 'Analyst',
      Sensitivity: 'Normal',
      Priority: 'Normal',
      Language: 'en',
      'Group Membership': '* myContacts ::: Friends',
      'E-mail 1 - Type': '* Home',
      'E-mail 1 - Value': 'ada@example.com',
      'Phone 1 - Type': 'Mobile',
      'Phone 1 - Value': '+44 20 7946 0018',
      'Address 1 - Type': 'Home',
      'Address 1 - City': 'London',
      'Organization 1 - Name': 'Analytical Society',
      'Organization 1 - Title': 'Mathematician',
      'Website 1 - Value': 'https://ada.example',
    });
    expect(mapped(GOOGLE_OLD, [ada])).toEqual([
      ['Name', field('name')],
      ['Given Name', field('firstName')],
      ['Additional Name', ignore],
      ['Family Name', field('lastName')],
      ['Yomi Name', ignore],
      ['Given Name Yomi', ignore],
      ['Additional Name Yomi', ignore],
      ['Family Name Yomi', ignore],
      ['Name Prefix', ignore],
      ['Name Suffix', ignore],
      ['Initials', ignore],
      ['Nickname', ignore],
      ['Short Name', ignore],
      ['Maiden Name', ignore],
      ['Birthday', field('birthday')],
      ['Gender', newCustom('Gender', 'text')],
      ['Location', ignore],
      ['Billing Information', ignore],
      ['Directory Server', ignore],
      ['Mileage', ignore],
      ['Occupation', ignore],
      ['Hobby', ignore],
      ['Sensitivity', ignore],
      ['Priority', ignore],
      ['Subject', ignore],
      ['Notes', ignore],
      ['Language', field('language')],
      ['Photo', ignore],
      ['Group Membership', tags],
      ['E-mail 1 - Type', ignore],
      ['E-mail 1 - Value', field('email')],
      ['E-mail 2 - Type', ignore],
      ['E-mail 2 - Value', ignore],
      ['Phone 1 - Type', ignore],
      ['Phone 1 - Value', field('phone')],
      ['Phone 2 - Type', ignore],
      ['Phone 2 - Value', ignore],
      ['Address 1 - Type', ignore],
      ['Address 1 - Formatted', ignore],
      ['Address 1 - Street', field('street')],
      ['Address 1 - City', field('city')],
      ['Address 1 - PO Box', ignore],
      ['Address 1 - Region', field('region')],
      ['Address 1 - Postal Code', field('postalCode')],
      ['Address 1 - Country', field('country')],
      ['Address 1 - Extended Address', ignore],
      ['Organization 1 - Type', ignore],
      ['Organization 1 - Name', field('company')],
      ['Organization 1 - Yomi Name', ignore],
      ['Organization 1 - Title', field('jobTitle')],
      ['Organization 1 - Department', ignore],
      ['Organization 1 - Symbol', ignore],
      ['Organization 1 - Location', ignore],
      ['Organization 1 - Job Description', ignore],
      ['Website 1 - Type', ignore],
      ['Website 1 - Value', field('website')],
    ]);
  });

  it('maps the Outlook export, preferring the mobile phone and the business address', () => {
    const headers = OUTLOOK;
    const susan = row(headers, {
      'First Name': 'Susan',
      'Last Name': 'Calvin',
      Title: 'Dr.',
      'E-mail Address': 'susan@usrobots.example',
      'E-mail 2 Address': 'susan.calvin@example.com',
      'Home Phone': '+1 212 555 0101',
      'Business Phone': '+1 212 555 0102',
      'Mobile Phone': '+1 917 555 0103',
      'Job Title': 'Robopsychologist',
      Department: 'Research',
      Company: 'US Robots',
      'Business Street': '1 Robot Way',
      'Business City': 'New York',
      'Business State': 'NY',
      'Business Postal Code': '10001',
      'Business Country/Region': 'United States',
      'Home City': 'Brooklyn',
      'Web Page': 'usrobots.example',
      Birthday: '1982-05-01',
      Notes: 'Prefers email',
      Categories: 'Clients;VIP',
    });
    expect(mapped(headers, [susan])).toEqual([
      ['First Name', field('firstName')],
      ['Middle Name', ignore],
      ['Last Name', field('lastName')],
      ['Title', newCustom('Title', 'text')],
      ['Suffix', ignore],
      ['Nickname', ignore],
      ['Given Yomi', ignore],
      ['Surname Yomi', ignore],
      ['E-mail Address', field('email')],
      ['E-mail 2 Address', ignore],
      ['E-mail 3 Address', ignore],
      ['Home Phone', ignore],
      ['Home Phone 2', ignore],
      ['Business Phone', ignore],
      ['Business Phone 2', ignore],
      ['Mobile Phone', field('phone')],
      ['Car Phone', ignore],
      ['Other Phone', ignore],
      ['Primary Phone', ignore],
      ['Pager', ignore],
      ['Business Fax', ignore],
      ['Home Fax', ignore],
      ['Other Fax', ignore],
      ['Company Main Phone', ignore],
      ['Callback', ignore],
      ['Radio Phone', ignore],
      ['Telex', ignore],
      ['TTY/TDD Phone', ignore],
      ['IMAddress', ignore],
      ['Job Title', field('jobTitle')],
      ['Department', newCustom('Department', 'text')],
      ['Company', field('company')],
      ['Office Location', ignore],
      ["Manager's Name", ignore],
      ["Assistant's Name", ignore],
      ["Assistant's Phone", ignore],
      ['Company Yomi', ignore],
      ['Business Street', field('street')],
      ['Business City', field('city')],
      ['Business State', field('region')],
      ['Business Postal Code', field('postalCode')],
      ['Business Country/Region', field('country')],
      ['Home Street', ignore],
      ['Home City', ignore],
      ['Home State', ignore],
      ['Home Postal Code', ignore],
      ['Home Country/Region', ignore],
      ['Other Street', ignore],
      ['Other City', ignore],
      ['Other State', ignore],
      ['Other Postal Code', ignore],
      ['Other Country/Region', ignore],
      ['Personal Web Page', ignore],
      ['Spouse', ignore],
      ['Schools', ignore],
      ['Hobby', ignore],
      ['Location', ignore],
      ['Web Page', field('website')],
      ['Birthday', field('birthday')],
      ['Anniversary', ignore],
      ['Notes', ignore],
      ['Categories', tags],
    ]);
  });

  it('takes the Outlook phone that has data when the mobile column is empty', () => {
    const headers = OUTLOOK;
    const rows = [
      row(headers, {
        'First Name': 'Ana',
        'Home Phone': '+55 11 3333-4444',
        'Business Phone': '+55 11 2222-1111',
      }),
      row(headers, { 'First Name': 'Bia', 'Business Phone': '+55 21 2222-3333' }),
    ];
    const phones = mapped(headers, rows).filter(([header]) => header.endsWith('Phone'));
    expect(phones).toEqual([
      ['Home Phone', ignore],
      ['Business Phone', field('phone')],
      ['Mobile Phone', ignore],
      ['Car Phone', ignore],
      ['Other Phone', ignore],
      ['Primary Phone', ignore],
      ['Company Main Phone', ignore],
      ['Radio Phone', ignore],
      ['TTY/TDD Phone', ignore],
      ["Assistant's Phone", ignore],
    ]);
  });

  it('maps the HubSpot export: its own properties become custom fields only when they have data', () => {
    const rows = [
      row(HUBSPOT, {
        'Record ID': '51',
        'First Name': 'Maria',
        'Last Name': 'Souza',
        Email: 'maria@padaria.example',
        'Phone Number': '+55 11 3456-7890',
        'Mobile Phone Number': '+55 11 98765-4321',
        'WhatsApp Phone Number': '+55 11 98765-4321',
        'Company Name': 'Padaria Souza',
        'Job Title': 'Owner',
        'Street Address': 'Rua Augusta, 100',
        City: 'São Paulo',
        'State/Region': 'SP',
        'Postal Code': '01305-000',
        'Country/Region': 'Brazil',
        'Create Date': '2024-03-01 10:15',
        'Lifecycle Stage': 'lead',
        'Associated Company': 'Padaria Souza',
      }),
      row(HUBSPOT, {
        'Record ID': '52',
        'First Name': 'João',
        'Create Date': '2024-03-02 11:00',
        'Lifecycle Stage': 'customer',
      }),
    ];
    expect(mapped(HUBSPOT, rows)).toEqual([
      ['Record ID', newCustom('Record ID', 'number')],
      ['First Name', field('firstName')],
      ['Last Name', field('lastName')],
      ['Email', field('email')],
      ['Phone Number', ignore],
      ['Mobile Phone Number', field('phone')],
      ['WhatsApp Phone Number', field('whatsappId')],
      ['Company Name', field('company')],
      ['Job Title', field('jobTitle')],
      ['Street Address', field('street')],
      ['City', field('city')],
      ['State/Region', field('region')],
      ['Postal Code', field('postalCode')],
      ['Country/Region', field('country')],
      ['Create Date', newCustom('Create Date', 'datetime')],
      ['Contact owner', ignore],
      ['Lifecycle Stage', newCustom('Lifecycle Stage', 'text')],
      ['Lead Status', ignore],
      ['Last Activity Date', ignore],
      ['Marketing contact status', ignore],
      ['Associated Company', ignore],
    ]);
  });

  it('maps the Salesforce export, preferring the mobile phone', () => {
    const rows = [
      row(SALESFORCE, {
        'Contact ID': '0035g00000XyZabAAF',
        Salutation: 'Mr.',
        'First Name': 'Lars',
        'Last Name': 'Jensen',
        Title: 'CFO',
        'Account Name': 'Nordic Foods',
        Email: 'lars@nordic.example',
        Phone: '+45 32 12 34 56',
        Mobile: '+45 20 12 34 56',
        'Mailing Street': 'Vesterbrogade 1',
        'Mailing City': 'København',
        'Mailing State/Province': 'Hovedstaden',
        'Mailing Zip/Postal Code': '1620',
        'Mailing Country': 'Denmark',
        Birthdate: '5/17/1980',
        'Lead Source': 'Web',
        'Contact Owner': 'Ana Lima',
        'Created Date': '3/1/2024',
        'Email Opt Out': '0',
      }),
    ];
    expect(mapped(SALESFORCE, rows)).toEqual([
      ['Contact ID', newCustom('Contact ID', 'text')],
      ['Salutation', newCustom('Salutation', 'text')],
      ['First Name', field('firstName')],
      ['Last Name', field('lastName')],
      ['Title', field('jobTitle')],
      ['Account Name', field('company')],
      ['Email', field('email')],
      ['Phone', ignore],
      ['Mobile', field('phone')],
      ['Home Phone', ignore],
      ['Fax', ignore],
      ['Mailing Street', field('street')],
      ['Mailing City', field('city')],
      ['Mailing State/Province', field('region')],
      ['Mailing Zip/Postal Code', field('postalCode')],
      ['Mailing Country', field('country')],
      ['Birthdate', field('birthday')],
      ['Lead Source', newCustom('Lead Source', 'text')],
      ['Contact Owner', newCustom('Contact Owner', 'text')],
      ['Created Date', newCustom('Created Date', 'date')],
      ['Description', ignore],
      ['Email Opt Out', newCustom('Email Opt Out', 'number')],
    ]);
  });

  it('maps a vCard file as our reader writes it, with WhatsApp as the WhatsApp ID', () => {
    const rows = [
      row(VCARD, {
        'Full name': 'Budi Santoso',
        'First name': 'Budi',
        'Last name': 'Santoso',
        Phone: '+62 812-3456-7890',
        'Phone 2': '+62 21 555 0100',
        Email: 'budi@example.co.id',
        Note: 'Met in Jakarta',
        WhatsApp: '6281234567890',
      }),
    ];
    expect(mapped(VCARD, rows)).toEqual([
      ['Full name', field('name')],
      ['First name', field('firstName')],
      ['Last name', field('lastName')],
      ['Phone', field('phone')],
      ['Phone 2', ignore],
      ['Phone 3', ignore],
      ['Email', field('email')],
      ['Email 2', ignore],
      ['Company', field('company')],
      ['Job title', field('jobTitle')],
      ['Birthday', field('birthday')],
      ['Street', field('street')],
      ['City', field('city')],
      ['Region', field('region')],
      ['Postal code', field('postalCode')],
      ['Country', field('country')],
      ['Website', field('website')],
      ['Note', ignore],
      ['WhatsApp', field('whatsappId')],
    ]);
  });
});
