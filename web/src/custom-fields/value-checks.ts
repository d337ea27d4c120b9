const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/** True for something shaped like an email address (the server has the last word). */
export function isEmailAddress(text: string): boolean {
  return EMAIL.test(text.trim());
}

/** An http(s) link for a web address typed with or without its scheme; null for anything else. */
export function safeWebLink(text: string): string | null {
  const value = text.trim();
  if (!value) return null;
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
  try {
    const url = new URL(candidate);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.')
      ? url.toString()
      : null;
  } catch {
    return null;
  }
}

/** True for a web address (http or https, scheme optional). */
export function isWebAddress(text: string): boolean {
  return safeWebLink(text) !== null;
}
