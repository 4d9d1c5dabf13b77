package report

import (
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/civisphere/civisphere/backend/domain"
)

// SurveyFormContext says what a printed survey form is about.
type SurveyFormContext struct {
	// ProjectOrProgram is the title of the project or of the sponsor's programme the survey
	// measures.
	ProjectOrProgram string
	// Association is the association that hands out the form.
	Association string
}

// maxScaleBoxes is the most boxes a scale gets on paper; a wider scale gets a box to write
// the number in.
const maxScaleBoxes = 11

// WriteSurveyFormPDF writes a survey as a paper form that people fill in by hand: the title,
// an introduction (saying the form is anonymous when beneficiaries answer it), then each
// question numbered with the right place to answer: a row of boxes for a scale, circles for a
// single choice, squares for a multiple choice (saying several answers are possible), a box
// for a number and ruled lines for free text. A question is never split across two pages.
// The form carries a box where the association numbers it when typing the answers in.
func WriteSurveyFormPDF(w io.Writer, s domain.Survey, locale string, context SurveyFormContext) error {
	lang := newDocLang(locale)
	d, err := newPDFDoc(lang, pdfMeta{Title: s.Title, Subject: context.ProjectOrProgram, Author: context.Association, Created: s.UpdatedAt})
	if err != nil {
		return err
	}
	d.footer = strings.TrimSpace(s.Title)
	d.addPage()

	// The association on the left, the box for the form's number on the right.
	y := d.y()
	d.textAt(marginL, y+2, contentW-62, context.Association, "L", true, 9.5, colMuted)
	boxLabel := lang.word("form_number_box")
	d.textAt(pageW-marginR-58, y, 58, boxLabel, "R", false, 7, colMuted)
	d.drawColor(colRule)
	d.pdf.SetLineWidth(0.3)
	d.pdf.Rect(pageW-marginR-30, y+lineHeight(7)+0.5, 30, 8, "D")
	d.pdf.SetY(y + lineHeight(7) + 12)

	d.paragraph(s.Title, paraStyle{size: 18, bold: true, color: colPrimary})
	if p := strings.TrimSpace(context.ProjectOrProgram); p != "" {
		d.space(1)
		d.paragraph(p, paraStyle{size: 11, color: colInk})
	}
	d.space(4)

	intro := lang.word("form_intro_volunteer")
	if s.Audience == domain.AudienceBeneficiary {
		intro = lang.word("form_intro_beneficiary")
	}
	introSt := paraStyle{size: 9.5, color: colInk, indent: 4, width: contentW - 8}
	howSt := paraStyle{size: 8.5, color: colMuted, indent: 4, width: contentW - 8}
	h := d.paragraphHeight(intro, introSt) + 1 + d.paragraphHeight(lang.word("form_how"), howSt) + 6
	y = d.y()
	d.fillColor(colLight)
	d.pdf.RoundedRect(marginL, y, contentW, h, 2, "1234", "F")
	d.pdf.SetY(y + 3)
	d.paragraph(intro, introSt)
	d.space(1)
	d.paragraph(lang.word("form_how"), howSt)
	d.pdf.SetY(y + h + 6)

	if len(s.Questions) == 0 {
		d.paragraph(lang.word("form_no_questions"), paraStyle{size: 10, color: colMuted})
	}
	for i, q := range s.Questions {
		d.formQuestion(i+1, q)
	}
	d.space(4)
	d.ensure(lineHeight(11))
	d.paragraph(lang.word("form_thanks"), paraStyle{size: 11, bold: true, color: colPrimary, align: "C"})
	return d.finish(w)
}

const (
	formIndent = 8.0 // the questions' text and answers start here, after the number
	formMark   = 3.8 // the side of a box, the diameter of a circle
)

// formQuestion draws one question and the place to answer it, on one page.
func (d *pdfDoc) formQuestion(n int, q domain.SurveyQuestion) {
	lang := d.lang
	textSt := paraStyle{size: 10.5, bold: true, color: colInk, indent: formIndent}
	hintSt := paraStyle{size: 8.5, color: colMuted, indent: formIndent}
	text := strings.TrimSpace(q.Text)
	hint := ""
	var answer formAnswer
	switch q.Kind {
	case domain.QuestionScale:
		lo, hi, ok := scaleRange(q)
		if ok && hi-lo+1 <= maxScaleBoxes {
			answer = d.scaleBoxes(lo, hi)
		} else {
			answer = d.numberBox()
		}
		if ok {
			hint = lang.word("form_scale", "min", lang.number(float64(lo), 0), "max", lang.number(float64(hi), 0))
		}
	case domain.QuestionSingle:
		hint = lang.word("form_one_answer")
		answer = d.choiceMarks(q.Choices, false)
	case domain.QuestionMultiple:
		hint = lang.word("several_answers")
		answer = d.choiceMarks(q.Choices, true)
	case domain.QuestionNumber:
		switch {
		case q.Min != nil && q.Max != nil:
			hint = lang.word("form_number_between", "min", lang.number(*q.Min, 2), "max", lang.number(*q.Max, 2))
		case q.Min != nil:
			hint = lang.word("form_number_min", "min", lang.number(*q.Min, 2))
		case q.Max != nil:
			hint = lang.word("form_number_max", "max", lang.number(*q.Max, 2))
		default:
			hint = lang.word("form_number")
		}
		answer = d.numberBox()
	default: // free text
		answer = d.ruledLines(4)
	}

	h := d.paragraphHeight(text, textSt) + 2 + answer.height + 7
	if hint != "" {
		h += d.paragraphHeight(hint, hintSt)
	}
	// A question taller than a page starts where it is, with a few answers under it, and goes
	// on over the next pages.
	if h > pageH-marginT-marginB {
		h = h - answer.height + 25
	}
	d.ensure(h)
	y := d.y()
	d.textAt(marginL, y, formIndent, strconv.Itoa(n)+".", "L", true, 10.5, colPrimary)
	d.pdf.SetY(y)
	d.paragraph(text, textSt)
	if hint != "" {
		d.paragraph(hint, hintSt)
	}
	d.space(2)
	end := answer.draw(d.y())
	d.pdf.SetXY(marginL, end+7)
}

// formAnswer is the place to answer a question: its height and how to draw it from a given
// top; draw returns where it ended (on a later page when it was taller than the rest of the
// page).
type formAnswer struct {
	height float64
	draw   func(y float64) (end float64)
}

// scaleRange gives a scale's whole bounds.
func scaleRange(q domain.SurveyQuestion) (lo, hi int, ok bool) {
	if q.Min == nil || q.Max == nil || math.IsNaN(*q.Min) || math.IsNaN(*q.Max) {
		return 0, 0, false
	}
	lo, hi = int(math.Ceil(*q.Min)), int(math.Floor(*q.Max))
	if hi < lo || hi-lo > 1000 {
		return 0, 0, false
	}
	return lo, hi, true
}

// scaleBoxes is a row of boxes, each with its value above it.
func (d *pdfDoc) scaleBoxes(lo, hi int) formAnswer {
	const box, step = 7.0, 12.0
	lh := lineHeight(9)
	return formAnswer{height: lh + 1 + box, draw: func(y float64) float64 {
		for v := lo; v <= hi; v++ {
			x := marginL + formIndent + float64(v-lo)*step
			d.textAt(x-2, y, box+4, d.lang.integer(int64(v)), "C", true, 9, colInk)
			d.drawColor(colInk)
			d.pdf.SetLineWidth(0.35)
			d.pdf.Rect(x, y+lh+1, box, box, "D")
		}
		return y + lh + 1 + box
	}}
}

// numberBox is a box to write a number in.
func (d *pdfDoc) numberBox() formAnswer {
	return formAnswer{height: 9, draw: func(y float64) float64 {
		d.drawColor(colInk)
		d.pdf.SetLineWidth(0.35)
		d.pdf.Rect(marginL+formIndent, y, 42, 9, "D")
		return y + 9
	}}
}

// ruledLines are lines to write on.
func (d *pdfDoc) ruledLines(n int) formAnswer {
	const gap = 8.0
	return formAnswer{height: float64(n) * gap, draw: func(y float64) float64 {
		d.drawColor(colRule)
		d.pdf.SetLineWidth(0.3)
		for i := 1; i <= n; i++ {
			ly := y + float64(i)*gap
			d.pdf.Line(marginL+formIndent, ly, pageW-marginR, ly)
		}
		return y + float64(n)*gap
	}}
}

// choiceMarks lists the choices, each after a circle (one answer) or a square (several), in
// as many columns as the longest choice allows.
func (d *pdfDoc) choiceMarks(choices []string, several bool) formAnswer {
	const size = 10.0
	avail := contentW - formIndent
	texts := make([]string, len(choices))
	d.setFont(false, size)
	widest := 0.0
	for i, c := range choices {
		texts[i] = pdfSafe(strings.TrimSpace(c))
		widest = math.Max(widest, d.width(texts[i]))
	}
	colW := formMark + 3 + widest + 8
	cols := int(math.Max(1, math.Min(4, math.Floor(avail/colW))))
	cols = min(cols, max(1, len(choices)))
	if cols > 1 {
		colW = avail / float64(cols)
	} else {
		colW = avail
	}
	textW := colW - formMark - 3 - 2
	// In one column, long choices wrap.
	lines := make([][]string, len(texts))
	rows := (len(texts) + cols - 1) / cols
	rowH := make([]float64, rows)
	for i, t := range texts {
		lines[i] = d.wrap(t, textW)
		r := i / cols
		rowH[r] = math.Max(rowH[r], float64(len(lines[i]))*lineHeight(size)+2.2)
	}
	total := 0.0
	for _, h := range rowH {
		total += h
	}
	return formAnswer{height: total, draw: func(y float64) float64 {
		for r := 0; r < rows; r++ {
			if y+rowH[r] > pageH-marginB {
				d.addPage()
				y = d.y()
			}
			for c := 0; c < cols; c++ {
				i := r*cols + c
				if i >= len(texts) {
					break
				}
				x := marginL + formIndent + float64(c)*colW
				my := y + lineHeight(size)/2
				d.drawColor(colInk)
				d.pdf.SetLineWidth(0.35)
				if several {
					d.pdf.Rect(x, my-formMark/2, formMark, formMark, "D")
				} else {
					d.pdf.Circle(x+formMark/2, my, formMark/2, "D")
				}
				for j, l := range lines[i] {
					d.setFont(false, size)
					d.textColor(colInk)
					d.pdf.SetXY(x+formMark+3, y+float64(j)*lineHeight(size))
					d.pdf.CellFormat(textW, lineHeight(size), l, "", 0, "L", false, 0, "")
				}
			}
			y += rowH[r]
		}
		return y
	}}
}
