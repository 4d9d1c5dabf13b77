import { describe, expect, it } from 'vitest';
import { DEFAULT_STATUSES, PROJECT_STATUSES, STATUS_TAG_TYPES, isProjectStatus, statusActions, statusChoices } from './status';

describe('project status actions', () => {
  it('name each move the server allows, the way forward first and cancelling last', () => {
    expect(statusActions('recruiting', ['draft', 'inProgress', 'cancelled'])).toEqual([
      { to: 'inProgress', kind: 'forward', labelKey: 'start', confirm: false },
      { to: 'draft', kind: 'back', labelKey: 'backToDraft', confirm: false },
      { to: 'cancelled', kind: 'cancel', labelKey: 'cancel', confirm: true },
    ]);
  });

  it('cover the whole workflow with named buttons', () => {
    const label = (from: Parameters<typeof statusActions>[0], to: string) => statusActions(from, [to])[0]?.labelKey;
    expect(label('draft', 'recruiting')).toBe('openRecruiting');
    expect(label('inProgress', 'completed')).toBe('complete');
    expect(label('inProgress', 'recruiting')).toBe('reopenRecruiting');
    expect(label('completed', 'evaluated')).toBe('markEvaluated');
    expect(label('completed', 'inProgress')).toBe('resume');
  });

  it('offer taking a cancelled project up again as the way forward', () => {
    expect(statusActions('cancelled', ['draft'])).toEqual([{ to: 'draft', kind: 'forward', labelKey: 'restore', confirm: false }]);
  });

  it('leave out unknown statuses, staying put, and an evaluated project’s empty list', () => {
    expect(statusActions('draft', ['recruiting', 'archived', 'draft']).map((a) => a.to)).toEqual(['recruiting']);
    expect(statusActions('evaluated', null)).toEqual([]);
  });
});

describe('project statuses', () => {
  it('hide evaluated and cancelled projects by default', () => {
    expect(DEFAULT_STATUSES).toEqual(['draft', 'recruiting', 'inProgress', 'completed']);
    expect(PROJECT_STATUSES.every((s) => STATUS_TAG_TYPES[s])).toBe(true);
  });

  it('are recognised', () => {
    expect(isProjectStatus('inProgress')).toBe(true);
    expect(isProjectStatus('in-progress')).toBe(false);
    expect(isProjectStatus(undefined)).toBe(false);
  });

  it('offered by the form: all for a new project, else the current one and where it may go', () => {
    expect(statusChoices(null, null)).toEqual(PROJECT_STATUSES);
    expect(statusChoices('recruiting', ['cancelled', 'draft', 'inProgress'])).toEqual(['draft', 'recruiting', 'inProgress', 'cancelled']);
    expect(statusChoices('evaluated', [])).toEqual(['evaluated']);
  });
});
