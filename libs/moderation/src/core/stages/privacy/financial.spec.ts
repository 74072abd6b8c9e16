import { detectPii } from './index';
import { found } from './spec-helpers';

const sut = (text: string) => found(detectPii, text);

describe('IBANs and wallets', () => {
  it('redacts an IBAN that passes mod-97, spaced or not', () => {
    expect(sut('IBAN DE89 3704 0044 0532 0130 00 for donations')).toEqual([['pii.iban', 'DE89 3704 0044 0532 0130 00']]);
    expect(sut('AL47212110090000000235698741 ALL CAPS')).toEqual([['pii.iban', 'AL47212110090000000235698741']]);
  });

  it('keeps an IBAN with a wrong check digit', () => {
    expect(sut('AL47 2121 1009 0000 0002 3569 8740')).toEqual([]);
  });

  it('redacts base58 and bech32 bitcoin addresses', () => {
    expect(sut('send to 1BoatSLRHtKNngkdXEeobR76b53LETtpyT now')).toEqual([['pii.crypto', '1BoatSLRHtKNngkdXEeobR76b53LETtpyT']]);
    expect(sut('bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq')).toEqual([['pii.crypto', 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq']]);
  });

  it('keeps a base58-shaped string whose checksum fails', () => {
    expect(sut('16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ2')).toEqual([]);
  });
});
