/** Social networks a contact profile links to. */
export const SOCIAL_NETWORKS = ['linkedin', 'twitter', 'facebook', 'instagram', 'website'] as const;
/** A social network a contact profile links to. */
export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number];

const PROFILE_BASE: Record<Exclude<SocialNetwork, 'website'>, string> = {
  linkedin: 'https://www.linkedin.com/in/',
  twitter: 'https://x.com/',
  facebook: 'https://www.facebook.com/',
  instagram: 'https://www.instagram.com/',
};

const HANDLE = /^@?[\p{L}\p{N}._-]{1,100}$/u;

/** A safe http(s) profile link from a URL, a bare domain or a handle such as `@maria` or `@maria.silva`; null when it is neither. */
export function normalizeSocialProfile(network: SocialNetwork, raw: string): string | null {
  const value = raw.trim();
  if (network !== 'website' && HANDLE.test(value) && (value.startsWith('@') || !value.includes('.'))) {
    return `${PROFILE_BASE[network]}${encodeURIComponent(value.replace(/^@/, ''))}`;
  }
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
  try {
    const url = new URL(candidate);
    if ((url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.'))
      return url.toString();
  } catch {
    return null;
  }
  return null;
}
