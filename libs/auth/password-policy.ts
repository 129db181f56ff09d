// The 49,000 most common passwords of the zxcvbn-ts project's common dictionary (a maintained list, not typed here).
import { dictionary } from '@zxcvbn-ts/language-common';
import { InvalidInputError } from '../common/errors.js';
import { PASSWORD_MESSAGES } from './auth.messages.js';

const COMMON = new Set((dictionary as Record<string, string[]>)['passwords-common'].map((p) => p.toLowerCase()));

/** Lower case, upper case, digits, symbols (named in PASSWORD_MESSAGES.tooFewClasses). */
const CLASSES: RegExp[] = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];

/**
 * The password rule (等保 2.0 身份鉴别): at least `minLength` characters of at least three of
 * lower case, upper case, digits and symbols, not a common password, not containing the
 * account's email local part. The first rule broken is named in the 400.
 */
export function checkPassword(password: string, email: string, minLength: number): void {
  if (password.length < minLength) throw new InvalidInputError(PASSWORD_MESSAGES.tooShort(minLength, password.length));
  const present = CLASSES.filter((pattern) => pattern.test(password)).length;
  if (present < 3) throw new InvalidInputError(PASSWORD_MESSAGES.tooFewClasses(present));
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || COMMON.has(lower.replace(/[^a-z0-9]+$/, ''))) throw new InvalidInputError(PASSWORD_MESSAGES.tooCommon);
  const local = email.split('@')[0].toLowerCase();
  if (local.length >= 3 && lower.includes(local)) throw new InvalidInputError(PASSWORD_MESSAGES.containsEmail);
}
