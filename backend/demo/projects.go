package demo

import (
	"fmt"
	"strings"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
)

// Associations and projects for trying the app and for the matching benchmark. They draw on the
// same skill popularity as volunteers: a common need (accounting, communication) finds
// thousands of candidates among 100,000 volunteers, a rare one a handful.

var associationPatterns = []struct {
	pattern  string
	category string
}{
	{"Épicerie solidaire de %s", "association"},
	{"Les Amis de la bibliothèque de %s", "association"},
	{"Maison des jeunes et de la culture de %s", "association"},
	{"Secours populaire — comité de %s", "association"},
	{"Collège Jean-Moulin de %s", "school"},
	{"Ressourcerie de %s", "socialEnterprise"},
	{"Restos du Cœur de %s", "association"},
	{"Club de football de %s", "association"},
	{"Association des familles de %s", "association"},
	{"Lycée professionnel de %s", "school"},
	{"Jardins partagés de %s", "association"},
	{"Théâtre amateur de %s", "association"},
}

var projectTitles = []string{
	"Accompagnement en %s",
	"Mission de %s pour l’association",
	"Renfort bénévole en %s",
	"Remise à plat : %s",
	"Atelier et conseils en %s",
}

// Association returns a beneficiary association in a real French town.
func (g *Generator) Association() domain.Organization {
	t := citiesTable()
	c := t.cities[t.w.pick(g.r)]
	p := associationPatterns[g.r.IntN(len(associationPatterns))]
	return domain.Organization{Kind: domain.KindAssociation, Category: p.category,
		Name: strings.ReplaceAll(fmt.Sprintf(p.pattern, c.name), "de "+c.name, ofTown(c.name)), City: c.name, Postcode: c.postcode}
}

// ofTown writes "de <town>" as French does: "d’Albi", "du Havre", "des Sables-d’Olonne".
func ofTown(name string) string {
	switch {
	case strings.HasPrefix(name, "Le "):
		return "du " + strings.TrimPrefix(name, "Le ")
	case strings.HasPrefix(name, "Les "):
		return "des " + strings.TrimPrefix(name, "Les ")
	case strings.IndexAny(strings.ToLower(name[:1]), "aeiouyh") == 0 || strings.HasPrefix(name, "É") || strings.HasPrefix(name, "Î"):
		return "d’" + name
	}
	return "de " + name
}

// Project returns a recruiting project of the given association: one to four skills (mostly
// from one domain, as real needs are), levels, people, causes, schedule and place.
func (g *Generator) Project(association domain.Organization) domain.Project {
	r, m := g.r, g.skills
	p := domain.Project{OrganizationID: association.ID, Status: domain.ProjectRecruiting}
	if len(m.skills) > 0 {
		k := 1 + pickWeights(r, []float64{25, 40, 25, 10})
		main := m.popular(r)
		chosen := []int{main}
		dom := &m.domains[m.skills[main].domain]
		for try := 0; len(chosen) < k && try < 20; try++ {
			c := dom.skills[dom.w.pick(r)]
			if try%3 == 2 {
				c = m.popular(r)
			}
			if !containsInt(chosen, c) {
				chosen = append(chosen, c)
			}
		}
		for _, i := range chosen {
			p.Skills = append(p.Skills, domain.ProjectSkill{
				SkillID: m.skills[i].skill.ID, Name: m.skills[i].fr,
				Level:  domain.SkillLevels[pickWeights(r, []float64{5, 30, 50, 15})],
				People: 1 + pickWeights(r, []float64{70, 25, 5}),
			})
		}
		p.Title = fmt.Sprintf(projectTitles[r.IntN(len(projectTitles))], m.skills[main].lower)
	} else {
		p.Title = "Projet de " + association.Name
	}
	p.Description = "Projet de " + association.Name + ". " + p.Title + "."
	p.Causes = []domain.Cause{g.causes[g.causeW.pick(r)]}
	if r.IntN(3) == 0 {
		if c := g.causes[g.causeW.pick(r)]; c != p.Causes[0] {
			p.Causes = append(p.Causes, c)
		}
	}
	p.City = association.City
	p.Schedule.Mode = []domain.WorkMode{domain.ModeOnSite, domain.ModeRemote, domain.ModeEither}[pickWeights(r, []float64{40, 25, 35})]
	p.Schedule.Evenings = r.IntN(10) < 4
	p.Schedule.Weekends = r.IntN(4) == 0
	if r.IntN(10) < 4 {
		p.Schedule.Days = []string{domain.Weekdays[r.IntN(5)]}
	}
	p.Schedule.HoursPerMonth = 4 + 2*r.IntN(9)
	start := time.Date(2027, time.Month(1+r.IntN(6)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
	p.StartDate = start.Format(time.DateOnly)
	p.EndDate = start.AddDate(0, 1+r.IntN(6), 0).Format(time.DateOnly)
	return p
}
