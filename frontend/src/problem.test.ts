// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { fieldMessage, problemBox, problemOf } from './problem';

describe('fieldMessage', () => {
  it('reads a message that follows the field name as a sentence', () => {
    expect(fieldMessage('Text', 'is required')).toBe('Text is required');
    expect(fieldMessage('URL', 'Not a web address')).toBe('URL: Not a web address');
    expect(fieldMessage('', 'is required')).toBe('is required');
  });
});

describe('problemBox', () => {
  it('shows title, status, detail and field errors as text', () => {
    const box = problemBox(
      {
        type: 'about:blank',
        title: 'Unprocessable Entity',
        status: 422,
        detail: 'the article is not valid <b>really</b>',
        instance: '',
        errors: [
          { field: 'text', message: 'is required' },
          { field: '', message: 'Something else' },
        ],
      },
      (f) => (f === 'text' ? 'Text' : f),
    );
    expect(box.getAttribute('role')).toBe('alert');
    expect(box.querySelector('.problem-title')?.textContent).toBe('Unprocessable Entity (422)');
    expect(box.querySelector('.problem-detail')?.textContent).toBe('the article is not valid <b>really</b>');
    expect(box.querySelector('b')).toBeNull();
    expect([...box.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Text is required', 'Something else']);
  });
});

describe('problemOf', () => {
  it('keeps an API problem and wraps anything else', () => {
    const p = { type: 'about:blank', title: 'Not found', status: 404, detail: '', instance: '', errors: [] };
    expect(problemOf(new ApiError(p))).toBe(p);
    expect(problemOf(new Error('boom')).detail).toBe('boom');
    expect(problemOf('odd').title).toBe('Something went wrong');
  });
});
