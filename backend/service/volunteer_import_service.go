package service

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/importer"
	"github.com/civisphere/civisphere/backend/taxonomy"
)

// Import phases, reported in Progress.Phase.
const (
	PhaseReading  = "reading"
	PhaseChecking = "checking"
	PhaseSaving   = "saving"
	PhaseIndexing = "indexing"
)

// ImportOptions says what to do with a volunteers file.
type ImportOptions struct {
	DryRun bool // only check and count; write nothing
	// Mapping gives the field of each column; nil uses the mapping guessed from the header.
	Mapping []importer.Field
	// AllOrNothing refuses to import anything when a row has a problem; otherwise the valid
	// rows are imported and the others skipped.
	AllOrNothing bool
}

// ImportColumn is one column of the file and the field it fills.
type ImportColumn struct {
	Header string
	Field  importer.Field
}

// ImportReport says what an import found and did (or, for a dry run, would do).
type ImportReport struct {
	Format    string
	Encoding  string
	Delimiter string
	Sheet     string
	HeaderRow int
	Columns   []ImportColumn
	Preview   []importer.Row // the first rows, as read
	Rows      int            // data rows in the file (blank rows not counted)
	Valid     int            // rows without problems
	Created   int            // new volunteers
	Updated   int            // volunteers already on file (same e-mail; without one, same name, city and phone)
	Merged    int            // rows that repeat a person already seen in the file
	Skipped   int            // rows not imported because of their problems
	Errors    []importer.RowError
	Applied   bool // the changes were written
}

// previewRows is how many rows of the file the preview shows.
const previewRows = 10

// vocabulary adapts the taxonomy's word lists to what the importer needs.
type vocabulary struct{}

func (vocabulary) MatchCause(text string) (domain.Cause, bool) { return taxonomy.MatchCause(text) }
func (vocabulary) MatchLanguage(text string) (string, bool)    { return taxonomy.MatchLanguage(text) }

// ImportVolunteers reads a CSV, XLSX or ODS file of volunteers, checks every row, and (unless
// it is a dry run) writes the new and updated volunteers in one transaction: everything that
// was confirmed, or nothing. People already on file are updated, not added twice: the same
// e-mail (any case) or, without e-mail, the same name in the same city.
func (s *Volunteers) ImportVolunteers(ctx context.Context, actor domain.Actor, data []byte, name string, opts ImportOptions, report func(Progress)) (ImportReport, error) {
	if !actor.CanManageVolunteers() {
		return ImportReport{}, fmt.Errorf("import volunteers: %w", domain.ErrForbidden)
	}
	if report == nil {
		report = func(Progress) {}
	}
	report(Progress{Phase: PhaseReading})
	sheet, err := importer.Read(ctx, bytes.NewReader(data), name, importer.DefaultLimits())
	if err != nil {
		return ImportReport{}, fileProblem(err)
	}
	mapping := opts.Mapping
	if mapping == nil {
		mapping = importer.GuessMapping(sheet.Header)
	}
	if err := checkMapping(sheet.Header, mapping); err != nil {
		return ImportReport{}, err
	}
	rep := ImportReport{
		Format: sheet.Format, Encoding: sheet.Encoding, Delimiter: sheet.Delimiter, Sheet: sheet.SheetName,
		HeaderRow: sheet.HeaderRow, Rows: len(sheet.Rows),
		Preview: sheet.Rows[:min(previewRows, len(sheet.Rows))],
	}
	for i, h := range sheet.Header {
		f := importer.FieldIgnore
		if i < len(mapping) {
			f = mapping[i]
		}
		rep.Columns = append(rep.Columns, ImportColumn{Header: h, Field: f})
	}
	records, rowErrors, err := importer.Parse(ctx, sheet, mapping, vocabulary{}, func(done, total int) {
		report(Progress{Phase: PhaseChecking, Done: done, Total: total})
	})
	if err != nil {
		return ImportReport{}, err
	}
	rep.Errors = rowErrors
	rep.Valid = len(records)
	rep.Skipped = rep.Rows - rep.Valid

	plan, err := s.planImport(ctx, records)
	if err != nil {
		return ImportReport{}, err
	}
	rep.Created, rep.Updated, rep.Merged = plan.created, plan.updated, plan.merged
	if opts.DryRun || len(plan.volunteers) == 0 || (opts.AllOrNothing && len(rowErrors) > 0) {
		if !opts.DryRun {
			// Nothing written: say so in the counts.
			rep.Created, rep.Updated, rep.Skipped = 0, 0, rep.Rows
		}
		return rep, nil
	}
	if s.beforeImport != nil {
		report(Progress{Phase: PhaseSnapshot})
		if err := s.beforeImport(ctx); err != nil {
			return ImportReport{}, fmt.Errorf("import volunteers: the backup before the import failed, so nothing was imported: %w", err)
		}
	}
	total := len(plan.volunteers)
	report(Progress{Phase: PhaseSaving, Total: total})
	var none int64
	audited := withAudit(ctx, s.now().UTC(), actor, domain.AuditVolunteersImported, &none,
		fmt.Sprintf("rows=%d created=%d updated=%d skipped=%d", rep.Rows, rep.Created, rep.Updated, rep.Skipped))
	if _, _, err := s.store.ImportVolunteers(audited, plan.volunteers, func(done int) {
		report(Progress{Phase: PhaseSaving, Done: done, Total: total})
	}); err != nil {
		return ImportReport{}, err
	}
	rep.Applied = true
	// The import is committed: indexing goes on even if the person cancels now, or the
	// results would be incomplete until the next start.
	report(Progress{Phase: PhaseIndexing, Total: total})
	if err := s.index.SyncWithProgress(context.WithoutCancel(ctx), func(done int) {
		report(Progress{Phase: PhaseIndexing, Done: min(done, total), Total: total})
	}); err != nil {
		s.log.Warn("search index: sync after import failed; will retry", "err", err)
	}
	// Another drain (the end of a rebuild, say) may have indexed some of the changes itself.
	report(Progress{Phase: PhaseIndexing, Done: total, Total: total})
	return rep, nil
}

// checkMapping refuses a mapping that names an unknown field, or a single-value field twice.
func checkMapping(header []string, mapping []importer.Field) error {
	problems := &domain.ValidationError{}
	seen := map[importer.Field]bool{}
	for _, f := range mapping {
		if f == importer.FieldIgnore {
			continue
		}
		if !slices.Contains(importer.Fields, f) || (seen[f] && !f.MultiColumn()) {
			problems.Fields = append(problems.Fields, domain.FieldError{Field: "mapping", Code: domain.CodeInvalidChoice,
				Params: map[string]any{"choices": fieldList()}})
			break
		}
		seen[f] = true
	}
	if len(mapping) > len(header)+50 {
		problems.Fields = append(problems.Fields, domain.FieldError{Field: "mapping", Code: domain.CodeTooMany,
			Params: map[string]any{"max": len(header)}})
	}
	if len(problems.Fields) > 0 {
		return problems
	}
	return nil
}

func fieldList() string {
	var b bytes.Buffer
	for i, f := range importer.Fields {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(string(f))
	}
	return b.String()
}

type importPlan struct {
	volunteers               []domain.Volunteer // ID 0: create; else update
	created, updated, merged int
}

// planImport resolves skills, merges rows that are the same person, and matches people already
// on file.
func (s *Volunteers) planImport(ctx context.Context, records []importer.Record) (importPlan, error) {
	var plan importPlan
	known, err := s.store.VolunteerIdentities(ctx)
	if err != nil {
		return plan, err
	}
	byKey := make(map[string]int64, 2*len(known))
	for _, k := range known {
		if k.Email != "" {
			byKey["email:"+k.Email] = k.ID
		}
		byKey[nameKey(k.FirstName, k.LastName, k.City, k.Phone)] = k.ID
	}
	now := s.now().UTC()
	inFile := map[string]int{} // identity key → index in plan.volunteers
	var updateIDs []int64
	for _, rec := range records {
		v := rec.Volunteer
		for i := range v.Skills {
			v.Skills[i] = s.ResolveSkill(v.Skills[i])
		}
		v.Normalize()
		keys := identityKeys(v)
		if i, ok := firstKey(inFile, keys); ok {
			mergeInto(&plan.volunteers[i], v)
			for _, k := range keys {
				inFile[k] = i
			}
			plan.merged++
			continue
		}
		v.ID = 0
		for _, k := range keys {
			if id, ok := byKey[k]; ok {
				v.ID = id
				break
			}
		}
		if v.ID == 0 {
			v.CreatedAt = now
			plan.created++
		} else {
			updateIDs = append(updateIDs, v.ID)
			plan.updated++
		}
		v.UpdatedAt = now
		if v.Status == "" {
			v.Status = domain.StatusActive
		}
		for _, k := range keys {
			inFile[k] = len(plan.volunteers)
		}
		plan.volunteers = append(plan.volunteers, v)
	}
	if len(updateIDs) == 0 {
		return plan, nil
	}
	// An update keeps what the file does not say: the stored profile is the base, the file's
	// non-empty values are laid over it.
	stored := make(map[int64]domain.Volunteer, len(updateIDs))
	for start := 0; start < len(updateIDs); start += 500 {
		list, err := s.store.Volunteers(ctx, updateIDs[start:min(start+500, len(updateIDs))])
		if err != nil {
			return plan, err
		}
		for _, v := range list {
			stored[v.ID] = v
		}
	}
	for i, v := range plan.volunteers {
		base, ok := stored[v.ID]
		if !ok {
			continue
		}
		mergeInto(&base, v)
		base.UpdatedAt = now
		plan.volunteers[i] = base
	}
	return plan, nil
}

// identityKeys are the keys under which a person is recognised: the e-mail address and, for
// people without one, the name with the city and the phone number (so that two namesakes in
// the same town with different phones stay two people).
func identityKeys(v domain.Volunteer) []string {
	if v.Email != "" {
		return []string{"email:" + v.Email}
	}
	return []string{nameKey(v.FirstName, v.LastName, v.City, v.Phone)}
}

func nameKey(first, last, city, phone string) string {
	return "name:" + domain.FoldText(first+" "+last) + "|" + domain.FoldText(city) + "|" + domain.FoldText(phone)
}

func firstKey(m map[string]int, keys []string) (int, bool) {
	for _, k := range keys {
		if i, ok := m[k]; ok {
			return i, true
		}
	}
	return 0, false
}

// mergeInto lays the values of src that are set over dst: text fields when not empty, lists
// joined, a skill's higher level kept.
func mergeInto(dst *domain.Volunteer, src domain.Volunteer) {
	set := func(d *string, s string) {
		if s != "" {
			*d = s
		}
	}
	set(&dst.FirstName, src.FirstName)
	set(&dst.LastName, src.LastName)
	set(&dst.Email, src.Email)
	set(&dst.Phone, src.Phone)
	set(&dst.City, src.City)
	set(&dst.Postcode, src.Postcode)
	set(&dst.Bio, src.Bio)
	set(&dst.Notes, src.Notes)
	set(&dst.JoinedOn, src.JoinedOn)
	dst.Skills = append(slices.Clone(dst.Skills), src.Skills...)
	dst.Causes = append(slices.Clone(dst.Causes), src.Causes...)
	dst.Languages = append(slices.Clone(dst.Languages), src.Languages...)
	a, b := &dst.Availability, src.Availability
	a.Days = append(slices.Clone(a.Days), b.Days...)
	a.Evenings = a.Evenings || b.Evenings
	a.Weekends = a.Weekends || b.Weekends
	if b.HoursPerMonth > 0 {
		a.HoursPerMonth = b.HoursPerMonth
	}
	if b.Mode != domain.ModeUnspecified {
		a.Mode = b.Mode
	}
	dst.Normalize()
}

// Problems with a whole file, as FileProblem.Code.
const (
	FileTooLarge          = "file_too_large"
	FileUnpacksTooLarge   = "file_unpacks_too_large"
	FileTooManyRows       = "file_too_many_rows"
	FileUnsupportedFormat = "file_unsupported_format"
	FileNoHeader          = "file_no_header"
	FileEmpty             = "file_empty"
)

// FileProblem is a file refused as a whole, with a code the transport turns into a message.
type FileProblem struct {
	Code   string
	Params map[string]any
	Err    error
}

func (p *FileProblem) Error() string { return p.Code + ": " + p.Err.Error() }
func (p *FileProblem) Unwrap() error { return p.Err }

// fileProblem turns the importer's errors about a whole file into a FileProblem.
func fileProblem(err error) error {
	limits := importer.DefaultLimits()
	switch {
	case errors.Is(err, importer.ErrUnpacksTooLarge):
		return &FileProblem{Code: FileUnpacksTooLarge, Params: map[string]any{"maxMB": limits.MaxUnzipBytes >> 20}, Err: err}
	case errors.Is(err, importer.ErrTooLarge):
		return &FileProblem{Code: FileTooLarge, Params: map[string]any{"maxMB": limits.MaxFileBytes >> 20}, Err: err}
	case errors.Is(err, importer.ErrTooManyRows):
		return &FileProblem{Code: FileTooManyRows, Params: map[string]any{"max": limits.MaxRows}, Err: err}
	case errors.Is(err, importer.ErrUnsupportedFormat):
		return &FileProblem{Code: FileUnsupportedFormat, Err: err}
	case errors.Is(err, importer.ErrNoHeader):
		return &FileProblem{Code: FileNoHeader, Err: err}
	case errors.Is(err, importer.ErrEmptyFile):
		return &FileProblem{Code: FileEmpty, Err: err}
	}
	return err
}
