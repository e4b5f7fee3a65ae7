import { describe, expect, it } from 'vitest';
import { assigneeText, mineText } from './review';

describe('assigneeText', () => {
  const ines = { id: 2, name: 'Inès', email: 'ines@example.org' };
  it('says whose the article is, from the reviewer’s side', () => {
    expect(assigneeText(null, 2)).toBe('Not assigned');
    expect(assigneeText(undefined, null)).toBe('Not assigned');
    expect(assigneeText(ines, 2)).toBe('Assigned to you');
    expect(assigneeText(ines, 3)).toBe('Assigned to Inès');
    expect(assigneeText(ines, null)).toBe('Assigned to Inès');
  });
});

describe('mineText', () => {
  it('counts the reviewer’s own part only when there is one', () => {
    expect(mineText({ reviewed: 1, total: 9 })).toBe('');
    expect(mineText({ reviewed: 1, total: 9, mine: { reviewed: 0, total: 0 } })).toBe('');
    expect(mineText({ reviewed: 1, total: 9, mine: { reviewed: 1, total: 4 } })).toBe('assigned to you: 1 of 4 reviewed');
  });
});
