import { detectPii } from './index';
import { found } from './spec-helpers';

const sut = (text: string) => found(detectPii, text);

describe('e-mail addresses', () => {
  it('redacts a plain address', () => {
    expect(sut('mail priya.sharma84@gmail.com now')).toEqual([['pii.email', 'priya.sharma84@gmail.com']]);
  });

  it('redacts an address with a punycode domain', () => {
    expect(sut('a@xn--d1acufc.xn--p1ai')).toEqual([['pii.email', 'a@xn--d1acufc.xn--p1ai']]);
  });

  it('redacts "name dot surname at gmail dot com"', () => {
    expect(sut('send to rahul dot verma at gmail dot com please')).toEqual([['pii.email', 'rahul dot verma at gmail dot com']]);
  });

  it('redacts bracketed [at] and (dot) forms', () => {
    expect(sut('anita [at] yahoo [dot] co [dot] in')).toEqual([['pii.email', 'anita [at] yahoo [dot] co [dot] in']]);
    expect(sut('sunil.k(at)rediffmail(dot)com')).toEqual([['pii.email', 'sunil.k(at)rediffmail(dot)com']]);
  });

  it('redacts an ABHA address as a health id', () => {
    expect(sut('ABHA address rahulverma@abdm ok')).toEqual([['pii.abha', 'rahulverma@abdm']]);
  });

  it('keeps an address without a top-level domain and ordinary "at"', () => {
    expect(sut('my email is info@presidio.')).toEqual([]);
    expect(sut('I take it at night with food')).toEqual([]);
  });
});
