import { registerDecorator, type ValidationOptions } from 'class-validator';
// Mozilla's list of the most common passwords (Firefox Accounts), checked case-insensitively.
import * as commonPasswords from 'fxa-common-password-list';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/**
 * NIST SP 800-63B §5.1.1.2: length limits and a blocklist of common passwords, no composition rules.
 * https://pages.nist.gov/800-63-3/sp800-63b.html#memsecret
 */
export function isCommonPassword(password: string): boolean {
  return commonPasswords.test(password) || commonPasswords.test(password.toLowerCase());
}

export function IsNotCommonPassword(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNotCommonPassword',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'password is too common; choose another', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && !isCommonPassword(value) },
    });
}
