/** Turns how people write numbers (`00` international prefix, `tel:` links, odd separators) into parser input. */
export function preparePhoneInput(raw: string): string {
  let value = raw.trim().replace(/^tel:/i, '');
  value = value.replace(/[\u2010-\u2015\u2212\s]/g, ' ');
  value = value.replace(/^\s*00[\s.-]*(?=[1-9])/, '+');
  return value;
}
