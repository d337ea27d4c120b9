import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contactSchema } from '../../shared/contact-schemas.js';
import { pageOf } from './api-instance.js';
import { responseSerializerCompiler } from './response-serializer.js';

const route = (schema: z.ZodType) => ({ schema, method: 'GET', url: '/test', httpStatus: '200' });
const serialize = (schema: z.ZodType, data: unknown) => responseSerializerCompiler(route(schema))(data);
const withZod = (schema: z.ZodType, data: unknown) => zodSerializerCompiler(route(schema))(data);

const contact = {
  id: '0190-a',
  firstName: 'José "Zé"',
  lastName: null,
  name: 'José "Zé"',
  phone: '+5511912345678',
  email: null,
  company: 'Ação\nLtda \u2028 \ud800',
  jobTitle: null,
  birthday: '1990-02-03',
  language: 'pt-BR',
  timezone: 'America/Sao_Paulo',
  address: { street: null, city: 'São Paulo', region: null, postalCode: null, country: 'BR' },
  social: { linkedin: null, twitter: null, facebook: null, instagram: null, website: null },
  custom: { lifetime_value: 1234.5, vip: true, colors: ['red', 'blue'], plan: 'Pro', orders: 0 },
  tags: [{ id: 't1', name: 'VIP', color: '#7048e8', category: null }],
  source: 'whatsapp',
  assigneeId: null,
  firstContactAt: '2026-01-02T03:04:05.678Z',
  lastContactAt: null,
  lastInboundAt: null,
  lastOutboundAt: null,
  conversationCount: 3,
  messageCount: 0.1 + 0.2,
  whatsappName: null,
  createdAt: '2026-01-02T03:04:05.678Z',
  updatedAt: '2026-01-02T03:04:05.678Z',
  version: 7,
};

describe('responseSerializerCompiler', () => {
  it('writes a page of contacts exactly as zod encoding followed by JSON.stringify does', () => {
    const page = { data: [contact, { ...contact, id: '0190-b', custom: {}, tags: [] }], nextCursor: null };
    const schema = pageOf(contactSchema);
    expect(serialize(schema, page)).toBe(withZod(schema, page));
    expect(JSON.parse(serialize(schema, page))).toEqual(page);
  });

  it('leaves out keys the schema does not name, as zod does', () => {
    const schema = z.object({ id: z.string(), note: z.string().optional() });
    const data = { id: 'a', secret: 'never sent' };
    expect(serialize(schema, data)).toBe('{"id":"a"}');
    expect(serialize(schema, data)).toBe(withZod(schema, data));
  });

  it('keeps zod for schemas JSON Schema cannot express, and its checks with them', () => {
    const schema = z.object({ when: z.date() });
    const data = { when: new Date(0) };
    expect(serialize(schema, data)).toBe('{"when":"1970-01-01T00:00:00.000Z"}');
    expect(serialize(schema, data)).toBe(withZod(schema, data));
    expect(() => serialize(schema, { when: 'yesterday' })).toThrow();
  });
});
