import { isCommonPassword } from './password-policy';

describe('password policy', () => {
  it('flags passwords from the common-password list regardless of case', () => {
    expect(isCommonPassword('password1')).toBe(true);
    expect(isCommonPassword('PASSWORD1')).toBe(true);
    expect(isCommonPassword('iloveyou')).toBe(true);
  });

  it('accepts an uncommon passphrase', () => {
    expect(isCommonPassword('teal umbrella over the ghats')).toBe(false);
  });
});
