package httpapi

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
)

// ruleMessages are the texts of domain.RuleError codes; {from}, {to}, {status} and {allowed}
// are filled with translated statuses.
var ruleMessages = map[string]message{
	domain.RuleBackupNotManual: {
		"Les sauvegardes automatiques sont triées par Civisphère (7 quotidiennes, 4 hebdomadaires, 12 mensuelles) : seules les sauvegardes manuelles se suppriment à la main.",
		"Automatic backups are thinned by Civisphère (7 daily, 4 weekly, 12 monthly): only manual backups can be deleted by hand.",
	},
	domain.RuleProjectTransition: {
		"Un projet « {from} » ne peut pas passer à « {to} » (possible : {allowed}).",
		"A project that is “{from}” cannot become “{to}” (possible: {allowed}).",
	},
	domain.RuleApplicationTransition: {
		"Une candidature « {from} » ne peut pas passer à « {to} ». Une candidature refusée ou retirée est close : le bénévole peut candidater à nouveau.",
		"An application that is “{from}” cannot become “{to}”. A declined or withdrawn application is closed: the volunteer may apply again.",
	},
	domain.RuleAlreadyApplied: {
		"Ce bénévole a déjà une candidature en cours sur ce projet.",
		"This volunteer already has an open application to this project.",
	},
	domain.RuleProjectNotOpen: {
		"Ce projet n’accepte pas de candidatures : il est « {status} ». Passez-le en recrutement d’abord.",
		"This project does not take applications: it is “{status}”. Move it to recruiting first.",
	},
	domain.RuleVolunteerArchived: {
		"Ce bénévole est archivé : restaurez sa fiche avant de l’inscrire à un projet.",
		"This volunteer is archived: restore their profile before adding them to a project.",
	},
	domain.RuleDayOverFull: {
		"Plus de 24 heures le {date} pour ce bénévole : {loggedHours} h sont déjà saisies ce jour-là.",
		"More than 24 hours on {date} for this volunteer: {loggedHours} h are already logged that day.",
	},
	domain.RuleDateOutsideProject: {
		"Le {date} est en dehors des dates du projet ({period}).",
		"{date} is outside the project's dates ({period}).",
	},
	domain.RuleTemplateAlreadyUsed: {
		"Un projet a déjà été créé à partir de cette suggestion du diagnostic : « {title} ».",
		"A project was already made from this suggestion of the diagnostic: “{title}”.",
	},
	domain.RuleSurveyHasResponses: {
		"Cette enquête a déjà des réponses ({count}) : seul son titre peut encore changer. Pour poser d’autres questions, créez une nouvelle enquête.",
		"This survey already has responses ({count}): only its title can still change. To ask other questions, create a new survey.",
	},
}

var projectStatusLabels = map[domain.ProjectStatus]message{
	domain.ProjectDraft:      {"brouillon", "draft"},
	domain.ProjectRecruiting: {"en recrutement", "recruiting"},
	domain.ProjectInProgress: {"en cours", "in progress"},
	domain.ProjectCompleted:  {"terminé", "completed"},
	domain.ProjectEvaluated:  {"évalué", "evaluated"},
	domain.ProjectCancelled:  {"annulé", "cancelled"},
}

var applicationStatusLabels = map[domain.ApplicationStatus]message{
	domain.ApplicationApplied:     {"candidat", "applied"},
	domain.ApplicationShortlisted: {"présélectionné", "shortlisted"},
	domain.ApplicationAccepted:    {"accepté", "accepted"},
	domain.ApplicationDeclined:    {"refusé", "declined"},
	domain.ApplicationWithdrawn:   {"retiré", "withdrawn"},
}

// ruleMessage renders a refused request's message with its statuses in the reader's language.
func ruleMessage(l locale, e *domain.RuleError) string {
	m, ok := ruleMessages[e.Code]
	if !ok {
		return e.Code
	}
	params := make(map[string]any, len(e.Params))
	for k, v := range e.Params {
		params[k] = statusLabel(l, v)
	}
	for _, k := range []string{"date", "startDate", "endDate"} {
		if d, ok := e.Params[k].(string); ok {
			params[k] = formatDay(l, d)
		}
	}
	if h, ok := e.Params["loggedHours"].(float64); ok {
		params["loggedHours"] = formatDecimal(l, h)
	}
	if e.Code == domain.RuleDateOutsideProject {
		params["period"] = periodText(l, e.Params["startDate"], e.Params["endDate"])
	}
	text := fill(m.in(l), params)
	if line, ok := e.Params["line"]; ok {
		text = fill(message{"Ligne {line} : ", "Line {line}: "}.in(l), map[string]any{"line": line}) + text
	}
	return text
}

// formatDay writes a YYYY-MM-DD day the reader's way: 25/11/2026 in French, 2026-11-25 in English
// (unambiguous for every English reader).
func formatDay(l locale, day string) string {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil || l != localeFR {
		return day
	}
	return t.Format("02/01/2006")
}

// formatDecimal writes a number with at most two decimals and a decimal comma in French.
func formatDecimal(l locale, v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if l == localeFR {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// periodText describes a project's dates, either of which may be missing.
func periodText(l locale, start, end any) string {
	from, _ := start.(string)
	to, _ := end.(string)
	switch {
	case from != "" && to != "":
		return fill(message{"du {from} au {to}", "from {from} to {to}"}.in(l), map[string]any{"from": formatDay(l, from), "to": formatDay(l, to)})
	case from != "":
		return fill(message{"à partir du {from}", "from {from}"}.in(l), map[string]any{"from": formatDay(l, from)})
	default:
		return fill(message{"jusqu’au {to}", "until {to}"}.in(l), map[string]any{"to": formatDay(l, to)})
	}
}

func statusLabel(l locale, v any) string {
	switch v := v.(type) {
	case domain.ProjectStatus:
		if m, ok := projectStatusLabels[v]; ok {
			return m.in(l)
		}
	case domain.ApplicationStatus:
		if m, ok := applicationStatusLabels[v]; ok {
			return m.in(l)
		}
	case []domain.ProjectStatus:
		if len(v) == 0 {
			return message{"aucun changement", "no change"}.in(l)
		}
		labels := make([]string, len(v))
		for i, s := range v {
			labels[i] = statusLabel(l, s)
		}
		return strings.Join(labels, ", ")
	}
	return fmt.Sprint(v)
}
