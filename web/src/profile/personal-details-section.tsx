import { Select, SimpleGrid } from '@mantine/core';
import { useMemo } from 'react';
import { checkPhone } from '../ui/phone-format';
import { changedInputStyles } from '../custom-fields/changed-styles';
import { errorNode } from './field-problem';
import { IdentityMatchNotice } from './identity-match-notice';
import type { IdentityMatch } from './identity-matches';
import { languageOptions, timeZoneOptions } from './locale-options';
import { PERSONAL_FIELDS } from './profile-fields';
import { ProfileSection } from './profile-section';
import { ProfileTextInput } from './profile-text-input';
import type { ProfileForm } from './use-profile-form';

/** Props of the Personal Details section. */
export interface PersonalDetailsSectionProps {
  form: ProfileForm;
  defaultCountry: string;
  /** Other contacts already holding the phone or email typed. */
  matches: IdentityMatch[];
}

const today = () => new Date().toISOString().slice(0, 10);
const asString = (value: unknown) => (typeof value === 'string' && value ? value : null);

/** Names, phone, email, company, job title, birthday, language and time zone. */
export function PersonalDetailsSection({ form, defaultCountry, matches }: PersonalDetailsSectionProps) {
  const phone = typeof form.values.phone === 'string' ? form.values.phone : '';
  const email = typeof form.values.email === 'string' ? form.values.email : '';
  const language = asString(form.values.language);
  const timezone = asString(form.values.timezone);
  const languages = useMemo(() => languageOptions(language), [language]);
  const zones = useMemo(() => timeZoneOptions(timezone), [timezone]);
  const phoneCheck =
    phone.trim() && form.dirtyPaths.includes('phone') ? checkPhone(phone, defaultCountry) : null;
  const phoneMatch = matches.find((match) => match.field === 'phone');
  const emailMatch = matches.find((match) => match.field === 'email');
  return (
    <ProfileSection title="Personal Details">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
        <ProfileTextInput form={form} path="firstName" label={PERSONAL_FIELDS.firstName} autoComplete="off" />
        <ProfileTextInput form={form} path="lastName" label={PERSONAL_FIELDS.lastName} autoComplete="off" />
        <ProfileTextInput
          form={form}
          path="phone"
          label={PERSONAL_FIELDS.phone}
          type="tel"
          autoComplete="off"
          placeholder="+55 11 91234 5678"
          hint={
            phoneMatch ? (
              <IdentityMatchNotice shown={phoneCheck?.ok ? phoneCheck.display : phone} match={phoneMatch} />
            ) : phoneCheck?.ok ? (
              `Saved as ${phoneCheck.display}`
            ) : undefined
          }
        />
        <ProfileTextInput
          form={form}
          path="email"
          label={PERSONAL_FIELDS.email}
          type="email"
          autoComplete="off"
          hint={emailMatch ? <IdentityMatchNotice shown={email.trim()} match={emailMatch} /> : undefined}
        />
        <ProfileTextInput form={form} path="company" label={PERSONAL_FIELDS.company} autoComplete="off" />
        <ProfileTextInput form={form} path="jobTitle" label={PERSONAL_FIELDS.jobTitle} autoComplete="off" />
        <ProfileTextInput
          form={form}
          path="birthday"
          label={PERSONAL_FIELDS.birthday}
          type="date"
          min="1900-01-01"
          max={today()}
        />
        <Select
          label={PERSONAL_FIELDS.language}
          data={languages}
          value={language}
          onChange={(next) => form.setValue('language', next)}
          error={errorNode(form.errorOf('language'))}
          styles={changedInputStyles(form.dirtyPaths.includes('language'))}
          searchable
          clearable
          placeholder="Choose a language"
          nothingFoundMessage="No such language"
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={PERSONAL_FIELDS.timezone}
          data={zones}
          value={timezone}
          onChange={(next) => form.setValue('timezone', next)}
          error={errorNode(form.errorOf('timezone'))}
          styles={changedInputStyles(form.dirtyPaths.includes('timezone'))}
          searchable
          clearable
          limit={50}
          placeholder="Type a city, e.g. Sao Paulo"
          nothingFoundMessage="No such time zone"
          comboboxProps={{ withinPortal: true }}
        />
      </SimpleGrid>
    </ProfileSection>
  );
}
