// Shapes of the API, derived from the generated schema (src/api/schema.d.ts) so that they follow
// the Go side: never write these by hand.
import type { components, paths } from './schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Health = Json<paths['/api/health']['get']['responses'][200]>;
export type OrganizationProfile = Json<paths['/api/settings/organization']['get']['responses'][200]>;
export type OrganizationInput = Json<NonNullable<paths['/api/settings/organization']['put']['requestBody']>>;
export type Preferences = Json<paths['/api/settings/preferences']['get']['responses'][200]>;
export type PreferencesInput = Json<NonNullable<paths['/api/settings/preferences']['put']['requestBody']>>;

type Schemas = components['schemas'];

// Volunteers.
export type Volunteer = Json<paths['/api/volunteers/{id}']['get']['responses'][200]>;
export type VolunteerInput = Json<NonNullable<paths['/api/volunteers']['post']['requestBody']>>;
export type VolunteerSearchResult = Json<paths['/api/volunteers']['get']['responses'][200]>;
export type VolunteerSearchQuery = NonNullable<paths['/api/volunteers']['get']['parameters']['query']>;
export type VolunteerHit = Schemas['VolunteerHit'];
export type VolunteerSkill = Schemas['VolunteerSkill'];
export type VolunteerSkillInput = Schemas['VolunteerSkillInput'];
export type SkillLevel = VolunteerSkill['level'];
export type Availability = Schemas['Availability'];
export type WorkMode = NonNullable<Availability['mode']>;
export type Highlight = Schemas['Highlight'];
export type HighlightSegment = Schemas['Segment'];
export type FacetCount = Schemas['FacetCount'];
export type IndexState = Json<paths['/api/search/index']['get']['responses'][200]>;

// Skills and fixed lists.
export type SkillSuggestion = Schemas['SkillSuggestion'];
export type CustomSkill = Schemas['CustomSkill'];
export type Vocabulary = Json<paths['/api/vocabulary']['get']['responses'][200]>;
export type VocabularyEntry = Schemas['VocabularyEntry'];

// Imports and background jobs.
export type ImportResult = Json<paths['/api/imports/volunteers']['post']['responses'][200]>;
export type ImportRowError = Schemas['ImportRowError'];
export type ImportColumn = Schemas['ImportColumn'];
export type Job = Json<paths['/api/jobs/{id}']['get']['responses'][200]>;

// Organizations.
export type Organization = Schemas['Organization'];
export type OrganizationList = Json<paths['/api/organizations']['get']['responses'][200]>;

// The needs diagnostic.
export type DiagnosticQuestionnaire = Json<paths['/api/diagnostics/questions']['get']['responses'][200]>;
export type DiagnosticArea = Schemas['DiagnosticArea'];
export type DiagnosticQuestion = Schemas['DiagnosticQuestion'];
export type DiagnosticOption = Schemas['DiagnosticOption'];
export type Diagnostic = Json<paths['/api/diagnostics/{id}']['get']['responses'][200]>;
export type DiagnosticNeed = Schemas['DiagnosticNeed'];
export type NeedLevel = DiagnosticNeed['level'];
export type DiagnosticSuggestion = Schemas['DiagnosticSuggestion'];
export type DiagnosticList = Json<paths['/api/organizations/{id}/diagnostics']['get']['responses'][200]>;
export type Project = Json<paths['/api/projects/{id}']['get']['responses'][200]>;
