import { describe, expect, it } from 'vitest';
import { fieldName } from './new';

describe('fieldName', () => {
  it('reads the field a server error names, in any common spelling', () => {
    expect(fieldName('text')).toBe('text');
    expect(fieldName('/text')).toBe('text');
    expect(fieldName('body.published_at')).toBe('published_at');
    expect(fieldName('/body/url')).toBe('url');
    expect(fieldName('')).toBe('');
  });
});
