// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderText, spanMismatches } from './highlight';
import { claimAt, spanAt } from './testdata';

function render(text: string, claims: Parameters<typeof renderText>[1]) {
  const div = document.createElement('div');
  div.appendChild(renderText(text, claims));
  return div;
}

describe('renderText', () => {
  it('marks each claim with its kind and speaker, keeping the text whole', () => {
    const text = 'Intro. “We count on our partners,” Poznikhir said. The end.';
    const claim = claimAt(text, '“We count on our partners,”', {
      kind: 'direct',
      speaker: {
        id: 1,
        name: 'Viktor Poznikhir',
        role: 'Lieutenant-General',
        organisation: 'Russian general staff',
        kind: 'person',
        mention: spanAt(text, 'Poznikhir'),
      },
      cue: spanAt(text, 'said'),
    });
    const div = render(text, [claim]);
    expect(div.textContent).toBe(text);
    const marks = div.querySelectorAll('mark');
    expect(marks).toHaveLength(1);
    const mark = marks[0]!;
    expect(mark.textContent).toBe('“We count on our partners,”');
    expect(mark.className).toBe('hl kind-direct');
    expect(mark.dataset.claim).toBe(String(claim.id));
    expect(mark.title).toContain('Viktor Poznikhir');
    expect(div.querySelector(`[data-mention="${claim.id}"]`)?.textContent).toBe('Poznikhir');
    expect(div.querySelector(`[data-cue="${claim.id}"]`)?.textContent).toBe('said');
  });

  it('uses code point offsets across emoji and NBSP', () => {
    const text = '🇸🇾 Report\u00a0😀: “Aid 𝐀 came,” he said.';
    const claim = claimAt(text, '“Aid 𝐀 came,”');
    // The offsets really are code points, not UTF-16 units.
    expect(claim.content.start).toBe(Array.from(text.slice(0, text.indexOf('“'))).length);
    expect(claim.content.start).toBeLessThan(text.indexOf('“'));
    const div = render(text, [claim]);
    expect(div.querySelector('mark')?.textContent).toBe('“Aid 𝐀 came,”');
    expect(div.textContent).toBe(text);
    expect(spanMismatches(text, [claim])).toEqual([]);
  });

  it('never nests marks when claims overlap', () => {
    const text = 'He said that the talks were “a failure” and would end.';
    const outer = claimAt(text, 'the talks were “a failure” and would end', { kind: 'mixed' });
    const inner = claimAt(text, '“a failure”', { kind: 'direct' });
    const div = render(text, [outer, inner]);
    expect(div.querySelector('mark mark')).toBeNull();
    const marks = [...div.querySelectorAll('mark')];
    expect(marks.map((m) => m.textContent)).toEqual(['the talks were ', '“a failure”', ' and would end']);
    expect(marks.map((m) => m.dataset.claim)).toEqual([outer.id, inner.id, outer.id].map(String));
    expect(marks[1]!.dataset.claims).toBe(`${inner.id} ${outer.id}`);
    expect(marks[1]!.className).toContain('kind-direct');
    expect(div.textContent).toBe(text);
  });

  it('highlights only the pieces of an interrupted quotation', () => {
    const text = '“We are ready,” he said, “to work together.”';
    const first = spanAt(text, '“We are ready,”');
    const second = spanAt(text, '“to work together.”');
    const claim = claimAt(text, text, {
      content: { start: first.start, end: second.end, text, spans: [[first.start, first.end], [second.start, second.end]] },
      cue: spanAt(text, 'said'),
    });
    const div = render(text, [claim]);
    expect([...div.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['“We are ready,”', '“to work together.”']);
    expect(div.querySelector(`[data-cue="${claim.id}"]`)?.textContent).toBe('said');
    expect(div.textContent).toBe(text);
  });

  it('keeps hostile markup as text', () => {
    const text = 'A <script>window.__pwned=1</script><img src=x onerror="window.__pwned=1"> B';
    const claim = claimAt(text, '<img src=x onerror="window.__pwned=1">', {
      speaker: { id: 1, name: '<b>x</b>', role: '', organisation: '', kind: 'person', mention: null },
    });
    const div = render(text, [claim]);
    expect(div.querySelector('script')).toBeNull();
    expect(div.querySelector('img')).toBeNull();
    expect(div.querySelector('b')).toBeNull();
    expect(div.textContent).toBe(text);
    expect(div.querySelector('mark')?.title).toContain('<b>x</b>');
  });

  it('survives offsets past the end of the text', () => {
    const text = 'short';
    const claim = claimAt(text, 'short');
    claim.content = { start: 2, end: 40, text: 'ort' };
    const div = render(text, [claim]);
    expect(div.querySelector('mark')?.textContent).toBe('ort');
    expect(spanMismatches(text, [claim])).toEqual([]);
    claim.content = { start: 1, end: 3, text: 'nope' };
    expect(spanMismatches(text, [claim])).toEqual([claim]);
  });

  it('gives an unknown kind a neutral class', () => {
    const text = 'abc';
    const claim = claimAt(text, 'b', { kind: 'rumour' as never });
    expect(render(text, [claim]).querySelector('mark')?.className).toBe('hl kind-unknown');
  });
});
