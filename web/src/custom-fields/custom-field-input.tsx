import { MultiSelect, NumberInput, Select, Switch, Textarea, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CustomField } from '../api/types';
import { useMembers } from '../api/workspace-queries';
import { checkPhone } from '../ui/phone-format';
import { changedInputStyles } from './changed-styles';
import { currencySymbol, type CustomInputValue } from './custom-field-value';
import { OpenLinkButton } from './open-link-button';
import { safeWebLink } from './value-checks';

/** Props of one custom field's input. */
export interface CustomFieldInputProps {
  field: CustomField;
  value: CustomInputValue;
  onChange(value: CustomInputValue): void;
  error?: ReactNode;
  /** The workspace country, to read phone numbers typed without a country code. */
  defaultCountry: string;
  /** Marks the input as edited but not saved. */
  changed?: boolean;
}

const asText = (value: CustomInputValue) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

/** The input that fits a custom field's type: currency with its symbol, date picker, select, switch… */
export function CustomFieldInput({
  field,
  value,
  onChange,
  error,
  defaultCountry,
  changed,
}: CustomFieldInputProps) {
  const members = useMembers();
  const common = {
    label: field.label,
    description: field.description ?? undefined,
    required: field.required,
    error,
    styles: changedInputStyles(changed),
  };
  switch (field.type) {
    case 'long_text':
      return (
        <Textarea
          {...common}
          autosize
          minRows={2}
          maxRows={8}
          value={asText(value)}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'number':
    case 'currency':
    case 'percent': {
      const symbol = field.type === 'currency' ? currencySymbol(field.options.currency) : '';
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' || typeof value === 'string' ? value : ''}
          onChange={(next) => onChange(next)}
          thousandSeparator=","
          decimalScale={field.type === 'number' ? undefined : 2}
          leftSection={symbol ? <span aria-hidden="true">{symbol}</span> : undefined}
          leftSectionWidth={symbol.length > 1 ? 12 + symbol.length * 8 : undefined}
          rightSection={field.type === 'percent' ? <span aria-hidden="true">%</span> : undefined}
          aria-description={
            field.type === 'currency'
              ? `Amount in ${field.options.currency ?? 'the workspace currency'}`
              : field.type === 'percent'
                ? 'Percent'
                : undefined
          }
          hideControls
        />
      );
    }
    case 'date':
      return (
        <TextInput
          {...common}
          type="date"
          value={asText(value)}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'datetime':
      return (
        <TextInput
          {...common}
          type="datetime-local"
          value={asText(value)}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'boolean':
      return (
        <Switch
          label={field.label}
          description={common.description}
          error={error}
          checked={value === true}
          onChange={(e) => onChange(e.currentTarget.checked)}
          mt="xs"
        />
      );
    case 'select':
      return (
        <Select
          {...common}
          data={field.options.choices ?? []}
          value={typeof value === 'string' && value ? value : null}
          onChange={(next) => onChange(next)}
          clearable={!field.required}
          searchable
          placeholder="Choose…"
          comboboxProps={{ withinPortal: true }}
        />
      );
    case 'multi_select':
      return (
        <MultiSelect
          {...common}
          data={field.options.choices ?? []}
          value={Array.isArray(value) ? value : []}
          onChange={(next) => onChange(next)}
          clearable
          searchable
          placeholder={Array.isArray(value) && value.length ? undefined : 'Choose…'}
          comboboxProps={{ withinPortal: true }}
        />
      );
    case 'user':
      return (
        <Select
          {...common}
          data={(members.data ?? [])
            .filter((member) => !member.disabled || member.id === value)
            .map((member) => ({ value: member.id, label: member.name }))}
          value={typeof value === 'string' && value ? value : null}
          onChange={(next) => onChange(next)}
          clearable={!field.required}
          searchable
          placeholder={members.isPending ? 'Loading members…' : 'Choose a member…'}
          comboboxProps={{ withinPortal: true }}
        />
      );
    case 'url': {
      const link = safeWebLink(asText(value));
      return (
        <TextInput
          {...common}
          type="url"
          inputMode="url"
          value={asText(value)}
          onChange={(e) => onChange(e.currentTarget.value)}
          rightSection={link ? <OpenLinkButton href={link} label={`Open ${field.label}`} /> : undefined}
          rightSectionPointerEvents="all"
        />
      );
    }
    case 'phone': {
      const text = asText(value);
      const check = text.trim() ? checkPhone(text, defaultCountry) : null;
      return (
        <TextInput
          {...common}
          type="tel"
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
          description={check?.ok ? `Saved as ${check.display}` : common.description}
        />
      );
    }
    case 'email':
      return (
        <TextInput
          {...common}
          type="email"
          value={asText(value)}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'text':
      return (
        <TextInput {...common} value={asText(value)} onChange={(e) => onChange(e.currentTarget.value)} />
      );
  }
}
