import { eachAtWords, foldMatchesWords, sticky } from './anchored';
import type { PiiMatch } from './pii';
import { W, type Signals } from './signals';

/** URLs, bare domains, IPv4/IPv6 and MAC addresses: HIPAA Safe Harbor items (N) and (O). */

// Scheme or www. URLs: the host must have a dot and an alphabetic TLD; the rest runs to whitespace.
const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'`]{1,2000}/gi;
const URL_HOST_RE = /^(?:https?:\/\/)?(?:\[[0-9a-f:.]{2,45}\]|[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,8}\.(?:xn--[a-z0-9-]{1,59}|[a-z]{2,24}))(?::\d{1,5})?(?:[/?#]|$)/i;

/** Common generic and country TLDs seen in links people paste; bare words with a dot need one of these. */
const TLDS = new Set([
  'com', 'org', 'net', 'in', 'io', 'co', 'info', 'me', 'app', 'site', 'online', 'xyz', 'health', 'edu', 'gov', 'us', 'uk',
  'ly', 'gl', 'tv', 'biz', 'ai', 'dev', 'link', 'page', 'shop', 'store', 'blog', 'clinic', 'care', 'doctor', 'hospital',
  'webcam', 'vlaanderen', 'ca', 'au', 'de', 'fr', 'il', 'sg', 'ae', 'pk', 'bd', 'lk', 'np', 'nz', 'za', 'ru', 'jp', 'cn', 'gg', 'to',
]);
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'nic', 'res', 'gen', 'firm', 'ind']);

function isHostCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 46;
}

function trimUrlEnd(text: string, start: number, end: number): number {
  // sentence punctuation and unbalanced closing brackets are not part of the link
  while (end > start) {
    const c = text.charCodeAt(end - 1);
    if (c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 41 || c === 93 || c === 125 || c === 34 || c === 39) end--;
    else break;
  }
  return end;
}

function schemeUrls(text: string, out: PiiMatch[]): void {
  URL_RE.lastIndex = 0;
  for (let m = URL_RE.exec(text); m; m = URL_RE.exec(text)) {
    const start = m.index;
    const end = trimUrlEnd(text, start, start + m[0].length);
    const body = text.slice(start, end);
    // "www.microsoft" has no TLD: after "www." the host still needs its own dot
    const host = /^www\./i.test(body) ? body.slice(4) : body;
    if (!URL_HOST_RE.test(host)) continue;
    out.push({ kind: 'pii.url', rule: 'privacy.url.scheme', start, end });
  }
}

/** Whether lower-cased labels make a domain: a known TLD, or a country code under a known second level ("co.il"). */
function isDomain(labels: readonly string[]): boolean {
  const tld = labels[labels.length - 1];
  return (
    labels.length >= 2 &&
    labels.every((l) => l.length > 0 && l.length <= 63) &&
    /[a-z]/.test(labels[0]) &&
    (TLDS.has(tld) || (tld.length === 2 && labels.length >= 3 && SECOND_LEVEL.has(labels[labels.length - 2])))
  );
}

/** "microsoft.com", "google.co.il", "priyaclinic.in/book": scanned from each dot, one pass. */
function bareDomains(text: string, out: PiiMatch[]): void {
  const n = text.length;
  let dot = text.indexOf('.');
  let floor = 0;
  while (dot >= 0) {
    const before = dot > 0 ? text.charCodeAt(dot - 1) : 0;
    const after = dot + 1 < n ? text.charCodeAt(dot + 1) : 0;
    const letterAfter = (after >= 97 && after <= 122) || (after >= 65 && after <= 90);
    if (letterAfter && before !== 0 && isHostCode(before) && before !== 46) {
      let s = dot;
      while (s > floor && dot - s < 253 && isHostCode(text.charCodeAt(s - 1))) s--;
      let e = dot + 1;
      while (e < n && e - s < 253 && isHostCode(text.charCodeAt(e))) e++;
      while (e > dot && (text.charCodeAt(e - 1) === 46 || text.charCodeAt(e - 1) === 45)) e--;
      const prev = s > 0 ? text.charCodeAt(s - 1) : 32;
      // part of an e-mail, a path or a URL that the other scanners own
      if (prev !== 64 && prev !== 47 && prev !== 58) {
        const host = text.slice(s, e);
        // Most dots ("e.g.", "2.5mg", "end.Next") end in no TLD, and the last label alone says so: the
        // host is split into labels only when it can still be a domain.
        const tld = host.slice(host.lastIndexOf('.') + 1).toLowerCase();
        if ((TLDS.has(tld) || tld.length === 2) && isDomain(host.toLowerCase().split('.'))) {
          let end = e;
          if (end < n && text.charCodeAt(end) === 47) {
            while (end < n && end - s < 2000 && !/\s/.test(text[end])) end++;
            end = trimUrlEnd(text, s, end);
          }
          out.push({ kind: 'pii.url', rule: 'privacy.url.domain', start: s, end });
        }
      }
      floor = Math.max(e, dot + 1);
      dot = text.indexOf('.', floor);
      continue;
    }
    dot = text.indexOf('.', dot + 1);
  }
}

const OCTET = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;
const IPV4_RE = new RegExp(String.raw`(?<![\d.])${OCTET}(?:\.${OCTET}){3}(?:\/(?:3[0-2]|[12]?\d)(?!\d))?(?!\d)`, 'g');
const IPV4_FULL = new RegExp(String.raw`^${OCTET}(?:\.${OCTET}){3}$`);

function isHexCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

function validIpv6(s: string): boolean {
  if (s.length < 2) return false;
  let v4 = false;
  let body = s;
  const lastColon = s.lastIndexOf(':');
  if (s.indexOf('.', lastColon) > 0) {
    if (!IPV4_FULL.test(s.slice(lastColon + 1))) return false;
    body = s.slice(0, lastColon + 1) + '0:0';
    v4 = true;
  }
  const dbl = body.indexOf('::');
  if (dbl >= 0 && body.indexOf('::', dbl + 1) >= 0) return false;
  const parts = dbl >= 0 ? [body.slice(0, dbl), body.slice(dbl + 2)] : [body];
  let count = 0;
  for (const p of parts) {
    if (p === '') continue;
    for (const g of p.split(':')) {
      if (g.length === 0 || g.length > 4 || !/^[0-9a-f]+$/i.test(g)) return false;
      count++;
    }
  }
  if (dbl >= 0 ? count > 7 : count !== 8) return false;
  // "::1", "fe80::1" and similar are real addresses; bare "::" is not worth a placeholder
  return count >= 1 && (v4 || count >= 2 || /^::1$|^[0-9a-f]{1,4}::[0-9a-f]{1,4}$/i.test(s) || s === '::1');
}

function ipv6(text: string, out: PiiMatch[]): void {
  const n = text.length;
  let i = text.indexOf(':');
  while (i >= 0) {
    // expand to the run of hex digits, colons and dots around this colon
    let s = i;
    while (s > 0 && i - s < 45 && (isHexCode(text.charCodeAt(s - 1)) || text.charCodeAt(s - 1) === 58 || text.charCodeAt(s - 1) === 46)) s--;
    let e = i;
    while (e < n && e - s < 64 && (isHexCode(text.charCodeAt(e)) || text.charCodeAt(e) === 58 || text.charCodeAt(e) === 46)) e++;
    while (e > i && text.charCodeAt(e - 1) === 46) e--;
    while (s < i && text.charCodeAt(s) === 46) s++;
    const before = s > 0 ? text.charCodeAt(s - 1) : 32;
    let end = e;
    let after = end < n ? text.charCodeAt(end) : 32;
    if (after === 37) {
      // zone id: fe80::1%eth0
      let z = end + 1;
      while (z < n && z - end < 16 && /[a-z0-9]/i.test(text[z])) z++;
      if (z > end + 1) end = z;
      after = end < n ? text.charCodeAt(end) : 32;
    }
    const cand = text.slice(s, e);
    const letterTouch = /[g-z_]/i.test(String.fromCharCode(before)) || /[g-z_]/i.test(String.fromCharCode(after));
    // "fe80::/10": a prefix written with a trailing "::"
    const prefixOnly = after === 47 && cand.endsWith('::') && validIpv6(cand + '1');
    if (!letterTouch && cand.indexOf(':') >= 0 && (validIpv6(cand) || prefixOnly)) {
      if (after === 47) {
        let p = end + 1;
        while (p < n && p - end <= 3 && text.charCodeAt(p) >= 48 && text.charCodeAt(p) <= 57) p++;
        if (p > end + 1 && Number(text.slice(end + 1, p)) <= 128 && !(p < n && text.charCodeAt(p) >= 48 && text.charCodeAt(p) <= 57)) end = p;
      }
      out.push({ kind: 'pii.ip_address', rule: 'privacy.ip.v6', start: s, end });
    }
    i = text.indexOf(':', Math.max(e, i + 1));
  }
}

function ipv4(text: string, out: PiiMatch[]): void {
  IPV4_RE.lastIndex = 0;
  for (let m = IPV4_RE.exec(text); m; m = IPV4_RE.exec(text)) {
    out.push({ kind: 'pii.ip_address', rule: 'privacy.ip.v4', start: m.index, end: m.index + m[0].length });
  }
}

const MAC_RE = /(?<![0-9a-f:-])[0-9a-f]{2}([:-])[0-9a-f]{2}(?:\1[0-9a-f]{2}){4}(?![0-9a-f:-])/gi;
// Cisco notation: three dot-separated groups of four hex digits
const MAC_DOT_RE = /(?<![0-9a-f.])[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}(?![0-9a-f.])/gi;

function macs(text: string, re: RegExp, out: PiiMatch[]): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const hex = m[0].replace(/[:\-.]/g, '').toLowerCase();
    // all-zero and broadcast addresses identify no device
    if (hex === '000000000000' || hex === 'ffffffffffff') continue;
    out.push({ kind: 'pii.mac_address', rule: 'privacy.mac', start: m.index, end: m.index + m[0].length });
  }
}

// "@priya_fit", "insta: priya.fit", "my twitter is drpriya", "telegram pe @abc"
const HANDLE_CUE_RE =
  /\b(my\s)?(?:insta(?:gram)?|ig|twitter|tweet|x\.com|threads|fb|facebook|snap(?:chat)?|telegram|tiktok|linkedin|youtube|yt|handle|discord|reddit|koo)\b((?:\s{0,3}(?:handle|id|account|page|username|user|name|is|pe|par|hai|:|-|=)){0,4})\s{0,3}(@?)([a-z0-9_][a-z0-9_.]{1,29})/g;
const HANDLE_CUE_Y = sticky(HANDLE_CUE_RE);
const AT_HANDLE_RE = /(?<![a-z0-9_.@])@([a-z0-9_][a-z0-9_.]{1,29})(?![a-z0-9_@])/gi;
const NOT_HANDLES = new Set(['is', 'and', 'the', 'me', 'my', 'pe', 'hai', 'or', 'for', 'to', 'page', 'account', 'id', 'handle', 'so', 'also', 'only', 'please', 'plz', 'pls', 'dm', 'too']);

function handles(text: string, fold: string, sig: Signals, out: PiiMatch[]): void {
  if (sig.at) {
    AT_HANDLE_RE.lastIndex = 0;
    for (let m = AT_HANDLE_RE.exec(text); m; m = AT_HANDLE_RE.exec(text)) {
      if (/^\d/.test(m[1])) continue; // "@2pm", "@ 5 mg"
      let end = m.index + m[0].length;
      while (text.charCodeAt(end - 1) === 46) end--;
      out.push({ kind: 'pii.social_handle', rule: 'privacy.handle.at', start: m.index, end });
    }
  }
  if (!(sig.words & W.handle)) return;
  const visit = (m: RegExpExecArray): void => cuedHandle(m, out);
  // the platform word is a trigger word, at most three characters in ("my insta")
  if (foldMatchesWords(text)) eachAtWords(HANDLE_CUE_Y, sig.placed, W.handle, 3, fold, visit);
  else each(HANDLE_CUE_RE, fold, visit);
}

function cuedHandle(m: RegExpExecArray, out: PiiMatch[]): void {
  const h = m[4].replace(/\.+$/, '');
  if (NOT_HANDLES.has(h) || h.length < 3 || !/[a-z]/.test(h)) return;
  // "I can't handle this" or "read on facebook that…" are not handles: need a separator, an '@',
  // "my <platform>", or a handle-looking word
  const filler = m[2];
  const strong = m[3] === '@' || /[:=-]|id|handle|user|name|pe|par/.test(filler) || (m[1] !== undefined && filler.length > 0) || /[0-9_.]/.test(h);
  if (!strong) return;
  const end = m.index + m[0].length - (m[4].length - h.length);
  out.push({ kind: 'pii.social_handle', rule: 'privacy.handle.cued', start: end - h.length - m[3].length, end });
}

function each(re: RegExp, text: string, visit: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) visit(m);
}

export function detectWeb(text: string, fold: string, sig: Signals, out: PiiMatch[]): void {
  if (sig.words & W.web) schemeUrls(text, out);
  if (sig.innerDots > 0) bareDomains(text, out);
  if (sig.ipv4) ipv4(text, out);
  if (sig.colons >= 2) ipv6(text, out);
  if (sig.colons >= 5 || sig.dashes >= 5) macs(text, MAC_RE, out);
  if (sig.macDots) macs(text, MAC_DOT_RE, out);
  handles(text, fold, sig, out);
}
