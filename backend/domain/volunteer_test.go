package domain

import (
	"strings"
	"testing"
	"unicode"
)

// foldReference is FoldText written the plain way, one string per letter: the fast version
// must agree with it on every input.
func foldReference(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		var f string
		switch {
		case r < 0x80 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '+' || r == '#'):
			f = string(r)
		case r >= 'A' && r <= 'Z':
			f = string(r + 'a' - 'A')
		case r < 0x80:
			space = space || b.Len() > 0
			continue
		default:
			if l, ok := latinFolds[unicode.ToLower(r)]; ok {
				f = l
			} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
				f = string(unicode.ToLower(r))
			} else if !unicode.Is(unicode.Mn, r) {
				space = space || b.Len() > 0
				continue
			} else {
				continue // a combining accent adds nothing, not even a pending space
			}
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteString(f)
	}
	return b.String()
}

func TestFoldText(t *testing.T) {
	for in, want := range map[string]string{
		"Comptabilité": "comptabilite", " COMPTABILITÉ ": "comptabilite", "Œuvre  d'art": "oeuvre d art",
		"Lætitia": "laetitia", "straße": "strasse", "C++ / C#": "c++ c#", "Nguyễn Văn An": "nguyen van an",
		"Ольга": "ольга", "Saint-Étienne": "saint etienne", "gestion de projet": "gestion de projet", "": "",
	} {
		if got := FoldText(in); got != want {
			t.Errorf("FoldText(%q) = %q, want %q", in, got, want)
		}
	}
	for _, s := range []string{
		"", " ", "Comptabilité", "COMPTABILITÉ ", "  Œuvre  d'art ", "C++ / C#", "e-mailing", "Nguyễn Văn An",
		"Ольга", "Ὀδυσσεύς", "São Paulo", "Łódź", "straße", "Þór", "a \u0301b", "a \u0301", "\u0301", "0 \u0655", "x\uFFFDy", "\xff\xfe",
		"mardi–vendredi", "北京", "emoji 🎉 ok", "déjà\u00a0vu", "ǅemal", "İstanbul", "deja vu", "deja  vu", " deja",
	} {
		if got, want := FoldText(s), foldReference(s); got != want {
			t.Errorf("FoldText(%q) = %q, the plain definition gives %q", s, got, want)
		}
	}
}

func TestNormalizePhone(t *testing.T) {
	for in, want := range map[string]string{
		"06.12.34.56.78": "06 12 34 56 78", "0612345678": "06 12 34 56 78", "612345678": "06 12 34 56 78",
		"+33 6 12 34 56 78": "+33 6 12 34 56 78", "0033612345678": "+33 6 12 34 56 78", "+32 470 12 34 56": "+32470123456",
		"pas de téléphone": "pas de téléphone",
	} {
		if got := NormalizePhone(in); got != want {
			t.Errorf("NormalizePhone(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseSkillLevelAcceptsFrenchAndEnglish(t *testing.T) {
	for in, want := range map[string]SkillLevel{
		"": LevelIntermediate, "Débutante": LevelBeginner, "confirmé": LevelConfirmed, "Advanced": LevelConfirmed,
		"EXPERT": LevelExpert, "intermédiaire": LevelIntermediate,
	} {
		if got, ok := ParseSkillLevel(in); !ok || got != want {
			t.Errorf("ParseSkillLevel(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := ParseSkillLevel("génial"); ok {
		t.Error("an unknown level was accepted")
	}
}

func TestVolunteerValidateReportsEveryProblem(t *testing.T) {
	v := Volunteer{Email: "pas-un-courriel", Postcode: "??", Causes: []Cause{"licornes"}, Languages: []string{"Français"},
		Availability: Availability{Days: []string{"lundi"}, HoursPerMonth: 500, Mode: "partout"}, JoinedOn: "2024-02-30",
		Skills: []VolunteerSkill{{SkillID: "accounting", Level: "génial"}}}
	v.Normalize()
	var fields []string
	if err, ok := v.Validate().(*ValidationError); ok {
		for _, f := range err.Fields {
			fields = append(fields, f.Field)
		}
	}
	want := "lastName email postcode skills causes languages availability.days availability.hoursPerMonth availability.mode joinedOn"
	if got := strings.Join(fields, " "); got != want {
		t.Errorf("fields at fault: %q, want %q", got, want)
	}
}

func TestNormalizeKeepsOneEntryPerSkillWithTheHigherLevel(t *testing.T) {
	v := Volunteer{LastName: "Martin", Email: " Elodie@Example.FR ", Skills: []VolunteerSkill{
		{SkillID: "accounting", Level: LevelBeginner}, {Name: "Apiculture", Level: LevelBeginner},
		{SkillID: "accounting", Level: LevelExpert}, {Name: "APICULTURE", Level: LevelConfirmed}, {Name: "  "},
	}}
	v.Normalize()
	if v.Email != "elodie@example.fr" || len(v.Skills) != 2 || v.Skills[0].Level != LevelExpert || v.Skills[1].Level != LevelConfirmed {
		t.Fatalf("after Normalize: %q %+v", v.Email, v.Skills)
	}
}
