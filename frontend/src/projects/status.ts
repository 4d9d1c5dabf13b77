// A project's status: its order in the project's life, the colour of its tag and the buttons that
// move it on (the server says where it may go, in nextStatuses; this file says how to word it).
import type { ProjectStatus } from '../api/types';

/** Every status, in the order of a project's life. */
export const PROJECT_STATUSES: readonly ProjectStatus[] = ['draft', 'recruiting', 'inProgress', 'completed', 'evaluated', 'cancelled'];

/** What the project list shows when no status is chosen: the projects still alive. */
export const DEFAULT_STATUSES: readonly ProjectStatus[] = ['draft', 'recruiting', 'inProgress', 'completed'];

export function isProjectStatus(value: unknown): value is ProjectStatus {
  return typeof value === 'string' && (PROJECT_STATUSES as readonly string[]).includes(value);
}

/** Naive UI tag types, so that a status reads the same everywhere. */
export type StatusTagType = 'default' | 'info' | 'primary' | 'success' | 'warning' | 'error';

export const STATUS_TAG_TYPES: Record<ProjectStatus, StatusTagType> = {
  draft: 'default',
  recruiting: 'warning',
  inProgress: 'info',
  completed: 'success',
  evaluated: 'primary',
  cancelled: 'error',
};

/** How a button moving the project on looks: the way forward, a step back, or cancelling. */
export type StatusActionKind = 'forward' | 'back' | 'cancel';

export interface StatusAction {
  to: ProjectStatus;
  kind: StatusActionKind;
  /** Key under projects.actions in the locale files. */
  labelKey: string;
  /** Whether to ask first (cancelling is undone only by starting over as a draft). */
  confirm: boolean;
}

function rank(status: ProjectStatus): number {
  return PROJECT_STATUSES.indexOf(status);
}

/** The key of the button's text: most moves have a name of their own ("Ouvrir le recrutement"). */
function labelKey(from: ProjectStatus, to: ProjectStatus): string {
  if (to === 'cancelled') return 'cancel';
  if (from === 'cancelled') return 'restore';
  const named: Partial<Record<`${ProjectStatus}>${ProjectStatus}`, string>> = {
    'draft>recruiting': 'openRecruiting',
    'recruiting>draft': 'backToDraft',
    'recruiting>inProgress': 'start',
    'inProgress>recruiting': 'reopenRecruiting',
    'inProgress>completed': 'complete',
    'completed>inProgress': 'resume',
    'completed>evaluated': 'markEvaluated',
  };
  return named[`${from}>${to}`] ?? `to.${to}`;
}

/**
 * The buttons for the moves the server allows from `from` (unknown statuses left out): the way
 * forward first, then steps back, cancelling last.
 */
export function statusActions(from: ProjectStatus, next: readonly string[] | null | undefined): StatusAction[] {
  const order: Record<StatusActionKind, number> = { forward: 0, back: 1, cancel: 2 };
  return (next ?? [])
    .filter(isProjectStatus)
    .filter((to) => to !== from)
    .map((to): StatusAction => {
      const kind: StatusActionKind =
        to === 'cancelled' ? 'cancel' : from === 'cancelled' || rank(to) > rank(from) ? 'forward' : 'back';
      return { to, kind, labelKey: labelKey(from, to), confirm: to === 'cancelled' };
    })
    .sort((a, b) => order[a.kind] - order[b.kind] || rank(a.to) - rank(b.to));
}

/** The statuses a project form may offer: any for a new project, else where it is and where it may go. */
export function statusChoices(current: ProjectStatus | null, next: readonly string[] | null | undefined): ProjectStatus[] {
  if (current === null) return [...PROJECT_STATUSES];
  const allowed = new Set<string>([current, ...(next ?? [])]);
  return PROJECT_STATUSES.filter((s) => allowed.has(s));
}
