package taxonomy

import (
	"regexp"
	"slices"
	"testing"

	"github.com/civisphere/civisphere/backend/domain"
)

// Every term of a vocabulary names one entry, also without plural endings.
func checkVocabulary(t *testing.T, what string, entries []vocabEntry) {
	t.Helper()
	owner := map[string]string{}
	looseOwner := map[string]string{}
	codes := map[string]bool{}
	for _, e := range entries {
		if codes[e.code] {
			t.Errorf("%s %q is listed twice", what, e.code)
		}
		codes[e.code] = true
		if e.name.FR == "" || e.name.EN == "" {
			t.Errorf("%s %q lacks a French or English name: %+v", what, e.code, e.name)
		}
		for _, term := range e.terms() {
			key := domain.FoldText(term)
			if key == "" {
				t.Errorf("%s %q: term %q folds to nothing", what, e.code, term)
				continue
			}
			if other, ok := owner[key]; ok && other != e.code {
				t.Errorf("%s term %q (folded %q) names both %q and %q", what, term, key, other, e.code)
			}
			owner[key] = e.code
			loose := looseKey(key)
			if other, ok := looseOwner[loose]; ok && other != e.code {
				t.Errorf("%s term %q (without plurals %q) names both %q and %q", what, term, loose, other, e.code)
			}
			looseOwner[loose] = e.code
		}
	}
}

func TestCauseVocabulary(t *testing.T) {
	checkVocabulary(t, "cause", causeEntries)
	if len(causeEntries) != len(domain.Causes) {
		t.Errorf("%d causes are named, domain.Causes has %d", len(causeEntries), len(domain.Causes))
	}
	for i, c := range domain.Causes {
		if i < len(causeEntries) && causeEntries[i].code != string(c) {
			t.Errorf("cause %d is %q, domain.Causes has %q: keep the same order", i, causeEntries[i].code, c)
		}
		l := CauseLabel(c)
		if l.FR == "" || l.EN == "" || l.FR == string(c) && l.EN == string(c) {
			t.Errorf("CauseLabel(%q) = %+v, want French and English names", c, l)
		}
		for _, text := range []string{string(c), l.FR, l.EN} {
			if got, ok := MatchCause(text); !ok || got != c {
				t.Errorf("MatchCause(%q) = %q, %v; want %q", text, got, ok, c)
			}
		}
	}
}

func TestCauseLabel(t *testing.T) {
	tests := []struct {
		cause  domain.Cause
		fr, en string
	}{
		{"humanRights", "Droits humains", "Human rights"},
		{"childhood", "Enfance et jeunesse", "Children and youth"},
		{"environment", "Environnement", "Environment"},
		{"elderly", "Personnes âgées", "Older people"},
		{"international", "Solidarité internationale", "International solidarity"},
		{"heritage", "Patrimoine", "Heritage"},
	}
	for _, tt := range tests {
		if got := CauseLabel(tt.cause); got.FR != tt.fr || got.EN != tt.en {
			t.Errorf("CauseLabel(%q) = %+v, want %q / %q", tt.cause, got, tt.fr, tt.en)
		}
	}
	if got := CauseLabel("unknown"); got.FR != "unknown" || got.EN != "unknown" {
		t.Errorf("CauseLabel(unknown) = %+v, want the ID", got)
	}
}

func TestMatchCause(t *testing.T) {
	tests := []struct {
		text string
		want domain.Cause
	}{
		{"Écologie", "environment"},
		{"environnement", "environment"},
		{"CLIMAT", "environment"},
		{"Santé", "health"},
		{"sante", "health"},
		{"handicap", "disability"},
		{"Personnes en situation de handicap", "disability"},
		{"droits de l'homme", "humanRights"},
		{"Droits de l’Homme", "humanRights"},
		{"droits humains", "humanRights"},
		{"Human Rights", "humanRights"},
		{"humanRights", "humanRights"},
		{"insertion", "employment"},
		{"Emploi", "employment"},
		{"personnes âgées", "elderly"},
		{"Seniors", "elderly"},
		{"senior", "elderly"},
		{"aînés", "elderly"},
		{"logement", "housing"},
		{"Sans-abri", "housing"},
		{"sans abri", "housing"},
		{"SDF", "housing"},
		{"solidarité internationale", "international"},
		{"Humanitaire", "international"},
		{"citoyenneté", "citizenship"},
		{"patrimoine", "heritage"},
		{"protection animale", "animals"},
		{"Animaux", "animals"},
		{"animal", "animals"},
		{"sport", "sport"},
		{"Sports", "sport"},
		{"culture", "culture"},
		{"Éducation", "education"},
		{"enseignement", "education"},
		{"solidarité", "solidarity"},
		{"Lutte contre la pauvreté", "solidarity"},
		{"enfance", "childhood"},
		{"Jeunesse", "childhood"},
		{"enfants", "childhood"},
		{"", ""},
		{"astronomie", ""},
	}
	for _, tt := range tests {
		got, ok := MatchCause(tt.text)
		if tt.want == "" {
			if ok {
				t.Errorf("MatchCause(%q) = %q, want no match", tt.text, got)
			}
			continue
		}
		if !ok || got != tt.want {
			t.Errorf("MatchCause(%q) = %q, %v; want %q", tt.text, got, ok, tt.want)
		}
	}
}

var languageCode = regexp.MustCompile(`^[a-z]{2,3}$`)

func TestLanguageVocabulary(t *testing.T) {
	checkVocabulary(t, "language", languageEntries)
	codes := Languages()
	if len(codes) < 40 {
		t.Errorf("Languages() has %d languages, want about 40 or more", len(codes))
	}
	if len(codes) < 2 || codes[0] != "fr" || codes[1] != "en" {
		t.Errorf("Languages() begins with %v, want fr then en", codes[:min(2, len(codes))])
	}
	for _, want := range []string{"fr", "en", "es", "de", "it", "pt", "nl", "pl", "ro", "ar", "zh", "ru", "uk", "tr",
		"vi", "wo", "bm", "ber", "kab", "ta", "hi", "fa", "ps", "sw", "ln", "el", "sv", "da", "fi", "cs", "hu", "bg",
		"hr", "sr", "sq", "hy", "ka", "he", "ja", "ko", "fsl", "bfi"} {
		if !slices.Contains(codes, want) {
			t.Errorf("Languages() lacks %q", want)
		}
	}
	for _, code := range codes {
		if !languageCode.MatchString(code) {
			t.Errorf("language code %q is not 2 or 3 lower-case letters, as profiles require", code)
		}
		l := LanguageLabel(code)
		if l.FR == "" || l.EN == "" || l.FR == code {
			t.Errorf("LanguageLabel(%q) = %+v, want French and English names", code, l)
		}
		for _, text := range []string{code, l.FR, l.EN} {
			if got, ok := MatchLanguage(text); !ok || got != code {
				t.Errorf("MatchLanguage(%q) = %q, %v; want %q", text, got, ok, code)
			}
		}
	}
	// The caller gets its own slice.
	codes[0] = "xx"
	if Languages()[0] != "fr" {
		t.Error("changing the slice Languages returned changed the list")
	}
}

func TestLanguageLabel(t *testing.T) {
	tests := []struct {
		code, fr, en string
	}{
		{"fr", "Français", "French"},
		{"en", "Anglais", "English"},
		{"ar", "Arabe", "Arabic"},
		{"zh", "Chinois", "Chinese"},
		{"fsl", "Langue des signes française (LSF)", "French Sign Language"},
		{"bfi", "Langue des signes britannique (BSL)", "British Sign Language (BSL)"},
		{"ber", "Berbère (tamazight)", "Berber (Tamazight)"},
		{"FR", "Français", "French"},
		{"xq", "xq", "xq"},
	}
	for _, tt := range tests {
		if got := LanguageLabel(tt.code); got.FR != tt.fr || got.EN != tt.en {
			t.Errorf("LanguageLabel(%q) = %+v, want %q / %q", tt.code, got, tt.fr, tt.en)
		}
	}
}

func TestMatchLanguage(t *testing.T) {
	tests := []struct {
		text, want string
	}{
		{"Français", "fr"},
		{"francais", "fr"},
		{"FRANÇAIS", "fr"},
		{"french", "fr"},
		{"FR", "fr"},
		{"fra", "fr"},
		{"anglais", "en"},
		{"English", "en"},
		{"EN", "en"},
		{"Arabe", "ar"},
		{"arabic", "ar"},
		{"darija", "ar"},
		{"LSF", "fsl"},
		{"langue des signes", "fsl"},
		{"Langue des signes française", "fsl"},
		{"Langue des signes française (LSF)", "fsl"},
		{"BSL", "bfi"},
		{"Mandarin", "zh"},
		{"Chinois", "zh"},
		{"chinese", "zh"},
		{"Espagnol", "es"},
		{"español", "es"},
		{"Allemand", "de"},
		{"deutsch", "de"},
		{"Portugais", "pt"},
		{"Néerlandais", "nl"},
		{"Ukrainien", "uk"},
		{"УКРАЇНСЬКА", "uk"},
		{"русский", "ru"},
		{"Tamazight", "ber"},
		{"Berbère", "ber"},
		{"Kabyle", "kab"},
		{"Farsi", "fa"},
		{"Dari", "fa"},
		{"Pachto", "ps"},
		{"Wolof", "wo"},
		{"Bambara", "bm"},
		{"Peul", "ff"},
		{"Lingala", "ln"},
		{"Tigrinya", "ti"},
		{"Tamoul", "ta"},
		{"Vietnamien", "vi"},
		{"Tiếng Việt", "vi"},
		{"Créole haïtien", "ht"},
		{"Grec", "el"},
		{"Géorgien", "ka"},
		{"Arménien", "hy"},
		{"Hébreu", "he"},
		{"Japonais", "ja"},
		{"Coréen", "ko"},
		// a level written after the name
		{"Anglais courant", "en"},
		{"Espagnol (B2)", "es"},
		{"arabe langue maternelle", "ar"},
		{"Langue arabe", "ar"},
		{"English - fluent", "en"},
		{"Italien : notions", "it"},
		{"Langue des signes française (courant)", "fsl"},
		// not a language
		{"", ""},
		{"courant", ""},
		{"langue", ""},
		{"anglais et espagnol", ""},
		{"klingon", ""},
	}
	for _, tt := range tests {
		got, ok := MatchLanguage(tt.text)
		if tt.want == "" {
			if ok {
				t.Errorf("MatchLanguage(%q) = %q, want no match", tt.text, got)
			}
			continue
		}
		if !ok || got != tt.want {
			t.Errorf("MatchLanguage(%q) = %q, %v; want %q", tt.text, got, ok, tt.want)
		}
	}
}
