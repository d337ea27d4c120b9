import type { ImportTarget } from '../../../shared/import-schemas.js';
import { saysWhatsApp } from './header-synonyms.js';
import { headerKey, headerWords } from './normalize-header.js';

/** A consent column: its status, source or date, for one channel and purpose. */
export type ConsentTarget = Extract<ImportTarget, { kind: 'consent' }>;

const CONSENT =
  /consent|consenso|optin|optedin|einwilligung|zustimmung|toestemming|persetujuan|permission|permiso|permissao|autorizacao|autorizacion|accepts?(?:email|sms|whatsapp)?marketing/;
const CONSENT_WORDS = new Set(['izin', 'onay']);
/** Opt-out columns say yes for a refusal: reading them as a consent status would invert it, so they are not proposed. */
const OPT_OUT = /optout|optedout|unsubscri|donot|withdraw|revoke/;
const SOURCE_WORDS = new Set([
  'source',
  'origin',
  'method',
  'via',
  'fonte',
  'origem',
  'origen',
  'fuente',
  'provenance',
  'quelle',
  'herkunft',
  'origine',
  'bron',
  'herkomst',
  'sumber',
  'kaynak',
]);
const DATE_WORDS = new Set([
  'date',
  'time',
  'timestamp',
  'when',
  'at',
  'data',
  'fecha',
  'datum',
  'tanggal',
  'tarih',
]);
const EMAIL_WORDS = new Set(['mail', 'correo', 'courriel', 'eposta']);
const SMS_WORDS = new Set(['sms', 'text', 'texto']);
const UTILITY = /transac|transak|utility|service|servico|servicio|operational/;
const AUTHENTICATION = /authenticat|autentica/;

/** The consent column a header describes ("WhatsApp opt-in", "Consent source", "Opt-in date"), or null: WhatsApp unless it names email or SMS, marketing unless it says transactional, utility or authentication. */
export function consentTarget(header: string): ConsentTarget | null {
  const key = headerKey(header);
  const words = headerWords(header);
  if (!CONSENT.test(key) && !words.some((word) => CONSENT_WORDS.has(word))) return null;
  if (OPT_OUT.test(key)) return null;
  const part = words.some((word) => SOURCE_WORDS.has(word))
    ? 'source'
    : words.some((word) => DATE_WORDS.has(word))
      ? 'date'
      : 'status';
  const channel = saysWhatsApp(header)
    ? 'whatsapp'
    : key.includes('email') || words.some((word) => EMAIL_WORDS.has(word))
      ? 'email'
      : words.some((word) => SMS_WORDS.has(word))
        ? 'sms'
        : 'whatsapp';
  const purpose = UTILITY.test(key)
    ? 'utility'
    : AUTHENTICATION.test(key) || words.includes('otp')
      ? 'authentication'
      : 'marketing';
  return { kind: 'consent', part, channel, purpose };
}
