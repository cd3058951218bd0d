import { COMMON_PASSWORDS } from './common-passwords';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

/** Why a password was refused, or null when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string; username?: string } = {}): string | null {
  if (password.length < PASSWORD_MIN) return `must be at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `must be at most ${PASSWORD_MAX} characters`;
  if (!/\p{L}/u.test(password) || !/\p{N}/u.test(password)) return 'must contain letters and digits';
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return 'is too common';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if ((local && local.length >= 4 && lower.includes(local)) || (context.username && lower === context.username.toLowerCase())) {
    return 'must not contain your email or username';
  }
  return null;
}

export const isCommonPassword = (password: string) => COMMON_PASSWORDS.has(password.toLowerCase());
