import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import ComingSoonPage from './pages/ComingSoonPage.vue';
import DashboardPage from './pages/DashboardPage.vue';
import DiagnosticPage from './pages/diagnostic/DiagnosticPage.vue';
import NotFoundPage from './pages/NotFoundPage.vue';
import SettingsPage from './pages/SettingsPage.vue';
import VolunteerFormPage from './pages/volunteers/VolunteerFormPage.vue';
import VolunteerImportPage from './pages/volunteers/VolunteerImportPage.vue';
import VolunteerProfilePage from './pages/volunteers/VolunteerProfilePage.vue';
import VolunteerSearchPage from './pages/volunteers/VolunteerSearchPage.vue';

/** The sections of the app, in sidebar order. Paths are the same in every language. */
export const SECTIONS = [
  'dashboard',
  'volunteers',
  'projects',
  'hours',
  'impact',
  'reports',
  'resources',
  'settings',
] as const;
export type Section = (typeof SECTIONS)[number];
export type PageKey =
  | Section
  | 'volunteerProfile'
  | 'volunteerNew'
  | 'volunteerEdit'
  | 'volunteerImport'
  | 'diagnostic'
  | 'diagnosticResult'
  | 'notFound';

export const SECTION_PATHS: Record<Section, string> = {
  dashboard: '/',
  volunteers: '/benevoles',
  projects: '/projets',
  hours: '/heures',
  impact: '/impact',
  reports: '/rapports',
  resources: '/ressources',
  settings: '/parametres',
};

declare module 'vue-router' {
  interface RouteMeta {
    /** Key under pages.* in the locale files (title, subtitle). */
    page: PageKey;
    /** The sidebar entry to highlight. */
    section?: Section;
  }
}

const comingSoon: Section[] = ['projects', 'hours', 'impact', 'reports', 'resources'];

/** The volunteers' pages: the search, a profile, the form (new and edit), the import wizard. */
const volunteerRoutes: RouteRecordRaw[] = [
  { path: SECTION_PATHS.volunteers, name: 'volunteers', component: VolunteerSearchPage, meta: { page: 'volunteers', section: 'volunteers' } },
  { path: '/benevoles/nouveau', name: 'volunteerNew', component: VolunteerFormPage, meta: { page: 'volunteerNew', section: 'volunteers' } },
  { path: '/benevoles/import', name: 'volunteerImport', component: VolunteerImportPage, meta: { page: 'volunteerImport', section: 'volunteers' } },
  { path: '/benevoles/:id(\\d+)', name: 'volunteerProfile', component: VolunteerProfilePage, meta: { page: 'volunteerProfile', section: 'volunteers' } },
  { path: '/benevoles/:id(\\d+)/modifier', name: 'volunteerEdit', component: VolunteerFormPage, meta: { page: 'volunteerEdit', section: 'volunteers' } },
];

/**
 * The needs diagnostic of an association, under the projects: the questionnaire and a result.
 * Listed before any /projets/:id route, which would otherwise take "diagnostic" for an ID.
 */
const diagnosticRoutes: RouteRecordRaw[] = [
  { path: '/projets/diagnostic', name: 'diagnostic', component: DiagnosticPage, meta: { page: 'diagnostic', section: 'projects' } },
  {
    path: '/projets/diagnostic/:id(\\d+)',
    name: 'diagnosticResult',
    // Loaded on demand: it brings the chart library, which no other page needs.
    component: () => import('./pages/diagnostic/DiagnosticResultPage.vue'),
    meta: { page: 'diagnosticResult', section: 'projects' },
  },
];

export const routes: RouteRecordRaw[] = [
  { path: SECTION_PATHS.dashboard, name: 'dashboard', component: DashboardPage, meta: { page: 'dashboard', section: 'dashboard' } },
  ...volunteerRoutes,
  ...diagnosticRoutes,
  ...comingSoon.map(
    (section): RouteRecordRaw => ({
      path: SECTION_PATHS[section],
      name: section,
      component: ComingSoonPage,
      meta: { page: section, section },
    }),
  ),
  { path: SECTION_PATHS.settings, name: 'settings', component: SettingsPage, meta: { page: 'settings', section: 'settings' } },
  { path: '/:pathMatch(.*)*', name: 'notFound', component: NotFoundPage, meta: { page: 'notFound' } },
];

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: () => ({ top: 0 }),
});
