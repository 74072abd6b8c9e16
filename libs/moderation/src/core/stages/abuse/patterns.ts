import { atWordStart } from '../alternation';
import { wordPattern } from '../words';

/** Link starts; bare domains are left to privacy (pii.url), which redacts them anyway. */
export const LINK_START = /\bhttps?:\/\/|\bwww\./g;

/** A physician steering readers to a private, paid channel: the platform's answers must stay in the open. */
export const PROMOTION = wordPattern(atWordStart([
  `(?:visit|come to|walk into|drop by|drop in at|walk in to) (?:my|our) (?:clinic|hospital|centre|center|practice|chamber|dispensary|nursing home|office)\\b`,
  `(?:book|fix|schedule|take|get) (?:an |a |your )?(?:appointment|consultation|consult|slot|session)s? (?:with me|at my|at our|on my|through my|via my|in my)\\b`,
  `(?:dm|pm|inbox|whatsapp|text|ping|email|mail) me\\b`,
  `(?:message|contact|call) me (?:for|to|on|at|privately)\\b`,
  `call (?:my|our) (?:clinic|hospital|office|receptionist|assistant|number|helpline)\\b`,
  `consult me\\b`,
  `my (?:clinic|chamber|hospital)(?:'s)? (?:is|at|in|timings?|number|address|phone)\\b`,
  `(?:follow|subscribe to) (?:me|my (?:channel|page|account))\\b`,
  `my (?:youtube|instagram|insta|facebook|fb) (?:channel|page|account)\\b`,
  `(?:discount|offer) (?:on|for) (?:consultations?|treatment|packages?)\\b`,
  `first consultation (?:is )?free\\b`,
]));
