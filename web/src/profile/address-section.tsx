import { Select, SimpleGrid } from '@mantine/core';
import { changedInputStyles } from '../custom-fields/changed-styles';
import { errorNode } from './field-problem';
import { countryOptions } from './locale-options';
import { ADDRESS_FIELDS } from './profile-fields';
import { ProfileSection } from './profile-section';
import { ProfileTextInput } from './profile-text-input';
import type { ProfileForm } from './use-profile-form';

/** Street, city, region, postal code and country (ISO codes, named in English). */
export function AddressSection({ form }: { form: ProfileForm }) {
  const country = form.values['address.country'];
  return (
    <ProfileSection title="Address">
      <ProfileTextInput form={form} path="address.street" label={ADDRESS_FIELDS['address.street']} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
        <ProfileTextInput form={form} path="address.city" label={ADDRESS_FIELDS['address.city']} />
        <ProfileTextInput form={form} path="address.region" label={ADDRESS_FIELDS['address.region']} />
        <ProfileTextInput
          form={form}
          path="address.postalCode"
          label={ADDRESS_FIELDS['address.postalCode']}
        />
        <Select
          label={ADDRESS_FIELDS['address.country']}
          data={countryOptions()}
          value={typeof country === 'string' && country ? country : null}
          onChange={(next) => form.setValue('address.country', next)}
          error={errorNode(form.errorOf('address.country'))}
          styles={changedInputStyles(form.dirtyPaths.includes('address.country'))}
          searchable
          clearable
          placeholder="Choose a country"
          nothingFoundMessage="No such country"
          comboboxProps={{ withinPortal: true }}
        />
      </SimpleGrid>
    </ProfileSection>
  );
}
