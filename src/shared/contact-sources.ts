/** Where a contact came from. */
export const CONTACT_SOURCES = ['whatsapp', 'agent', 'manual', 'import', 'integration', 'api'] as const;
