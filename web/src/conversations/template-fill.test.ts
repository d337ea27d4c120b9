import { describe, expect, it } from 'vitest';
import type { Template } from '../api/types';
import { templateMessage, textMessage } from './outgoing-message';
import { fillTemplate, missingParameterCount, parameterNames, templateSegments } from './template-fill';

const orderUpdate: Template = {
  name: 'order_update',
  language: 'en_US',
  category: 'UTILITY',
  status: 'APPROVED',
  body: 'Hello {{1}}, your order {{2}} has shipped.',
  parameterCount: 2,
};

describe('filling a template', () => {
  it('puts each value in its placeholder and keeps the ones still missing', () => {
    expect(fillTemplate(orderUpdate.body, ['Ana', '#1042'])).toBe('Hello Ana, your order #1042 has shipped.');
    expect(fillTemplate(orderUpdate.body, ['Ana'])).toBe('Hello Ana, your order {{2}} has shipped.');
    expect(fillTemplate(orderUpdate.body, ['  ', ''])).toBe(orderUpdate.body);
  });

  it('orders numbered placeholders by number and repeats a value used twice', () => {
    expect(parameterNames('{{2}} then {{1}} and {{ 2 }}', 2)).toEqual(['1', '2']);
    expect(fillTemplate('{{2}} then {{1}} and {{ 2 }}', ['a', 'b'])).toBe('b then a and b');
    expect(parameterNames('No placeholders', 1)).toEqual(['1']);
  });

  it('splits the body into text and parameter places for the preview', () => {
    expect(templateSegments('Hi {{1}}!', [])).toEqual([
      { kind: 'text', text: 'Hi ' },
      { kind: 'parameter', index: 0, name: '1', value: null },
      { kind: 'text', text: '!' },
    ]);
  });

  it('is ready to send only with every value', () => {
    expect(missingParameterCount(2, ['Ana'])).toBe(1);
    expect(templateMessage(orderUpdate, { key: 'order_update|en_US', parameters: ['Ana'] })).toBeNull();
    expect(
      templateMessage(orderUpdate, { key: 'order_update|en_US', parameters: [' Ana ', '#1042'] }),
    ).toEqual({
      template: { name: 'order_update', language: 'en_US', parameters: ['Ana', '#1042'] },
    });
    expect(templateMessage(undefined, { key: null, parameters: [] })).toBeNull();
    expect(textMessage('   ')).toBeNull();
    expect(textMessage(' Hi ')).toEqual({ text: 'Hi' });
  });
});
