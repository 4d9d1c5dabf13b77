package domain

import (
	"strings"
	"time"
)

// OrganizationKind tells the two sides of pro bono work apart.
type OrganizationKind string

const (
	// KindAssociation is a beneficiary: an association, a school, a social enterprise.
	KindAssociation OrganizationKind = "association"
	// KindSponsor is a company, a foundation or a federation that sponsors projects.
	KindSponsor OrganizationKind = "sponsor"
)

// OrganizationCategories are the finer kinds an organization may declare, by kind; the empty
// category is always accepted.
var OrganizationCategories = map[OrganizationKind][]string{
	KindAssociation: {"association", "school", "socialEnterprise", "publicBody"},
	KindSponsor:     {"company", "foundation", "federation", "publicBody"},
}

const (
	maxDescriptionRunes = 5000
	maxContactNameRunes = 200
)

// Organization is an association helped by volunteers or a sponsor of projects.
type Organization struct {
	ID           int64
	Kind         OrganizationKind
	Category     string // from OrganizationCategories[Kind], or empty
	Name         string
	Description  string
	City         string
	Postcode     string
	Website      string
	ContactName  string
	ContactEmail string
	ContactPhone string
	Logo         *LogoInfo // nil when there is none
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// Normalize trims what people paste around values.
func (o *Organization) Normalize() {
	o.Name = collapseSpaces(strings.TrimSpace(o.Name))
	o.Category = strings.TrimSpace(o.Category)
	o.Description = strings.TrimSpace(o.Description)
	o.City = collapseSpaces(strings.TrimSpace(o.City))
	o.Postcode = strings.ToUpper(strings.TrimSpace(o.Postcode))
	o.ContactName = collapseSpaces(strings.TrimSpace(o.ContactName))
	o.ContactEmail = strings.ToLower(strings.TrimSpace(o.ContactEmail))
	o.ContactPhone = NormalizePhone(o.ContactPhone)
	o.Website = strings.TrimSpace(o.Website)
	if o.Website != "" && !strings.Contains(o.Website, "://") {
		o.Website = "https://" + o.Website
	}
}

// Validate checks every field and reports all problems at once. Call Normalize first.
func (o Organization) Validate() error {
	v := &ValidationError{}
	categories, knownKind := OrganizationCategories[o.Kind]
	if !knownKind {
		v.add("kind", CodeInvalidChoice, map[string]any{"choices": "association, sponsor"})
	} else if o.Category != "" && !contains(categories, o.Category) {
		v.add("category", CodeInvalidChoice, map[string]any{"choices": strings.Join(categories, ", ")})
	}
	if o.Name == "" {
		v.add("name", CodeRequired, nil)
	}
	checkLength(v, "name", o.Name, maxNameRunes)
	checkLength(v, "description", o.Description, maxDescriptionRunes)
	checkLength(v, "city", o.City, maxCityRunes)
	if o.Postcode != "" && !validPostcode(o.Postcode) {
		v.add("postcode", CodeInvalidPostcode, nil)
	}
	if o.Website != "" && !validWebsite(o.Website) {
		v.add("website", CodeInvalidURL, nil)
	}
	checkLength(v, "contactName", o.ContactName, maxContactNameRunes)
	if o.ContactEmail != "" && !validEmail(o.ContactEmail) {
		v.add("contactEmail", CodeInvalidEmail, nil)
	}
	if o.ContactPhone != "" && !validPhone(o.ContactPhone) {
		v.add("contactPhone", CodeInvalidPhone, nil)
	}
	return v.orNil()
}

// Program is a sponsor's scheme that groups the projects it sponsors, such as
// "Mécénat de compétences 2027".
type Program struct {
	ID          int64
	SponsorID   int64
	Name        string
	Description string
	StartDate   string // YYYY-MM-DD or empty
	EndDate     string // YYYY-MM-DD or empty
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Normalize trims what people paste around values.
func (p *Program) Normalize() {
	p.Name = collapseSpaces(strings.TrimSpace(p.Name))
	p.Description = strings.TrimSpace(p.Description)
}

// Validate checks every field and reports all problems at once. That SponsorID names a sponsor
// is checked by the service, which can read it.
func (p Program) Validate() error {
	v := &ValidationError{}
	if p.SponsorID == 0 {
		v.add("sponsorId", CodeRequired, nil)
	}
	if p.Name == "" {
		v.add("name", CodeRequired, nil)
	}
	checkLength(v, "name", p.Name, maxNameRunes)
	checkLength(v, "description", p.Description, maxDescriptionRunes)
	checkDateRange(v, "startDate", p.StartDate, "endDate", p.EndDate)
	return v.orNil()
}

// checkDateRange checks two optional YYYY-MM-DD dates and that the second is not before the first.
func checkDateRange(v *ValidationError, startField, start, endField, end string) {
	startOK, endOK := checkDate(v, startField, start), checkDate(v, endField, end)
	if startOK && endOK && start != "" && end != "" && end < start {
		v.add(endField, CodeDateBeforeStart, nil)
	}
}

// checkDate checks one optional YYYY-MM-DD date; it tells whether the value is usable.
// ValidDate tells whether s is a real day written YYYY-MM-DD.
func ValidDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

func checkDate(v *ValidationError, field, value string) bool {
	if value == "" {
		return true
	}
	if _, err := time.Parse(time.DateOnly, value); err != nil {
		v.add(field, CodeInvalidDate, nil)
		return false
	}
	return true
}
