import { createDraft } from '../draft';
import { DEFAULT_RULESET } from '../default-ruleset';
import type { ReviewContext } from '../types';
import { sanitise as sut } from './sanitise';

const context: ReviewContext = { authorRole: 'patient', authorVerified: false, placement: 'post', locale: 'en-US', anonymous: false };
const run = (text: string) => sut(createDraft(text), context, DEFAULT_RULESET);

describe('sanitise', () => {
  it('removes HTML tags and keeps their text', () => {
    const draft = run('<p>My <b>knee</b> hurts</p>');
    expect(draft.text).toBe('My knee hurts');
    expect(draft.findings.map((f) => f.kind)).toContain('markup.html');
  });

  it('removes script and style elements with their content', () => {
    expect(run('a<script>alert(1)</script>b<STYLE>p{}</STYLE>c').text).toBe('abc');
  });

  it('removes an unclosed script element and everything after it', () => {
    expect(run('hello <script>steal()').text).toBe('hello ');
  });

  it('removes event-handler tags and HTML comments', () => {
    expect(run('x<img src=x onerror=alert(1)>y<!-- hidden -->z').text).toBe('xyz');
  });

  it('leaves no tag start behind when a tag is never closed', () => {
    expect(run('see <img src=x onerror=alert(1)').text).not.toMatch(/<[a-z]/i);
  });

  it('does not decode entities, so encoded markup stays inert text', () => {
    expect(run('&lt;script&gt;').text).toBe('&lt;script&gt;');
  });

  it('keeps comparisons that are not tags', () => {
    expect(run('BP < 120 and sugar > 90, <3').text).toBe('BP < 120 and sugar > 90, <3');
  });

  it('reduces javascript:, data: and vbscript: links to their text', () => {
    const draft = run('[one](javascript:alert(1)) [two](data:text/html;base64,xx) [three]( vbscript:x)');
    expect(draft.text).toBe('one two three');
    expect(draft.findings.filter((f) => f.kind === 'markup.unsafe_link')).toHaveLength(3);
  });

  it('reduces a link whose text holds brackets', () => {
    expect(run('[a [b] c](javascript:alert(1))').text).toBe('a [b] c');
  });

  it('removes a reference definition with an unsafe target', () => {
    const draft = run('see [x][1]\n[1]: javascript:alert(1)');
    expect(draft.text).not.toContain('javascript');
    expect(draft.findings.map((f) => f.rule)).toContain('markup.link.definition');
  });

  it('keeps a line that only looks like a reference definition, such as a placeholder and a colon', () => {
    expect(run('[id removed]: fever since Monday.').text).toBe('[id removed]: fever since Monday.');
    expect(run('[1]: //evil.example/x').text).toBe('');
  });

  it('keeps https links and the Markdown subset', () => {
    const text = '**bold** _it_ `code`\n- item\n> quote\n[WHO](https://who.int/a_(b))';
    expect(run(text).text).toBe(text);
  });

  it('points findings at the removed markup in the original', () => {
    const draft = run('ab<i>c');
    expect(draft.findings[0].span).toEqual({ start: 2, end: 5 });
  });
});
