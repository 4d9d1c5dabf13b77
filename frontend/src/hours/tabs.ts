// The tabs of the hours section and their addresses: /heures (the timesheet), /heures/a-valider,
// /heures/toutes.
import type { RouteLocationNormalizedLoaded } from 'vue-router';

export const HOURS_TABS = [
  { key: 'timesheet', path: '' },
  { key: 'review', path: 'a-valider' },
  { key: 'all', path: 'toutes' },
] as const;
export type HoursTab = (typeof HOURS_TABS)[number]['key'];

export function hoursTabFromPath(param: unknown): HoursTab {
  const path = typeof param === 'string' ? param : '';
  return HOURS_TABS.find((x) => x.path === path)?.key ?? 'timesheet';
}

/** Whether the page shown is this tab of the hours section (a tab kept alive reads the address only then). */
export function onHoursTab(route: Pick<RouteLocationNormalizedLoaded, 'name' | 'params'>, tab: HoursTab): boolean {
  return route.name === 'hours' && hoursTabFromPath(route.params.tab) === tab;
}

/** The address of the timesheet for a project (the project page's button). */
export function timesheetLink(projectId: string): { path: string; query: Record<string, string> } {
  return { path: '/heures', query: { projet: projectId } };
}
