package domain

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Limits of a volunteer profile. They keep one record to a size a form, an index and a PDF can
// handle; a CV pasted into the bio fits comfortably.
const (
	maxPersonNameRunes = 100
	maxBioRunes        = 10000
	maxNotesRunes      = 10000
	maxSkillNameRunes  = 80
	MaxVolunteerSkills = 50
	MaxHoursPerMonth   = 200
)

// SkillLevel is how well a volunteer masters a skill, from beginner to expert.
type SkillLevel string

const (
	LevelBeginner     SkillLevel = "beginner"     // débutant
	LevelIntermediate SkillLevel = "intermediate" // intermédiaire
	LevelConfirmed    SkillLevel = "confirmed"    // confirmé
	LevelExpert       SkillLevel = "expert"       // expert
)

// SkillLevels lists the levels from the lowest to the highest.
var SkillLevels = []SkillLevel{LevelBeginner, LevelIntermediate, LevelConfirmed, LevelExpert}

// Rank orders levels: 1 for beginner up to 4 for expert, 0 for an unknown value.
func (l SkillLevel) Rank() int {
	for i, known := range SkillLevels {
		if l == known {
			return i + 1
		}
	}
	return 0
}

// ParseSkillLevel accepts the API values and the French and English words people type in forms
// and spreadsheets ("Confirmé", "avancé", "Expert", "junior"…). The empty string gives
// intermediate, the level a coordinator assumes when the file says nothing.
func ParseSkillLevel(s string) (SkillLevel, bool) {
	switch FoldText(s) {
	case "":
		return LevelIntermediate, true
	case "beginner", "debutant", "debutante", "novice", "junior", "notions", "1":
		return LevelBeginner, true
	case "intermediate", "intermediaire", "moyen", "bon", "2":
		return LevelIntermediate, true
	case "confirmed", "confirme", "confirmee", "advanced", "avance", "avancee", "experienced", "experimente", "experimentee", "senior", "3":
		return LevelConfirmed, true
	case "expert", "experte", "expertise", "4":
		return LevelExpert, true
	}
	return "", false
}

// Cause is a field of action a volunteer cares about, from a fixed list the UI translates.
type Cause string

// Causes is the fixed list of causes, in the order forms show them.
var Causes = []Cause{
	"education", "health", "environment", "solidarity", "culture", "sport", "employment",
	"disability", "humanRights", "animals", "childhood", "elderly", "housing", "international",
	"citizenship", "heritage",
}

// ValidCause tells whether c is on the fixed list.
func ValidCause(c Cause) bool {
	for _, known := range Causes {
		if c == known {
			return true
		}
	}
	return false
}

// Weekdays are the days of availability, Monday first as in France.
var Weekdays = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

// WorkMode says where a volunteer is willing to help.
type WorkMode string

const (
	ModeUnspecified WorkMode = ""
	ModeOnSite      WorkMode = "onsite"
	ModeRemote      WorkMode = "remote"
	ModeEither      WorkMode = "either"
)

// Availability is when and how a volunteer can help.
type Availability struct {
	Days          []string // from Weekdays
	Evenings      bool
	Weekends      bool
	HoursPerMonth int // 0 when unknown
	Mode          WorkMode
}

// VolunteerStatus says whether a volunteer is still in the active file.
type VolunteerStatus string

const (
	StatusActive   VolunteerStatus = "active"
	StatusArchived VolunteerStatus = "archived"
)

// VolunteerSkill is one skill a volunteer offers. SkillID names an entry of the taxonomy or a
// custom skill ("custom:<slug>"); Name is the text as entered, kept for custom skills.
type VolunteerSkill struct {
	SkillID string
	Name    string
	Level   SkillLevel
}

// Volunteer is a person who offers their skills.
type Volunteer struct {
	ID           int64
	FirstName    string
	LastName     string
	Email        string
	Phone        string
	City         string
	Postcode     string
	Skills       []VolunteerSkill
	Causes       []Cause
	Languages    []string // ISO 639 codes, e.g. "fr", "en", "ar"
	Availability Availability
	Bio          string
	Notes        string // internal: seen by coordinators only
	JoinedOn     string // YYYY-MM-DD, the day they joined the association; may be empty
	SponsorID    int64  // the sponsor they take part for (an employee in its program), or 0
	Status       VolunteerStatus
	CreatedAt    time.Time
	UpdatedAt    time.Time
	// Consents holds the latest record of each kind the person ever answered, given or
	// withdrawn. Profile writes ignore it (consents change one at a time, dated), except when
	// the profile is created: the consents given on the form are recorded with it.
	Consents []Consent
}

// FullName is "First Last", or whichever part is known.
func (v Volunteer) FullName() string {
	return strings.TrimSpace(v.FirstName + " " + v.LastName)
}

// Normalize trims values and puts lists in a canonical form: no blanks, no repeats, e-mail
// lower-cased (people type the same address with different cases), phone spaced the French way.
func (v *Volunteer) Normalize() {
	v.FirstName = collapseSpaces(v.FirstName)
	v.LastName = collapseSpaces(v.LastName)
	v.Email = strings.ToLower(strings.TrimSpace(v.Email))
	v.Phone = NormalizePhone(v.Phone)
	v.City = collapseSpaces(v.City)
	v.Postcode = strings.ToUpper(strings.TrimSpace(v.Postcode))
	v.Bio = strings.TrimSpace(v.Bio)
	v.Notes = strings.TrimSpace(v.Notes)
	v.JoinedOn = strings.TrimSpace(v.JoinedOn)
	if v.Status == "" {
		v.Status = StatusActive
	}
	v.Causes = uniqueNonEmpty(v.Causes)
	for i, l := range v.Languages {
		v.Languages[i] = strings.ToLower(strings.TrimSpace(l))
	}
	v.Languages = uniqueNonEmpty(v.Languages)
	for i, d := range v.Availability.Days {
		v.Availability.Days[i] = strings.ToLower(strings.TrimSpace(d))
	}
	v.Availability.Days = uniqueNonEmpty(v.Availability.Days)
	// One entry per skill: when a skill is given twice, the higher level wins.
	skills := v.Skills[:0]
	seen := map[string]int{}
	for _, s := range v.Skills {
		s.Name = collapseSpaces(s.Name)
		key := s.SkillID
		if key == "" {
			key = "name:" + FoldText(s.Name)
		}
		if key == "name:" {
			continue
		}
		if i, ok := seen[key]; ok {
			if s.Level.Rank() > skills[i].Level.Rank() {
				skills[i].Level = s.Level
			}
			continue
		}
		seen[key] = len(skills)
		skills = append(skills, s)
	}
	v.Skills = skills
}

// Validate checks every field and reports all problems at once. Call Normalize first. Skills
// are expected to be resolved (SkillID set) by the caller, which knows the taxonomy.
func (v Volunteer) Validate() error {
	e := &ValidationError{}
	if v.FirstName == "" && v.LastName == "" {
		e.add("lastName", CodeRequired, nil)
	}
	checkLength(e, "firstName", v.FirstName, maxPersonNameRunes)
	checkLength(e, "lastName", v.LastName, maxPersonNameRunes)
	if v.Email != "" && !validEmail(v.Email) {
		e.add("email", CodeInvalidEmail, nil)
	}
	if v.Phone != "" && !validPhone(v.Phone) {
		e.add("phone", CodeInvalidPhone, nil)
	}
	checkLength(e, "city", v.City, maxCityRunes)
	if v.Postcode != "" && !validPostcode(v.Postcode) {
		e.add("postcode", CodeInvalidPostcode, nil)
	}
	if len(v.Skills) > MaxVolunteerSkills {
		e.add("skills", CodeTooMany, map[string]any{"max": MaxVolunteerSkills})
	}
	for _, s := range v.Skills {
		if s.Level.Rank() == 0 {
			e.add("skills", CodeInvalidChoice, map[string]any{"choices": "beginner, intermediate, confirmed, expert"})
			break
		}
		if len([]rune(s.Name)) > maxSkillNameRunes {
			e.add("skills", CodeTooLong, map[string]any{"max": maxSkillNameRunes})
			break
		}
	}
	for _, c := range v.Causes {
		if !ValidCause(c) {
			e.add("causes", CodeInvalidChoice, map[string]any{"choices": joinCauses()})
			break
		}
	}
	for _, l := range v.Languages {
		if !validLanguageCode(l) {
			e.add("languages", CodeInvalidLanguage, map[string]any{"value": l})
			break
		}
	}
	for _, d := range v.Availability.Days {
		if !contains(Weekdays, d) {
			e.add("availability.days", CodeInvalidChoice, map[string]any{"choices": strings.Join(Weekdays, ", ")})
			break
		}
	}
	if v.Availability.HoursPerMonth < 0 || v.Availability.HoursPerMonth > MaxHoursPerMonth {
		e.add("availability.hoursPerMonth", CodeOutOfRange, map[string]any{"min": 0, "max": MaxHoursPerMonth})
	}
	switch v.Availability.Mode {
	case ModeUnspecified, ModeOnSite, ModeRemote, ModeEither:
	default:
		e.add("availability.mode", CodeInvalidChoice, map[string]any{"choices": "onsite, remote, either"})
	}
	checkLength(e, "bio", v.Bio, maxBioRunes)
	checkLength(e, "notes", v.Notes, maxNotesRunes)
	if v.JoinedOn != "" {
		if _, err := time.Parse(time.DateOnly, v.JoinedOn); err != nil {
			e.add("joinedOn", CodeInvalidDate, nil)
		}
	}
	switch v.Status {
	case StatusActive, StatusArchived:
	default:
		e.add("status", CodeInvalidChoice, map[string]any{"choices": "active, archived"})
	}
	return e.orNil()
}

// NormalizePhone removes the spacing people type in every possible way and writes French numbers
// as "06 12 34 56 78" or "+33 6 12 34 56 78"; other numbers keep their digits and leading "+".
// Text that is not a phone number is returned trimmed, for Validate to refuse.
func NormalizePhone(s string) string {
	s = strings.TrimSpace(s)
	var digits strings.Builder
	plus := false
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits.WriteRune(r)
		case r == '+' && i == 0:
			plus = true
		case r == ' ', r == '.', r == '-', r == '(', r == ')', r == '/', r == '\u00a0', r == '\u202f':
		default:
			return s
		}
	}
	d := digits.String()
	switch {
	case d == "":
		return s
	case plus && strings.HasPrefix(d, "33") && len(d) == 11:
		return "+33 " + d[2:3] + " " + pairs(d[3:])
	case !plus && strings.HasPrefix(d, "0033") && len(d) == 13:
		return "+33 " + d[4:5] + " " + pairs(d[5:])
	case !plus && len(d) == 10 && d[0] == '0':
		return pairs(d)
	case !plus && len(d) == 9 && d[0] != '0':
		// A spreadsheet stored 06 12 34 56 78 as the number 612345678.
		return pairs("0" + d)
	case plus:
		return "+" + d
	}
	return d
}

// pairs writes digits two by two: "0612345678" → "06 12 34 56 78".
func pairs(d string) string {
	var b strings.Builder
	for i := 0; i < len(d); i += 2 {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(d[i:min(i+2, len(d))])
	}
	return b.String()
}

// FoldText is the form in which names are compared: lower case, accents removed, ligatures
// spelled out (œ → oe, æ → ae, ß → ss), punctuation turned into single spaces. "Comptabilité",
// "COMPTABILITE" and " comptabilité " all fold to "comptabilite". It runs on every word of every
// imported cell, so it writes bytes rather than a string per letter, and text already folded
// (most ASCII words) is returned as it is.
func FoldText(s string) string {
	if isFoldedASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	word := func() {
		if space {
			b.WriteByte(' ')
			space = false
		}
	}
	for _, r := range s {
		if r < utf8.RuneSelf {
			c := byte(r)
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if isWordByte(c) {
				word()
				b.WriteByte(c)
			} else if b.Len() > 0 {
				space = true
			}
			continue
		}
		lower := unicode.ToLower(r)
		switch f, ok := latinFolds[lower]; {
		case ok:
			word()
			b.WriteString(f)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			word()
			b.WriteRune(lower)
		case unicode.Is(unicode.Mn, r):
			// A combining accent: dropped, without splitting the word. It writes nothing, so
			// it must not write a pending space either: after punctuation (a stray accent, as
			// in "0 ٕ") that space would end the text, and folding twice would differ.
		default:
			if b.Len() > 0 {
				space = true
			}
		}
	}
	return b.String()
}

// isWordByte tells the ASCII characters kept in folded text; "+" and "#" keep "C++" and "C#"
// distinct skills.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '#'
}

// isFoldedASCII tells ASCII text that folding would leave as it is: lower-case words separated
// by single spaces.
func isFoldedASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isWordByte(c) && (c != ' ' || i == 0 || i == len(s)-1 || s[i-1] == ' ') {
			return false
		}
	}
	return true
}

// latinFolds spells accented Latin letters without their accents. It covers the letters of
// European languages written in Latin script; other scripts are kept as they are.
var latinFolds = func() map[rune]string {
	groups := map[string]string{
		"a": "àáâãäåāăą", "c": "çćĉċč", "d": "ďđð", "e": "èéêëēĕėęě", "g": "ĝğġģ", "h": "ĥħ",
		"i": "ìíîïĩīĭįı", "j": "ĵ", "k": "ķ", "l": "ĺļľŀł", "n": "ñńņňŉ", "o": "òóôõöøōŏő",
		"r": "ŕŗř", "s": "śŝşšș", "t": "ţťŧț", "u": "ùúûüũūŭůűų", "w": "ŵ", "y": "ýÿŷ", "z": "źżž",
		"oe": "œ", "ae": "æ", "ss": "ß", "th": "þ",
	}
	// Vietnamese stacks two marks on vowels (Nguyễn, Trần): one more group per vowel.
	vietnamese := map[string]string{
		"a": "ạảấầẩẫậắằẳẵặ", "e": "ẹẻẽếềểễệ", "i": "ỉị", "o": "ọỏốồổỗộớờởỡợơ", "u": "ụủứừửữựư", "y": "ỳỵỷỹ",
	}
	for plain, accented := range vietnamese {
		groups[plain+" "] = accented // a distinct key; the space is trimmed below
	}
	m := make(map[rune]string, 128)
	for plain, accented := range groups {
		for _, r := range accented {
			m[r] = strings.TrimSpace(plain)
		}
	}
	return m
}()

func collapseSpaces(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func uniqueNonEmpty[T ~string](list []T) []T {
	out := list[:0]
	seen := make(map[T]bool, len(list))
	for _, x := range list {
		if x == "" || seen[x] {
			continue
		}
		seen[x] = true
		out = append(out, x)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func joinCauses() string {
	names := make([]string, len(Causes))
	for i, c := range Causes {
		names[i] = string(c)
	}
	return strings.Join(names, ", ")
}

// validLanguageCode accepts ISO 639-1 (two letters) and ISO 639-3 (three letters, e.g. "fsl"
// for French Sign Language) codes.
func validLanguageCode(s string) bool {
	if len(s) < 2 || len(s) > 3 {
		return false
	}
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// CustomSkillPrefix marks the IDs of skills that are not in the built-in taxonomy.
const CustomSkillPrefix = "custom:"

// CustomSkillID is the ID of a skill typed by someone and not found in the taxonomy: the same
// words, whatever their case or accents, give the same ID ("Apiculture" → "custom:apiculture").
func CustomSkillID(name string) string {
	return CustomSkillPrefix + strings.ReplaceAll(FoldText(name), " ", "-")
}

// IsCustomSkill tells whether id names a custom skill.
func IsCustomSkill(id string) bool { return strings.HasPrefix(id, CustomSkillPrefix) }
