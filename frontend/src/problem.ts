import { ApiError, type Problem, networkProblem } from './api';
import { h } from './dom';

/** problemOf turns anything thrown into a Problem to show. */
export function problemOf(err: unknown): Problem {
  if (err instanceof ApiError) return err.problem;
  return { ...networkProblem(err), title: 'Something went wrong', detail: err instanceof Error ? err.message : String(err) };
}

/** problemBox shows a problem (title, detail, field errors) as an alert. */
export function problemBox(p: Problem, fieldLabel: (field: string) => string = (f) => f): HTMLElement {
  return h(
    'div',
    { class: 'problem', role: 'alert', tabindex: -1 },
    h('p', { class: 'problem-title' }, p.title || 'Error', p.status ? ` (${p.status})` : ''),
    p.detail ? h('p', { class: 'problem-detail' }, p.detail) : null,
    p.errors.length
      ? h(
          'ul',
          { class: 'problem-errors' },
          ...p.errors.map((e) => h('li', null, e.field ? fieldMessage(fieldLabel(e.field), e.message) : e.message)),
        )
      : null,
  );
}

/**
 * fieldMessage joins a field's label and a server message about it. Messages
 * written to follow the field's name ("is required") read as a sentence
 * ("Text is required"); others get a colon ("URL: Not a web address").
 */
export function fieldMessage(label: string, message: string): string {
  if (!label) return message;
  return /^[a-z]/.test(message) ? `${label} ${message}` : `${label}: ${message}`;
}
