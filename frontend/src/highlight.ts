// Renders an article's text with its claims marked. The text is added as
// text nodes only (it is hostile input), cut into flat segments so that
// overlapping claims never nest elements.

import type { Claim } from './api';
import { h } from './dom';
import { claimTitle } from './format';
import { kindClass } from './kinds';
import { CodePoints } from './offsets';
import { marksOf, segments } from './segments';

/**
 * renderText returns the text as a fragment in which every piece covered by
 * a claim is a <mark class="hl kind-…" data-claims="…" data-claim="…">. The
 * innermost claim (data-claim) decides the colour and receives clicks;
 * data-claims lists every claim covering the piece. Cue and speaker mention
 * pieces carry data-cue / data-mention so the selected claim can show them.
 */
export function renderText(text: string, claims: readonly Claim[]): DocumentFragment {
  const cp = new CodePoints(text);
  const byId = new Map(claims.map((c) => [c.id, c]));
  const frag = document.createDocumentFragment();

  for (const seg of segments(cp.length, marksOf(claims))) {
    const piece = cp.slice(seg.start, seg.end);
    const roles = {
      'data-cue': seg.cue.length ? seg.cue.join(' ') : null,
      'data-mention': seg.mention.length ? seg.mention.join(' ') : null,
    };
    const primary = seg.content[0] !== undefined ? byId.get(seg.content[0]) : undefined;
    if (primary) {
      frag.appendChild(
        h(
          'mark',
          {
            class: `hl ${kindClass(primary.kind)}`,
            'data-claim': primary.id,
            'data-claims': seg.content.join(' '),
            title: seg.content.map((id) => byId.get(id)).filter((c) => c !== undefined).map(claimTitle).join('\n'),
            ...roles,
          },
          piece,
        ),
      );
    } else if (roles['data-cue'] || roles['data-mention']) {
      frag.appendChild(h('span', { class: 'role', ...roles }, piece));
    } else {
      frag.appendChild(document.createTextNode(piece));
    }
  }
  return frag;
}

/** spanMismatches lists claims whose content.text differs from the text at their offsets. */
export function spanMismatches(text: string, claims: readonly Claim[]): Claim[] {
  const cp = new CodePoints(text);
  return claims.filter((c) => c.content.text !== undefined && cp.slice(c.content.start, c.content.end) !== c.content.text);
}
