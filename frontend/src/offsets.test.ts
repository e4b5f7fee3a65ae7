import { describe, expect, it } from 'vitest';
import { CodePoints } from './offsets';

describe('CodePoints', () => {
  it('is the identity on ASCII', () => {
    const cp = new CodePoints('hello');
    expect(cp.length).toBe(5);
    for (let i = 0; i <= 5; i++) expect(cp.toUtf16(i)).toBe(i);
    expect(cp.slice(1, 4)).toBe('ell');
  });

  it('counts a non-BMP character as one code point', () => {
    // 😀 is U+1F600: two UTF-16 units, one code point.
    const text = 'a😀b said “hi”';
    const cp = new CodePoints(text);
    expect(cp.length).toBe(Array.from(text).length);
    expect(cp.length).toBe(text.length - 1);
    expect(cp.slice(0, 1)).toBe('a');
    expect(cp.slice(1, 2)).toBe('😀');
    expect(cp.slice(2, 3)).toBe('b');
    expect(cp.toUtf16(2)).toBe(3);
    // Curly quotes are in the BMP: one unit each.
    expect(cp.slice(9, 13)).toBe('“hi”');
  });

  it('agrees with Array.from on every offset of a mixed text', () => {
    const text = '𝐀\u00a0x🇫🇷 e\u0301 中文 👩‍👩‍👧 z';
    const points = Array.from(text);
    const cp = new CodePoints(text);
    expect(cp.length).toBe(points.length);
    for (let s = 0; s <= points.length; s++) {
      for (let e = s; e <= points.length; e++) {
        expect(cp.slice(s, e)).toBe(points.slice(s, e).join(''));
      }
    }
  });

  it('keeps NBSP as one ordinary code point', () => {
    const text = 'Mr\u00a0Poznikhir said';
    const cp = new CodePoints(text);
    expect(cp.length).toBe(text.length);
    expect(cp.slice(3, 12)).toBe('Poznikhir');
    expect(cp.slice(2, 3)).toBe('\u00a0');
  });

  it('clamps offsets outside the text', () => {
    const cp = new CodePoints('a😀');
    expect(cp.toUtf16(-4)).toBe(0);
    expect(cp.toUtf16(99)).toBe(3);
    expect(cp.toUtf16(Number.NaN)).toBe(0);
    expect(cp.slice(1, 50)).toBe('😀');
  });

  it('counts a lone surrogate as one code point, like Array.from', () => {
    const text = 'a\ud800b\udc00c';
    const cp = new CodePoints(text);
    expect(cp.length).toBe(Array.from(text).length);
    expect(cp.slice(2, 3)).toBe('b');
  });

  it('maps UTF-16 indexes back to code points', () => {
    const cp = new CodePoints('😀😀x');
    expect(cp.fromUtf16(0)).toBe(0);
    expect(cp.fromUtf16(1)).toBe(0);
    expect(cp.fromUtf16(2)).toBe(1);
    expect(cp.fromUtf16(4)).toBe(2);
    expect(cp.fromUtf16(5)).toBe(3);
    expect(cp.fromUtf16(50)).toBe(3);
  });

  it('handles the empty text', () => {
    const cp = new CodePoints('');
    expect(cp.length).toBe(0);
    expect(cp.toUtf16(3)).toBe(0);
    expect(cp.slice(0, 1)).toBe('');
  });
});
