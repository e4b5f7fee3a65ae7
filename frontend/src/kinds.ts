import { type Kind, kinds } from './api';

/** The claim kinds in the order the legend shows them. */
export const kindOrder: readonly Kind[] = kinds;

export const kindLabel: Record<Kind, string> = {
  direct: 'Direct quote',
  indirect: 'Indirect',
  mixed: 'Mixed',
  assertion: 'Assertion',
  caption: 'Caption',
  headline: 'Headline',
};

export const kindHelp: Record<Kind, string> = {
  direct: 'A quotation in quote marks, attributed to a speaker',
  indirect: 'Reported speech: “X said that …”',
  mixed: 'Reported speech holding a partial quotation',
  assertion: 'The outlet’s own statement, attributed to nobody',
  caption: 'A photo caption or credit',
  headline: 'The headline or a section heading',
};

/** isKind tells a known kind from anything else a server might send. */
export function isKind(k: unknown): k is Kind {
  return typeof k === 'string' && (kinds as readonly string[]).includes(k);
}

/** kindClass is the CSS class for a kind; unknown kinds get a neutral one. */
export function kindClass(k: unknown): string {
  return isKind(k) ? `kind-${k}` : 'kind-unknown';
}
