import type { Channel, ChannelSettingsInput } from '../../api/types';
import { DEFAULT_OPT_IN_KEYWORDS, DEFAULT_OPT_OUT_KEYWORDS } from '../../../../src/shared/whatsapp-schemas';
import { formatKeywords, parseKeywords } from './keyword-list';

/** A write-only secret as edited: what was typed (empty: keep as it is) or a request to remove it. */
export interface SecretDraft {
  typed: string;
  remove: boolean;
}

/** The secrets of a channel. */
export const SECRET_FIELDS = ['accessToken', 'appSecret', 'verifyToken'] as const;
/** One of the channel's secrets. */
export type SecretField = (typeof SECRET_FIELDS)[number];

/** The channel settings form's values. */
export interface ChannelDraft {
  phoneNumberId: string;
  displayNumber: string;
  wabaId: string;
  graphUrl: string;
  graphVersion: string;
  secrets: Record<SecretField, SecretDraft>;
  optOutKeywords: string;
  optInKeywords: string;
}

const untouched = (): SecretDraft => ({ typed: '', remove: false });

/** The form's starting values: the connected channel's, or blanks with the default keywords. */
export function channelDraftOf(channel: Channel | null): ChannelDraft {
  return {
    phoneNumberId: channel?.phoneNumberId ?? '',
    displayNumber: channel?.displayNumber ?? '',
    wabaId: channel?.wabaId ?? '',
    graphUrl: channel?.graphUrl ?? '',
    graphVersion: channel?.graphVersion ?? '',
    secrets: { accessToken: untouched(), appSecret: untouched(), verifyToken: untouched() },
    optOutKeywords: formatKeywords(channel?.optOutKeywords ?? DEFAULT_OPT_OUT_KEYWORDS),
    optInKeywords: formatKeywords(channel?.optInKeywords ?? DEFAULT_OPT_IN_KEYWORDS),
  };
}

/** The PUT body: blanks left out, a secret sent only when typed (null when removed), keywords as lists. */
export function channelSettingsOf(draft: ChannelDraft): ChannelSettingsInput {
  const body: ChannelSettingsInput = {
    phoneNumberId: draft.phoneNumberId.trim(),
    displayNumber: draft.displayNumber.trim(),
    wabaId: draft.wabaId.trim() || null,
    optOutKeywords: parseKeywords(draft.optOutKeywords),
    optInKeywords: parseKeywords(draft.optInKeywords),
  };
  if (draft.graphUrl.trim()) body.graphUrl = draft.graphUrl.trim();
  if (draft.graphVersion.trim()) body.graphVersion = draft.graphVersion.trim();
  for (const field of SECRET_FIELDS) {
    const secret = draft.secrets[field];
    if (secret.remove) body[field] = null;
    else if (secret.typed.trim()) body[field] = secret.typed.trim();
  }
  return body;
}

/** Problems the server would report, found before sending: field → message. */
export function channelDraftProblems(draft: ChannelDraft): Partial<Record<string, string>> {
  const problems: Partial<Record<string, string>> = {};
  if (!/^\d{5,20}$/.test(draft.phoneNumberId.trim()))
    problems.phoneNumberId = 'The numeric phone number ID from Meta (5 to 20 digits)';
  if (draft.displayNumber.trim().length < 3) problems.displayNumber = 'The number customers write to';
  if (draft.wabaId.trim() && !/^\d{5,20}$/.test(draft.wabaId.trim()))
    problems.wabaId = 'The numeric WhatsApp Business Account ID (5 to 20 digits)';
  if (draft.graphUrl.trim() && !/^https?:\/\/\S+$/.test(draft.graphUrl.trim()))
    problems.graphUrl = 'A web address starting with https://';
  if (draft.graphVersion.trim() && !/^v\d+\.\d+$/.test(draft.graphVersion.trim()))
    problems.graphVersion = 'Looks like v21.0';
  return problems;
}
