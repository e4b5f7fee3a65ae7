// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { h } from './dom';
import { CodePoints } from './offsets';
import { lineAround, selectRange, selectionIn, sentenceAfter, trimSpan, utf16At, wordStep } from './textpos';

const pts = (s: string) => Array.from(s);

describe('wordStep', () => {
  const text = pts('He said: “we 😀 will go” today.');
  it('moves to the end of the next word and the start of the previous one', () => {
    expect(wordStep(text, 0, 1)).toBe(2);
    expect(wordStep(text, 2, 1)).toBe(7);
    expect(wordStep(text, 7, -1)).toBe(3);
    expect(wordStep(text, 3, -1)).toBe(0);
    expect(wordStep(text, 0, -1)).toBe(0);
    expect(wordStep(text, text.length, 1)).toBe(text.length);
  });
  it('counts code points, so an emoji is one step by character', () => {
    const at = text.indexOf('😀');
    expect(wordStep(text, at, 1, 'char')).toBe(at + 1);
  });
});

describe('spans of text', () => {
  it('trims white space at both ends', () => {
    expect(trimSpan(pts('  ab  '), 0, 6)).toEqual({ start: 2, end: 4 });
  });
  it('finds the sentence after a position', () => {
    const t = pts('One two. Three four! Five');
    expect(sentenceAfter(t, 8)).toEqual({ start: 9, end: 20 });
    expect(sentenceAfter(t, 20)).toEqual({ start: 21, end: 25 });
  });
  it('finds the line around a span', () => {
    const t = pts('Title\n\nFirst para here.\nSecond.');
    expect(lineAround(t, 9, 12)).toEqual({ start: 7, end: 23 });
  });
});

describe('selection offsets', () => {
  it('maps DOM positions across marks to code points and back', () => {
    const text = 'A 😀 “quote” here';
    const root = h('div', null, 'A 😀 ', h('mark', null, '“quote”'), ' here');
    document.body.appendChild(root);
    const cp = new CodePoints(text);
    const mark = root.querySelector('mark')!;
    expect(utf16At(root, mark.firstChild!, 1)).toBe(6);
    selectRange(root, cp, 4, 11);
    expect(document.getSelection()!.toString()).toBe('“quote”');
    expect(selectionIn(root, cp)).toEqual({ start: 4, end: 11 });
  });
});
