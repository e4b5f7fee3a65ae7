import { describe, expect, it } from 'vitest';
import { moveEnd } from './highlight';

describe('moveEnd', () => {
  const span = { start: 10, end: 20 };
  it('moves one end and leaves the other', () => {
    expect(moveEnd(span, 'start', 4, 50)).toEqual({ start: 4, end: 20 });
    expect(moveEnd(span, 'start', 15, 50)).toEqual({ start: 15, end: 20 });
    expect(moveEnd(span, 'end', 30, 50)).toEqual({ start: 10, end: 30 });
    expect(moveEnd(span, 'end', 11, 50)).toEqual({ start: 10, end: 11 });
  });
  it('keeps at least one code point', () => {
    expect(moveEnd(span, 'start', 20, 50)).toEqual({ start: 19, end: 20 });
    expect(moveEnd(span, 'start', 45, 50)).toEqual({ start: 19, end: 20 });
    expect(moveEnd(span, 'end', 10, 50)).toEqual({ start: 10, end: 11 });
    expect(moveEnd(span, 'end', 2, 50)).toEqual({ start: 10, end: 11 });
  });
  it('stays inside the text', () => {
    expect(moveEnd(span, 'start', -5, 50)).toEqual({ start: 0, end: 20 });
    expect(moveEnd(span, 'end', 99, 50)).toEqual({ start: 10, end: 50 });
    expect(moveEnd({ start: 0, end: 1 }, 'end', 0, 1)).toEqual({ start: 0, end: 1 });
  });
  it('takes whole code points', () => {
    expect(moveEnd(span, 'end', 12.7, 50)).toEqual({ start: 10, end: 12 });
    expect(moveEnd(span, 'start', Number.NaN, 50)).toEqual({ start: 0, end: 20 });
  });
});
