import type { FindingKind, Severity } from '../../types';

/** The privacy finding kinds: one per identifier kind, each with its own placeholder. */
export type PiiKind = Extract<FindingKind, `pii.${string}`>;

/** One detected identifier, in the coordinates of the text it was found in. */
export interface PiiMatch {
  kind: PiiKind;
  /** Stable rule id, e.g. `privacy.phone.in-mobile`. */
  rule: string;
  start: number;
  end: number;
}

/**
 * Placeholder wording lives here only. Each names its kind so a reader knows what was there, and none
 * contains a digit, '@', '.' or a capitalised word, so no detector can ever match a placeholder.
 */
export const PLACEHOLDERS: Record<PiiKind, string> = {
  'pii.name': '[name removed]',
  'pii.address': '[address removed]',
  'pii.postal_code': '[postal code removed]',
  'pii.date': '[date removed]',
  'pii.age': '[age removed]',
  'pii.phone': '[phone removed]',
  'pii.email': '[email removed]',
  'pii.social_handle': '[handle removed]',
  'pii.url': '[link removed]',
  'pii.ip_address': '[ip address removed]',
  'pii.mac_address': '[device address removed]',
  'pii.ssn': '[ssn removed]',
  'pii.medical_record': '[record number removed]',
  'pii.health_plan': '[policy number removed]',
  'pii.account': '[account removed]',
  'pii.card': '[card removed]',
  'pii.iban': '[account removed]',
  'pii.licence': '[licence removed]',
  'pii.vehicle': '[vehicle number removed]',
  'pii.device': '[device id removed]',
  'pii.aadhaar': '[id removed]',
  'pii.pan': '[id removed]',
  'pii.abha': '[health id removed]',
  'pii.passport': '[passport removed]',
  'pii.voter_id': '[id removed]',
  'pii.gstin': '[id removed]',
  'pii.crypto': '[wallet removed]',
  'pii.other_id': '[id removed]',
};

const HIGH: ReadonlySet<PiiKind> = new Set<PiiKind>([
  'pii.ssn', 'pii.card', 'pii.iban', 'pii.account', 'pii.aadhaar', 'pii.pan', 'pii.abha',
  'pii.passport', 'pii.voter_id', 'pii.licence', 'pii.gstin', 'pii.crypto', 'pii.medical_record', 'pii.health_plan',
]);

/** Government ids, cards and accounts can be abused directly, so they rank above contact details. */
export function severityOf(kind: PiiKind): Severity {
  return HIGH.has(kind) ? 'high' : 'medium';
}

export const MESSAGES: Record<PiiKind, string> = {
  'pii.name': 'A person\'s name was removed.',
  'pii.address': 'A street address or place below state level was removed.',
  'pii.postal_code': 'A postal (ZIP/PIN) code was removed.',
  'pii.date': 'A date tied to a person was removed.',
  'pii.age': 'An age over 89 was removed.',
  'pii.phone': 'A phone or fax number was removed.',
  'pii.email': 'An e-mail address was removed.',
  'pii.social_handle': 'A social media handle was removed.',
  'pii.url': 'A web address was removed.',
  'pii.ip_address': 'An IP address was removed.',
  'pii.mac_address': 'A hardware (MAC) address was removed.',
  'pii.ssn': 'A social security or tax id number was removed.',
  'pii.medical_record': 'A medical record number was removed.',
  'pii.health_plan': 'A health plan or policy number was removed.',
  'pii.account': 'A bank account number was removed.',
  'pii.card': 'A payment card number was removed.',
  'pii.iban': 'An IBAN was removed.',
  'pii.licence': 'A licence or registration number was removed.',
  'pii.vehicle': 'A vehicle registration number was removed.',
  'pii.device': 'A device serial number or IMEI was removed.',
  'pii.aadhaar': 'An Aadhaar number was removed.',
  'pii.pan': 'A PAN was removed.',
  'pii.abha': 'An ABHA health id was removed.',
  'pii.passport': 'A passport number was removed.',
  'pii.voter_id': 'A voter id (EPIC) was removed.',
  'pii.gstin': 'A GSTIN was removed.',
  'pii.crypto': 'A crypto wallet address was removed.',
  'pii.other_id': 'An identifying number was removed.',
};

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
