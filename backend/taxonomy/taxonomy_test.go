package taxonomy

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/civisphere/civisphere/backend/domain"
)

var kebab = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func TestBuiltinSize(t *testing.T) {
	tax := Builtin()
	if n := len(tax.Skills()); n < 170 {
		t.Errorf("built-in taxonomy has %d skills, want at least 170", n)
	}
	if n := len(tax.Domains()); n < 12 {
		t.Errorf("built-in taxonomy has %d domains, want at least 12", n)
	}
	perDomain := map[string]int{}
	for _, s := range tax.Skills() {
		perDomain[s.Domain]++
	}
	for _, d := range tax.Domains() {
		if perDomain[d.ID] < 4 {
			t.Errorf("domain %q has %d skills, want at least 4", d.ID, perDomain[d.ID])
		}
	}
	if Builtin() != tax {
		t.Error("Builtin builds a new taxonomy on every call, want one shared value")
	}
}

func TestBuiltinIntegrity(t *testing.T) {
	tax := Builtin()
	domains := map[string]bool{}
	for _, d := range tax.Domains() {
		if !kebab.MatchString(d.ID) {
			t.Errorf("domain ID %q is not ASCII kebab-case", d.ID)
		}
		if domains[d.ID] {
			t.Errorf("domain ID %q is declared twice", d.ID)
		}
		domains[d.ID] = true
		if strings.TrimSpace(d.Name.FR) == "" || strings.TrimSpace(d.Name.EN) == "" {
			t.Errorf("domain %q lacks a French or English name: %+v", d.ID, d.Name)
		}
	}

	ids := map[string]bool{}
	owner := map[string]string{}      // folded term → skill ID
	looseOwner := map[string]string{} // folded term without plurals → skill ID
	for _, s := range tax.Skills() {
		if !kebab.MatchString(s.ID) {
			t.Errorf("skill ID %q is not ASCII kebab-case", s.ID)
		}
		if ids[s.ID] {
			t.Errorf("skill ID %q is used twice", s.ID)
		}
		ids[s.ID] = true
		if !domains[s.Domain] {
			t.Errorf("skill %q is in domain %q, which is not declared", s.ID, s.Domain)
		}
		if strings.TrimSpace(s.Name.FR) == "" || strings.TrimSpace(s.Name.EN) == "" {
			t.Errorf("skill %q lacks a French or English name: %+v", s.ID, s.Name)
		}
		if n := len(s.Synonyms); n < 3 || n > 8 {
			t.Errorf("skill %q has %d synonyms, want 3 to 8", s.ID, n)
		}
		for _, term := range s.terms() {
			key := domain.FoldText(term)
			if key == "" {
				t.Errorf("skill %q: term %q folds to nothing", s.ID, term)
				continue
			}
			if term != strings.TrimSpace(term) {
				t.Errorf("skill %q: term %q has surrounding spaces", s.ID, term)
			}
			if other, ok := owner[key]; ok && other != s.ID {
				t.Errorf("term %q (folded %q) names both %q and %q", term, key, other, s.ID)
			}
			owner[key] = s.ID
			loose := looseKey(key)
			if other, ok := looseOwner[loose]; ok && other != s.ID {
				t.Errorf("term %q (without plurals %q) names both %q and %q", term, loose, other, s.ID)
			}
			looseOwner[loose] = s.ID
		}
	}
	// IDs are stored in volunteer profiles: these must never disappear.
	for _, id := range []string{"accounting", "graphic-design", "project-management"} {
		if !ids[id] {
			t.Errorf("skill %q is missing", id)
		}
	}
}

// Words that occur in almost any sentence must not name a skill on their own, or FindIn would
// see skills everywhere.
func TestNoCommonWordIsATerm(t *testing.T) {
	common := []string{
		"a", "de", "des", "du", "et", "la", "le", "les", "un", "une", "en", "on", "si", "son", "sa",
		"il", "elle", "pour", "avec", "sur", "dans", "par", "the", "and", "of", "to", "in", "it",
		"is", "for", "with", "be", "as", "at", "by", "or", "an", "do", "go", "me", "my", "we", "us",
		"aide", "help", "projet", "project", "formation", "training", "gestion", "qualite", "quality",
		"design", "code", "web", "chef", "art", "travail", "work", "social", "sociale", "service",
		"conseil", "cours", "organisation", "process", "processus", "benevole", "benevolat",
		"volunteer", "association", "animation", "entretien", "collecte", "don", "dons",
		// in French: "j'ai", a URL's ".com", "reporter" (to postpone), "TOC" (OCD)
		"ai", "com", "reporter", "toc", "ip", "odd", "sea", "moving", "handling", "interpretation",
	}
	tax := Builtin()
	for _, w := range common {
		if s, ok := tax.Match(w); ok {
			t.Errorf("common word %q names skill %q", w, s.ID)
		}
	}
}

func TestMatch(t *testing.T) {
	tax := Builtin()
	tests := []struct {
		text string
		want string
	}{
		// names, in French and English, whatever the case and accents
		{"Comptabilité", "accounting"},
		{"comptabilite", "accounting"},
		{"COMPTABILITÉ", "accounting"},
		{"  Comptabilité  ", "accounting"},
		{"Accounting", "accounting"},
		{"Gestion de la paie", "payroll"},
		{"Droit des associations", "nonprofit-law"},
		{"Référencement (SEO)", "seo"},
		{"referencement seo", "seo"},
		{"Graphisme", "graphic-design"},
		{"Gestion de projet", "project-management"},
		{"PROJECT MANAGEMENT", "project-management"},
		{"Développement web", "web-development"},
		// synonyms, abbreviations and job names
		{"compta", "accounting"},
		{"COMPTA", "accounting"},
		{"Comptable", "accounting"},
		{"bookkeeping", "accounting"},
		{"tenue de comptes", "accounting"},
		{"Expert comptable", "accounting"},
		{"graphiste", "graphic-design"},
		{"PAO", "graphic-design"},
		{"Infographie", "graphic-design"},
		{"graphic designer", "graphic-design"},
		{"juriste", "legal-advice"},
		{"Avocate", "legal-advice"},
		{"lawyer", "legal-advice"},
		{"dev", "web-development"},
		{"Développeuse", "web-development"},
		{"developer", "web-development"},
		{"Cheffe de projet", "project-management"},
		{"RH", "human-resources"},
		{"mécénat", "corporate-philanthropy"},
		{"crowdfunding", "crowdfunding"},
		{"FLE", "fle"},
		{"LSF", "sign-language"},
		{"langue des signes", "sign-language"},
		{"RGPD", "data-protection"},
		{"Premiers secours", "first-aid"},
		{"PSC1", "first-aid"},
		{"plombier", "plumbing"},
		{"électricienne", "electrical-work"},
		{"Bilan carbone", "carbon-accounting"},
		{"SROI", "impact-measurement"},
		{"C'est du no-code", ""},
		{"No code", "no-code"},
		{"Node.js", "backend-development"},
		// ligatures, and punctuation turned into spaces
		{"GROS ŒUVRE", "masonry"},
		{"gros oeuvre", "masonry"},
		{"Chef de chœur", "music"},
		{"Maîtrise d'œuvre", "architecture"},
		{"maitrise d oeuvre", "architecture"},
		{"Droit d’auteur", "intellectual-property"},
		{"aide-comptable", "accounting"},
		{"aide comptable", "accounting"},
		// plurals
		{"Comptables", "accounting"},
		{"graphistes", "graphic-design"},
		{"Développeurs web", "web-development"},
		{"réseau social", "social-media"},
		{"Base de données", "databases"},
		{"Statistique", "statistics"},
		// not skills
		{"", ""},
		{"   ", ""},
		{"Apiculture", ""},
		{"comptabilité analytique avancée", ""},
	}
	for _, tt := range tests {
		s, ok := tax.Match(tt.text)
		if tt.want == "" {
			if ok {
				t.Errorf("Match(%q) = %q, want no match", tt.text, s.ID)
			}
			continue
		}
		if !ok || s.ID != tt.want {
			t.Errorf("Match(%q) = %q, %v; want %q", tt.text, s.ID, ok, tt.want)
		}
	}
}

func TestEveryTermMatchesItsSkill(t *testing.T) {
	tax := Builtin()
	for _, s := range tax.Skills() {
		for _, term := range s.terms() {
			got, ok := tax.Match(term)
			if !ok || got.ID != s.ID {
				t.Errorf("Match(%q) = %q, %v; want %q", term, got.ID, ok, s.ID)
			}
			if found := tax.FindIn("on cherche : " + term + ", merci"); !slices.ContainsFunc(found, func(f Skill) bool { return f.ID == s.ID }) {
				t.Errorf("FindIn does not find %q through %q: %v", s.ID, term, ids(found))
			}
		}
	}
}

func TestFoldTextLigatures(t *testing.T) {
	for in, want := range map[string]string{
		"ŒUVRE":        "oeuvre",
		"Œnologie":     "oenologie",
		"Comptabilité": "comptabilite",
		"ex æquo":      "ex aequo",
	} {
		if got := domain.FoldText(in); got != want {
			t.Errorf("FoldText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSkillAndDomains(t *testing.T) {
	tax := Builtin()
	s, ok := tax.Skill("accounting")
	if !ok || s.Name.FR != "Comptabilité" || s.Name.EN != "Accounting" || s.Domain != "finance" {
		t.Errorf("Skill(accounting) = %+v, %v", s, ok)
	}
	if _, ok := tax.Skill("custom:apiculture"); ok {
		t.Error("Skill(custom:apiculture) found a built-in skill")
	}
	if _, ok := tax.Skill(""); ok {
		t.Error(`Skill("") found a skill`)
	}
	var got []string
	for _, d := range tax.Domains() {
		got = append(got, d.ID)
	}
	want := []string{"finance", "legal", "communication", "digital", "design", "hr", "strategy", "fundraising",
		"project", "training", "languages", "social", "events", "trades", "impact", "sustainability"}
	if !slices.Equal(got, want) {
		t.Errorf("Domains() = %v, want %v", got, want)
	}
}

func TestLabelIn(t *testing.T) {
	l := Label{FR: "Comptabilité", EN: "Accounting"}
	for locale, want := range map[string]string{
		"fr": "Comptabilité", "": "Comptabilité", "fr-FR": "Comptabilité", "de": "Comptabilité",
		"en": "Accounting", "en-GB": "Accounting", "en_US": "Accounting", "EN": "Accounting",
		"eng": "Comptabilité",
	} {
		if got := l.In(locale); got != want {
			t.Errorf("In(%q) = %q, want %q", locale, got, want)
		}
	}
	if got := (Label{FR: "Graphisme"}).In("en"); got != "Graphisme" {
		t.Errorf("a label without English gives %q in English, want the French name", got)
	}
}

func TestTerms(t *testing.T) {
	tax := Builtin()
	terms := tax.Terms("accounting")
	for _, want := range []string{"comptabilite", "accounting", "compta", "comptable", "bookkeeping", "tenue de comptes", "expert comptable"} {
		if !slices.Contains(terms, want) {
			t.Errorf("Terms(accounting) = %v, missing %q", terms, want)
		}
	}
	seen := map[string]bool{}
	for _, term := range terms {
		if seen[term] {
			t.Errorf("Terms(accounting) repeats %q", term)
		}
		seen[term] = true
		if term != domain.FoldText(term) {
			t.Errorf("Terms(accounting) has %q, which is not folded", term)
		}
	}
	// French and English names that are the same word appear once.
	if got := tax.Terms("marketing"); slices.Index(got, "marketing") != 0 || slices.Contains(got[1:], "marketing") {
		t.Errorf("Terms(marketing) = %v, want %q once, first", got, "marketing")
	}
	if got := tax.Terms("no-such-skill"); got != nil {
		t.Errorf("Terms(no-such-skill) = %v, want nil", got)
	}
}

func ids(skills []Skill) []string {
	out := make([]string, len(skills))
	for i, s := range skills {
		out[i] = s.ID
	}
	return out
}

func TestFindIn(t *testing.T) {
	tax := Builtin()
	tests := []struct {
		text string
		want []string
	}{
		{"cherche un chef de projet et une comptable à Besançon", []string{"project-management", "accounting"}},
		{"Gestion de projet à Lyon", []string{"project-management"}},
		{"Nous recherchons des comptables et des graphistes", []string{"accounting", "graphic-design"}},
		{"Besoin d'un graphiste pour refaire notre identité visuelle et notre logo", []string{"graphic-design", "visual-identity"}},
		// the longer name wins over the shorter one it contains
		{"chef de projet événementiel pour notre gala de charité", []string{"event-management", "fundraising-events"}},
		{"Premiers secours en santé mentale (PSSM)", []string{"mental-health"}},
		{"droit du travail et rédaction de contrats", []string{"employment-law", "contract-law"}},
		{"ŒUVRE : gros œuvre et second œuvre", []string{"masonry", "renovation"}},
		{"Looking for a LAWYER and a Web Developer, with SEO skills", []string{"legal-advice", "web-development", "seo"}},
		{"Développeurs mobiles iOS et Android", []string{"mobile-development"}},
		{"J'ai fait de la photo ; écrivez à contact@asso.com", []string{"photography"}},
		{"L'association organise une collecte de dons avec une tombola", []string{"fundraising", "fundraising-events"}},
		{"maintenance informatique du parc", []string{"it-support"}},
		{"réseau social et communication interne", []string{"social-media", "internal-communication"}},
		// each skill once, in the order of its first mention
		{"compta, comptabilité, bookkeeping", []string{"accounting"}},
		{"", nil},
		{"Bonjour, je suis disponible le samedi.", nil},
		{"Le travail de qualité se fait dans la formation", nil},
	}
	for _, tt := range tests {
		if got := ids(tax.FindIn(tt.text)); !slices.Equal(got, tt.want) && (len(got) > 0 || len(tt.want) > 0) {
			t.Errorf("FindIn(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func suggestIDs(s []Suggestion) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = x.Skill.ID
	}
	return out
}

func TestSuggest(t *testing.T) {
	tax := Builtin()
	tests := []struct {
		typed, locale string
		want          string // among the first three
	}{
		{"comp", "fr", "accounting"},
		{"comp", "en", "accounting"},
		{"Compta", "fr", "accounting"},
		{"graph", "fr", "graphic-design"},
		{"graph", "en", "graphic-design"},
		{"dév", "fr", "web-development"},
		{"dev", "en", "web-development"},
		{"juri", "fr", "legal-advice"},
		{"chef de pro", "fr", "project-management"},
		{"RH", "fr", "human-resources"},
		{"œuv", "fr", "architecture"},
	}
	for _, tt := range tests {
		got := tax.Suggest(tt.typed, tt.locale, 10)
		if len(got) > 3 {
			got = got[:3]
		}
		if !slices.Contains(suggestIDs(got), tt.want) {
			t.Errorf("Suggest(%q, %q) begins with %v, want %q among the first three", tt.typed, tt.locale, suggestIDs(got), tt.want)
		}
	}

	// An exact synonym comes first: "dev" is web development, before every "Développement …".
	if got := tax.Suggest("dév", "fr", 5); len(got) == 0 || got[0].Skill.ID != "web-development" || got[0].Matched != "dev" {
		t.Errorf("Suggest(dév) = %+v, want web-development matched by %q first", got, "dev")
	}
	// A name starting with the text comes before a synonym starting with it.
	got := tax.Suggest("comp", "fr", 50)
	if len(got) == 0 || got[0].Skill.ID != "accounting" || got[0].Matched != "Comptabilité" {
		t.Errorf("Suggest(comp)[0] = %+v, want accounting matched by its name", got)
	}
	// Suggestions come once per skill, within the limit.
	seen := map[string]bool{}
	for _, s := range got {
		if seen[s.Skill.ID] {
			t.Errorf("Suggest(comp) proposes %q twice", s.Skill.ID)
		}
		seen[s.Skill.ID] = true
	}
	if got := tax.Suggest("a", "fr", 5); len(got) != 5 {
		t.Errorf("Suggest(a, limit 5) gave %d suggestions", len(got))
	}
	// Ties are in alphabetical order of the name in the locale.
	dev := tax.Suggest("développement", "fr", 10)
	for i := 1; i < len(dev); i++ {
		a, b := domain.FoldText(dev[i-1].Skill.Name.FR), domain.FoldText(dev[i].Skill.Name.FR)
		if strings.HasPrefix(a, "developpement") && strings.HasPrefix(b, "developpement") && a > b {
			t.Errorf("Suggest(développement) puts %q before %q", a, b)
		}
	}
	for _, typed := range []string{"", "  ", "zzzzq"} {
		if got := tax.Suggest(typed, "fr", 10); len(got) != 0 {
			t.Errorf("Suggest(%q) = %v, want nothing", typed, suggestIDs(got))
		}
	}
	if got := tax.Suggest("comp", "fr", 0); got != nil {
		t.Errorf("Suggest with limit 0 = %v, want nil", suggestIDs(got))
	}
}

func TestSingular(t *testing.T) {
	for in, want := range map[string]string{
		"comptables": "comptable", "reseaux": "reseau", "sociaux": "social", "process": "process",
		"legs": "legs", "gros": "gros", "baux": "baux", "dev": "dev", "ios": "ios",
	} {
		if got := singular(in); got != want {
			t.Errorf("singular(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkMatch(b *testing.B) {
	tax := Builtin()
	for b.Loop() {
		tax.Match("Comptables")
	}
}

func BenchmarkFindIn(b *testing.B) {
	tax := Builtin()
	text := strings.Repeat("Bénévole depuis 2015, j'ai été chef de projet puis comptable ; je fais aussi de la PAO et du jardinage. ", 50)
	for b.Loop() {
		tax.FindIn(text)
	}
}

func BenchmarkSuggest(b *testing.B) {
	tax := Builtin()
	for b.Loop() {
		tax.Suggest("comp", "fr", 10)
	}
}
