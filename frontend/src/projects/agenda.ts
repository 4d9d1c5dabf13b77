// A project's agenda: milestones and tasks in the order people read them, what is late, and the
// milestones that come next.
import type { Milestone, Task, TeamMember } from '../api/types';
import { fullName } from '../volunteers/highlight';

/** A local calendar date as YYYY-MM-DD (not UTC: late in the evening is still today). */
export function isoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function todayISO(now: Date = new Date()): string {
  return isoDate(now);
}

/** Not done and due before today. Dates compare as text: YYYY-MM-DD sorts as it reads. */
export function isOverdue(item: { dueDate?: string; done: boolean }, today: string): boolean {
  return !item.done && !!item.dueDate && item.dueDate < today;
}

function byTitle(a: { title: string }, b: { title: string }): number {
  return a.title.localeCompare(b.title, 'fr', { sensitivity: 'base' });
}

/** Milestones by due date, then title. */
export function sortMilestones(list: readonly Milestone[]): Milestone[] {
  return [...list].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || byTitle(a, b));
}

/** Open tasks first; then by due date, undated last; then title. */
export function sortTasks(list: readonly Task[]): Task[] {
  return [...list].sort((a, b) => {
    if (a.done !== b.done) return a.done ? 1 : -1;
    if (a.dueDate !== b.dueDate) {
      if (!a.dueDate) return 1;
      if (!b.dueDate) return -1;
      return a.dueDate.localeCompare(b.dueDate);
    }
    return byTitle(a, b);
  });
}

/** The milestones still to reach, late ones first, at most `limit`. */
export function nextMilestones(list: readonly Milestone[], limit = 3): Milestone[] {
  return sortMilestones(list.filter((m) => !m.done)).slice(0, limit);
}

/** How far a list is done: "2 / 5". */
export function progress(list: readonly { done: boolean }[]): { done: number; total: number } {
  return { done: list.filter((i) => i.done).length, total: list.length };
}

/** The name of a task's assignee among the team, "" for none, the ID when they left the team. */
export function assigneeName(team: readonly TeamMember[] | null | undefined, volunteerId: string): string {
  if (!volunteerId) return '';
  const member = (team ?? []).find((m) => m.volunteerId === volunteerId);
  return member ? fullName(member) || volunteerId : volunteerId;
}
