package demo

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/taxonomy"
)

func clone(v domain.Volunteer) domain.Volunteer {
	c := v
	c.Skills = slices.Clone(v.Skills)
	c.Causes = slices.Clone(v.Causes)
	c.Languages = slices.Clone(v.Languages)
	c.Availability.Days = slices.Clone(v.Availability.Days)
	return c
}

var (
	phoneRE    = regexp.MustCompile(`^0[1-9]( [0-9]{2}){4}$`)
	postcodeRE = regexp.MustCompile(`^[0-9]{5}$`)
	localRE    = regexp.MustCompile(`^[a-z0-9]+([._-]?[a-z0-9]+)*$`)
	// badFrenchRE finds missing elisions and contractions: "de informatique", "à le", " 1 ans".
	badFrenchRE = regexp.MustCompile(`(^|[ '])(de|le|la) [aeiouyéèêàâîô]|(^| )(à|de) les? | 1 ans`)
)

func TestVolunteersAreValidAndCanonical(t *testing.T) {
	tax := taxonomy.Builtin()
	g := New(2026, tax)
	hours := map[int]bool{2: true, 4: true, 6: true, 8: true, 10: true, 15: true, 20: true, 30: true}
	for i := range 20000 {
		v := g.Volunteer()
		n := clone(v)
		n.Normalize()
		if err := n.Validate(); err != nil {
			t.Fatalf("volunteer %d %+v: %v", i, v, err)
		}
		if !reflect.DeepEqual(n, v) {
			t.Fatalf("volunteer %d is not in canonical form:\n got %+v\nnorm %+v", i, v, n)
		}
		if v.ID != 0 || v.Status != domain.StatusActive || !v.CreatedAt.IsZero() || !v.UpdatedAt.IsZero() {
			t.Fatalf("volunteer %d: id %d, status %q, times %v %v", i, v.ID, v.Status, v.CreatedAt, v.UpdatedAt)
		}
		if v.FirstName == "" || v.LastName == "" {
			t.Fatalf("volunteer %d has no full name: %+v", i, v)
		}
		if v.Phone != "" && !phoneRE.MatchString(v.Phone) {
			t.Fatalf("volunteer %d: phone %q", i, v.Phone)
		}
		if (v.City == "") != (v.Postcode == "") || (v.Postcode != "" && !postcodeRE.MatchString(v.Postcode)) {
			t.Fatalf("volunteer %d: city %q postcode %q", i, v.City, v.Postcode)
		}
		if len(v.Skills) < 1 || len(v.Skills) > 6 {
			t.Fatalf("volunteer %d has %d skills", i, len(v.Skills))
		}
		for _, s := range v.Skills {
			known, ok := tax.Skill(s.SkillID)
			if !ok || s.Name != known.Name.FR {
				t.Fatalf("volunteer %d: skill %+v not from the taxonomy", i, s)
			}
		}
		if len(v.Causes) < 1 || len(v.Causes) > 3 {
			t.Fatalf("volunteer %d has %d causes", i, len(v.Causes))
		}
		if len(v.Languages) == 0 {
			t.Fatalf("volunteer %d speaks no language", i)
		}
		a := v.Availability
		if !hours[a.HoursPerMonth] || a.Mode == domain.ModeUnspecified {
			t.Fatalf("volunteer %d: availability %+v", i, a)
		}
		if v.JoinedOn < "2015-01-01" || v.JoinedOn > "2026-11-01" {
			t.Fatalf("volunteer %d joined on %s", i, v.JoinedOn)
		}
		checkBio(t, i, v.Bio)
	}
}

func checkBio(t *testing.T, i int, bio string) {
	t.Helper()
	if strings.ContainsAny(bio, "{}") || strings.Contains(bio, "  ") || strings.Contains(bio, " ,") ||
		strings.Contains(bio, " .") || !strings.HasSuffix(bio, ".") {
		t.Fatalf("volunteer %d: malformed bio %q", i, bio)
	}
	sentences := strings.Count(bio, ". ") + 1
	if sentences < 2 || sentences > 4 {
		t.Fatalf("volunteer %d: %d sentences in %q", i, sentences, bio)
	}
	for _, s := range strings.Split(bio, ". ") {
		if r := []rune(s)[0]; !unicode.IsUpper(r) {
			t.Fatalf("volunteer %d: sentence %q does not start with a capital", i, s)
		}
	}
	if bad := badFrenchRE.FindString(bio); bad != "" {
		t.Fatalf("volunteer %d: %q in %q", i, bad, bio)
	}
}

func TestBadFrenchRE(t *testing.T) {
	for _, bad := range []string{"le métier de informatique", "sensible à le sport", "depuis 1 ans", "la éducation"} {
		if !badFrenchRE.MatchString(bad) {
			t.Errorf("%q not caught", bad)
		}
	}
	for _, good := range []string{"le métier d'informaticien", "au sport", "depuis 21 ans", "aide alimentaire", "de la culture", "à la retraite"} {
		if badFrenchRE.MatchString(good) {
			t.Errorf("%q caught", good)
		}
	}
}

func TestSameSeedSameSequence(t *testing.T) {
	tax := taxonomy.Builtin()
	a, b, c := New(7, tax), New(7, tax), New(8, tax)
	differ := 0
	for i := range 3000 {
		va, vb, vc := a.Volunteer(), b.Volunteer(), c.Volunteer()
		if !reflect.DeepEqual(va, vb) {
			t.Fatalf("volunteer %d differs with the same seed:\n%+v\n%+v", i, va, vb)
		}
		if !reflect.DeepEqual(va, vc) {
			differ++
		}
	}
	if differ < 2900 {
		t.Fatalf("only %d of 3000 volunteers differ between seeds 7 and 8", differ)
	}
}

func TestEmailsAreUniqueOver200000(t *testing.T) {
	if testing.Short() {
		t.Skip("200,000 profiles")
	}
	g := New(1, taxonomy.Builtin())
	seen := make(map[string]int, 200000)
	missing := 0
	domains := map[string]bool{}
	for _, d := range mailDomains {
		domains[d] = true
	}
	for i := range 200000 {
		v := g.Volunteer()
		if v.Email == "" {
			missing++
			continue
		}
		if j, dup := seen[v.Email]; dup {
			t.Fatalf("volunteers %d and %d share %s", j, i, v.Email)
		}
		seen[v.Email] = i
		local, dom, _ := strings.Cut(v.Email, "@")
		if !localRE.MatchString(local) || !domains[dom] {
			t.Fatalf("volunteer %d: e-mail %q", i, v.Email)
		}
	}
	if share := float64(missing) / 200000; share < 0.02 || share > 0.04 {
		t.Fatalf("%.1f%% have no e-mail, want about 3%%", share*100)
	}
}

func TestEmailComesFromTheName(t *testing.T) {
	g := New(3, taxonomy.Builtin())
	fromName := 0
	for range 2000 {
		v := g.Volunteer()
		first := asciiFold(v.FirstName)
		if strings.ContainsFunc(v.FirstName, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }) {
			continue
		}
		if v.Email != "" && strings.Contains(v.Email, first[:1]) && strings.Contains(v.Email, asciiFold(v.LastName)[:2]) {
			fromName++
		}
	}
	if fromName < 1800 {
		t.Fatalf("only %d of 2000 e-mails come from the name", fromName)
	}
}

func TestAsciiFold(t *testing.T) {
	for in, want := range map[string]string{
		"Élodie": "elodie", "Jean-Baptiste": "jean-baptiste", "Le Gall": "legall", "de La Fontaine": "delafontaine",
		"Nguyễn": "nguyen", "Đặng": "dang", "Øvergaard": "overgaard", "Wiśniewska": "wisniewska", "Łukasz": "lukasz",
		"N'Diaye": "ndiaye", "Groß": "gross", "Yılmaz": "yilmaz", "Ștefănescu": "stefanescu", "Maëlys": "maelys",
	} {
		if got := asciiFold(in); got != want {
			t.Errorf("asciiFold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNameAndCityTables(t *testing.T) {
	tb := tables()
	firsts, lasts := map[string]bool{}, map[string]bool{}
	for _, g := range tb.gens {
		for _, p := range append(slices.Clone(g.women), g.men...) {
			firsts[p.text] = true
		}
	}
	for _, s := range tb.lastFR {
		lasts[s.men.text], lasts[s.women.text] = true, true
	}
	for _, g := range tb.groups {
		for _, p := range append(append(append(slices.Clone(g.women), g.men...), g.womenCyr...), g.menCyr...) {
			if p.text != "" {
				firsts[p.text] = true
			}
		}
		for _, s := range append(slices.Clone(g.last), g.lastCyr...) {
			if s.men.text != "" {
				lasts[s.men.text], lasts[s.women.text] = true, true
			}
		}
	}
	for _, p := range []map[string]bool{firsts, lasts} {
		for name := range p {
			if asciiFold(name) == "" && !strings.ContainsFunc(name, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }) {
				t.Errorf("name %q gives no e-mail stem", name)
			}
		}
	}
	if len(firsts) < 300 || len(lasts) < 400 {
		t.Errorf("%d first names and %d last names, want at least 300 and 400", len(firsts), len(lasts))
	}
	for _, want := range []string{"Élodie", "Léa", "Chloé", "Zoé", "Maëlys", "Anaïs", "Hélène", "Gaël", "Noël", "Jérôme", "François", "Benoît", "Loïc", "Céline", "Thérèse", "Jean-Baptiste", "Marie-Hélène", "Ольга"} {
		if !firsts[want] {
			t.Errorf("first name %q is missing", want)
		}
	}
	for _, want := range []string{"Martin", "Lefèvre", "Lefebvre", "Rolland", "Nguyễn", "Traoré", "Wiśniewska", "Popescu", "Müller", "Øvergaard", "Петрова", "Le Gall", "de La Fontaine"} {
		if !lasts[want] {
			t.Errorf("last name %q is missing", want)
		}
	}

	ct := citiesTable()
	if len(ct.names) < 150 {
		t.Errorf("%d towns, want at least 150", len(ct.names))
	}
	codes := map[string]string{}
	for _, c := range ct.cities {
		if !postcodeRE.MatchString(c.postcode) {
			t.Errorf("%s: postcode %q", c.name, c.postcode)
		}
		if other, dup := codes[c.postcode+c.name]; dup {
			t.Errorf("%s %s listed twice (%s)", c.postcode, c.name, other)
		}
		codes[c.postcode+c.name] = c.name
	}
	for code, name := range map[string]string{"75001": "Paris", "75020": "Paris", "13016": "Marseille", "69009": "Lyon", "42000": "Saint-Étienne", "25000": "Besançon", "92110": "Clichy", "93100": "Montreuil", "20000": "Ajaccio", "01000": "Bourg-en-Bresse", "07000": "Privas"} {
		if codes[code+name] == "" {
			t.Errorf("%s %s is missing", code, name)
		}
	}
}

func TestPopulationShapes(t *testing.T) {
	tax := taxonomy.Builtin()
	g := New(11, tax)
	const n = 20000
	var noFrench, cyrillic, compound, landline, noPhone, sameDomain, multi, mainBeginner, mainExpert int
	skillCount := map[string]int{}
	byID := map[string]string{}
	for _, s := range tax.Skills() {
		byID[s.ID] = s.Domain
	}
	for range n {
		v := g.Volunteer()
		if !slices.Contains(v.Languages, "fr") {
			noFrench++
		}
		if strings.ContainsFunc(v.LastName, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }) {
			cyrillic++
		}
		if strings.ContainsAny(v.FirstName+v.LastName, "- ") {
			compound++
		}
		switch {
		case v.Phone == "":
			noPhone++
		case !strings.HasPrefix(v.Phone, "06") && !strings.HasPrefix(v.Phone, "07"):
			landline++
		}
		for _, s := range v.Skills {
			skillCount[s.SkillID]++
		}
		if len(v.Skills) >= 2 {
			multi++
			if byID[v.Skills[0].SkillID] == byID[v.Skills[1].SkillID] {
				sameDomain++
			}
		}
		switch v.Skills[0].Level {
		case domain.LevelBeginner:
			mainBeginner++
		case domain.LevelExpert:
			mainExpert++
		}
	}
	if noFrench > n/50 {
		t.Errorf("%d of %d do not speak French", noFrench, n)
	}
	if cyrillic == 0 || compound < n/20 {
		t.Errorf("%d names in Cyrillic, %d compound names", cyrillic, compound)
	}
	if landline == 0 || noPhone < n/25 || noPhone > n/8 {
		t.Errorf("%d landlines, %d without phone", landline, noPhone)
	}
	if sameDomain < multi*6/10 {
		t.Errorf("only %d of %d second skills share the main skill's domain", sameDomain, multi)
	}
	if mainBeginner > n/10 || mainExpert < n/4 || mainBeginner*4 > mainExpert {
		t.Errorf("main skill: %d beginners, %d experts", mainBeginner, mainExpert)
	}
	counts := make([]int, 0, len(skillCount))
	for _, c := range skillCount {
		counts = append(counts, c)
	}
	slices.Sort(counts)
	if len(counts) >= 20 && counts[len(counts)-1] < 5*counts[len(counts)/2] {
		t.Errorf("skill popularity is too flat: top %d, median %d", counts[len(counts)-1], counts[len(counts)/2])
	}
}

func TestJobTitles(t *testing.T) {
	cases := []struct {
		synonyms   []string
		men, women string
	}{
		{[]string{"compta", "comptable", "bookkeeping"}, "comptable", "comptable"},
		{[]string{"chef de projet", "cheffe de projet", "project manager"}, "chef de projet", "cheffe de projet"},
		{[]string{"dev", "développeur web"}, "développeur web", "développeuse web"},
		{[]string{"formateur"}, "formateur", "formatrice"},
		{[]string{"infirmière"}, "infirmier", "infirmière"},
		{[]string{"directeur financier", "DAF", "directrice financière"}, "directeur financier", "directrice financière"},
		{[]string{"analyste financier", "analyste financière"}, "analyste financier", "analyste financière"},
		{[]string{"juriste d'entreprise"}, "juriste d'entreprise", "juriste d'entreprise"},
		{[]string{"assistant social"}, "assistant social", ""},
		{[]string{"webinaire", "tableur", "collecte digitale", "enquête", "sustainable procurement", "grant writer"}, "", ""},
		{[]string{"PAO", "Excel", "C++"}, "", ""},
	}
	for _, c := range cases {
		men, women := jobTitles(taxonomy.Skill{Name: taxonomy.Label{FR: "X", EN: "X"}, Synonyms: c.synonyms})
		if men != c.men || women != c.women {
			t.Errorf("jobTitles(%q) = %q, %q; want %q, %q", c.synonyms, men, women, c.men, c.women)
		}
	}
}

func TestFrenchHelpers(t *testing.T) {
	for fr, want := range map[[2]string]string{
		{"Comptabilité", "Accounting"}: "comptabilité", {"SEO", "SEO"}: "SEO", {"Excel", "Excel"}: "Excel",
		{"Théâtre", "Theatre"}: "théâtre", {"Cloud et hébergement", "Cloud and hosting"}: "cloud et hébergement",
		{"UX design", "UX design"}: "UX design", {"Coaching", "Coaching"}: "coaching",
	} {
		if got := inSentence(fr[0], fr[1]); got != want {
			t.Errorf("inSentence(%q) = %q, want %q", fr[0], got, want)
		}
	}
	if got := inCity("Le Havre"); got != "au Havre" {
		t.Errorf("inCity(Le Havre) = %q", got)
	}
	if got := inCity("Les Sables-d'Olonne"); got != "aux Sables-d'Olonne" {
		t.Errorf("inCity(Les Sables-d'Olonne) = %q", got)
	}
	if got := causesFR["sport"].withA(); got != "au sport pour tous" {
		t.Errorf("sport withA = %q", got)
	}
	if got := causesFR["education"].withDe(); got != "de l'éducation" {
		t.Errorf("education withDe = %q", got)
	}
	if got := de("informatique"); got != "d'informatique" {
		t.Errorf("de(informatique) = %q", got)
	}
	for _, c := range domain.Causes {
		if _, ok := causesFR[c]; !ok {
			t.Errorf("cause %q has no French wording", c)
		}
	}
}

// An empty taxonomy still gives valid volunteers (without skills).
func TestWithoutSkills(t *testing.T) {
	g := New(5, nil)
	for range 100 {
		v := g.Volunteer()
		v.Normalize()
		if err := v.Validate(); err != nil || len(v.Skills) != 0 {
			t.Fatalf("%+v: %v", v, err)
		}
	}
}

func BenchmarkVolunteer(b *testing.B) {
	g := New(1, taxonomy.Builtin())
	b.ReportAllocs()
	for b.Loop() {
		_ = g.Volunteer()
	}
}
