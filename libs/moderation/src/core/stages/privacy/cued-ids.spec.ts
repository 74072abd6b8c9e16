import { detectCuedIds } from './cued-ids';
import type { PiiMatch } from './pii';

const sut = (text: string): string[] => {
  const out: PiiMatch[] = [];
  detectCuedIds(text, text.toLowerCase(), out);
  return out.map((m) => `${m.kind}:${text.slice(m.start, m.end)}`);
};

describe('cued alphanumeric ids', () => {
  it('redacts a hospital number with letters and dashes after UHID', () => {
    expect(sut('UHID: MH-2023-004512. Discharged')).toEqual(['pii.medical_record:MH-2023-004512']);
  });

  it('redacts a slashed policy number and a member id', () => {
    expect(sut('policy no. P/211114/01/2024/004321 denied')).toEqual(['pii.health_plan:P/211114/01/2024/004321']);
    expect(sut('member id XKG882301 under')).toEqual(['pii.health_plan:XKG882301']);
  });

  it('redacts a council prefix with its registration number', () => {
    expect(sut('KMC Reg. No. KMC 112233, cardiologist')).toEqual(['pii.licence:KMC 112233']);
  });

  it('redacts a device serial number', () => {
    expect(sut('serial number PMK-558812-X implanted')).toEqual(['pii.device:PMK-558812-X']);
  });

  it('keeps a cue followed by words or a year', () => {
    expect(sut('the policy is good')).toEqual([]);
    expect(sut('policy 2019 changed')).toEqual([]);
  });
});
