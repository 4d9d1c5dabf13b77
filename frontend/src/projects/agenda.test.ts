import { describe, expect, it } from 'vitest';
import type { Milestone, Task } from '../api/types';
import { assigneeName, isOverdue, isoDate, nextMilestones, progress, sortMilestones, sortTasks, todayISO } from './agenda';

const m = (id: string, dueDate: string, done = false, title = `Jalon ${id}`): Milestone => ({ id, projectId: '1', title, dueDate, done });
const task = (id: string, dueDate: string, done = false, title = `Tâche ${id}`): Task => ({ id, projectId: '1', title, dueDate, done, assigneeId: '' });

describe('agenda dates', () => {
  it('are local calendar dates', () => {
    expect(isoDate(new Date(2026, 11, 31, 23, 30))).toBe('2026-12-31');
    expect(todayISO(new Date(2027, 0, 5, 0, 10))).toBe('2027-01-05');
  });

  it('are late when not done and due before today', () => {
    expect(isOverdue(m('1', '2026-11-24'), '2026-11-25')).toBe(true);
    expect(isOverdue(m('1', '2026-11-25'), '2026-11-25')).toBe(false);
    expect(isOverdue(m('1', '2026-11-24', true), '2026-11-25')).toBe(false);
    expect(isOverdue(task('1', ''), '2026-11-25')).toBe(false);
  });
});

describe('agenda order', () => {
  it('puts milestones by date then title', () => {
    const list = [m('1', '2026-12-15', false, 'Édition'), m('2', '2026-12-01'), m('3', '2026-12-15', false, 'Affiche')];
    expect(sortMilestones(list).map((x) => x.id)).toEqual(['2', '3', '1']);
  });

  it('puts open tasks first, by date, undated last', () => {
    const list = [task('1', '', false), task('2', '2026-12-01', true), task('3', '2026-12-10'), task('4', '2026-12-02')];
    expect(sortTasks(list).map((x) => x.id)).toEqual(['4', '3', '1', '2']);
  });

  it('shows the next milestones still to reach, late ones first', () => {
    const list = [m('1', '2027-01-10'), m('2', '2026-11-01'), m('3', '2026-12-01', true), m('4', '2026-12-20'), m('5', '2027-03-01')];
    expect(nextMilestones(list).map((x) => x.id)).toEqual(['2', '4', '1']);
    expect(progress(list)).toEqual({ done: 1, total: 5 });
  });
});

describe('task assignees', () => {
  it('are named from the team', () => {
    const team = [{ volunteerId: '9', applicationId: '1', firstName: 'Ольга', lastName: 'Nguyễn', city: '', email: '' }];
    expect(assigneeName(team, '9')).toBe('Ольга Nguyễn');
    expect(assigneeName(team, '')).toBe('');
    expect(assigneeName(team, '12')).toBe('12');
  });
});
