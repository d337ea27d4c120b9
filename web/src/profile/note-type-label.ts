/** `follow-up` → `Follow-up`; `whatsapp call` → `Whatsapp call`. */
export function noteTypeLabel(type: string): string {
  return type.charAt(0).toUpperCase() + type.slice(1);
}
