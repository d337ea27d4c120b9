import { Grid, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useLocation, useParams } from 'react-router';
import { ApiError } from '../api/api-error';
import type { Contact, CustomField } from '../api/types';
import { useCustomFields } from '../api/workspace-queries';
import { useSession } from '../auth/session-context';
import { isEmailAddress } from '../custom-fields/value-checks';
import { ErrorPanel } from '../ui/error-panel';
import { PageLoader } from '../ui/page-loader';
import { checkPhone } from '../ui/phone-format';
import { AddressSection } from './address-section';
import { ContactNotFound } from './contact-not-found';
import { ConversationPanel } from './conversation-panel';
import { useContact } from './contact-queries';
import { CustomFieldsSection } from './custom-fields-section';
import { useIdentityMatches } from './identity-matches';
import { NotesPanel } from './notes-panel';
import { PersonalDetailsSection } from './personal-details-section';
import { ProfileHeader } from './profile-header';
import { SaveAlerts } from './save-alerts';
import { SaveBar } from './save-bar';
import { SocialProfilesSection } from './social-profiles-section';
import { StatsCard } from './stats-card';
import { TagsSection } from './tags-section';
import { TimelinePanel } from './timeline-panel';
import { UnsavedChangesGuard } from './unsaved-changes-guard';
import { useProfileForm } from './use-profile-form';
import { useSaveShortcut } from './use-save-shortcut';

/** Where the back link leads: the list view the agent came from (passed as `state.from`), else the list. */
function useBackTo(): string {
  const location = useLocation();
  const from = (location.state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/contacts') ? from : '/contacts';
}

/** The editor for one loaded contact: header, form sections, save, and the side column. */
function ProfileEditor({ contact, fields }: { contact: Contact; fields: CustomField[] }) {
  const { session, isAdmin } = useSession();
  const defaultCountry = session.workspace.defaultCountry;
  const form = useProfileForm(contact, fields, defaultCountry);
  const backTo = useBackTo();
  useSaveShortcut(() => void form.save());
  useDocumentTitle(`${contact.name} · Rolo`);

  const phone = form.values.phone;
  const email = form.values.email;
  const phoneCheck =
    typeof phone === 'string' && phone.trim() && form.dirtyPaths.includes('phone')
      ? checkPhone(phone, defaultCountry)
      : null;
  const { matches } = useIdentityMatches({
    phone: phoneCheck?.ok ? phoneCheck.e164 : null,
    email:
      typeof email === 'string' && form.dirtyPaths.includes('email') && isEmailAddress(email)
        ? email.trim().toLowerCase()
        : null,
    excludeId: contact.id,
  });

  return (
    <Stack gap="md" maw={1400}>
      <ProfileHeader contact={contact} backTo={backTo} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <form
            data-profile-form
            noValidate
            aria-label={`Details of ${contact.name}`}
            onSubmit={(event) => {
              event.preventDefault();
              void form.save();
            }}
          >
            <Stack gap="md">
              <SaveBar form={form} />
              <SaveAlerts form={form} />
              <PersonalDetailsSection form={form} defaultCountry={defaultCountry} matches={matches} />
              <AddressSection form={form} />
              <SocialProfilesSection form={form} />
              <TagsSection contact={contact} />
              <CustomFieldsSection
                form={form}
                fields={fields}
                defaultCountry={defaultCountry}
                isAdmin={isAdmin}
              />
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <ConversationPanel contact={contact} />
            <StatsCard contact={contact} />
            <NotesPanel contactId={contact.id} />
            <TimelinePanel contactId={contact.id} fields={fields} />
          </Stack>
        </Grid.Col>
      </Grid>
      <UnsavedChangesGuard dirty={form.dirtyPaths.length > 0} onSave={form.save} />
    </Stack>
  );
}

/** The contact profile page (`/contacts/:contactId`): loading, not found and error states around the editor. */
export function ContactProfilePage() {
  const { contactId = '' } = useParams();
  const contact = useContact(contactId);
  const fields = useCustomFields();
  if (contact.isError) {
    if (contact.error instanceof ApiError && contact.error.status === 404) return <ContactNotFound />;
    return (
      <ErrorPanel
        title="This contact could not be loaded"
        error={contact.error}
        onRetry={() => void contact.refetch()}
      />
    );
  }
  if (fields.isError)
    return (
      <ErrorPanel
        title="Custom fields could not be loaded"
        error={fields.error}
        onRetry={() => void fields.refetch()}
      />
    );
  if (contact.isPending || fields.isPending) return <PageLoader label="Loading contact" />;
  return <ProfileEditor key={contact.data.id} contact={contact.data} fields={fields.data} />;
}
