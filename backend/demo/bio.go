package demo

import (
	"strconv"
	"strings"

	"github.com/civisphere/civisphere/backend/domain"
)

// bioCtx holds the words a bio template can use.
type bioCtx struct {
	woman  bool
	title  string // job title, lower-case: "comptable", "spécialiste en graphisme"
	years  int
	skills []string // French skill names inside a sentence, the main one first
	city   string   // "à Lyon", "" when unknown
	causes []causeInfo
	avail  string // "le mardi, de préférence à distance"
	langs  string // "anglais et espagnol"
	french bool   // speaks French: "je parle aussi …"
}

// opening is a first sentence: who the person is (profession, experience, main skill, sometimes
// the town).
type opening struct {
	text string
	// oneWordTitle: the sentence reads well only with a one-word job title ("Comptable de
	// métier"). titleAndSkill: it names both the title and the main skill, which repeats itself
	// when the title is "spécialiste en <skill>".
	oneWordTitle, titleAndSkill bool
}

func (o opening) fits(realTitle bool, title string) bool {
	if o.oneWordTitle && (!realTitle || strings.Contains(title, " ")) {
		return false
	}
	return realTitle || !o.titleAndSkill
}

func openings(texts ...string) []opening {
	out := make([]opening, len(texts))
	for i, t := range texts {
		hasTitle := strings.Contains(t, "{title}") || strings.Contains(t, "{Title}") || strings.Contains(t, "{deTitle}")
		out[i] = opening{
			text:          t,
			oneWordTitle:  strings.Contains(t, "métier"),
			titleAndSkill: hasTitle && strings.Contains(t, "{s1}"),
		}
	}
	return out
}

var (
	openWorking = openings(
		"{Title} depuis {yrs}{aCity}, j'accompagne des associations dans leurs projets.",
		"{Title} depuis {yrs}, je mets mes compétences en {s1} au service des associations.",
		"J'ai {yrs} d'expérience en {s1} et je travaille aujourd'hui comme {title}{aCity}.",
		"Je suis {title}{aCity} depuis {yrs}.",
		"{Title} de métier, je travaille depuis {yrs} pour des entreprises et des collectivités.",
		"Après {yrs} comme {title}, j'ai envie de me rendre utile autrement.",
		"J'exerce le métier {deTitle} depuis {yrs}{aCity}.",
		"Spécialisé{e} en {s1} depuis {yrs}, j'interviens régulièrement auprès de structures de l'économie sociale et solidaire.",
	)
	openYoung = openings(
		"Jeune {title}{aCity}, je souhaite mettre mes compétences en {s1} au service d'une cause qui me ressemble.",
	)
	openStudent = openings(
		"Étudiant{e} en {s1}{aCity}, je cherche une première expérience utile auprès d'une association.",
		"Actuellement étudiant{e} en {s1}, je souhaite mettre mes connaissances au service d'une association.",
		"En dernière année d'études {deS1}, j'ai envie de m'engager dans un projet associatif.",
		"Étudiant{e}{aCity}, je me forme en {s1} et je souhaite pratiquer au sein d'une association.",
	)
	openRetired = openings(
		"Retraité{e} après {yrs} de carrière comme {title}, j'ai aujourd'hui du temps à consacrer aux associations.",
		"Ancien{ne} {title}, j'ai exercé pendant {yrs}{aCity} et je profite de ma retraite pour aider des associations.",
		"Jeune retraité{e}, j'ai été {title} pendant {yrs} et je souhaite rester {actif}.",
		"À la retraite après {yrs} comme {title}, je souhaite transmettre mon expérience en {s1}.",
	)
)

// Skill sentences name the other skills.
var (
	skillsTwo = []string{
		"Je peux aussi vous aider en {s2}.",
		"J'ai également de bonnes compétences en {s2}.",
	}
	skillsTwoBeginner = "J'ai aussi quelques notions en {s2}."
	skillsMore        = []string{
		"Je peux aussi vous aider en {s2} et en {s3}.",
		"Mes autres domaines de compétence : {others}.",
	}
)

// Cause sentences say what the person cares about and why they volunteer.
var (
	causeOne = []string{
		"Sensible {aCause}, je souhaite m'engager concrètement auprès d'une association.",
		"{Cause} me tient particulièrement à cœur.",
		"Engagé{e} pour {cause}, je souhaite donner de mon temps à une association locale.",
		"Je m'intéresse tout particulièrement {aCause} et je souhaite me rendre utile.",
		"Je souhaite m'engager pour {cause} et mettre mes compétences au service d'une association.",
		"La cause {deCause} me tient à cœur depuis longtemps.",
	}
	causeTwo = []string{
		"{Cause} et {cause2} me tiennent particulièrement à cœur.",
		"Sensible {aCause} et {aCause2}, je souhaite m'engager concrètement.",
		"Je souhaite m'engager pour {cause} et pour {cause2}.",
	}
	motivations = []string{
		"Je cherche une mission de bénévolat de compétences, ponctuelle ou régulière.",
		"J'aimerais transmettre mon savoir-faire à des structures qui en ont besoin.",
		"Le bénévolat est pour moi une façon de rester utile et de rencontrer d'autres personnes.",
		"Je serais {heureux} de rejoindre une équipe de bénévoles.",
		"J'ai déjà accompagné plusieurs associations de mon quartier.",
		"Je peux intervenir sur des missions courtes comme sur des projets au long cours.",
	}
)

// bio writes 2 to 4 sentences: an opening, maybe other skills, a cause, maybe a motivation,
// availability or languages.
func (g *Generator) bio(v *domain.Volunteer, st stage, woman bool, years int) string {
	r := g.r
	c := &bioCtx{woman: woman, years: years}
	if v.City != "" && chance(r, 0.5) {
		c.city = inCity(v.City)
	}
	// g.chosen holds the taxonomy indexes of v.Skills, in the same order.
	for _, i := range g.chosen {
		c.skills = append(c.skills, g.skills.skills[i].lower)
	}
	var main *skillInfo
	if len(g.chosen) > 0 {
		main = &g.skills.skills[g.chosen[0]]
	}
	if main != nil {
		title := main.men
		if woman {
			title = main.women
		}
		if title == "" || chance(r, 0.15) {
			if chance(r, 0.5) {
				title = "spécialiste en " + main.lower
			} else if woman {
				title = "consultante en " + main.lower
			} else {
				title = "consultant en " + main.lower
			}
		}
		c.title = title
	}
	for _, cause := range v.Causes {
		if info, ok := causesFR[cause]; ok {
			c.causes = append(c.causes, info)
		}
	}

	var sentences []string
	if main != nil {
		var opens []opening
		switch st {
		case student:
			opens = openStudent
		case retired:
			opens = openRetired
		case young:
			opens = openWorking
			if chance(r, 0.3) {
				opens = openYoung
			}
		default:
			opens = openWorking
		}
		realTitle := c.title == main.men || c.title == main.women
		chosen := openWorking[0].text
		for try := 0; try < 6; try++ {
			o := opens[r.IntN(len(opens))]
			if o.fits(realTitle, c.title) {
				chosen = o.text
				break
			}
		}
		sentences = append(sentences, chosen)
	} else {
		sentences = append(sentences, "Je souhaite mettre mon expérience au service d'une association.")
	}
	extras := 0
	switch {
	case len(c.skills) == 2 && chance(r, 0.7):
		if v.Skills[1].Level == domain.LevelBeginner {
			sentences = append(sentences, skillsTwoBeginner)
		} else {
			sentences = append(sentences, skillsTwo[r.IntN(len(skillsTwo))])
		}
		extras++
	case len(c.skills) > 2 && chance(r, 0.7):
		sentences = append(sentences, skillsMore[r.IntN(len(skillsMore))])
		extras++
	}
	switch {
	case len(c.causes) >= 2 && chance(r, 0.4):
		sentences = append(sentences, causeTwo[r.IntN(len(causeTwo))])
	case len(c.causes) >= 1:
		sentences = append(sentences, causeOne[r.IntN(len(causeOne))])
	}
	if extras < 2 && chance(r, 0.6) {
		sentences = append(sentences, motivations[r.IntN(len(motivations))])
		extras++
	}
	if extras < 2 && chance(r, 0.3) {
		c.avail = availabilityPhrase(v.Availability)
		sentences = append(sentences, "Je suis disponible {avail}.")
		extras++
	}
	if extras < 2 {
		var spoken []string
		sign := false
		for _, l := range v.Languages {
			switch l {
			case "fr":
				c.french = true
			case "fsl":
				sign = true
			default:
				if name, ok := languagesSpoken[l]; ok {
					spoken = append(spoken, name)
				}
			}
		}
		switch {
		case sign && chance(r, 0.7):
			sentences = append(sentences, "Je pratique la langue des signes française.")
		case len(spoken) > 0 && chance(r, 0.35):
			c.langs = joinFR(spoken)
			if c.french {
				sentences = append(sentences, "Je parle aussi {langs}.")
			} else {
				sentences = append(sentences, "Je parle {langs}.")
			}
		}
	}
	var b strings.Builder
	b.Grow(360)
	for i, s := range sentences {
		if i > 0 {
			b.WriteByte(' ')
		}
		expandTo(&b, s, c)
	}
	return b.String()
}

// availabilityPhrase says when someone is free: "le mardi et le jeudi, surtout en soirée, de
// préférence à distance".
func availabilityPhrase(a domain.Availability) string {
	var p string
	switch {
	case len(a.Days) >= 4:
		p = "plusieurs jours par semaine"
	case len(a.Days) > 0:
		days := make([]string, len(a.Days))
		for i, d := range a.Days {
			days[i] = "le " + weekdaysFR[d]
		}
		p = joinFR(days)
	case a.Weekends:
		p = "le week-end"
	case a.Evenings:
		p = "en soirée"
	default:
		p = "ponctuellement"
	}
	if a.Evenings && p != "en soirée" {
		p += ", surtout en soirée"
	}
	switch a.Mode {
	case domain.ModeRemote:
		p += ", de préférence à distance"
	case domain.ModeOnSite:
		p += ", plutôt sur place"
	}
	return p
}

func expand(tmpl string, c *bioCtx) string {
	var b strings.Builder
	expandTo(&b, tmpl, c)
	return b.String()
}

// expandTo writes tmpl with its {placeholders} replaced.
func expandTo(b *strings.Builder, tmpl string, c *bioCtx) {
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			return
		}
		b.WriteString(tmpl[:i])
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			b.WriteString(tmpl[i:])
			return
		}
		b.WriteString(c.value(tmpl[i+1 : i+j]))
		tmpl = tmpl[i+j+1:]
	}
}

func (c *bioCtx) value(key string) string {
	switch key {
	case "Title":
		return upperFirst(c.title)
	case "title":
		return c.title
	case "deTitle":
		return de(c.title)
	case "yrs":
		if c.years == 1 {
			return "1 an"
		}
		return strconv.Itoa(c.years) + " ans"
	case "s1":
		return c.skill(0)
	case "deS1":
		return de(c.skill(0))
	case "s2":
		return c.skill(1)
	case "s3":
		return c.skill(2)
	case "others":
		if len(c.skills) > 1 {
			return joinFR(c.skills[1:])
		}
		return ""
	case "aCity":
		if c.city == "" {
			return ""
		}
		return " " + c.city
	case "e":
		return c.pick("", "e")
	case "ne":
		return c.pick("", "ne")
	case "actif":
		return c.pick("actif", "active")
	case "heureux":
		return c.pick("heureux", "heureuse")
	case "Cause":
		return upperFirst(c.cause(0).plain())
	case "cause":
		return c.cause(0).plain()
	case "aCause":
		return c.cause(0).withA()
	case "deCause":
		return c.cause(0).withDe()
	case "cause2":
		return c.cause(1).plain()
	case "aCause2":
		return c.cause(1).withA()
	case "avail":
		return c.avail
	case "langs":
		return c.langs
	}
	return ""
}

func (c *bioCtx) pick(man, woman string) string {
	if c.woman {
		return woman
	}
	return man
}

func (c *bioCtx) skill(i int) string {
	if i < len(c.skills) {
		return c.skills[i]
	}
	return ""
}

func (c *bioCtx) cause(i int) causeInfo {
	if i < len(c.causes) {
		return c.causes[i]
	}
	return causeInfo{article: "la", phrase: "solidarité"}
}
