import { SimpleGrid } from '@mantine/core';
import { normalizeSocialProfile, SOCIAL_NETWORKS } from '../../../src/shared/social-profile';
import { OpenLinkButton } from '../custom-fields/open-link-button';
import { SOCIAL_FIELDS } from './profile-fields';
import { ProfileSection } from './profile-section';
import { ProfileTextInput } from './profile-text-input';
import type { ProfileForm } from './use-profile-form';

const PLACEHOLDERS: Record<string, string> = {
  linkedin: 'linkedin.com/in/name or handle',
  twitter: '@handle or x.com/handle',
  facebook: 'facebook.com/name or handle',
  instagram: '@handle or instagram.com/handle',
  website: 'example.com',
};

/** LinkedIn, X/Twitter, Facebook, Instagram and website; each opens in a new tab once set. */
export function SocialProfilesSection({ form }: { form: ProfileForm }) {
  return (
    <ProfileSection title="Social Profiles" description="Paste a link or type a handle such as @maria.">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
        {SOCIAL_NETWORKS.map((network) => {
          const path = `social.${network}`;
          const label = SOCIAL_FIELDS[path as keyof typeof SOCIAL_FIELDS];
          const value = form.values[path];
          const link =
            typeof value === 'string' && value.trim() ? normalizeSocialProfile(network, value) : null;
          return (
            <ProfileTextInput
              key={network}
              form={form}
              path={path}
              label={label}
              placeholder={PLACEHOLDERS[network]}
              autoComplete="off"
              rightSection={link ? <OpenLinkButton href={link} label={`Open ${label} profile`} /> : undefined}
              rightSectionPointerEvents="all"
            />
          );
        })}
      </SimpleGrid>
    </ProfileSection>
  );
}
