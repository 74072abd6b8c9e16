import type { ContentKind } from '@asclepia/database';

/**
 * What a new user sees on a fresh `npm start`: a few questions, answers and forum threads, all
 * written through the moderation pipeline like any user's text — so the demo also shows a phone
 * number redacted, a physician's disclaimer, an anonymous thread and a held prescription waiting
 * in the moderator's queue.
 */
export interface DemoItem {
  key: string;
  author: string;
  kind: ContentKind;
  title?: string;
  body: string;
  tags?: string[];
  anonymous?: boolean;
  /** Key of the question or thread this answers. */
  parent?: string;
  forum?: string;
}

export const DEMO_CONTENT: readonly DemoItem[] = [
  {
    key: 'q-bp',
    author: 'meera_k',
    kind: 'question',
    title: 'Is a blood pressure of 150/95 in the morning something to worry about?',
    body: 'My home monitor has shown readings around 150/95 every morning this week. I feel fine otherwise. My father had a stroke at 60. Should I see someone soon?',
    tags: ['hypertension', 'heart'],
  },
  {
    key: 'a-bp-doctor',
    author: 'dr_rao',
    kind: 'answer',
    parent: 'q-bp',
    body: 'Readings repeatedly above 140/90 deserve a proper check, especially with a family history of stroke. Keep a log of morning and evening readings for a week, measured after five minutes of rest, and take it to a physician who can examine you. Cutting down on salt and walking most days help most people.',
  },
  {
    key: 'a-bp-patient',
    author: 'johnny_h',
    kind: 'answer',
    parent: 'q-bp',
    body: 'I had the same numbers last year. A cheaper cuff gave me high readings — worth checking yours against the one at the clinic.',
  },
  {
    key: 'q-thyroid',
    author: 'johnny_h',
    kind: 'question',
    title: 'Thyroid tablets and breakfast: how long should I wait?',
    body: 'I take thyroxine every morning. Can I have tea right after? You can reach me at 98200 12345 if anyone wants to talk about it.',
    tags: ['thyroid', 'medication'],
  },
  {
    key: 'a-thyroid-held',
    author: 'dr_rao',
    kind: 'answer',
    parent: 'q-thyroid',
    body: 'You have hypothyroidism that is under-treated. Increase your thyroxine to 75 mcg daily and stop taking calcium.',
  },
  {
    key: 't-sleep',
    author: 'meera_k',
    kind: 'thread',
    forum: 'mental-health',
    anonymous: true,
    title: 'Night shifts and anxiety — what helped you?',
    body: 'I work night shifts at a call centre and my anxiety is worse in the week after a rotation. What has helped you sleep and stay calm?',
  },
  {
    key: 'p-sleep',
    author: 'johnny_h',
    kind: 'post',
    parent: 't-sleep',
    body: 'Blackout curtains and the same wake-up time on days off made the biggest difference for me. Talking to a counsellor helped too.',
  },
  {
    key: 't-walk',
    author: 'dr_rao',
    kind: 'thread',
    forum: 'health-education',
    title: 'Why 30 minutes of walking matters for your heart',
    body: 'Brisk walking for 30 minutes on most days lowers blood pressure and improves cholesterol for most adults. Start slowly if you have been inactive, and talk to your own doctor first if you have chest pain on exertion.',
  },
];
