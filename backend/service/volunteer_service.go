package service

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/search"
	"github.com/civisphere/civisphere/backend/store"
	"github.com/civisphere/civisphere/backend/taxonomy"
)

// Volunteers manages volunteer profiles, their skills and the search over them.
type Volunteers struct {
	store *store.Store
	tax   *taxonomy.Taxonomy
	index *VolunteerIndexer
	now   func() time.Time
	log   *slog.Logger
	// beforeImport runs before an import writes anything (a backup); its error stops the import.
	beforeImport func(context.Context) error
	// fallback holds the database prepared for searches while the index is not ready.
	fallback *scanCache
}

// SetBeforeImport has hook run before every import that writes (not dry runs): the backup
// taken before an import. Call it before the app serves requests.
func (s *Volunteers) SetBeforeImport(hook func(context.Context) error) { s.beforeImport = hook }

// NewVolunteers returns the volunteer use cases.
func NewVolunteers(st *store.Store, tax *taxonomy.Taxonomy, index *VolunteerIndexer, now func() time.Time, log *slog.Logger) *Volunteers {
	return &Volunteers{store: st, tax: tax, index: index, now: now, log: log, fallback: &scanCache{}}
}

// Taxonomy is the built-in skills taxonomy, for transports that name skills.
func (s *Volunteers) Taxonomy() *taxonomy.Taxonomy { return s.tax }

// Create validates and saves a new volunteer. Skills are given by name (any name or synonym of
// the taxonomy, or free text kept as a custom skill) or by ID. v.Consents lists the consents
// the person gives on the form: they are recorded with the profile, dated now.
func (s *Volunteers) Create(ctx context.Context, actor domain.Actor, v domain.Volunteer) (domain.Volunteer, error) {
	if !actor.CanManageVolunteers() {
		return domain.Volunteer{}, fmt.Errorf("create volunteer: %w", domain.ErrForbidden)
	}
	s.prepare(&v)
	v.ID = 0
	if v.Status == "" {
		v.Status = domain.StatusActive
	}
	now := s.now().UTC()
	problems := &domain.ValidationError{}
	if err := gather(problems, s.validate(ctx, v)); err != nil {
		return domain.Volunteer{}, err
	}
	consents, err := initialConsents(v.Consents, actor, now)
	collect(problems, err)
	if len(problems.Fields) > 0 {
		return domain.Volunteer{}, problems
	}
	v.Consents = consents
	v.CreatedAt, v.UpdatedAt = now, now
	if err := s.store.CreateVolunteer(withAudit(ctx, now, actor, domain.AuditVolunteerCreated, &v.ID, ""), &v); err != nil {
		return domain.Volunteer{}, err
	}
	s.syncIndex(ctx)
	return s.load(ctx, v.ID)
}

// Update replaces a volunteer's profile. The status is kept: archiving has its own calls, and
// so are consents (v.Consents is ignored; see SetConsent).
func (s *Volunteers) Update(ctx context.Context, actor domain.Actor, id int64, v domain.Volunteer) (domain.Volunteer, error) {
	if !actor.CanManageVolunteers() {
		return domain.Volunteer{}, fmt.Errorf("update volunteer: %w", domain.ErrForbidden)
	}
	current, err := s.store.Volunteer(ctx, id)
	if err != nil {
		return domain.Volunteer{}, err
	}
	s.prepare(&v)
	v.ID = id
	v.Status = current.Status
	if err := s.validate(ctx, v); err != nil {
		return domain.Volunteer{}, err
	}
	v.CreatedAt = current.CreatedAt
	v.UpdatedAt = s.now().UTC()
	if err := s.store.UpdateVolunteer(withAudit(ctx, v.UpdatedAt, actor, domain.AuditVolunteerUpdated, &id, changedFields(current, v)), v); err != nil {
		return domain.Volunteer{}, err
	}
	s.syncIndex(ctx)
	return s.load(ctx, id)
}

// Get returns one volunteer.
func (s *Volunteers) Get(ctx context.Context, actor domain.Actor, id int64) (domain.Volunteer, error) {
	if !actor.CanReadVolunteers() {
		return domain.Volunteer{}, fmt.Errorf("read volunteer: %w", domain.ErrForbidden)
	}
	return s.load(ctx, id)
}

// Archive takes a volunteer out of the active file; Restore brings them back. Nothing is
// deleted: erasing a person is a separate, deliberate act.
func (s *Volunteers) Archive(ctx context.Context, actor domain.Actor, id int64) (domain.Volunteer, error) {
	return s.setStatus(ctx, actor, id, domain.StatusArchived)
}

// Restore brings an archived volunteer back into the active file.
func (s *Volunteers) Restore(ctx context.Context, actor domain.Actor, id int64) (domain.Volunteer, error) {
	return s.setStatus(ctx, actor, id, domain.StatusActive)
}

func (s *Volunteers) setStatus(ctx context.Context, actor domain.Actor, id int64, status domain.VolunteerStatus) (domain.Volunteer, error) {
	if !actor.CanManageVolunteers() {
		return domain.Volunteer{}, fmt.Errorf("set volunteer status: %w", domain.ErrForbidden)
	}
	now, action := s.now().UTC(), domain.AuditVolunteerArchived
	if status == domain.StatusActive {
		action = domain.AuditVolunteerRestored
	}
	if err := s.store.SetVolunteerStatus(withAudit(ctx, now, actor, action, &id, ""), id, status, now); err != nil {
		return domain.Volunteer{}, err
	}
	s.syncIndex(ctx)
	return s.load(ctx, id)
}

// syncIndex applies the outbox after a commit. A failure is logged, not returned: the change is
// committed and queued, and the next sync or start applies it.
func (s *Volunteers) syncIndex(ctx context.Context) {
	if err := s.index.Sync(context.WithoutCancel(ctx)); err != nil {
		s.log.Warn("search index: sync after write failed; will retry", "err", err)
	}
}

// prepare normalizes a profile and maps its skills to the taxonomy.
func (s *Volunteers) prepare(v *domain.Volunteer) {
	for i := range v.Skills {
		v.Skills[i] = s.ResolveSkill(v.Skills[i])
	}
	v.Normalize()
}

// validate checks the profile and that its sponsor, if any, is a sponsor.
func (s *Volunteers) validate(ctx context.Context, v domain.Volunteer) error {
	problems := &domain.ValidationError{}
	collect(problems, v.Validate())
	if v.SponsorID != 0 {
		if err := gather(problems, checkOrganizationKind(ctx, s.store, "sponsorId", v.SponsorID, domain.KindSponsor)); err != nil {
			return err
		}
	}
	if len(problems.Fields) > 0 {
		return problems
	}
	return nil
}

// ResolveSkill maps a skill given by ID or by name to its canonical ID: a taxonomy skill when
// the text is one of its names or synonyms (ignoring case, accents and ligatures), else a
// custom skill that keeps the text as written.
func (s *Volunteers) ResolveSkill(in domain.VolunteerSkill) domain.VolunteerSkill {
	out := in
	if out.SkillID != "" {
		if sk, ok := s.tax.Skill(out.SkillID); ok {
			out.Name = sk.Name.FR
			return out
		}
		if domain.IsCustomSkill(out.SkillID) {
			if out.Name == "" {
				out.Name = strings.ReplaceAll(strings.TrimPrefix(out.SkillID, domain.CustomSkillPrefix), "-", " ")
			}
			return out
		}
		if out.Name == "" {
			out.Name = out.SkillID
		}
	}
	name := strings.Join(strings.Fields(out.Name), " ")
	if sk, ok := s.tax.Match(name); ok {
		return domain.VolunteerSkill{SkillID: sk.ID, Name: sk.Name.FR, Level: out.Level}
	}
	return domain.VolunteerSkill{SkillID: domain.CustomSkillID(name), Name: name, Level: out.Level}
}

// SkillName is the label of a skill in the given locale.
func (s *Volunteers) SkillName(skillID, fallback, locale string) string {
	if sk, ok := s.tax.Skill(skillID); ok {
		return sk.Name.In(locale)
	}
	if fallback != "" {
		return fallback
	}
	return strings.ReplaceAll(strings.TrimPrefix(skillID, domain.CustomSkillPrefix), "-", " ")
}

// SearchParams is a search as the API receives it.
type SearchParams struct {
	Text         string
	Skills       []string // IDs or names, each resolved like a profile's skills
	MinLevel     string
	City         string
	Causes       []string
	Languages    []string
	Availability []string
	Status       string // "active" (default), "archived" or "all"
	Limit        int
	Offset       int
	Facets       bool
	Locale       string
}

// SearchItem is one volunteer found, with why it matched.
type SearchItem struct {
	Volunteer  domain.Volunteer
	Score      float64
	Highlights []Highlight
}

// Highlight is a field of a result with the words that matched marked.
type Highlight struct {
	Field    string // "name", "city", "skill", "bio", "notes"
	SkillID  string // for "skill"
	Segments []search.Segment
}

// SearchResult is one page of volunteers.
type SearchResult struct {
	Total    int
	Items    []SearchItem
	Facets   map[string][]search.FacetValue
	Took     time.Duration
	Index    IndexStatus
	Complete bool   // results hold every match: always, since a search falls back to the database
	Source   string // SourceIndex or SourceDatabase (while the index is not ready)
	// CustomSkillNames names the custom skills among the facet values, as people typed them.
	CustomSkillNames map[string]string
}

// Search finds volunteers: free text with typo tolerance and type-ahead, exact filters, facets.
func (s *Volunteers) Search(ctx context.Context, actor domain.Actor, p SearchParams) (SearchResult, error) {
	started := time.Now()
	if !actor.CanReadVolunteers() {
		return SearchResult{}, fmt.Errorf("search volunteers: %w", domain.ErrForbidden)
	}
	q, err := s.searchQuery(p)
	if err != nil {
		return SearchResult{}, err
	}
	source := SourceIndex
	res, status, err := s.index.Search(ctx, q)
	if err != nil {
		return SearchResult{}, err
	}
	if status.State != IndexReady {
		scan, err := s.scanDatabase(ctx, q)
		if err != nil {
			return SearchResult{}, err
		}
		res, source = scan.Result(), SourceDatabase
	} else {
		s.fallback.drop()
	}
	ids := make([]int64, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	vols, err := s.store.Volunteers(ctx, ids)
	if err != nil {
		return SearchResult{}, err
	}
	byID := make(map[int64]domain.Volunteer, len(vols))
	for _, v := range vols {
		byID[v.ID] = v
	}
	out := SearchResult{
		Total:    int(res.Total),
		Items:    make([]SearchItem, 0, len(res.Hits)),
		Facets:   res.Facets,
		Index:    status,
		Complete: true,
		Source:   source,
	}
	for _, f := range res.Facets[search.FacetSkills] {
		if domain.IsCustomSkill(f.Value) {
			if out.CustomSkillNames, err = s.customSkillNames(ctx); err != nil {
				return SearchResult{}, err
			}
			break
		}
	}
	for _, h := range res.Hits {
		v, ok := byID[h.ID]
		if !ok {
			continue // deleted between the index and the database read
		}
		out.Items = append(out.Items, SearchItem{Volunteer: v, Score: h.Score, Highlights: s.highlights(v, res, p.Locale)})
	}
	out.Took = time.Since(started)
	return out, nil
}

// searchQuery validates the parameters and turns them into an index query.
func (s *Volunteers) searchQuery(p SearchParams) (search.Query, error) {
	q := search.Query{Text: p.Text, City: strings.TrimSpace(p.City), Limit: p.Limit, Offset: p.Offset, Facets: p.Facets}
	problems := &domain.ValidationError{}
	for _, name := range p.Skills {
		if strings.TrimSpace(name) == "" {
			continue
		}
		q.Skills = append(q.Skills, s.ResolveSkill(domain.VolunteerSkill{SkillID: skillIDOrEmpty(s.tax, name), Name: name}).SkillID)
	}
	if p.MinLevel != "" {
		level, ok := domain.ParseSkillLevel(p.MinLevel)
		if !ok {
			problems.Fields = append(problems.Fields, domain.FieldError{Field: "level", Code: domain.CodeInvalidChoice,
				Params: map[string]any{"choices": "beginner, intermediate, confirmed, expert"}})
		}
		q.MinLevel = level
	}
	for _, c := range p.Causes {
		if !domain.ValidCause(domain.Cause(c)) {
			problems.Fields = append(problems.Fields, domain.FieldError{Field: "cause", Code: domain.CodeInvalidChoice})
			break
		}
		q.Causes = append(q.Causes, domain.Cause(c))
	}
	q.Languages = p.Languages
	q.Availability = p.Availability
	switch p.Status {
	case "", string(domain.StatusActive):
	case string(domain.StatusArchived):
		q.Status = domain.StatusArchived
	case "all":
		q.AllStatuses = true
	default:
		problems.Fields = append(problems.Fields, domain.FieldError{Field: "status", Code: domain.CodeInvalidChoice,
			Params: map[string]any{"choices": "active, archived, all"}})
	}
	if p.Limit < 0 || p.Offset < 0 {
		problems.Fields = append(problems.Fields, domain.FieldError{Field: "limit", Code: domain.CodeOutOfRange,
			Params: map[string]any{"min": 0, "max": 200}})
	}
	if len(problems.Fields) > 0 {
		return q, problems
	}
	return q, nil
}

// skillIDOrEmpty returns s when it is already a skill ID, so that "accounting" as a filter is
// the ID and not a name to look up.
func skillIDOrEmpty(tax *taxonomy.Taxonomy, s string) string {
	if _, ok := tax.Skill(s); ok || domain.IsCustomSkill(s) {
		return s
	}
	return ""
}

// highlights marks what matched in the fields a result shows. A skill found through a
// synonym ("accounting" for "Comptabilité") is marked whole.
func (s *Volunteers) highlights(v domain.Volunteer, res search.Result, locale string) []Highlight {
	if len(res.Words) == 0 && len(res.Skills) == 0 {
		return nil
	}
	var out []Highlight
	if segs, ok := search.Highlight(v.FullName(), res.Words); ok {
		out = append(out, Highlight{Field: "name", Segments: segs})
	}
	if segs, ok := search.Highlight(v.City, res.Words); ok {
		out = append(out, Highlight{Field: "city", Segments: segs})
	}
	for _, sk := range v.Skills {
		label := s.SkillName(sk.SkillID, sk.Name, locale)
		if segs, ok := search.Highlight(label, res.Words); ok {
			out = append(out, Highlight{Field: "skill", SkillID: sk.SkillID, Segments: segs})
			continue
		}
		if containsID(res.Skills, sk.SkillID) || s.synonymMatches(sk.SkillID, res.Words) {
			out = append(out, Highlight{Field: "skill", SkillID: sk.SkillID, Segments: []search.Segment{{Text: label, Match: true}}})
		}
	}
	if segs, ok := search.Highlight(v.Bio, res.Words); ok {
		out = append(out, Highlight{Field: "bio", Segments: search.Excerpt(segs, 60, 140)})
	}
	if segs, ok := search.Highlight(v.Notes, res.Words); ok {
		out = append(out, Highlight{Field: "notes", Segments: search.Excerpt(segs, 40, 100)})
	}
	return out
}

func (s *Volunteers) synonymMatches(skillID string, words []search.QueryWord) bool {
	for _, term := range s.tax.Terms(skillID) {
		if _, ok := search.Highlight(term, words); ok {
			return true
		}
	}
	return false
}

func containsID(list []string, id string) bool {
	for _, x := range list {
		if x == id {
			return true
		}
	}
	return false
}

func (s *Volunteers) customSkillNames(ctx context.Context) (map[string]string, error) {
	list, err := s.store.CustomSkills(ctx)
	if err != nil {
		return nil, err
	}
	names := make(map[string]string, len(list))
	for _, c := range list {
		names[c.ID] = c.Name
	}
	return names, nil
}

// SkillSuggestion is a skill proposed while someone types in the skill picker.
type SkillSuggestion struct {
	ID      string
	Name    string // in the requested locale
	Domain  string // domain name in the requested locale; empty for custom skills
	Matched string // the synonym that matched, when it is not the name
	Custom  bool
}

// SuggestSkills proposes known skills (built-in and custom) for what is being typed.
func (s *Volunteers) SuggestSkills(ctx context.Context, actor domain.Actor, typed, locale string, limit int) ([]SkillSuggestion, error) {
	if !actor.CanReadVolunteers() {
		return nil, fmt.Errorf("suggest skills: %w", domain.ErrForbidden)
	}
	if limit <= 0 || limit > 50 {
		limit = 10
	}
	domains := map[string]string{}
	for _, d := range s.tax.Domains() {
		domains[d.ID] = d.Name.In(locale)
	}
	var out []SkillSuggestion
	for _, sg := range s.tax.Suggest(typed, locale, limit) {
		name := sg.Skill.Name.In(locale)
		matched := ""
		if domain.FoldText(sg.Matched) != domain.FoldText(name) {
			matched = sg.Matched
		}
		out = append(out, SkillSuggestion{ID: sg.Skill.ID, Name: name, Domain: domains[sg.Skill.Domain], Matched: matched})
	}
	if len(out) < limit {
		custom, err := s.store.CustomSkills(ctx)
		if err != nil {
			return nil, err
		}
		q := domain.FoldText(typed)
		for _, c := range custom {
			folded := domain.FoldText(c.Name)
			if q != "" && (strings.HasPrefix(folded, q) || strings.Contains(folded, " "+q)) {
				out = append(out, SkillSuggestion{ID: c.ID, Name: c.Name, Custom: true})
				if len(out) == limit {
					break
				}
			}
		}
	}
	return out, nil
}

// CustomSkills lists the skills typed by people that the taxonomy does not know, for the
// coordinator to review and merge.
func (s *Volunteers) CustomSkills(ctx context.Context, actor domain.Actor) ([]store.CustomSkill, error) {
	if !actor.CanReadVolunteers() {
		return nil, fmt.Errorf("list custom skills: %w", domain.ErrForbidden)
	}
	return s.store.CustomSkills(ctx)
}

// MergeSkill replaces a custom skill by another skill (given by ID or by name) in every profile.
func (s *Volunteers) MergeSkill(ctx context.Context, actor domain.Actor, from, into string) (int, error) {
	if !actor.CanManageVolunteers() {
		return 0, fmt.Errorf("merge skill: %w", domain.ErrForbidden)
	}
	if !domain.IsCustomSkill(from) {
		return 0, &domain.ValidationError{Fields: []domain.FieldError{{Field: "from", Code: domain.CodeInvalidChoice}}}
	}
	target := s.ResolveSkill(domain.VolunteerSkill{SkillID: skillIDOrEmpty(s.tax, into), Name: into})
	if strings.TrimSpace(into) == "" || target.SkillID == from {
		return 0, &domain.ValidationError{Fields: []domain.FieldError{{Field: "into", Code: domain.CodeRequired}}}
	}
	n, err := s.store.MergeSkill(ctx, from, target.SkillID, target.Name, s.now().UTC())
	if err != nil {
		return 0, err
	}
	s.syncIndex(ctx)
	return n, nil
}

// IndexStatus says whether search results are complete.
func (s *Volunteers) IndexStatus() IndexStatus { return s.index.Status() }

// RebuildIndex rebuilds the search index from the database in the background. It is
// maintenance of the installation, for admins.
func (s *Volunteers) RebuildIndex(actor domain.Actor) error {
	if !actor.CanManageSettings() {
		return fmt.Errorf("rebuild the search index: %w", domain.ErrForbidden)
	}
	s.index.Rebuild()
	return nil
}
