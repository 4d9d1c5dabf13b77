/**
 * The name typed to confirm an erasure matches the person's when it is the same once spaces are
 * collapsed and case and Unicode forms are set aside ("éléonore  ζαχαρίου" for "Éléonore
 * Ζαχαρίου"): the check is that the person meant this profile, not a spelling test. Accents
 * still count: "Eleonore" is another name.
 */
export function nameConfirmed(typed: string, name: string): boolean {
  const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  const want = norm(name);
  return want !== '' && norm(typed) === want;
}

/** The retention periods offered, in months; any value from 1 to 120 is accepted. */
export const RETENTION_CHOICES = [12, 24, 36, 48, 60] as const;

/** Clamps a typed retention period to what the server accepts, or null when empty. */
export function retentionMonths(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  return Math.min(120, Math.max(1, Math.round(value)));
}
