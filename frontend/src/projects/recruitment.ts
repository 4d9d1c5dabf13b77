import type { Application, ApplicationStatus, MatchReason } from '../api/types';

/** The columns of a recruitment board, in order; accepted people form the team, shown apart. */
export const BOARD_COLUMNS = ['applied', 'shortlisted'] as const;
export type BoardColumn = (typeof BOARD_COLUMNS)[number];

export interface Board {
  applied: Application[];
  shortlisted: Application[];
  team: Application[];
  /** Declined and withdrawn applications: history, newest first. */
  closed: Application[];
}

/** Sorts applications into the board's columns, oldest first in each (first come, first seen). */
export function groupApplications(list: readonly Application[]): Board {
  const board: Board = { applied: [], shortlisted: [], team: [], closed: [] };
  const byDate = [...list].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || Number(a.id) - Number(b.id));
  for (const a of byDate) {
    switch (a.status) {
      case 'applied':
        board.applied.push(a);
        break;
      case 'shortlisted':
        board.shortlisted.push(a);
        break;
      case 'accepted':
        board.team.push(a);
        break;
      default:
        board.closed.push(a);
    }
  }
  board.closed.reverse();
  return board;
}

/**
 * The moves a coordinator is offered on a card, in the order buttons show them: forward first
 * (shortlist, accept), then the ways out (decline, withdrawn). Only moves the server allows
 * (nextStatuses) are offered.
 */
export function boardActions(a: Pick<Application, 'status' | 'nextStatuses'>): ApplicationStatus[] {
  const order: ApplicationStatus[] = ['shortlisted', 'accepted', 'applied', 'declined', 'withdrawn'];
  return order.filter((s) => s !== a.status && a.nextStatuses.includes(s));
}

/** Whether a move takes someone out of the running and deserves a confirmation. */
export function isClosingMove(status: ApplicationStatus): boolean {
  return status === 'declined' || status === 'withdrawn';
}

/** Splits match reasons into what speaks for the volunteer and what speaks against. */
export function splitReasons(reasons: readonly MatchReason[]): { pros: MatchReason[]; cons: MatchReason[] } {
  return { pros: reasons.filter((r) => r.positive), cons: reasons.filter((r) => !r.positive) };
}

/** The coverage line of a match: "2/3" needed skills held, or null when the project needs none. */
export function coverage(held: number, needed: number): string | null {
  return needed > 0 ? `${held}/${needed}` : null;
}

/** A 0–100 score as a bar width and a tone: strong from 67, fair from 34. */
export function scoreTone(score: number): 'strong' | 'fair' | 'weak' {
  if (score >= 67) return 'strong';
  if (score >= 34) return 'fair';
  return 'weak';
}
