const PHONE = /^\+?(\d{7,15})$/;

/** The WhatsApp id of a phone number in E.164 form with or without `+` (its digits), or null if it is not one. */
export function toWaId(phone: string): string | null {
  return PHONE.exec(phone.replace(/[\s-]/g, ''))?.[1] ?? null;
}
