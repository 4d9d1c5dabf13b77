package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/civisphere/civisphere/backend/domain"
)

// VolunteerScanFilter narrows EachVolunteerForSearch in SQL, before any row reaches Go.
type VolunteerScanFilter struct {
	// ExcludeStatus leaves volunteers with this status out; empty: everyone.
	ExcludeStatus domain.VolunteerStatus
	// WithoutTexts leaves bio and notes empty: matching does not read them, and they are most
	// of what a row weighs.
	WithoutTexts bool
}

// searchScanColumns are what a search without the index reads of a volunteer: what it matches
// text against and filters on, nothing else (no phone, postcode, dates).
const (
	searchScanColumns = `v.id, v.first_name, v.last_name, v.email, v.city, v.causes, v.languages,
	v.availability, v.bio, v.notes, v.status`
	searchScanColumnsWithoutTexts = `v.id, v.first_name, v.last_name, v.email, v.city, v.causes, v.languages,
	v.availability, '', '', v.status`
)

// EachVolunteerForSearch calls fn for every volunteer that f lets through, in ID order, from one
// consistent snapshot, with their skills (in the person's order) but only the fields a search
// reads. It feeds the database fallback of search and matching while the index is rebuilt: one
// pass over the table, the skills merged in from a second ordered stream.
func (s *Store) EachVolunteerForSearch(ctx context.Context, f VolunteerScanFilter, fn func(domain.Volunteer) error) error {
	where, args := "1 = 1", []any{}
	if f.ExcludeStatus != "" {
		where += " AND v.status <> ?"
		args = append(args, string(f.ExcludeStatus))
	}
	tx, err := s.ro.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("read volunteers for a search: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	columns := searchScanColumns
	if f.WithoutTexts {
		columns = searchScanColumnsWithoutTexts
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+columns+` FROM volunteers v WHERE `+where+` ORDER BY v.id`, args...)
	if err != nil {
		return fmt.Errorf("read volunteers for a search: %w", err)
	}
	defer rows.Close()
	skillRows, err := tx.QueryContext(ctx, `SELECT s.volunteer_id, s.skill_id, s.level, COALESCE(c.name, '')
		FROM volunteers v JOIN volunteer_skills s ON s.volunteer_id = v.id
		LEFT JOIN custom_skills c ON c.id = s.skill_id
		WHERE `+where+` ORDER BY s.volunteer_id, s.position`, args...)
	if err != nil {
		return fmt.Errorf("read volunteer skills for a search: %w", err)
	}
	defer skillRows.Close()
	skills, err := newSkillCursor(skillRows)
	if err != nil {
		return err
	}
	var causes, languages, availability, status []byte
	for rows.Next() {
		var v domain.Volunteer
		if err := rows.Scan(&v.ID, &v.FirstName, &v.LastName, &v.Email, &v.City, &causes, &languages,
			&availability, &v.Bio, &v.Notes, &status); err != nil {
			return fmt.Errorf("read volunteer for a search: %w", err)
		}
		v.Status = domain.VolunteerStatus(status)
		if err := decodeScanLists(&v, causes, languages, availability); err != nil {
			return err
		}
		if v.Skills, err = skills.of(v.ID); err != nil {
			return err
		}
		if err := fn(v); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read volunteers for a search: %w", err)
	}
	return nil
}

// decodeScanLists decodes the JSON lists of a volunteer. This runs for every volunteer of the
// file at every search while the index is rebuilt, and encoding/json was most of its cost: the
// lists are read by hand when they have the shape this package writes (plain strings without
// escapes), and by encoding/json otherwise.
func decodeScanLists(v *domain.Volunteer, causes, languages, availability []byte) error {
	if list, ok := plainStrings(causes); ok {
		v.Causes = make([]domain.Cause, len(list))
		for i, c := range list {
			v.Causes[i] = domain.Cause(c)
		}
	} else if err := json.Unmarshal(causes, &v.Causes); err != nil {
		return fmt.Errorf("read causes of volunteer %d: %w", v.ID, err)
	}
	if list, ok := plainStrings(languages); ok {
		v.Languages = list
	} else if err := json.Unmarshal(languages, &v.Languages); err != nil {
		return fmt.Errorf("read languages of volunteer %d: %w", v.ID, err)
	}
	if len(availability) <= 2 {
		return nil
	}
	var a availabilityRow
	if !plainAvailability(availability, &a) {
		a = availabilityRow{}
		if err := json.Unmarshal(availability, &a); err != nil {
			return fmt.Errorf("read availability of volunteer %d: %w", v.ID, err)
		}
	}
	v.Availability = domain.Availability{Days: a.Days, Evenings: a.Evenings, Weekends: a.Weekends,
		HoursPerMonth: a.HoursPerMonth, Mode: domain.WorkMode(a.Mode)}
	return nil
}

// plainStrings reads a JSON array of strings without escapes, such as ["fr","en"]; ok is false
// for anything else.
func plainStrings(raw []byte) (list []string, ok bool) {
	if len(raw) < 2 || raw[0] != '[' || raw[len(raw)-1] != ']' || bytes.IndexByte(raw, '\\') >= 0 {
		return nil, false
	}
	body := raw[1 : len(raw)-1]
	if len(body) == 0 {
		return nil, true
	}
	for _, item := range bytes.Split(body, []byte(",")) {
		if len(item) < 2 || item[0] != '"' || item[len(item)-1] != '"' || bytes.IndexByte(item[1:len(item)-1], '"') >= 0 {
			return nil, false
		}
		list = append(list, string(item[1:len(item)-1]))
	}
	return list, true
}

// plainAvailability reads an availability as availabilityRow encodes it (fields in its order,
// no spaces, no escapes); ok is false for anything else.
func plainAvailability(raw []byte, a *availabilityRow) bool {
	if len(raw) < 2 || raw[0] != '{' || raw[len(raw)-1] != '}' || bytes.IndexByte(raw, '\\') >= 0 || bytes.IndexByte(raw, ' ') >= 0 {
		return false
	}
	rest := raw[1 : len(raw)-1]
	take := func(key string) bool {
		if !bytes.HasPrefix(rest, []byte(`"`+key+`":`)) {
			return false
		}
		rest = rest[len(key)+3:]
		return true
	}
	value := func() []byte { // up to the next top-level comma
		end := len(rest)
		if len(rest) > 0 && rest[0] == '[' {
			end = bytes.IndexByte(rest, ']') + 1
		} else if i := bytes.IndexByte(rest, ','); i >= 0 {
			end = i
		}
		v := rest[:end]
		rest = bytes.TrimPrefix(rest[end:], []byte(","))
		return v
	}
	if take("days") {
		days, ok := plainStrings(value())
		if !ok {
			return false
		}
		a.Days = days
	}
	if take("evenings") {
		a.Evenings = string(value()) == "true"
	}
	if take("weekends") {
		a.Weekends = string(value()) == "true"
	}
	if take("hoursPerMonth") {
		n, err := strconv.Atoi(string(value()))
		if err != nil {
			return false
		}
		a.HoursPerMonth = n
	}
	if take("mode") {
		m := value()
		if len(m) < 2 || m[0] != '"' || m[len(m)-1] != '"' {
			return false
		}
		a.Mode = string(m[1 : len(m)-1])
	}
	return len(rest) == 0
}
