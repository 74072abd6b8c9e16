import type { PiiKind, PiiMatch } from './pii';

/** When two detections overlap, which kind names the merged span. Checksummed ids beat guesses. */
const PRIORITY: Record<PiiKind, number> = {
  'pii.email': 95, 'pii.url': 90, 'pii.ip_address': 90, 'pii.mac_address': 90, 'pii.crypto': 90, 'pii.iban': 90, 'pii.gstin': 90,
  'pii.aadhaar': 85, 'pii.abha': 85, 'pii.card': 85, 'pii.ssn': 85, 'pii.pan': 85, 'pii.voter_id': 85, 'pii.passport': 85,
  'pii.licence': 80, 'pii.medical_record': 80, 'pii.health_plan': 80, 'pii.account': 80, 'pii.device': 80,
  'pii.phone': 75, 'pii.vehicle': 70, 'pii.date': 65, 'pii.age': 65, 'pii.address': 60, 'pii.postal_code': 55,
  'pii.social_handle': 50, 'pii.name': 40, 'pii.other_id': 30,
};

function beats(a: PiiMatch, b: PiiMatch): boolean {
  const la = a.end - a.start;
  const lb = b.end - b.start;
  // a span that contains the other names the whole (an address containing its PIN); otherwise priority
  if (a.start <= b.start && a.end >= b.end && la > lb) return true;
  if (b.start <= a.start && b.end >= a.end && lb > la) return false;
  return PRIORITY[a.kind] > PRIORITY[b.kind] || (PRIORITY[a.kind] === PRIORITY[b.kind] && la >= lb);
}

const PLACEHOLDER_RE = /\[[a-z ]{2,30} removed\]/g;

/**
 * Sorts, drops anything inside an existing placeholder (so redacting twice changes nothing), and
 * merges overlaps into their union so no part of any detection can survive.
 */
export function resolve(text: string, matches: PiiMatch[]): PiiMatch[] {
  if (matches.length === 0) return matches;
  let list = matches;
  if (text.indexOf(' removed]') >= 0) {
    const holes: Array<[number, number]> = [];
    PLACEHOLDER_RE.lastIndex = 0;
    for (let m = PLACEHOLDER_RE.exec(text); m; m = PLACEHOLDER_RE.exec(text)) holes.push([m.index, m.index + m[0].length]);
    if (holes.length > 0) list = list.filter((m) => !holes.some(([s, e]) => m.start < e && m.end > s));
  }
  if (list.length > 1) {
    // insertion sort: lists are short, and Array#sort's comparator calls cost more here
    for (let i = 1; i < list.length; i++) {
      const m = list[i];
      let j = i - 1;
      while (j >= 0 && (list[j].start > m.start || (list[j].start === m.start && list[j].end < m.end))) {
        list[j + 1] = list[j];
        j--;
      }
      list[j + 1] = m;
    }
  }
  const out: PiiMatch[] = [];
  for (const m of list) {
    if (m.end <= m.start) continue;
    const last = out[out.length - 1];
    if (last !== undefined && m.start < last.end) {
      const winner = beats(last, m) ? last : m;
      out[out.length - 1] = { kind: winner.kind, rule: winner.rule, start: last.start, end: Math.max(last.end, m.end) };
    } else {
      out.push(m);
    }
  }
  return out;
}
