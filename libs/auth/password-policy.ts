// The 49,000 most common passwords of the zxcvbn-ts project's common dictionary (a maintained list, not typed here).
import { dictionary } from '@zxcvbn-ts/language-common';
import { InvalidInputError } from '../common/errors.js';

const COMMON = new Set((dictionary as Record<string, string[]>)['passwords-common'].map((p) => p.toLowerCase()));

const CLASSES: Array<[RegExp, string]> = [
  [/[a-z]/, '小写字母'],
  [/[A-Z]/, '大写字母'],
  [/[0-9]/, '数字'],
  [/[^a-zA-Z0-9]/, '符号'],
];

/**
 * The password rule (等保 2.0 身份鉴别): at least `minLength` characters of at least three of
 * lower case, upper case, digits and symbols, not a common password, not containing the
 * account's email local part. The first rule broken is named in the 400.
 */
export function checkPassword(password: string, email: string, minLength: number): void {
  if (password.length < minLength) throw new InvalidInputError(`密码至少 ${minLength} 位（当前 ${password.length} 位）`);
  const present = CLASSES.filter(([pattern]) => pattern.test(password)).length;
  if (present < 3) throw new InvalidInputError(`密码须包含小写字母、大写字母、数字、符号中的至少三类（当前 ${present} 类）`);
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || COMMON.has(lower.replace(/[^a-z0-9]+$/, ''))) throw new InvalidInputError('密码过于常见（在常用密码列表中），请换一个');
  const local = email.split('@')[0].toLowerCase();
  if (local.length >= 3 && lower.includes(local)) throw new InvalidInputError('密码不能包含邮箱用户名');
}
