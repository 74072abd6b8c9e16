import type { Locale, Notice } from './types';

/**
 * Every user-facing sentence the pipeline attaches, per locale, in one place so legal and clinical
 * reviewers read and change them together.
 */
interface Wording {
  disclaimer: string;
  crisis: string;
}

const WORDING: Record<Locale, Wording> = {
  'en-IN': {
    disclaimer:
      'This answer is general health information from a physician, not a diagnosis or a prescription. Consult a doctor who can examine you before acting on it.',
    crisis:
      'If you or someone near you is in danger or needs urgent medical help, call 112 now. For mental-health support, call Tele-MANAS on 14416 (free, 24×7).',
  },
  'en-US': {
    disclaimer:
      'This answer is general health information from a physician, not a diagnosis or a prescription. Talk to a doctor who can examine you before acting on it.',
    crisis:
      'If you or someone near you is in danger or needs urgent medical help, call 911 now. If you are thinking about suicide or are in emotional distress, call or text 988 (Suicide & Crisis Lifeline).',
  },
};

export function disclaimer(locale: Locale): string {
  return (WORDING[locale] ?? WORDING['en-IN']).disclaimer;
}

export function crisisNotice(locale: Locale): Notice {
  return { kind: 'crisis', text: (WORDING[locale] ?? WORDING['en-IN']).crisis };
}
