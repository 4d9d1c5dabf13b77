import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import DashboardPage from './pages/DashboardPage.vue';
import DiagnosticPage from './pages/diagnostic/DiagnosticPage.vue';
import NotFoundPage from './pages/NotFoundPage.vue';
import HoursPage from './pages/hours/HoursPage.vue';
import GuidePage from './pages/resources/GuidePage.vue';
import NotePage from './pages/resources/NotePage.vue';
import ResourceLibraryPage from './pages/resources/ResourceLibraryPage.vue';
import OrganizationFormPage from './pages/organizations/OrganizationFormPage.vue';
import OrganizationListPage from './pages/organizations/OrganizationListPage.vue';
import OrganizationPage from './pages/organizations/OrganizationPage.vue';
import ProjectCalendarPage from './pages/projects/ProjectCalendarPage.vue';
import ProjectFormPage from './pages/projects/ProjectFormPage.vue';
import ProjectListPage from './pages/projects/ProjectListPage.vue';
import ProjectPage from './pages/projects/ProjectPage.vue';
import SettingsPage from './pages/SettingsPage.vue';
import SurveyFormPage from './pages/surveys/SurveyFormPage.vue';
import SurveyListPage from './pages/surveys/SurveyListPage.vue';
import SurveyPage from './pages/surveys/SurveyPage.vue';
import VolunteerFormPage from './pages/volunteers/VolunteerFormPage.vue';
import VolunteerImportPage from './pages/volunteers/VolunteerImportPage.vue';
import VolunteerProfilePage from './pages/volunteers/VolunteerProfilePage.vue';
import VolunteerSearchPage from './pages/volunteers/VolunteerSearchPage.vue';

/** The sections of the app, in sidebar order. Paths are the same in every language. */
export const SECTIONS = [
  'dashboard',
  'volunteers',
  'projects',
  'organizations',
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
  | 'resourceGuide'
  | 'resourceNote'
  | 'project'
  | 'projectNew'
  | 'projectEdit'
  | 'projectCalendar'
  | 'organization'
  | 'organizationNew'
  | 'organizationEdit'
  | 'diagnostic'
  | 'diagnosticResult'
  | 'survey'
  | 'surveyNew'
  | 'surveyEdit'
  | 'notFound';

export const SECTION_PATHS: Record<Section, string> = {
  dashboard: '/',
  volunteers: '/benevoles',
  projects: '/projets',
  organizations: '/organisations',
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


/** The volunteers' pages: the search, a profile, the form (new and edit), the import wizard. */
const volunteerRoutes: RouteRecordRaw[] = [
  { path: SECTION_PATHS.volunteers, name: 'volunteers', component: VolunteerSearchPage, meta: { page: 'volunteers', section: 'volunteers' } },
  { path: '/benevoles/nouveau', name: 'volunteerNew', component: VolunteerFormPage, meta: { page: 'volunteerNew', section: 'volunteers' } },
  { path: '/benevoles/import', name: 'volunteerImport', component: VolunteerImportPage, meta: { page: 'volunteerImport', section: 'volunteers' } },
  { path: '/benevoles/:id(\\d+)', name: 'volunteerProfile', component: VolunteerProfilePage, meta: { page: 'volunteerProfile', section: 'volunteers' } },
  { path: '/benevoles/:id(\\d+)/modifier', name: 'volunteerEdit', component: VolunteerFormPage, meta: { page: 'volunteerEdit', section: 'volunteers' } },
];

/** The library: guides and the association's notes and links, a guide, a note. */
const resourceRoutes: RouteRecordRaw[] = [
  { path: SECTION_PATHS.resources, name: 'resources', component: ResourceLibraryPage, meta: { page: 'resources', section: 'resources' } },
  { path: '/ressources/guides/:slug([a-z0-9-]+)', name: 'resourceGuide', component: GuidePage, meta: { page: 'resourceGuide', section: 'resources' } },
  { path: '/ressources/notes/:id(\\d+)', name: 'resourceNote', component: NotePage, meta: { page: 'resourceNote', section: 'resources' } },
];

/**
 * The projects' pages: the list, the form (new and edit), a project with its tabs, the calendar of
 * all projects. The needs diagnostic (/projets/diagnostic) has pages of its own.
 */
const projectRoutes: RouteRecordRaw[] = [
  { path: SECTION_PATHS.projects, name: 'projects', component: ProjectListPage, meta: { page: 'projects', section: 'projects' } },
  { path: '/projets/nouveau', name: 'projectNew', component: ProjectFormPage, meta: { page: 'projectNew', section: 'projects' } },
  { path: '/projets/agenda', name: 'projectCalendar', component: ProjectCalendarPage, meta: { page: 'projectCalendar', section: 'projects' } },
  { path: '/projets/:id(\\d+)/modifier', name: 'projectEdit', component: ProjectFormPage, meta: { page: 'projectEdit', section: 'projects' } },
  {
    path: '/projets/:id(\\d+)/:tab(equipe|agenda|discussion|documents|heures)?',
    name: 'project',
    component: ProjectPage,
    meta: { page: 'project', section: 'projects' },
  },
];

/** Associations helped and sponsors: the list, the form (new and edit), an organization's page. */
const organizationRoutes: RouteRecordRaw[] = [
  { path: SECTION_PATHS.organizations, name: 'organizations', component: OrganizationListPage, meta: { page: 'organizations', section: 'organizations' } },
  { path: '/organisations/nouvelle', name: 'organizationNew', component: OrganizationFormPage, meta: { page: 'organizationNew', section: 'organizations' } },
  { path: '/organisations/:id(\\d+)', name: 'organization', component: OrganizationPage, meta: { page: 'organization', section: 'organizations' } },
  { path: '/organisations/:id(\\d+)/modifier', name: 'organizationEdit', component: OrganizationFormPage, meta: { page: 'organizationEdit', section: 'organizations' } },
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

/** Impact: the surveys (the section's page), the survey builder (new and edit), a survey with its tabs. */
const surveyRoutes: RouteRecordRaw[] = [
  { path: SECTION_PATHS.impact, name: 'impact', component: SurveyListPage, meta: { page: 'impact', section: 'impact' } },
  { path: '/impact/enquetes/nouvelle', name: 'surveyNew', component: SurveyFormPage, meta: { page: 'surveyNew', section: 'impact' } },
  { path: '/impact/enquetes/:id(\\d+)/modifier', name: 'surveyEdit', component: SurveyFormPage, meta: { page: 'surveyEdit', section: 'impact' } },
  {
    path: '/impact/enquetes/:id(\\d+)/:tab(resultats|reponses)?',
    name: 'survey',
    component: SurveyPage,
    meta: { page: 'survey', section: 'impact' },
  },
];

/**
 * The hours: the timesheet (/heures), the entries waiting for review (/heures/a-valider) and all
 * entries (/heures/toutes), tabs of one page.
 */
const hourRoutes: RouteRecordRaw[] = [
  { path: '/heures/:tab(a-valider|toutes)?', name: 'hours', component: HoursPage, meta: { page: 'hours', section: 'hours' } },
];

export const routes: RouteRecordRaw[] = [
  { path: SECTION_PATHS.dashboard, name: 'dashboard', component: DashboardPage, meta: { page: 'dashboard', section: 'dashboard' } },
  ...volunteerRoutes,
  ...resourceRoutes,
  ...diagnosticRoutes,
  ...projectRoutes,
  ...organizationRoutes,
  ...surveyRoutes,
  ...hourRoutes,
  {
    path: SECTION_PATHS.reports,
    name: 'reports',
    // Loaded on demand, like every page that brings the chart library.
    component: () => import('./pages/reports/ReportsPage.vue'),
    meta: { page: 'reports', section: 'reports' },
  },
  { path: SECTION_PATHS.settings, name: 'settings', component: SettingsPage, meta: { page: 'settings', section: 'settings' } },
  { path: '/:pathMatch(.*)*', name: 'notFound', component: NotFoundPage, meta: { page: 'notFound' } },
];

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: () => ({ top: 0 }),
});
