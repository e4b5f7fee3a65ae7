// Offsets over the API count Unicode code points (as the W3C Web Annotation
// TextPositionSelector does); JavaScript strings index UTF-16 code units.
// They differ after any character outside the Basic Multilingual Plane
// (emoji, many CJK extensions), so every offset from the API goes through
// CodePoints before it touches a string or the DOM.

/** CodePoints maps code point offsets into one text to UTF-16 indexes. */
export class CodePoints {
  readonly text: string;
  /** utf16[i] is the UTF-16 index of code point i; utf16[length] = text.length. */
  private readonly utf16: Uint32Array;

  constructor(text: string) {
    this.text = text;
    const starts: number[] = [];
    for (let i = 0; i < text.length; i++) {
      starts.push(i);
      const c = text.charCodeAt(i);
      // A high surrogate followed by a low one is one code point. A lone
      // surrogate counts as one, as Array.from and for..of count it.
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) i++;
      }
    }
    starts.push(text.length);
    this.utf16 = Uint32Array.from(starts);
  }

  /** The number of code points in the text. */
  get length(): number {
    return this.utf16.length - 1;
  }

  /**
   * The UTF-16 index of code point offset cp. Offsets outside the text are
   * clamped to it, so a bad span shows as much as it can instead of throwing.
   */
  toUtf16(cp: number): number {
    const i = Math.min(Math.max(Math.trunc(cp) || 0, 0), this.length);
    return this.utf16[i]!;
  }

  /** The code point offset of UTF-16 index u (rounded down inside a pair). */
  fromUtf16(u: number): number {
    const target = Math.min(Math.max(Math.trunc(u) || 0, 0), this.text.length);
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.utf16[mid]! <= target) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The text between two code point offsets, end exclusive. */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
}
