import { atWordStart } from '../alternation';
import { wordPattern } from '../words';

/**
 * Crisis language, matched on the folded text. Bounded quantifiers only; no quantified groups.
 * Deliberately NOT matched (figures of speech): "killing me" without "myself", "could die of
 * embarrassment", "dying to know/see", "killer headache", "heart attack" on its own ("my bill gave me a
 * heart attack"), "dead tired", "couldn't breathe from laughing" (past tense, no crisis verb form).
 * "Killer headache" stays out because the real warning sign is "the worst headache of my life".
 */

/** Self-harm and suicidal intent, each written as it follows a word boundary. */
const SELF_HARM_WORDS: readonly string[] = [
  `kill(?:ing)? ?my ?self\\b(?! laughing)`,
  `(?:end|ending|take|taking) (?:my (?:own )?life|it all|my own life)\\b`,
  `(?:want|wanna|wish|ready|deserve|decided|planning|plan|trying|tried|going) (?:to )?(?:just |really |fucking |literally |simply )?(?:die|be dead|commit suicide|end it|disappear forever)\\b(?! (?:my|her|his) hair)`,
  `unalive (?:my ?self|me)\\b`,
  `wish i (?:was|were|could be) dead\\b`,
  `wish i (?:had never been|was never|wasn't|were never) (?:born|alive)\\b`,
  `better off (?:dead|without me)\\b`,
  `(?:no reason|nothing left|nothing) to live for\\b`,
  `no reason to (?:live|go on)\\b`,
  `(?:don't|dont|do not) want to (?:live|be alive|exist|wake up|go on)\\b`,
  `(?:can't|cant|cannot) go on (?:anymore|any more|living|like this)\\b`,
  `(?:done with|tired of|sick of) (?:life|living|being alive)\\b`,
  `no point (?:in )?living\\b`,
  `suicid(?:e|al|ality)\\b(?! (?:prevention|awareness|squad|rates?|statistics|bomb|bomber|bombing|mission|doors))`,
  `self[- ]?harm(?:ing|ed)?\\b`,
  `(?:cut|cutting|hurt|hurting|harm|harming|burn|burning|hang|hanging|starve|starving) ?my ?self\\b`,
  `(?:cut|slit|slash) my (?:wrists?|arms?|veins?)\\b`,
  `jump(?:ing)? (?:off|from) (?:a|the|this|my) (?:bridge|building|roof|terrace|balcony|cliff)\\b`,
  `(?:take|took|swallow|swallowed|taking|swallowing|have taken) all (?:my|the|these|of my) (?:pills|tablets|sleeping pills|medicines?)\\b`,
  `(?:want to|wanna|wish i could|hope i|going to) (?:sleep and )?(?:never|not) wake up\\b`,
  `(?:kill|killing|hang|hanging|hurt|hurting|cut|cutting|harm|harming) ?(?:himself|herself|themselves|themself)\\b(?! laughing)`,
  `(?:khudkushi|khud khushi|aatmahatya|atmahatya|zindagi khatam|jaan de (?:dunga|dungi|du))\\b`,
  `(?:mar jaunga|mar jaungi|marna chahta|marna chahti|jeena nahi chahta|jeena nahi chahti|jina nahi chahta|jina nahi chahti)\\b`,
];

/** "I don't want to die" is fear, not intent. */
export const SELF_HARM_NEGATED = /\b(?:don't|dont|do not|never|not|didn't|did not|doesn't)\s{1,3}$/;
export const WANTS_TO_DIE = /^(?:want|wanna|wish|ready|deserve|decided|planning|plan|trying|tried|going)/;

export type EmergencyKind = 'stroke' | 'cardiac' | 'breathing' | 'poisoning' | 'bleeding' | 'unconscious' | 'headache';
export const EMERGENCY_KINDS: readonly EmergencyKind[] = ['stroke', 'cardiac', 'breathing', 'poisoning', 'bleeding', 'unconscious', 'headache'];

/** Emergency wording by kind, each written as it follows a word boundary. */
const EMERGENCY_WORDS: Record<EmergencyKind, readonly string[]> = {
  // stroke (FAST: face, arm, speech)
  stroke: [
    `(?:face|mouth|smile) (?:is |has |looks )?(?:drooping|droopy|dropping|fallen|twisted|crooked|lopsided|uneven)\\b`,
    `drooping (?:face|mouth)\\b`,
    `slurr(?:ed|ing) (?:speech|words|his words|her words|his speech|her speech)\\b`,
    `speech is slurred\\b`,
    `(?:can't|cant|cannot|unable to) (?:lift|raise|move) (?:his|her|my|their) (?:arm|leg|hand)\\b`,
    `sudden (?:weakness|numbness) (?:on|in|of) (?:one|the left|the right|his|her|my)\\b`,
    `(?:having|is having|might be having|think (?:he's|she's|i'm|he is|she is|i am) having) a stroke\\b`,
    `(?:showing|has|having) (?:signs|symptoms) of (?:a )?stroke\\b`,
  ],
  // cardiac: chest pain; radiation is checked by the stage
  cardiac: [
    `chest (?:pain|pressure|tightness|heaviness|discomfort)\\b`,
    `(?:pain|pressure|tightness|heaviness) in (?:my|his|her|the) chest\\b`,
    `(?:seene|chhati|chaati) (?:me|mein|main) dard\\b`,
    `(?:having|is having|think (?:he's|she's|i'm|he is|she is|i am) having) a heart attack\\b`,
  ],
  // breathing
  breathing: [
    `(?:can't|cant|cannot|can not|unable to|struggling to|not able to) breathe?\\b`,
    `(?:not|stopped|isn't|is not) breathing\\b`,
    `gasping for (?:air|breath)\\b`,
    `lips (?:are |turning |look |have gone )?(?:blue|bluish|purple)\\b`,
    `turning blue\\b`,
    `is choking\\b`,
    `throat is (?:closing|swelling)\\b`,
    `saans nahi (?:aa rahi|aa raha|le pa)\\b`,
  ],
  // poisoning and overdose; the object is checked by the stage for swallow/drink verbs
  poisoning: [
    `overdos(?:e|ed|ing)\\b`,
    `od'd\\b`,
    `(?:whole|entire|full) (?:bottle|strip|pack|packet) of\\b`,
    `(?:swallowed|drank|drunk|ate|consumed|has taken|took)\\b`,
    `(?<!food )poisoned\\b`,
    `snake ?bite\\b`,
    `bitten by a snake\\b`,
    `(?:zeher|jahar|keetnashak) (?:kha|pi)\\b`,
  ],
  // severe bleeding
  bleeding: [
    `bleeding (?:heavily|a lot|badly|profusely|nonstop|non-stop|non stop|uncontrollably|won't stop|wont stop|will not stop|that won't stop|and won't stop|everywhere)\\b`,
    `(?:won't|wont|will not|doesn't|does not|can't|cant|cannot) stop (?:the )?bleeding\\b`,
    `blood (?:everywhere|is gushing|gushing|spurting|pouring)\\b`,
    `(?:vomiting|throwing up|coughing up|spitting up) (?:a lot of )?blood\\b`,
    `(?:lost|losing) a lot of blood\\b`,
    `khoon (?:ruk nahi|band nahi)\\b`,
  ],
  // unconscious, unresponsive, seizure
  unconscious: [
    `(?:unconscious|unresponsive|behosh)\\b`,
    `(?:won't|wont|will not|doesn't|does not|isn't|is not) (?:wake up|waking up|responding)\\b`,
    `(?:can't|cant|cannot) wake (?:him|her|them|my)\\b`,
    `passed out and (?:won't|wont|isn't|is not|not|can't)\\b`,
    `(?:has|just|suddenly) collapsed\\b`,
    `collapsed and\\b`,
    `hosh nahi\\b`,
    `seizure (?:won't|wont|will not|isn't|is not) stop`,
    `(?:seizure|fit|fits|convulsions?) for (?:over |more than )?\\d{1,2} (?:minutes|mins)\\b`,
  ],
  // sudden severe headache (possible bleed in the brain)
  headache: [
    `worst headache of (?:my|his|her) life\\b`,
    `thunderclap headache\\b`,
    `sudden (?:severe|excruciating) headache\\b`,
  ],
};

/** One scan for everything: most texts match nothing, so this pass is the stage's whole cost. */
export const CRISIS = wordPattern(atWordStart([...SELF_HARM_WORDS, ...EMERGENCY_KINDS.flatMap((k) => EMERGENCY_WORDS[k])]));

/** Which family a CRISIS match came from: the first of these that matches where it starts. */
export const SELF_HARM_AT = new RegExp(`(?:${SELF_HARM_WORDS.join('|')})`, 'y');
export const EMERGENCY_AT: ReadonlyArray<readonly [EmergencyKind, RegExp]> = EMERGENCY_KINDS.map((k) => [k, new RegExp(`(?:${EMERGENCY_WORDS[k].join('|')})`, 'y')]);


/** Chest pain is an emergency sign when it spreads or comes with sweating or breathlessness. */
export const CARDIAC_COMPANION =
  /\b(?:arm|arms|jaw|shoulder|neck|back|sweat|sweating|sweaty|breathless|short of breath|shortness of breath|nausea|vomiting|dizzy|faint|crushing|radiat\w{0,6}|spread\w{0,4}|heart attack|haath|jabda)\b/;

/** What makes swallowing or drinking something an emergency. */
export const POISON_OBJECT =
  /\b(?:bleach|poison|pesticide|insecticide|rat poison|rat killer|kerosene|phenyl|phenol|acid|toilet cleaner|harpic|button battery|battery|batteries|mercury|weed killer|sleeping pills|all (?:my|his|her|the|of (?:my|his|her|the)) (?:pills|tablets|medicines?)|[1-9]\d{0,2} (?:pills|tablets|sleeping pills)|[1-9]\d{0,2} [a-z]{3,15} (?:pills|tablets)|whole (?:bottle|strip|pack))\b/;
export const SWALLOW_VERB = /^(?:swallowed|drank|drunk|ate|consumed|has taken|took)$/;

/** Someone real, here and now: education about warning signs ("if someone's face droops…") has none. */
export const PERSON =
  /\b(?:i|i'm|im|i've|my|me|we|our|us|he|she|his|her|him|they|them|mom|mum|mother|dad|father|papa|mummy|husband|wife|son|daughter|baby|child|kid|brother|sister|friend|grandma|grandpa|grandmother|grandfather|nani|dadi|nana|dada|uncle|aunt|neighbour|neighbor|mere|meri|mera|mujhe|unko|unhe|maa|bhai|behen|beta|beti)\b/;

/** Questions and conditions ("what should I do if my dad has a stroke") are not a crisis happening now. */
export const HYPOTHETICAL_BEFORE = /\b(?:if|in case|what if|whether|how to|how do|how can|how would|when someone)\b[^.!?\n]{0,60}$/;

/** A past event, not one happening now ("his snake bite follow-up", "a stroke two years ago"). */
export const PAST_AFTER = /^[^.!?\n]{0,40}\b(?:follow-up|follow up|followup|last (?:week|month|year)|(?:days|weeks|months|years) ago|in the past|recovered)\b/;

/** Denials close before the words: "no chest pain", "he isn't bleeding heavily". */
export const DENIAL_BEFORE = /\b(?:no|not|never|without|denies|denied|didn't|don't|isn't|wasn't|doesn't)\b[^.!?\n]{0,12}$/;
