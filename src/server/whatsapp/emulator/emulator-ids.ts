import { randomBytes, randomInt } from 'node:crypto';

/** A new message id shaped like the Cloud API's (`wamid.` and base64). */
export function newMessageId(): string {
  return `wamid.HBgL${randomBytes(30).toString('base64')}`;
}

/** A new numeric id like the Graph API gives media (16 digits, as a string). */
export function newNumericId(): string {
  return `${randomInt(1, 10)}${String(randomInt(0, 1e8)).padStart(8, '0')}${String(randomInt(0, 1e7)).padStart(7, '0')}`;
}

/** The current time in Unix seconds as a string, as webhooks carry timestamps. */
export function unixSeconds(): string {
  return String(Math.floor(Date.now() / 1000));
}
