package domain

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// Fuzz targets for every parser of what people type or send. Their seeds run with the ordinary
// tests (testdata/fuzz/<Target> holds inputs found worth keeping); `go test -fuzz` explores.

// FuzzVolunteerProfile: normalising never panics, is stable (normalising twice changes
// nothing), and validation answers with field errors, never a panic.
func FuzzVolunteerProfile(f *testing.F) {
	f.Add("Élodie", "  MARTIN ", "Elodie.Martin@Example.FR", "06 12 34 56 78", "25000", "Besançon", "compta", "confirmé", "fr,en", "2024-02-29")
	f.Add("Ольга", "Петрова", "olga@пример.рф", "+33 (0)6.12.34.56.78", "2A004", "Ajaccio", "Traduction russe", "expert", "ru", "2024-02-30")
	f.Add("", "Œuvre", "a@b", "0033612345678", "97411", "Saint-Denis", "", "génial", "xx,FR", "")
	f.Add("Ελένη", "Nguyễn\u202e", "\x00@x.fr", "+1 555 0100 ext 12", "??", "Łódź", "C#, c++", "Expert", ",,", "1999-12-31")
	f.Fuzz(func(t *testing.T, first, last, email, phone, postcode, city, skill, level, languages, joined string) {
		v := Volunteer{FirstName: first, LastName: last, Email: email, Phone: phone, Postcode: postcode, City: city,
			Skills:    []VolunteerSkill{{Name: skill, SkillID: CustomSkillID(skill), Level: SkillLevel(level)}},
			Languages: strings.Split(languages, ","), JoinedOn: joined, Bio: first + " " + last}
		v.Normalize()
		once := v
		once.Skills = slices.Clone(v.Skills)
		once.Languages = slices.Clone(v.Languages)
		v.Normalize()
		if !reflect.DeepEqual(v, once) {
			t.Fatalf("Normalize is not stable:\n%+v\n%+v", once, v)
		}
		if err := v.Validate(); err != nil {
			var ve *ValidationError
			if !asValidation(err, &ve) || len(ve.Fields) == 0 {
				t.Fatalf("Validate: %v is not a field error", err)
			}
		}
		if p := NormalizePhone(phone); NormalizePhone(p) != p {
			t.Fatalf("NormalizePhone(%q) = %q is not stable", phone, p)
		}
		if id := CustomSkillID(skill); id != "" && !IsCustomSkill(id) {
			t.Fatalf("CustomSkillID(%q) = %q", skill, id)
		}
		if l, ok := ParseSkillLevel(level); ok && l.Rank() == 0 {
			t.Fatalf("ParseSkillLevel(%q) = %q without a rank", level, l)
		}
	})
}

func asValidation(err error, target **ValidationError) bool {
	ve, ok := err.(*ValidationError)
	*target = ve
	return ok
}

// FuzzValidDate: a date said valid is a real calendar day written YYYY-MM-DD.
func FuzzValidDate(f *testing.F) {
	for _, s := range []string{"2024-02-29", "2023-02-29", "2026-11-25", "0000-01-01", "2024-1-5", "2024-02-30", "２０２４-01-01", "2024-01-01T00:00:00Z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !ValidDate(s) {
			return
		}
		d, err := time.Parse(time.DateOnly, s)
		if err != nil || d.Format(time.DateOnly) != s {
			t.Fatalf("ValidDate(%q) but it reads as %v, %v", s, d, err)
		}
	})
}

// FuzzHourEntry: hours as typed and the entry's checks never panic; accepted hours are whole,
// positive minutes.
func FuzzHourEntry(f *testing.F) {
	f.Add(1.5, "2026-11-20", "Réunion à Besançon", "expert", 0, "2026-01-01", "2026-12-31", "2026-11-25")
	f.Add(-3.0, "2026-02-30", "", "", 1400, "", "", "")
	f.Add(1e300, "9999-99-99", strings.Repeat("Œ", 3000), "génial", -5, "2026-12-31", "2026-01-01", "2026-11-25")
	f.Fuzz(func(t *testing.T, hours float64, date, note, level string, logged int, start, end, today string) {
		minutes, ok := HoursToMinutes(hours)
		if !ok {
			return
		}
		e := HourEntry{VolunteerID: 1, ProjectID: 2, Date: date, Minutes: minutes, Note: note, Level: SkillLevel(level), Status: HoursPending}
		e.Normalize()
		err := e.Validate()
		if err == nil {
			if e.Minutes <= 0 || !ValidDate(e.Date) {
				t.Fatalf("accepted %+v", e)
			}
			_ = CheckHourEntryFits(e, logged, start, end, today)
		}
		_ = MinutesToHours(minutes)
	})
}

// FuzzSurveyAnswers: answers sent as JSON (any shape) are read and checked against every kind
// of question without a panic; what is accepted passes the checks again once turned back into
// values.
func FuzzSurveyAnswers(f *testing.F) {
	f.Add([]byte(`[4, "Oui", ["Lecture", "Écriture"], 12.5, "Très bien, merci à Élodie"]`))
	f.Add([]byte(`[null, "oui", [], -1e308, ""]`))
	f.Add([]byte(`[6, "Peut-être", ["Lecture","Lecture"], "douze", 42]`))
	f.Add([]byte(`[1e400, {"a":1}, [1,2], null, ["x"]]`))
	one, five, zero := 1.0, 5.0, 0.0
	survey := Survey{Questions: []SurveyQuestion{
		{Kind: QuestionScale, Text: "Satisfaction", Min: &one, Max: &five},
		{Kind: QuestionSingle, Text: "Recommanderiez-vous ?", Choices: []string{"Oui", "Non"}},
		{Kind: QuestionMultiple, Text: "Ateliers", Choices: []string{"Lecture", "Écriture", "Calcul"}},
		{Kind: QuestionNumber, Text: "Heures", Min: &zero},
		{Kind: QuestionText, Text: "Commentaire"},
	}}
	f.Fuzz(func(t *testing.T, raw []byte) {
		var values []any
		if json.Unmarshal(raw, &values) != nil {
			return
		}
		answers, err := survey.AnswersFromValues(values)
		if err != nil {
			return
		}
		if survey.CheckAnswers(answers) != nil {
			return
		}
		again, err := survey.AnswersFromValues(survey.AnswerValues(answers))
		if err != nil || survey.CheckAnswers(again) != nil {
			t.Fatalf("accepted answers %+v are refused once written back: %v", answers, err)
		}
	})
}

// FuzzSanitizeFileName: a sanitised name never leaves its folder nor hides what it is: no path
// separator, no "..", no control or bidirectional characters, valid UTF-8, not empty, within
// the length limit, and sanitising it again changes nothing.
func FuzzSanitizeFileName(f *testing.F) {
	for _, s := range []string{
		"Œuvre — procès-verbal.pdf", "../../etc/passwd", `C:\Users\Élodie\..\compte.xlsx`, "facture\u202efdp.exe",
		"nul.txt", "..", ". .", "a\x00b\nc.pdf", "Отчёт.docx", strings.Repeat("é", 300) + ".pdf", "\xff\xfe.pdf", "CON",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		got := SanitizeFileName(name)
		switch {
		case got == "" || got == "." || got == "..":
			t.Fatalf("%q → %q", name, got)
		case strings.ContainsAny(got, `/\`) || strings.Contains(got, ".."):
			t.Fatalf("%q → %q leaves its folder", name, got)
		case !utf8.ValidString(got) || len(got) > MaxFileNameBytes:
			t.Fatalf("%q → %q (%d bytes)", name, got, len(got))
		case strings.IndexFunc(got, func(r rune) bool { return unicode.IsControl(r) || isBidiControl(r) }) >= 0:
			t.Fatalf("%q → %q has control characters", name, got)
		case strings.ContainsAny(got, `<>:"|?*`):
			t.Fatalf("%q → %q has characters Windows refuses", name, got)
		case SanitizeFileName(got) != got:
			t.Fatalf("%q → %q → %q", name, got, SanitizeFileName(got))
		}
	})
}

// FuzzNewLogo: any bytes are refused with a field error or accepted as a PNG or JPEG within the
// limits, without a panic (image headers are read, never decoded whole).
func FuzzNewLogo(f *testing.F) {
	f.Add([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02\x00\x00\x00\x90\x91h6"))
	f.Add([]byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"))
	f.Add([]byte("PK\x03\x04 not a logo"))
	f.Add([]byte("GIF89a\x01\x00\x01\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		logo, err := NewLogo(data)
		if err != nil {
			return
		}
		if logo.Width <= 0 || logo.Height <= 0 || logo.Width > MaxLogoSide || logo.Height > MaxLogoSide ||
			(logo.MediaType != "image/png" && logo.MediaType != "image/jpeg") {
			t.Fatalf("accepted %+v", logo.LogoInfo)
		}
	})
}

// FuzzOrganizationProfile: the association's profile (postcode, SIRET or RNA, e-mail, phone,
// website) is normalised stably and validated without a panic.
func FuzzOrganizationProfile(f *testing.F) {
	f.Add("Œuvre de Besançon", "25000", "732 829 320 00074", "contact@oeuvre.fr", "03 81 00 00 00", "https://oeuvre.fr")
	f.Add("Ассоциация", "2B", "W751234567", "x@@y", "+7 495", "javascript:alert(1)")
	f.Add("", "97411", "12345678901234", "", "", "http://[::1]:80/")
	f.Fuzz(func(t *testing.T, name, postcode, registration, email, phone, website string) {
		p := OrganizationProfile{Name: name, Postcode: postcode, RegistrationNumber: registration, Email: email, Phone: phone, Website: website}
		p.Normalize()
		once := p
		p.Normalize()
		if p != once {
			t.Fatalf("Normalize is not stable: %+v then %+v", once, p)
		}
		if err := p.Validate(); err == nil && p.Website != "" && !strings.HasPrefix(strings.ToLower(p.Website), "http") {
			t.Fatalf("website %q accepted", p.Website)
		}
		_ = ValidLinkURL(website)
	})
}
