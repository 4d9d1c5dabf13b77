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
export type Consent = Schemas['Consent'];
export type ConsentKind = Consent['kind'];
export type ConsentRecord = Schemas['ConsentRecord'];
export type ConsentHistory = Json<paths['/api/volunteers/{id}/consents/history']['get']['responses'][200]>;

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

// Recruitment and matching.
export type Application = Schemas['Application'];
export type ApplicationStatus = Application['status'];
export type VolunteerMatch = Schemas['VolunteerMatch'];
export type ProjectMatch = Schemas['ProjectMatch'];
export type MatchReason = Schemas['MatchReason'];

// The library: built-in guides and the association's notes and links.
export type LibraryPage = Json<paths['/api/resources']['get']['responses'][200]>;
export type LibraryItem = Schemas['LibraryItem'];
export type LibraryKind = LibraryItem['kind'];
export type Guide = Json<paths['/api/guides/{slug}']['get']['responses'][200]>;
export type Resource = Json<paths['/api/resources/{id}']['get']['responses'][200]>;
export type ResourceKind = Resource['kind'];
export type ResourceInput = Json<NonNullable<paths['/api/resources']['post']['requestBody']>>;
// A project's discussion and documents.
export type ProjectMessage = Schemas['ProjectMessage'];
export type ProjectMessageList = Json<paths['/api/projects/{id}/messages']['get']['responses'][200]>;
export type ProjectDocument = Schemas['ProjectDocument'];
export type ProjectDocumentList = Json<paths['/api/projects/{id}/documents']['get']['responses'][200]>;
export type ProjectLinkInput = Schemas['ProjectLinkInput'];

// Organizations (associations helped and sponsors) and sponsors' programs.
export type Organization = Schemas['Organization'];
/** The body of POST/PUT /api/organizations (not the association's own profile, OrganizationInput). */
export type OrganizationWrite = Schemas['OrganizationInput'];
export type OrganizationKind = Organization['kind'];
export type OrganizationList = Schemas['OrganizationList'];
export type Program = Schemas['Program'];
export type ProgramInput = Schemas['ProgramInput'];

// Projects, their agenda and the calendar of all projects.
export type Project = Schemas['Project'];
export type ProjectInput = Schemas['ProjectInput'];
export type ProjectStatus = Project['status'];
export type ProjectSkill = Schemas['ProjectSkill'];
export type ProjectSkillInput = Schemas['ProjectSkillInput'];
export type ProjectList = Schemas['ProjectList'];
export type ProjectListQuery = NonNullable<paths['/api/projects']['get']['parameters']['query']>;
export type TeamMember = Schemas['TeamMember'];
export type Milestone = Schemas['Milestone'];
export type MilestoneInput = Schemas['MilestoneInput'];
export type Task = Schemas['Task'];
export type TaskInput = Schemas['TaskInput'];
export type CalendarEntry = Schemas['CalendarEntry'];

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

// Dashboards.
export type AssociationDashboard = Json<paths['/api/dashboards/association']['get']['responses'][200]>;
export type SponsorDashboard = Json<paths['/api/dashboards/sponsor']['get']['responses'][200]>;
export type VolunteerDashboard = Json<paths['/api/volunteers/{id}/dashboard']['get']['responses'][200]>;
export type ImpactReportPreview = Json<paths['/api/reports/impact']['get']['responses'][200]>;
// Impact surveys of projects and programs, their responses and results.
export type Survey = Schemas['Survey'];
export type SurveyInput = Schemas['SurveyInput'];
export type SurveyList = Schemas['SurveyList'];
export type SurveyQuestion = Schemas['SurveyQuestion'];
export type SurveyQuestionInput = Schemas['SurveyQuestionInput'];
export type QuestionKind = SurveyQuestion['kind'];
export type SurveyAudience = Survey['audience'];
export type SurveyResponse = Schemas['SurveyResponse'];
export type SurveyResponseInput = Schemas['SurveyResponseInput'];
export type SurveyResponseList = Schemas['SurveyResponseList'];
export type SurveySource = SurveyResponse['source'];
/** One answer as the API reads and writes it: a number, a choice's text, a list of texts, or null. */
export type AnswerValue = SurveyResponse['answers'][number];
export type SurveyResults = Schemas['SurveyResults'];
export type SurveyQuestionResult = Schemas['SurveyQuestionResult'];
export type SurveyCount = Schemas['SurveyCount'];
// Hours given by volunteers, their review and their value.
export type HourEntry = Schemas['HourEntry'];
export type HourEntryInput = Schemas['HourEntryInput'];
export type HourStatus = HourEntry['status'];
export type HourList = Schemas['HourList'];
export type HourTotals = Schemas['HourTotals'];
export type HourListQuery = NonNullable<paths['/api/hours']['get']['parameters']['query']>;
export type HourRatesView = Schemas['HourRatesView'];
export type HourRates = Schemas['HourRates'];
export type HourRate = Schemas['HourRate'];
export type DomainHourRate = Schemas['DomainHourRate'];
export type DomainLabel = Schemas['DomainLabel'];
export type PersonalDataExport = Json<paths['/api/volunteers/{id}/export']['get']['responses'][200]>;
export type ErasureResult = Json<paths['/api/volunteers/{id}/erase']['post']['responses'][200]>;
export type AuditPage = Json<paths['/api/audit']['get']['responses'][200]>;
export type AuditEntry = Schemas['AuditEntry'];
export type PrivacySummary = Json<paths['/api/privacy/summary']['get']['responses'][200]>;
export type RetentionPreview = Json<paths['/api/privacy/retention/preview']['get']['responses'][200]>;
export type InactiveVolunteer = Schemas['InactiveVolunteer'];
export type PurgeResult = Json<paths['/api/privacy/retention/purge']['post']['responses'][200]>;
export type Backup = Schemas['Backup'];
export type BackupSettings = Json<paths['/api/settings/backups']['get']['responses'][200]>;
