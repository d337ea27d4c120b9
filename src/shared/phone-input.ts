/** Turns how people write numbers (`00` international prefix, `tel:` links, odd separators) into parser input. */
export function preparePhoneInput(raw: string): string {
  let value = raw.trim().replace(/^tel:/i, '');
  value = value.replace(/[\u2010-\u2015\u2212\s]/g, ' ');
  if (/^\s*00[1-9]/.test(value)) value = `+${value.trim().slice(2)}`;
  return value;
}
