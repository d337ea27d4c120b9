const SOURCES: Record<string, string> = {
  whatsapp: 'WhatsApp',
  agent: 'Started by an agent',
  manual: 'Added by hand',
  import: 'Import',
  integration: 'Integration',
  api: 'API',
};

/** Where a contact came from, in words ("WhatsApp", "Started by an agent"). */
export function sourceLabel(source: string): string {
  return SOURCES[source] ?? source.charAt(0).toUpperCase() + source.slice(1);
}

/** The known sources in a stable order, for legends and colours. */
export const SOURCE_ORDER = Object.keys(SOURCES);
