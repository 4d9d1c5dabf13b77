package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/civisphere/civisphere/backend/domain"
)

func testSurvey() domain.Survey {
	return domain.Survey{
		ID:       3,
		Title:    "Votre avis sur l'accompagnement",
		Audience: domain.AudienceBeneficiary,
		Questions: []domain.SurveyQuestion{
			{Kind: domain.QuestionScale, Text: "Dans l'ensemble, êtes-vous satisfait·e de l'accompagnement ?", Min: fptr(1), Max: fptr(5)},
			{Kind: domain.QuestionScale, Text: "Quelle note donneriez-vous à l'équipe d'Ольга et de Łukasz ?", Min: fptr(0), Max: fptr(10)},
			{Kind: domain.QuestionSingle, Text: "Recommanderiez-vous l'association à un proche ?", Choices: []string{"Oui", "Non", "Je ne sais pas"}},
			{Kind: domain.QuestionMultiple, Text: "Qu'avez-vous appris ?", Choices: []string{"Tenir un budget", "Rédiger un CV", "Utiliser un tableur", "Préparer un entretien d'embauche avec Ștefan et Nguyễn Thị Hồng, deux bénévoles de l'Œuvre-Besançon, pendant trois séances"}},
			{Kind: domain.QuestionNumber, Text: "Combien de séances avez-vous suivies ?", Min: fptr(0), Max: fptr(50)},
			{Kind: domain.QuestionText, Text: "Un mot pour les bénévoles (Ελένη, Ольга…) ?"},
		},
	}
}

func writeForm(t testing.TB, s domain.Survey, locale string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteSurveyFormPDF(&buf, s, locale, SurveyFormContext{ProjectOrProgram: "Refonte du site de l'Œuvre-Besançon", Association: "Entraide Saint-Étienne"}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestSurveyFormPDF(t *testing.T) {
	data := writeForm(t, testSurvey(), "fr")
	text := flat(pdfText(t, "questionnaire.pdf", data))
	for _, want := range []string{
		"Entraide Saint-Étienne", "N° (réservé à l'association)", "Votre avis sur l'accompagnement", "Refonte du site de l'Œuvre-Besançon",
		"Ce questionnaire est anonyme : n'y écrivez pas votre nom.",
		"1. Dans l'ensemble, êtes-vous satisfait·e de l'accompagnement ? de 1 à 5 1 2 3 4 5",
		"2. Quelle note donneriez-vous à l'équipe d'Ольга et de Łukasz ? de 0 à 10 0 1 2 3 4 5 6 7 8 9 10",
		"3. Recommanderiez-vous l'association à un proche ? une seule réponse Oui Non Je ne sais pas",
		"4. Qu'avez-vous appris ? plusieurs réponses possibles Tenir un budget",
		"Ștefan et Nguyễn Thị Hồng", "5. Combien de séances avez-vous suivies ? un nombre de 0 à 50",
		"6. Un mot pour les bénévoles (Ελένη, Ольга…) ?", "Merci pour vos réponses !",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the form lacks %q:\n%s", want, text)
		}
	}
	checkFontsEmbedded(t, "questionnaire.pdf", data)
	checkLayout(t, "questionnaire.pdf", data)
}

func TestSurveyFormPDFEnglishForVolunteers(t *testing.T) {
	s := testSurvey()
	s.Audience = domain.AudienceVolunteer
	text := flat(pdfText(t, "survey-form.pdf", writeForm(t, s, "en")))
	for _, want := range []string{"No. (for the association)", "Thank you for taking a few minutes", "from 1 to 5", "one answer",
		"several answers possible", "a number from 0 to 50", "Thank you for your answers!"} {
		if !strings.Contains(text, want) {
			t.Errorf("the form lacks %q", want)
		}
	}
	if strings.Contains(text, "anonymous") {
		t.Errorf("the volunteers' form says it is anonymous")
	}
}

// A long form goes on over several pages, numbered, and no question is cut in two: each
// page break falls between questions.
func TestSurveyFormPDFNeverSplitsAQuestion(t *testing.T) {
	s := testSurvey()
	base := s.Questions
	s.Questions = nil
	for i := 0; i < 5; i++ {
		for _, q := range base {
			q.Text = fmt.Sprintf("%s [%d]", q.Text, len(s.Questions)+1)
			s.Questions = append(s.Questions, q)
		}
	}
	data := writeForm(t, s, "fr")
	checkLayout(t, "long-questionnaire.pdf", data)
	pages := pdfPages(pdfText(t, "long-questionnaire.pdf", data))
	if len(pages) < 3 {
		t.Fatalf("%d pages for %d questions", len(pages), len(s.Questions))
	}
	for i, p := range pages {
		p = flat(p)
		if !strings.Contains(p, fmt.Sprintf("Page %d sur %d", i+1, len(pages))) {
			t.Errorf("page %d is not numbered", i+1)
		}
	}
	// Every question's text and all of its answers are on the same page.
	for n, q := range s.Questions {
		marker := fmt.Sprintf("[%d]", n+1)
		for i, p := range pages {
			p = flat(p)
			at := strings.Index(p, marker)
			if at < 0 {
				continue
			}
			rest := p[at:]
			for _, c := range q.Choices {
				if !strings.Contains(rest, c) {
					t.Errorf("question %d on page %d: choice %q is not on the same page", n+1, i+1, c)
				}
			}
			if q.Kind == domain.QuestionScale && !strings.Contains(rest, "4 5") {
				t.Errorf("question %d on page %d: the scale's boxes are not on the same page", n+1, i+1)
			}
		}
	}
}

func TestSurveyFormPDFOddQuestions(t *testing.T) {
	s := domain.Survey{Title: "Questions étranges", Questions: []domain.SurveyQuestion{
		{Kind: domain.QuestionScale, Text: "Une échelle de 0 à 100", Min: fptr(0), Max: fptr(100)},
		{Kind: domain.QuestionScale, Text: "Une échelle sans bornes"},
		{Kind: domain.QuestionSingle, Text: "Un choix sans options"},
		{Kind: domain.QuestionNumber, Text: "Un nombre d'au moins 2,5", Min: fptr(2.5)},
	}}
	text := flat(pdfText(t, "etrange.pdf", writeForm(t, s, "fr")))
	for _, want := range []string{"de 0 à 100", "un nombre, au moins 2,5", "Une échelle sans bornes"} {
		if !strings.Contains(text, want) {
			t.Errorf("the form lacks %q", want)
		}
	}
	if strings.Contains(text, "99") {
		t.Errorf("a 0–100 scale drew a hundred boxes")
	}
	empty := flat(pdfText(t, "vide.pdf", writeForm(t, domain.Survey{Title: "Vide"}, "fr")))
	if !strings.Contains(empty, "Ce questionnaire n'a pas encore de question.") {
		t.Errorf("an empty form says nothing: %s", empty)
	}
}

// A question taller than a page (a choice among eighty) cannot stay on one page: it goes on
// over the next, without drawing off the page.
func TestSurveyFormPDFQuestionTallerThanAPage(t *testing.T) {
	choices := make([]string, 80)
	for i := range choices {
		choices[i] = fmt.Sprintf("Commune n° %d de la métropole de Besançon, avec un nom à rallonge pour qu'il ne tienne pas en colonnes", i+1)
	}
	s := domain.Survey{Title: "Votre commune", Questions: []domain.SurveyQuestion{
		{Kind: domain.QuestionSingle, Text: "Où habitez-vous ?", Choices: choices},
		{Kind: domain.QuestionText, Text: "Autre chose ?"},
	}}
	data := writeForm(t, s, "fr")
	checkLayout(t, "communes.pdf", data)
	raw := pdfText(t, "communes.pdf", data)
	if pages := pdfPages(raw); len(pages) < 2 || len(pages) > 5 {
		t.Errorf("%d pages for eighty choices", len(pages))
	}
	text := flat(raw)
	for _, want := range []string{"Commune n° 1 de", "Commune n° 80 de", "2. Autre chose ?"} {
		if !strings.Contains(text, want) {
			t.Errorf("the form lacks %q", want)
		}
	}
}
