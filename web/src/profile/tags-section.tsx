import type { Contact } from '../api/types';
import { TagPicker } from '../tags/tag-picker';
import { ProfileSection } from './profile-section';
import { useContactTags } from './use-contact-tags';

/** The contact's tags: type to search or create, × to remove; each change is saved at once. */
export function TagsSection({ contact }: { contact: Contact }) {
  const tags = useContactTags(contact);
  return (
    <ProfileSection title="Tags">
      <TagPicker
        label="Tags on this contact"
        description="Type to search or create a tag, Enter to add, × to remove. Tag changes are saved at once."
        value={contact.tags.map((tag) => tag.name)}
        onChange={tags.change}
      />
    </ProfileSection>
  );
}
