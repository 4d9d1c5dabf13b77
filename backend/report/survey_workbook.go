package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/xuri/excelize/v2"
)

// SurveyResponseSource yields a survey's responses one at a time and false when done. An error
// stops the writer, which returns it.
type SurveyResponseSource func() (domain.SurveyResponse, bool, error)

// SurveyResponsesLabels carries the words of the survey responses workbook in the reader's
// language. The questions' texts and choices come from the survey itself.
type SurveyResponsesLabels struct {
	// Locale is "fr" or "en" (anything not starting with "en" is French): it decides the date
	// format.
	Locale string
	// SheetName names the sheet ("Réponses" / "Responses"); further sheets add " (2)"…
	SheetName string
	// Date and Source are the titles of the first two columns: when the response was recorded
	// and how it reached the app.
	Date, Source string
	// Sources gives the word for each source ("en ligne", "papier"); a source without one
	// shows its code.
	Sources map[domain.SurveySource]string
}

// maxQuestionTitleRunes cuts a question's text in its column title; the full text is in the
// survey.
const maxQuestionTitleRunes = 120

// choiceSeparator joins the choices of a multiple-choice answer in one cell. A semicolon,
// because a choice may hold a comma.
const choiceSeparator = "; "

// WriteSurveyResponsesXLSX writes a survey's responses as an Excel workbook: one row per
// response, with the date and time it was recorded (local time), its source, then one column
// per question titled "1. <question>": scales and numbers as number cells, choices as their
// texts (several joined with "; "), free text neutralised against formulas and wrapped. The
// header is frozen with an autofilter, and past 1,048,575 responses the rows go on in a new
// sheet. Nothing is written to w before every response has been read. rows is the number of
// responses written.
func WriteSurveyResponsesXLSX(w io.Writer, s domain.Survey, src SurveyResponseSource, labels SurveyResponsesLabels) (rows int, err error) {
	english := newDocLang(labels.Locale).en
	dateTime, defaultSheet := "dd/mm/yyyy hh:mm", "Réponses"
	if english {
		dateTime, defaultSheet = "yyyy-mm-dd hh:mm", "Responses"
	}

	f := newWorkbook()
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("report: closing workbook: %w", cerr)
		}
	}()
	top := &excelize.Alignment{Vertical: "top"}
	// Questions make long titles: the header wraps.
	wrapHeader := headerStyle()
	wrapHeader.Alignment = &excelize.Alignment{Vertical: "top", WrapText: true}
	var header, text, wrap, number, date int
	for _, d := range []struct {
		id    *int
		style *excelize.Style
	}{
		{&header, wrapHeader},
		{&text, &excelize.Style{Alignment: top}},
		{&wrap, &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&number, &excelize.Style{Alignment: top}},
		{&date, &excelize.Style{Alignment: top, CustomNumFmt: &dateTime}},
	} {
		if *d.id, err = newStyle(f, d.style); err != nil {
			return 0, err
		}
	}

	cols := []sheetColumn{
		{title: neutralizeFormula(orDefault(labels.Date, "date")), width: 17, style: date},
		{title: neutralizeFormula(orDefault(labels.Source, "source")), width: 12, style: text},
	}
	for i, q := range s.Questions {
		title := strconv.Itoa(i+1) + ". " + strings.Join(strings.Fields(q.Text), " ")
		if r := []rune(title); len(r) > maxQuestionTitleRunes {
			title = string(r[:maxQuestionTitleRunes-1]) + "…"
		}
		c := sheetColumn{title: title, width: 24, style: text, fixed: true}
		switch q.Kind {
		case domain.QuestionScale, domain.QuestionNumber:
			c.width, c.style = 14, number
		case domain.QuestionText:
			c.width, c.style = 45, wrap
		case domain.QuestionMultiple:
			c.width, c.style = 32, wrap
		}
		cols = append(cols, c)
	}
	// Room for questions of three lines or so in the header.
	stream := &sheetStream{f: f, base: sheetNameOr(labels.SheetName, defaultSheet), cols: cols, header: header, headerHeight: 48}
	if err := stream.start(); err != nil {
		return 0, err
	}
	values := make([]any, len(cols))
	for {
		r, ok, err := src()
		if err != nil {
			return rows, fmt.Errorf("report: reading survey responses: %w", err)
		}
		if !ok {
			break
		}
		for i := range values {
			values[i] = nil
		}
		if t := localTime(r.CreatedAt); !t.IsZero() {
			values[0] = t
		}
		if r.Source != "" {
			word := strings.TrimSpace(labels.Sources[r.Source])
			if word == "" {
				word = string(r.Source)
			}
			values[1] = neutralizeFormula(word)
		}
		for i, q := range s.Questions {
			if i < len(r.Answers) {
				values[2+i] = answerCell(q, r.Answers[i])
			}
		}
		if err := stream.add(values); err != nil {
			return rows, err
		}
		rows++
	}
	if err := stream.finish(); err != nil {
		return rows, err
	}
	if err := writeWorkbook(f, w); err != nil {
		return rows, fmt.Errorf("report: writing workbook: %w", err)
	}
	return rows, nil
}

// answerCell is the cell value of an answer: a number, the chosen texts, or neutralised text;
// nil for no answer. Choice indexes outside the question's choices are left out.
func answerCell(q domain.SurveyQuestion, a domain.SurveyAnswer) any {
	switch q.Kind {
	case domain.QuestionScale, domain.QuestionNumber:
		if a.Number != nil {
			return *a.Number
		}
	case domain.QuestionSingle, domain.QuestionMultiple:
		var chosen []string
		for _, c := range a.Choices {
			if c >= 0 && c < len(q.Choices) {
				chosen = append(chosen, q.Choices[c])
			}
		}
		if len(chosen) > 0 {
			return neutralizeFormula(strings.Join(chosen, choiceSeparator))
		}
	default:
		if a.Text != "" {
			return neutralizeFormula(a.Text)
		}
	}
	return nil
}
