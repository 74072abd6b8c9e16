import { PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  const sut = new PasswordHasher();

  it('hashes with argon2id at OWASP strength (m=19456 KiB, t=2)', async () => {
    const hash = await sut.hash('a long enough passphrase');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await sut.hash('a long enough passphrase');
    await expect(sut.verify(hash, 'a long enough passphrase')).resolves.toBe(true);
    await expect(sut.verify(hash, 'a long enough passphrasE')).resolves.toBe(false);
  });

  it('refuses every password when there is no account to check against', async () => {
    await expect(sut.verify(null, 'decoy-password-for-timing-no')).resolves.toBe(false);
  });
});
