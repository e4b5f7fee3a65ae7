// The comparison matrix of a story, as the page shows it: one row per
// statement, one column per outlet, and in each cell what the outlet does
// with the statement. Pure: the API's comparison in, rows and labels out.

import type { ComparedOutlet, Comparison, ComparisonCell } from '../api';

/** What an outlet does with a statement. */
export type CellState = 'reports' | 'corroborates' | 'contradicts' | 'context' | 'absent';

export interface MatrixCell {
  outletId: number;
  outletName: string;
  state: CellState;
  /** Where the state comes from: a reviewer's evidence link, the machine's guess, or only the outlet carrying the statement. */
  source: 'reviewer' | 'suggested' | 'carried' | 'none';
  /** The outlet's article carries the statement. */
  reports: boolean;
  /** How many times the outlet's articles carry it. */
  appearances: number;
  /** The outlet's first appearance, for a link to it in its article; null when the outlet does not carry it. */
  claimId: number | null;
  articleId: number | null;
  /** The words the cell shows: readable without colour. */
  label: string;
  /** A longer description for a tooltip and screen readers. */
  description: string;
}

export interface MatrixRow {
  claimId: number;
  /** The article of the first appearance, when known. */
  articleId: number | null;
  text: string;
  kind: string;
  speaker: string;
  reports: number;
  corroborates: number;
  conflicts: number;
  cells: MatrixCell[];
}

export interface Matrix {
  columns: ComparedOutlet[];
  rows: MatrixRow[];
}

export const stateLabel: Record<CellState, string> = {
  reports: 'Reports',
  corroborates: 'Corroborates',
  contradicts: 'Contradicts',
  context: 'Context',
  absent: 'Not reported',
};

/** A symbol per state, so the cells differ in shape as well as colour. */
export const stateSymbol: Record<CellState, string> = {
  reports: '●',
  corroborates: '✓',
  contradicts: '✗',
  context: '◐',
  absent: '–',
};

/** stanceState maps an API stance to a cell state; unknown stances read as context. */
export function stanceState(stance: string): CellState {
  switch (stance) {
    case 'corroborates':
      return 'corroborates';
    case 'conflicts':
      return 'contradicts';
    default:
      return 'context';
  }
}

/**
 * cellState reads one cell: a reviewer's stance wins over the machine's
 * suggestion, which wins over merely carrying the statement.
 */
export function cellState(cell: ComparisonCell | undefined): { state: CellState; source: MatrixCell['source'] } {
  if (!cell) return { state: 'absent', source: 'none' };
  if (cell.stance) return { state: stanceState(cell.stance), source: 'reviewer' };
  if (cell.suggested?.stance) return { state: stanceState(cell.suggested.stance), source: 'suggested' };
  if (cell.reports) return { state: 'reports', source: 'carried' };
  return { state: 'absent', source: 'none' };
}

/**
 * articleOfClaim finds the article of one of the comparison's claims: from
 * the cells' article_ids, else from the outlet's only article in the story.
 */
export function articleOfClaim(cmp: Comparison, claimId: number): number | null {
  for (const row of cmp.statements) {
    for (const [outlet, cell] of Object.entries(row.cells)) {
      const i = cell.claim_ids?.indexOf(claimId) ?? -1;
      if (i < 0) continue;
      const id = cell.article_ids?.[i];
      if (id) return id;
      const theirs = cmp.articles.filter((a) => String(a.outlet_id) === outlet);
      return theirs.length === 1 ? theirs[0]!.id : null;
    }
  }
  return null;
}

function describe(outlet: string, state: CellState, source: MatrixCell['source'], reports: boolean, appearances: number): string {
  const carries = reports ? `${outlet} carries the statement${appearances > 1 ? ` (${appearances} times)` : ''}` : '';
  switch (source) {
    case 'none':
      return `${outlet} does not carry the statement`;
    case 'carried':
      return carries;
    case 'reviewer': {
      const s = `a reviewer linked ${outlet}’s report as ${state === 'contradicts' ? 'contradicting' : state === 'corroborates' ? 'corroborating' : 'context for'} it`;
      return carries ? `${carries}; ${s}` : s.charAt(0).toUpperCase() + s.slice(1);
    }
    case 'suggested': {
      const s = `its wording suggests it ${state === 'contradicts' ? 'contradicts' : state === 'corroborates' ? 'corroborates' : 'gives context to'} the first appearance (not reviewed)`;
      return carries ? `${carries}; ${s}` : s;
    }
  }
}

/** buildMatrix lays a comparison out as rows of cells in the order of its outlets. */
export function buildMatrix(cmp: Comparison): Matrix {
  const columns = cmp.outlets;
  const rows = cmp.statements.map((st): MatrixRow => {
    const cells = columns.map((o): MatrixCell => {
      const cell = st.cells[String(o.id)];
      const { state, source } = cellState(cell);
      const reports = cell?.reports ?? false;
      const appearances = cell?.claim_ids?.length ?? (reports ? 1 : 0);
      const claimId = cell?.claim_ids?.[0] ?? null;
      let articleId = cell?.article_ids?.[0] ?? null;
      if (claimId !== null && articleId === null) articleId = articleOfClaim(cmp, claimId);
      let label = stateLabel[state];
      if (source === 'suggested') label += ' (suggested)';
      else if (source === 'reviewer') label += ' (reviewed)';
      return {
        outletId: o.id,
        outletName: o.name,
        state,
        source,
        reports,
        appearances,
        claimId,
        articleId,
        label,
        description: describe(o.name, state, source, reports, appearances),
      };
    });
    return {
      claimId: st.claim_id,
      articleId: articleOfClaim(cmp, st.claim_id),
      text: st.text,
      kind: st.kind,
      speaker: st.speaker,
      reports: st.reports,
      corroborates: st.corroborates,
      conflicts: st.conflicts,
      cells,
    };
  });
  return { columns, rows };
}

/** claimHref links to a claim selected in its article, or to its statement when the article is unknown. */
export function claimHref(claimId: number, articleId: number | null): string {
  return articleId ? `/articles/${articleId}#claim-${claimId}` : `/statements/${claimId}`;
}

/** rowSummary says in words how outlets treat a statement. */
export function rowSummary(r: MatrixRow): string {
  const parts = [`${r.reports} outlet${r.reports === 1 ? '' : 's'} report${r.reports === 1 ? 's' : ''} it`];
  const contra = r.cells.filter((c) => c.state === 'contradicts').length;
  const corro = r.cells.filter((c) => c.state === 'corroborates').length;
  if (corro) parts.push(`${corro} corroborate${corro === 1 ? 's' : ''}`);
  if (contra) parts.push(`${contra} contradict${contra === 1 ? 's' : ''}`);
  return parts.join(' · ');
}
