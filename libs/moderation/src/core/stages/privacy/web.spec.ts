import { detectPii } from './index';
import { found } from './spec-helpers';

const sut = (text: string) => found(detectPii, text);

describe('links, handles and network addresses', () => {
  it('redacts http, https and www links without trailing punctuation', () => {
    expect(sut('see https://myblog.blogspot.com/2023/05/day-14.html.')).toEqual([['pii.url', 'https://myblog.blogspot.com/2023/05/day-14.html']]);
    expect(sut('Check www.sharmaclinic.in for timings')).toEqual([['pii.url', 'www.sharmaclinic.in']]);
  });

  it('redacts a bare domain with a known TLD and its path', () => {
    expect(sut('page facebook.com/anjali.mehta.9 has tips')).toEqual([['pii.url', 'facebook.com/anjali.mehta.9']]);
    expect(sut('my domains: microsoft.com google.co.il')).toEqual([['pii.url', 'microsoft.com'], ['pii.url', 'google.co.il']]);
  });

  it('keeps "www.microsoft" and abbreviations such as e.g. and i.e.', () => {
    expect(sut('www.microsoft')).toEqual([]);
    expect(sut('fruits, e.g. apples, i.e. fibre')).toEqual([]);
  });

  it('redacts an @handle and a handle named after a platform', () => {
    expect(sut('DM me @rohan_runs today')).toEqual([['pii.social_handle', '@rohan_runs']]);
    expect(sut('insta: priya_fitlife')).toEqual([['pii.social_handle', 'priya_fitlife']]);
    expect(sut('my twitter is drsneha_md')).toEqual([['pii.social_handle', 'drsneha_md']]);
  });

  it('keeps "handle" and "facebook" used as ordinary words', () => {
    expect(sut("I can't handle this pain")).toEqual([]);
    expect(sut('Read on facebook that turmeric helps')).toEqual([]);
  });

  it('redacts IPv4 and IPv6 addresses and keeps invalid octets, times and versions', () => {
    expect(sut('from 192.168.1.45 today')).toEqual([['pii.ip_address', '192.168.1.45']]);
    expect(sut('host 2001:db8::8a2e:370:7334')).toEqual([['pii.ip_address', '2001:db8::8a2e:370:7334']]);
    expect(sut('256.256.256.256')).toEqual([]);
    expect(sut('Time 12:34:56 and Version 1.2.3')).toEqual([]);
  });

  it('redacts a MAC address and keeps the broadcast address', () => {
    expect(sut('MAC 00:1A:2B:3C:4D:5E')).toEqual([['pii.mac_address', '00:1A:2B:3C:4D:5E']]);
    expect(sut('Broadcast: FF:FF:FF:FF:FF:FF')).toEqual([]);
  });
});
