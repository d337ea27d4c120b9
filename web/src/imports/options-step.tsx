import { Checkbox, Radio, Select, Stack } from '@mantine/core';
import { useMemo } from 'react';
import type { ImportPlan, ImportPolicy } from '../../../src/shared/import-schemas';
import { countryOptions } from '../settings/workspace/country-options';
import { TagPicker } from '../tags/tag-picker';
import { POLICY_CHOICES } from './import-labels';

/** The options of an import plan. */
export type ImportOptions = ImportPlan['options'];

/** Props of the options step. */
export interface OptionsStepProps {
  options: ImportOptions;
  onChange(options: ImportOptions): void;
}

/** The fourth step: the phones' default country, tags for every contact, what to do with duplicates, invalid phones. */
export function OptionsStep({ options, onChange }: OptionsStepProps) {
  const countries = useMemo(countryOptions, []);
  const set = (change: Partial<ImportOptions>) => onChange({ ...options, ...change });
  return (
    <Stack gap="lg" maw={640}>
      <Select
        label="Default country for phone numbers"
        description="Numbers written without a country code (no +) are read as numbers of this country, unless a column gives each row's country."
        data={countries}
        value={options.defaultCountry ?? null}
        onChange={(value) => set({ defaultCountry: value ?? undefined })}
        searchable
        allowDeselect={false}
        nothingFoundMessage="No country has this name"
        maxDropdownHeight={300}
        comboboxProps={{ withinPortal: true }}
      />
      <TagPicker
        label="Tags added to every imported contact"
        description="Type to search, or type a new name and press Enter to create it. Handy to find this import later."
        value={options.tags}
        onChange={(tags) => set({ tags })}
      />
      <Radio.Group
        label="When a row matches an existing contact"
        description="Rows are matched by phone number, WhatsApp ID or email."
        value={options.policy}
        onChange={(value) => set({ policy: value as ImportPolicy })}
      >
        <Stack gap="sm" mt="xs">
          {POLICY_CHOICES.map((choice) => (
            <Radio
              key={choice.value}
              value={choice.value}
              label={choice.label}
              description={choice.description}
            />
          ))}
        </Stack>
      </Radio.Group>
      <Checkbox
        label="Keep rows whose phone is invalid, without the phone"
        description="Otherwise a row whose phone number cannot be read is not imported, and is listed in the errors file."
        checked={options.keepRowsWithInvalidPhone}
        onChange={(event) => set({ keepRowsWithInvalidPhone: event.currentTarget.checked })}
      />
    </Stack>
  );
}
