// Shapes of the API, derived from the generated schema (src/api/schema.d.ts) so that they follow
// the Go side: never write these by hand.
import type { paths } from './schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Health = Json<paths['/api/health']['get']['responses'][200]>;
export type OrganizationProfile = Json<paths['/api/settings/organization']['get']['responses'][200]>;
export type OrganizationInput = Json<NonNullable<paths['/api/settings/organization']['put']['requestBody']>>;
export type Preferences = Json<paths['/api/settings/preferences']['get']['responses'][200]>;
export type PreferencesInput = Json<NonNullable<paths['/api/settings/preferences']['put']['requestBody']>>;
