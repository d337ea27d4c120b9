/**
 * The form of an E.164 number under which every way WhatsApp and people write it matches: Brazilian mobiles with the
 * ninth digit (`+55 21 8765-4321` → `+5521987654321`), Mexican numbers without the legacy `1` after `52`, and
 * Argentine mobiles without the `9` after `54`. Other numbers are their own key.
 */
export function phoneMatchKey(e164: string): string {
  const brazil = /^\+55(\d{2})([6-9]\d{7})$/.exec(e164);
  if (brazil) return `+55${brazil[1]}9${brazil[2]}`;
  const mexico = /^\+521(\d{10})$/.exec(e164);
  if (mexico) return `+52${mexico[1]}`;
  const argentina = /^\+549(\d{10})$/.exec(e164);
  if (argentina) return `+54${argentina[1]}`;
  return e164;
}
