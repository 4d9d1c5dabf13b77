// Package demo generates realistic, deterministic French volunteer profiles for trying the app
// (`civisphere demo --volunteers N --seed S`) and for benchmarks: names of several generations and
// origins, real towns and postcodes, e-mails and phones, skills from the taxonomy correlated by
// profession, causes, languages, availability and a short bio in French.
//
// The same seed gives the same sequence on every machine (math/rand/v2 with PCG). The generated
// people do not exist, but their names, towns and e-mail providers do: keep the data on a test
// installation and never send mail to it.
package demo

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/taxonomy"
)

// Generator produces volunteer profiles one after the other. It is not safe for concurrent use.
type Generator struct {
	r      *rand.Rand
	skills *skillModel
	causes []domain.Cause
	causeW weighted
	// emails holds a hash of every address given so far. Two addresses sharing a hash would
	// only make the second one take a number: addresses stay unique, in 8 bytes each.
	emails map[uint64]struct{}
	buf    []byte
	chosen []int // taxonomy indexes of the last volunteer's skills
}

// New returns a generator whose sequence depends only on seed and on the taxonomy's skills.
func New(seed int64, tax *taxonomy.Taxonomy) *Generator {
	g := &Generator{
		r:      rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15)),
		skills: newSkillModel(tax),
		causes: domain.Causes,
		emails: make(map[uint64]struct{}, 1024),
		buf:    make([]byte, 0, 64),
	}
	w := make([]float64, len(g.causes))
	for i, c := range g.causes {
		w[i] = 1
		if info, ok := causesFR[c]; ok {
			w[i] = info.weight
		}
	}
	g.causeW = newWeighted(w)
	return g
}

// stage is where a volunteer is in their working life; it drives their age, first names,
// experience, levels and availability.
type stage int

const (
	student stage = iota
	young
	midCareer
	senior
	retired
)

var stageWeights = []float64{8, 20, 34, 20, 18}

// stageGenerations weighs frenchGenerations (oldest first) for each stage.
var stageGenerations = [][]float64{
	student:   {0, 0, 0, 20, 80},
	young:     {0, 0, 5, 95, 0},
	midCareer: {0, 15, 70, 15, 0},
	senior:    {0, 85, 15, 0, 0},
	retired:   {85, 15, 0, 0, 0},
}

// stageBirthYears bounds the birth years of each stage, as of 2026.
var stageBirthYears = [][2]int{
	student:   {2000, 2008},
	young:     {1988, 2004},
	midCareer: {1968, 1996},
	senior:    {1958, 1975},
	retired:   {1944, 1964},
}

// birthYear draws a year in both the generation (which gave the first name) and the stage.
func (g *Generator) birthYear(st stage, gen generation) int {
	from := max(gen.fromYear, stageBirthYears[st][0])
	to := min(gen.toYear, stageBirthYears[st][1])
	if from > to {
		from, to = gen.fromYear, gen.toYear
	}
	return from + g.r.IntN(to-from+1)
}

// experience is the years of work a bio can claim: within the stage's usual range and after
// studies (from age 21).
func (g *Generator) experience(st stage, birthYear int) int {
	var years int
	switch st {
	case student:
		return 0
	case young:
		years = 1 + g.r.IntN(6)
	case midCareer:
		years = 6 + g.r.IntN(15)
	case senior:
		years = 15 + g.r.IntN(21)
	case retired:
		years = 25 + g.r.IntN(18)
	}
	return max(1, min(years, 2026-birthYear-21))
}

// Level spreads as weights of beginner, intermediate, confirmed, expert.
var (
	mainLevels = [][]float64{
		student:   {25, 50, 20, 5},
		young:     {5, 30, 45, 20},
		midCareer: {1, 12, 42, 45},
		senior:    {1, 6, 35, 58},
		retired:   {1, 8, 36, 55},
	}
	relatedLevels = []float64{8, 32, 40, 20}
	sideLevels    = []float64{30, 40, 22, 8}
)

// Volunteer returns the next profile: ID 0, status active, timestamps zero.
func (g *Generator) Volunteer() domain.Volunteer {
	r := g.r
	st := stage(pickWeights(r, stageWeights))
	t := tables()
	gen := &t.gens[pickWeights(r, stageGenerations[st])]
	birthYear := g.birthYear(st, gen.gen)
	woman := chance(r, 0.56)

	p := g.name(t, gen, woman)
	v := domain.Volunteer{
		FirstName: p.first.text,
		LastName:  p.last.text,
		Status:    domain.StatusActive,
	}
	if !chance(r, 0.03) {
		v.Email = g.email(p.first.mail, p.last.mail, birthYear, st)
	}
	ct := citiesTable()
	var home city
	if !chance(r, 0.015) {
		home = ct.cities[ct.w.pick(r)]
		v.City, v.Postcode = home.name, home.postcode
	}
	if !chance(r, 0.08) {
		v.Phone = g.phone(home.postcode, st)
	}
	v.Skills = g.pickSkills(st)
	v.Causes = g.pickCauses()
	v.Languages = g.pickLanguages(st, p.lang, p.langShare, p.foreign)
	v.Availability = g.pickAvailability(st)
	v.Bio = g.bio(&v, st, woman, g.experience(st, birthYear))
	v.JoinedOn = g.joinedOn()
	if chance(r, 0.08) {
		v.Notes = expand(notes[r.IntN(len(notes))], &bioCtx{woman: woman})
	}
	return v
}

// naming is the name drawn for a volunteer and what it says of their origin.
type naming struct {
	first, last person
	lang        string
	langShare   float64
	foreign     bool
}

func (g *Generator) name(t *nameTables, gen *genTables, woman bool) naming {
	r := g.r
	frenchFirst := func() person {
		if woman {
			return gen.women[gen.womenW.pick(r)]
		}
		return gen.men[gen.menW.pick(r)]
	}
	if r.Float64()*100 < t.foreignPc {
		gt := &t.groups[t.groupW.pick(r)]
		n := naming{lang: gt.g.lang, langShare: gt.g.langShare, foreign: true}
		li := gt.lastW.pick(r)
		if chance(r, gt.g.frenchFirst) {
			n.first = frenchFirst()
			n.last = pickForm(gt.last[li], woman)
			return n
		}
		var fi int
		var first, firstCyr person
		if woman {
			fi = gt.womenW.pick(r)
			first, firstCyr = gt.women[fi], gt.womenCyr[fi]
		} else {
			fi = gt.menW.pick(r)
			first, firstCyr = gt.men[fi], gt.menCyr[fi]
		}
		last, lastCyr := pickForm(gt.last[li], woman), pickForm(gt.lastCyr[li], woman)
		if firstCyr.text != "" && lastCyr.text != "" && chance(r, gt.g.cyrillic) {
			first, last = firstCyr, lastCyr
		}
		n.first, n.last = first, last
		return n
	}
	n := naming{first: frenchFirst(), last: pickForm(t.lastFR[t.lastFRW.pick(r)], woman)}
	// A few carry both parents' names: "Martin-Dubois".
	if chance(r, 0.015) {
		other := pickForm(t.lastFR[t.lastFRW.pick(r)], woman)
		if other.text != n.last.text && simpleName(n.last.text) && simpleName(other.text) {
			n.last = person{text: n.last.text + "-" + other.text, mail: n.last.mail + "-" + other.mail}
		}
	}
	return n
}

func pickForm(s surname, woman bool) person {
	if woman {
		return s.women
	}
	return s.men
}

func simpleName(s string) bool { return !strings.ContainsAny(s, " -'") }

// Mail providers, weighted for people born before and after 1975.
var (
	mailDomains      = []string{"gmail.com", "orange.fr", "free.fr", "laposte.net", "outlook.fr", "yahoo.fr", "sfr.fr", "proton.me", "hotmail.fr", "wanadoo.fr"}
	mailDomainsOlder = []float64{18, 26, 14, 11, 4, 7, 6, 1, 7, 6}
	mailDomainsYoung = []float64{52, 8, 6, 4, 10, 4, 3, 6, 7, 0}
)

// email builds an address from the name, ASCII only, and unique over the whole sequence: when an
// address was already given, a number is added until it is new.
func (g *Generator) email(first, last string, birthYear int, st stage) string {
	r := g.r
	if first == "" {
		first = "contact"
	}
	if last == "" {
		last = "benevole"
	}
	yy := birthYear % 100
	b := g.buf[:0]
	switch pickWeights(r, []float64{40, 12, 8, 12, 6, 3, 7, 3, 4}) {
	case 0: // elodie.martin
		b = append(append(append(b, first...), '.'), last...)
	case 1: // elodiemartin
		b = append(append(b, first...), last...)
	case 2: // e.martin
		b = append(append(append(b, first[0]), '.'), last...)
	case 3: // elodie.martin84
		b = append(append(append(b, first...), '.'), last...)
		b = appendTwoDigits(b, yy)
	case 4: // martin.elodie
		b = append(append(append(b, last...), '.'), first...)
	case 5: // elodie_martin
		b = append(append(append(b, first...), '_'), last...)
	case 6: // emartin
		b = append(append(b, first[0]), last...)
	case 7: // elodie84
		b = appendTwoDigits(append(b, first...), yy)
	case 8: // elodie.martin1984
		b = strconv.AppendInt(append(append(append(b, first...), '.'), last...), int64(birthYear), 10)
	}
	weights := mailDomainsYoung
	if st >= senior {
		weights = mailDomainsOlder
	}
	dom := mailDomains[pickWeights(r, weights)]
	base := len(b)
	for attempt := 0; ; attempt++ {
		if attempt > 0 {
			// Another person already has this address: add a number, as providers suggest.
			b = b[:base]
			limit := 99
			for k := 3; k <= attempt; k += 3 {
				limit = limit*10 + 9
			}
			b = strconv.AppendInt(b, int64(1+r.IntN(limit)), 10)
		}
		n := len(b)
		b = append(append(b, '@'), dom...)
		key := fnv64a(b)
		if _, taken := g.emails[key]; !taken {
			g.emails[key] = struct{}{}
			g.buf = b
			return string(b)
		}
		b = b[:n]
	}
}

// fnv64a is the 64-bit FNV-1a hash, the same on every machine.
func fnv64a(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

func appendTwoDigits(b []byte, n int) []byte {
	return append(b, byte('0'+n/10%10), byte('0'+n%10))
}

// phone is a French mobile ("06 12 34 56 78", "07 …"), sometimes a landline of the volunteer's
// region, and the local mobile prefixes overseas (0690 in Guadeloupe, 0692 in La Réunion…).
func (g *Generator) phone(postcode string, st stage) string {
	r := g.r
	var digits [10]byte
	prefix := overseasMobile(postcode)
	switch {
	case prefix != "":
	case st >= senior && chance(r, 0.15), chance(r, 0.04):
		prefix = landlinePrefix(postcode)
		if prefix == "" {
			prefix = "06"
		}
	default:
		share07 := 0.25
		if st <= young {
			share07 = 0.5
		}
		if chance(r, share07) {
			prefix = "07" + string(rune('3'+r.IntN(7)))
		} else {
			prefix = "06"
		}
	}
	n := copy(digits[:], prefix)
	for i := n; i < 10; i++ {
		digits[i] = byte('0' + r.IntN(10))
	}
	if n == 2 && digits[2] == '0' && prefix != "06" && prefix != "07" {
		digits[2] = '1' + byte(r.IntN(9)) // landlines do not start 0x 0
	}
	out := make([]byte, 0, 14)
	for i := 0; i < 10; i += 2 {
		if i > 0 {
			out = append(out, ' ')
		}
		out = append(out, digits[i], digits[i+1])
	}
	return string(out)
}

// pickSkills gives 1 to 6 skills: a main one (the profession), related ones from the same domain
// and sometimes a side skill from elsewhere.
func (g *Generator) pickSkills(st stage) []domain.VolunteerSkill {
	m := g.skills
	g.chosen = g.chosen[:0]
	if len(m.skills) == 0 {
		return nil
	}
	r := g.r
	k := 1 + pickWeights(r, []float64{12, 22, 26, 20, 12, 8})
	k = min(k, len(m.skills))
	side := pickWeights(r, []float64{50, 35, 15})
	side = min(side, k-1)
	main := m.popular(r)
	dom := &m.domains[m.skills[main].domain]
	related := min(k-1-side, len(dom.skills)-1)
	side = k - 1 - related

	chosen := append(g.chosen[:0], main)
	out := make([]domain.VolunteerSkill, 0, k)
	out = append(out, g.skillAt(main, mainLevels[st]))
	for range related {
		s := -1
		for try := 0; try < 8 && s < 0; try++ {
			c := dom.skills[dom.w.pick(r)]
			if !containsInt(chosen, c) {
				s = c
			}
		}
		if s < 0 {
			for _, c := range dom.skills {
				if !containsInt(chosen, c) {
					s = c
					break
				}
			}
		}
		if s < 0 {
			break
		}
		chosen = append(chosen, s)
		out = append(out, g.skillAt(s, relatedLevels))
	}
	for range side {
		s := -1
		for try := 0; try < 8 && s < 0; try++ {
			c := m.popular(r)
			if !containsInt(chosen, c) {
				s = c
			}
		}
		if s < 0 {
			break
		}
		chosen = append(chosen, s)
		out = append(out, g.skillAt(s, sideLevels))
	}
	g.chosen = chosen
	return out
}

func (g *Generator) skillAt(i int, levels []float64) domain.VolunteerSkill {
	s := &g.skills.skills[i]
	return domain.VolunteerSkill{
		SkillID: s.skill.ID,
		Name:    s.fr,
		Level:   domain.SkillLevels[pickWeights(g.r, levels)],
	}
}

func containsInt(list []int, x int) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}

func (g *Generator) pickCauses() []domain.Cause {
	if len(g.causes) == 0 {
		return nil
	}
	r := g.r
	n := min(1+pickWeights(r, []float64{35, 40, 25}), len(g.causes))
	out := make([]domain.Cause, 0, n)
	for try := 0; len(out) < n && try < 20; try++ {
		c := g.causes[g.causeW.pick(r)]
		if !containsCause(out, c) {
			out = append(out, c)
		}
	}
	return out
}

func containsCause(list []domain.Cause, c domain.Cause) bool {
	for _, x := range list {
		if x == c {
			return true
		}
	}
	return false
}

// otherLanguages are languages volunteers learnt, with how often.
var otherLanguages = []struct {
	code  string
	share float64
}{
	{"es", 0.12}, {"de", 0.06}, {"it", 0.05}, {"ar", 0.02}, {"pt", 0.02}, {"nl", 0.008},
	{"ro", 0.003}, {"pl", 0.003}, {"vi", 0.002}, {"fsl", 0.015},
}

var englishShare = []float64{student: 0.8, young: 0.75, midCareer: 0.6, senior: 0.45, retired: 0.3}

func (g *Generator) pickLanguages(st stage, origin string, originShare float64, foreign bool) []string {
	r := g.r
	out := make([]string, 0, 4)
	add := func(code string) {
		for _, c := range out {
			if c == code {
				return
			}
		}
		out = append(out, code)
	}
	if !foreign || !chance(r, 0.1) {
		add("fr")
	}
	if origin != "" && chance(r, originShare) {
		add(origin)
	}
	if chance(r, englishShare[st]) {
		add("en")
	}
	for _, l := range otherLanguages {
		if chance(r, l.share) {
			add(l.code)
		}
	}
	if len(out) == 0 {
		add("fr")
	}
	return out
}

// dayWeights favour Wednesday (children's afternoon off) and Saturday.
var dayWeights = []float64{1, 1, 1.3, 1, 0.9, 1.5, 0.6}

var hoursChoices = []int{2, 4, 6, 8, 10, 15, 20, 30}

func (g *Generator) pickAvailability(st stage) domain.Availability {
	r := g.r
	var a domain.Availability
	var nDays int
	switch st {
	case retired:
		nDays = pickWeights(r, []float64{10, 15, 25, 20, 15, 10, 5})
	case student:
		nDays = pickWeights(r, []float64{20, 30, 30, 15, 5})
	default:
		nDays = pickWeights(r, []float64{25, 35, 25, 10, 5})
	}
	var mask uint8
	for n := 0; n < nDays; {
		d := pickWeights(r, dayWeights)
		if mask&(1<<d) == 0 {
			mask |= 1 << d
			n++
		}
	}
	if nDays > 0 {
		a.Days = make([]string, 0, nDays)
		for d, name := range domain.Weekdays {
			if mask&(1<<d) != 0 {
				a.Days = append(a.Days, name)
			}
		}
	}
	a.Weekends = mask&(1<<5|1<<6) != 0 || chance(r, 0.15)
	switch st {
	case retired:
		a.Evenings = chance(r, 0.1)
		a.HoursPerMonth = hoursChoices[pickWeights(r, []float64{4, 10, 10, 14, 18, 16, 16, 12})]
	case student:
		a.Evenings = chance(r, 0.4)
		a.HoursPerMonth = hoursChoices[pickWeights(r, []float64{10, 20, 14, 16, 14, 10, 10, 6})]
	default:
		a.Evenings = chance(r, 0.45)
		a.HoursPerMonth = hoursChoices[pickWeights(r, []float64{12, 22, 14, 16, 14, 10, 8, 4})]
	}
	a.Mode = []domain.WorkMode{domain.ModeOnSite, domain.ModeRemote, domain.ModeEither}[pickWeights(r, []float64{30, 25, 45})]
	return a
}

// The sign-up dates run from 2015-01-01 to 2026-11-01, more of them recent.
var joinDates = sync.OnceValue(func() []string {
	start := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	var out []string
	for d := start; !d.After(end); d = d.AddDate(0, 0, 1) {
		out = append(out, d.Format(time.DateOnly))
	}
	return out
})

// joinedOn draws a sign-up date, later dates more often (associations grow); integer arithmetic
// only, so that no floating-point rounding can differ between machines.
func (g *Generator) joinedOn() string {
	dates := joinDates()
	i := g.r.IntN(len(dates))
	if g.r.IntN(10) < 6 {
		i = max(i, g.r.IntN(len(dates)))
	}
	return dates[i]
}

var notes = []string{
	"Rencontré{e} au forum des associations.",
	"Préfère être contacté{e} par téléphone.",
	"A déjà participé à deux missions avec nous.",
	"Attestation de bénévolat envoyée.",
	"Disponible à partir de septembre.",
	"Recommandé{e} par une autre bénévole.",
	"Souhaite être rappelé{e} après l'été.",
}
