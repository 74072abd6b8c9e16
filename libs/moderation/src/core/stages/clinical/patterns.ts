import { atWordStart } from '../alternation';
import { wordPattern } from '../words';

/**
 * Patterns for the clinical-claims stage, run on the folded (lower-case) text. Every quantifier is
 * bounded and no group is quantified, so matching stays linear however the text is built.
 */

const ADVERB = '(?:(?:definitely|definately|definitly|clearly|certainly|surely|obviously|probably|most likely|likely|already|undoubtedly|also) )?';

/** Language that tells the reader what they have. Most need a condition word in the few words that follow. */
export const DIAGNOSIS = wordPattern(atWordStart([
  `(?:you|u) ${ADVERB}(?:have|hav|hve|hv|have got|got|are having|r having)\\b`,
  `(?:you've|youve|you have) ${ADVERB}(?:got|developed|contracted|caught)\\b`,
  `(?:you've|youve)\\b`,
  `(?:you are|you're|youre|you r|u r|ur|you) ${ADVERB}(?:suffering from|suffering with|showing (?:classic |typical |clear )?(?:signs|symptoms) of|in the early stages of)\\b`,
  `(?:you're|youre|you are|u r|ur) ${ADVERB}(?:diabetic|prediabetic|pre-diabetic|anaemic|anemic|hypertensive|hypothyroid|hyperthyroid|asthmatic|pregnant|allergic to|deficient in|infected)\\b`,
  `(?:this|it|that)(?: is|'s|s| looks| sounds| seems)(?: like)? (?:definitely|definately|definitly|defintely|clearly|certainly|surely|obviously|100%|undoubtedly|for sure|almost certainly|most definitely|without doubt)\\b`,
  `(?:this|it|that)(?: is|'s) (?:a |an )?(?:classic|typical|textbook|clear|obvious) (?:case|sign|presentation|picture) of\\b`,
  `(?:is|are) (?:definitely|definately|clearly|certainly|surely|obviously|undoubtedly|100%) (?:a |an )?`,
  `(?:no doubt|without a doubt|for sure|definitely|100%)[,:]? (?:it's|its|it is|this is|that's|thats|this looks like|it looks like)`,
  `your (?:symptoms|reports?|results?|test results|x-?ray|scan|mri|ct|ecg|blood test|blood work|labs?|sugar levels?|values|pictures?|photos?|rash|description) (?:clearly |definitely |strongly )?(?:confirms?|indicates?|shows?|proves?|suggests?|means?|points? to|is consistent with|are consistent with|are typical of|is typical of|matches|match)\\b`,
  `i (?:can|could) (?:tell|see|say)(?: that)? (?:(?:you|u)(?: have|'ve| are|'re| got)|(?:it|this)(?: is|'s))\\b`,
  `my diagnosis (?:is|would be)\\b`,
  `(?:aapko|apko|aap ko|tumko|tumhe|tumhein|aapke|apke|apki|aapki)\\b`,
]));

/** "…is definitely X" without "this/it": only a diagnosis when the condition follows at once. */
export const SUBJECTLESS = /^(?:is|are) /;

/** A diagnosis phrase that is itself conclusive, without a condition word after it. */
export const CONCLUSIVE =
  /^(?:i (?:can|could)|my diagnosis)|(?:confirms?|proves?|case of|sign of|presentation of|picture of|suffering from|suffering with|signs of|symptoms of|stages of|diabetic|anaemic|anemic|hypertensive|hypothyroid|hyperthyroid|asthmatic|pregnant|allergic to|deficient in|infected)$/;

/** Words before "you have" that make it a condition, question or hedge rather than a statement. */
export const DIAGNOSIS_HEDGE =
  /\b(?:if|when|whenever|whether|unless|do|does|did|once|until|before|after|case|those who|anyone who|people who|someone who|not saying|doesn't mean|does not mean|don't think|do not think|can't say|cannot say|possible|possibly|may|might|could|unlikely|rule out|check|test for|to see|not sure|unless|because|since)\b[^.!?\n]{0,30}$/;

/** Words right after "you have" that are not about a condition ("you have to…", "you have any…"). */
export const NOT_A_CONDITION = /^ ?(?:to|been|any|a few|questions?|a question|an option|a choice|a right|the right|a lot of|time|options|nothing|no|not|done|tried|taken|mentioned|described|asked|said|important|better|best|worth|wise|safe|unsafe|good|bad|true|possible|needed|necessary|essential|helpful|harmless|normal|fine|okay|ok)\b/;

/** Hinglish diagnosis: "aapko typhoid hai". */
export const HINGLISH_COPULA = /\b(?:hai|he|h|hain|ho gaya|ho gayi|hua hai|hui hai)\b/;

/** Imperative verbs; the stage keeps those that open a sentence or follow a lead word ("please take…"). */
export const IMPERATIVE_VERB = wordPattern(atWordStart([
  `(?:take|tk|start|begin|give|use|apply|inject|continue|try|pop|chew|swallow|instill|put|add|keep taking|keep using)\\b`,
]));

/** What may come right before an imperative: a sentence or list opening, or a lead word. */
export const IMPERATIVE_LEAD = /(?:[.!?\n;:,()*-] {0,3}|\b(?:please|pls|plz|just|then|so|and|also|now|immediately|kindly|simply|ok|okay|first|meanwhile)\s)$/;

/** Instructions addressed to the reader. */
export const INSTRUCTION = wordPattern(atWordStart([
  `(?:you|u) (?:should|must|need to|needs to|have to|can|could|may|will need to|ought to|should also|must also|should start|should continue|can also) (?:take|start|begin|use|apply|inject|continue|try|give|be started on|be put on|get on|go on)\\b`,
  `i(?: would| will|'d|'ll)? (?:recommend|suggest|advise|prescribe)\\b`,
  `i(?:'m| am)? (?:prescribing|putting you on|starting you on)\\b`,
  `my (?:advice|suggestion|recommendation|prescription) (?:is|would be|:)`,
  `(?:better|best) to (?:take|start)\\b`,
  `(?:le lo|lelo|le le|le lena|le lijiye|lijiye|lijie|lena|lein|khao|khaiye|kha lo|khana hai|lena hai|lete rahe|lete rahiye|shuru karo|shuru kijiye|shuru kar do|start karo|start kar do|start kijiye|lagao|lagaiye)\\b`,
]));

export const DOSE = wordPattern(
  /\b\d{1,5}(?:[.,]\d{1,3})? {0,2}(?:mg|mcg|ug|g|gm|gms|grams?|ml|iu|units?|u|tabs?|tablets?|caps?|capsules?|puffs?|drops?|sachets?|teaspoons?|tsp|tablespoons?|tbsp)\b|\b(?:one|two|three|half|1\/2|a|an) (?:tablet|tab|capsule|cap|puff|pill|spoon|teaspoon|sachet|drop)s?\b/g,
);

export const FREQUENCY = wordPattern(atWordStart([
  `(?:once|twice|thrice|three times|four times|two times|[1-4] times|[1-4]x)(?: a| per| in a)? (?:day|daily|week|weekly|night)\\b`,
  `(?:od|bd|bid|tds|tid|qid|qds|hs|sos|prn|stat|qhs|q[1-9]h|q1[02]h)\\b`,
  `[0-2]-[0-2]-[0-2]\\b`,
  `every [1-9]\\d? ?(?:hours|hrs|hr|h)\\b`,
  `(?:daily|nightly|at night|at bedtime|before bed|in the morning|every morning|every night|after (?:food|meals|breakfast|lunch|dinner)|before (?:food|meals|breakfast|lunch|dinner)|on an empty stomach|empty stomach|khali pet|khane ke baad|khane se pehle|subah shaam|raat ko|roz|din (?:me|mein|main) (?:ek|do|teen|char) (?:baar|bar))\\b`,
  `(?:for|x) [1-9]\\d? ?(?:days|weeks|months|din)\\b`,
]));

/** A change of therapy: needs a medicine or drug right after (checked by the stage). */
export const CHANGE = wordPattern(atWordStart([
  `(?:stop|stp|discontinue|quit|skip|cut down|cut out|taper|taper off|come off|get off|go off|hold)(?: taking| using)?(?: your| the| all| all your| this| that| these| those| my| it| them)?\\b`,
  `(?:increase|decrease|reduce|lower|raise|halve|double|triple|up|cut|adjust)(?: your| the)\\b`,
  `(?:switch|change)(?: your| the)?(?: [a-z]{2,20})? (?:to|with)\\b`,
  `(?:start|get|put you|put him|put her|put them|start you|start him|start her|go)(?: taking)? on\\b`,
  `start taking\\b`,
]));

/** Hinglish therapy change after the object: "metformin band kar do". */
export const HINGLISH_CHANGE = wordPattern(/\b(?:band|bandh|chhod|chod|kam|badha|badhao|double)(?: kar| kr)?(?: do|dijiye|de|dein|karo)\b/g);

export const NEGATION_BEFORE = /\b(?:never|don't|dont|do not|not|without|shouldn't|should not|avoid|no need to|unless|before you|mat|nahi|na)\b[^.!?\n]{0,12}$/;

/** Someone else changes the therapy ("your doctor may increase your dose"): information, not an instruction. */
export const OTHER_AGENT = /\b(?:doctor|doctors|physician|cardiologist|endocrinologist|specialist|gp|they|he|she)(?: may| might| can| could| will| would| usually| often)\b/;

/** Third-person, general framing: how a drug is used, not what this reader should do. */
export const GENERAL =
  /\b(?:usually|typically|commonly|generally|often|normally|standard|is started|are started|is given|are given|is prescribed|are prescribed|is used|are used|is taken|are taken|is available|patients|people|adults|children|kids|most|many|some|guidelines?|studies|research|the usual|usual dose|doses? (?:of|for|is|are|range)|can be|is recommended|are recommended|recommended dose|maximum|max dose|should not exceed|ranges?|brand|brands|contains|is a|is an|someone|a person|anyone|typical|the usual|first choice|everyone|everybody|advised|not advised|no longer)\b/;
