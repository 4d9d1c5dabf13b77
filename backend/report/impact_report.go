package report

import (
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
)

// ImpactReport is everything the impact report shows, already gathered, summed and translated
// by the caller: the writer only lays it out. Texts may be in any script; names of things
// (domains, statuses) come in the reader's language.
type ImpactReport struct {
	// Locale is "fr" or "en" (anything not starting with "en" is French): the language of the
	// report's own words and the way numbers, money and dates are written.
	Locale string
	// Sponsor is the company or foundation the report is for; Association the association
	// that runs the projects (the one using the app).
	Sponsor     ReportParty
	Association ReportParty
	// Program is the sponsor's programme the report covers; empty for all of them.
	Program string
	// From and To bound the period (YYYY-MM-DD, inclusive). An empty From means since the
	// beginning, an empty To until today.
	From, To string
	// GeneratedOn is the day the report is made; it is printed on the cover and dates the file.
	GeneratedOn time.Time
	Figures     ImpactFigures
	// HoursByMonth is the time given each month of the period, oldest first. Months without
	// hours may be left out or given as zero; the chart shows what it gets.
	HoursByMonth []MonthMinutes
	// HoursByDomain is the time and value by skill domain; the chart sorts it, most first.
	HoursByDomain []DomainMinutes
	// Projects each get a section, in this order.
	Projects []ImpactProject
	// Progress, when set, is called after each project's section with the number of sections
	// done and the total, so that a long report can show a progress bar.
	Progress func(done, total int)
}

// ReportParty is an organisation named in a document.
type ReportParty struct {
	Name string
	// Logo is a PNG or JPEG picture, or nil. A picture that cannot be read is left out.
	Logo []byte
}

// ImpactFigures are the report's key figures over the period.
type ImpactFigures struct {
	Volunteers    int   // distinct volunteers who gave time
	Minutes       int   // time given
	ValueCents    int64 // its estimated value, in euro cents
	Projects      int
	Beneficiaries int // people helped, as the projects counted them
}

// MonthMinutes is the time given in one month.
type MonthMinutes struct {
	Month   string // YYYY-MM
	Minutes int
}

// DomainMinutes is the time given, and its value, in one skill domain.
type DomainMinutes struct {
	Label      string // the domain's name in the reader's language
	Minutes    int
	ValueCents int64
}

// ImpactProject is one project's section.
type ImpactProject struct {
	Title       string
	Association string // the association the project is for
	Description string
	Status      string // the project's status in words ("En cours")
	// TeamSize is the number of volunteers of the project; Names are those of them who agreed
	// to be named to sponsors. The others are only counted.
	TeamSize   int
	Names      []string
	Minutes    int
	ValueCents int64
	Milestones []ImpactMilestone
	Surveys    []domain.SurveyResults
	// Quotes are a few answers to the surveys' free-text questions chosen by the caller; the
	// report prints the first three.
	Quotes []string
}

// ImpactMilestone is a step of a project.
type ImpactMilestone struct {
	Title   string
	DueDate string // YYYY-MM-DD, may be empty
	Done    bool
}

// maxQuotes is how many quotes a project section prints.
const maxQuotes = 3

// maxQuoteRunes cuts a long answer: a quote is an excerpt, not a testimony in full.
const maxQuoteRunes = 420

// WriteImpactReportPDF writes the impact report as an A4 PDF: a cover, a page of key figures
// with the hours per month and per skill domain as charts and the list of projects, then one
// section per project (description, team, hours and value, milestones, survey results and
// quotes). Every page but the cover is numbered. Nothing is written to w on error.
func WriteImpactReportPDF(w io.Writer, r ImpactReport) error {
	lang := newDocLang(r.Locale)
	title := lang.word("impact_title")
	d, err := newPDFDoc(lang, pdfMeta{
		Title:   strings.TrimSpace(title + " · " + r.Sponsor.Name),
		Subject: r.Program,
		Author:  r.Association.Name,
		Created: r.GeneratedOn,
	})
	if err != nil {
		return err
	}
	d.numberFrom = 2
	if strings.TrimSpace(r.Sponsor.Name) != "" {
		d.footer = lang.word("footer_impact", "sponsor", strings.TrimSpace(r.Sponsor.Name))
	} else {
		d.footer = title
	}

	writeImpactCover(d, r)
	if err := writeImpactFigures(d, r); err != nil {
		return err
	}
	for i, p := range r.Projects {
		writeImpactProject(d, p)
		if r.Progress != nil {
			r.Progress(i+1, len(r.Projects))
		}
	}
	return d.finish(w)
}

// period writes the report's period in words.
func (l docLang) period(from, to string) string {
	from, to = strings.TrimSpace(from), strings.TrimSpace(to)
	switch {
	case from != "" && to != "":
		return l.word("period_both", "from", l.date(from), "to", l.date(to))
	case from != "":
		return l.word("period_since", "from", l.date(from))
	case to != "":
		return l.word("period_until", "to", l.date(to))
	}
	return l.word("period_all")
}

func writeImpactCover(d *pdfDoc, r ImpactReport) {
	lang := d.lang
	d.addPage()
	// A band of colour across the top, and a thin one at the foot.
	d.fillColor(colPrimary)
	d.pdf.Rect(0, 0, pageW, 9, "F")
	d.fillColor(colLight)
	d.pdf.Rect(0, pageH-9, pageW, 9, "F")

	// Logos: the sponsor's on the left, the association's on the right.
	sponsorLogo, assocLogo := prepareLogo(r.Sponsor.Logo), prepareLogo(r.Association.Logo)
	const logoY, logoW, logoH = 24.0, 62.0, 28.0
	switch {
	case sponsorLogo.png != nil && assocLogo.png != nil:
		d.drawLogo(sponsorLogo, marginL, logoY, logoW, logoH, "L")
		d.drawLogo(assocLogo, pageW-marginR-logoW, logoY, logoW, logoH, "R")
	case sponsorLogo.png != nil:
		d.drawLogo(sponsorLogo, marginL, logoY, logoW, logoH, "L")
	case assocLogo.png != nil:
		d.drawLogo(assocLogo, marginL, logoY, logoW, logoH, "L")
	}

	d.pdf.SetY(92)
	d.paragraph(strings.ToUpper(lang.word("impact_title")), paraStyle{size: 11, bold: true, color: colMuted})
	d.space(3)
	main := strings.TrimSpace(r.Program)
	if main == "" {
		main = strings.TrimSpace(r.Sponsor.Name)
	}
	if main == "" {
		main = lang.word("impact_title")
	}
	d.paragraph(main, paraStyle{size: 28, bold: true, color: colPrimary, lineH: lineHeight(28) * 0.95})
	d.space(4)
	d.fillColor(colPrimary)
	d.pdf.Rect(marginL, d.y(), 36, 1.4, "F")
	d.space(9)
	d.paragraph(lang.period(r.From, r.To), paraStyle{size: 13, color: colInk})
	d.space(16)

	// Who: the sponsor and the association.
	party := func(label, name string) {
		if strings.TrimSpace(name) == "" {
			return
		}
		d.paragraph(strings.ToUpper(label), paraStyle{size: 8.5, bold: true, color: colMuted})
		d.space(1)
		d.paragraph(name, paraStyle{size: 14, bold: true, color: colInk})
		d.space(6)
	}
	party(lang.word("sponsor"), r.Sponsor.Name)
	party(lang.word("association"), r.Association.Name)

	generated := r.GeneratedOn
	if generated.IsZero() {
		generated = time.Now()
	}
	d.textAt(marginL, pageH-marginB-lineHeight(9), contentW, lang.word("generated_on", "date", lang.dateOf(generated)), "L", false, 9, colMuted)
}

func writeImpactFigures(d *pdfDoc, r ImpactReport) error {
	lang := d.lang
	f := r.Figures
	d.addPage()
	d.heading(lang.word("key_figures"), 1, 40)
	d.keyFigures([]keyFigure{
		{lang.hours(f.Minutes), lang.word("fig_hours")},
		{lang.money(f.ValueCents), lang.word("fig_value")},
	}, 2, 27, 24)
	d.keyFigures([]keyFigure{
		{lang.integer(int64(f.Volunteers)), lang.plural("fig_volunteers", f.Volunteers)},
		{lang.integer(int64(f.Projects)), lang.plural("fig_projects", f.Projects)},
		{lang.integer(int64(f.Beneficiaries)), lang.plural("fig_beneficiaries", f.Beneficiaries)},
	}, 3, 23, 19)
	d.paragraph(lang.word("value_note"), paraStyle{size: 7.5, color: colMuted})

	// Hours per month.
	months := make([]chartBar, len(r.HoursByMonth))
	lastYear := 0
	for i, m := range r.HoursByMonth {
		name, year, ok := lang.month(m.Month)
		months[i] = chartBar{label: name, value: hoursValue(m.Minutes), valueLabel: lang.number(hoursValue(m.Minutes), 0)}
		if ok && year != lastYear {
			months[i].sub = strconv.Itoa(year)
			lastYear = year
		}
	}
	if err := d.chart(lang.word("chart_months"), barChart{
		bars: months, widthMM: contentW, heightMM: 58,
		tick: func(v float64) string { return lang.number(v, 0) },
	}); err != nil {
		return err
	}

	// Hours per skill domain, most first.
	domains := slices.DeleteFunc(slices.Clone(r.HoursByDomain), func(dm DomainMinutes) bool { return dm.Minutes <= 0 })
	slices.SortStableFunc(domains, func(a, b DomainMinutes) int { return b.Minutes - a.Minutes })
	bars := make([]chartBar, len(domains))
	for i, dm := range domains {
		label := lang.hours(dm.Minutes)
		if dm.ValueCents > 0 {
			label += " · " + lang.money(dm.ValueCents)
		}
		bars[i] = chartBar{label: dm.Label, value: hoursValue(dm.Minutes), valueLabel: label}
	}
	if err := d.chart(lang.word("chart_domains"), barChart{bars: bars, horizontal: true, widthMM: contentW}); err != nil {
		return err
	}

	// The projects at a glance.
	if len(r.Projects) == 0 {
		d.heading(lang.word("projects_summary"), 2, 8)
		d.paragraph(lang.word("no_projects"), paraStyle{size: 10, color: colMuted})
		return nil
	}
	cols := []tableColumn{
		{lang.word("col_project"), 62, "L"},
		{lang.word("col_association"), 42, "L"},
		{lang.word("col_team"), 18, "R"},
		{lang.word("col_hours"), 22, "R"},
		{lang.word("col_value"), 26, "R"},
	}
	rows := make([][]string, 0, len(r.Projects)+1)
	var minutes int
	var value int64
	for _, p := range r.Projects {
		rows = append(rows, []string{p.Title, p.Association, lang.integer(int64(p.teamSize())), lang.hours(p.Minutes), lang.money(p.ValueCents)})
		minutes += p.Minutes
		value += p.ValueCents
	}
	if len(r.Projects) > 1 {
		rows = append(rows, []string{lang.word("total"), "", "", lang.hours(minutes), lang.money(value)})
	}
	st := tableStyle{size: 8.5, maxLines: 3, lastBold: len(r.Projects) > 1}
	// The table goes with its title, whole when it fits on a page.
	keep := d.tableHeight(cols, rows, st)
	if keep > pageH-marginT-marginB-20 {
		keep = 30
	}
	d.heading(lang.word("projects_summary"), 2, keep)
	d.table(cols, rows, st)
	return nil
}

// chart writes a level-2 heading and a chart under it, or a sentence when it has no data. A
// horizontal chart a little too tall for the rest of the page has its rows squeezed to fit
// rather than leave half a page empty.
func (d *pdfDoc) chart(title string, c barChart) error {
	if !chartHasData(c.bars) {
		d.heading(title, 2, 8)
		d.paragraph(d.lang.word("no_hours"), paraStyle{size: 10, color: colMuted})
		return nil
	}
	const headingH = 14.0 // a level-2 heading with the space around it
	if c.horizontal {
		room := pageH - marginB - d.y() - headingH - 2
		if c.horizontalHeightMM() > room && minBarRowMM*float64(len(c.bars))+2 <= room {
			c.rowMM = (room - 2) / float64(len(c.bars))
		}
	}
	h := c.heightMM
	if c.horizontal {
		h = c.horizontalHeightMM()
	}
	data, err := renderBarChart(c)
	if err != nil {
		return err
	}
	d.heading(title, 2, math.Min(h, pageH-marginT-marginB-headingH))
	if d.y()+h > pageH-marginB {
		d.addPage()
	}
	taken := d.image(data, marginL, d.y(), c.widthMM)
	d.pdf.SetY(d.y() + taken + 2)
	return nil
}

func writeImpactProject(d *pdfDoc, p ImpactProject) {
	lang := d.lang
	d.addPage()
	title := strings.TrimSpace(p.Title)
	d.heading(title, 1, 30)
	// Association and status under the title.
	var sub []string
	if a := strings.TrimSpace(p.Association); a != "" {
		sub = append(sub, a)
	}
	if s := strings.TrimSpace(p.Status); s != "" {
		sub = append(sub, s)
	}
	if len(sub) > 0 {
		d.paragraph(strings.Join(sub, " · "), paraStyle{size: 10.5, color: colMuted})
		d.space(4)
	}

	d.keyFigures([]keyFigure{
		{lang.integer(int64(p.teamSize())), lang.plural("fig_team", p.teamSize())},
		{lang.hours(p.Minutes), lang.word("fig_project_hours")},
		{lang.money(p.ValueCents), lang.word("fig_project_value")},
	}, 3, 20, 16)

	if desc := strings.TrimSpace(p.Description); desc != "" {
		d.space(1)
		d.paragraph(desc, paraStyle{size: 10, color: colInk, lineH: lineHeight(10) * 1.08})
	}

	// The team: the names of those who agreed, the others counted.
	d.heading(lang.word("team"), 2, 8)
	d.paragraph(lang.team(p.TeamSize, p.Names), paraStyle{size: 10, color: colInk})

	if len(p.Milestones) > 0 {
		d.heading(lang.word("milestones"), 2, 8)
		for _, m := range p.Milestones {
			d.milestone(m)
		}
	}

	if len(p.Surveys) > 0 {
		d.heading(lang.word("surveys"), 2, 20)
		for _, s := range p.Surveys {
			d.surveyResults(s)
		}
	}

	quotes := make([]string, 0, maxQuotes)
	for _, q := range p.Quotes {
		if q = strings.TrimSpace(q); q != "" && len(quotes) < maxQuotes {
			quotes = append(quotes, q)
		}
	}
	if len(quotes) > 0 {
		st := paraStyle{size: 10.5, color: colInk, indent: 7, width: contentW - 12, lineH: lineHeight(10.5) * 1.05}
		first := d.paragraphHeight(lang.quote(quotes[0]), st)
		d.heading(lang.word("quotes"), 2, first+8)
		for _, q := range quotes {
			d.quote(lang.quote(q), st)
		}
	}
}

// teamSize is the size of the team, which counts at least the names given.
func (p ImpactProject) teamSize() int {
	named := 0
	for _, n := range p.Names {
		if strings.TrimSpace(n) != "" {
			named++
		}
	}
	return max(p.TeamSize, named)
}

// team writes the team in a sentence: "Élodie Martin, Łukasz Nowak + 3 autres bénévoles", or
// only the count when nobody agreed to be named.
func (l docLang) team(size int, names []string) string {
	var named []string
	for _, n := range names {
		if n = strings.TrimSpace(n); n != "" {
			named = append(named, n)
		}
	}
	size = max(size, len(named))
	if len(named) == 0 {
		return l.plural("team_count", size)
	}
	s := strings.Join(named, ", ")
	if others := size - len(named); others > 0 {
		s += " " + l.plural("team_others", others)
	}
	return s
}

// quote cuts a long answer and puts it between quotation marks.
func (l docLang) quote(q string) string {
	q = strings.Join(strings.Fields(q), " ")
	if r := []rune(q); len(r) > maxQuoteRunes {
		cut := string(r[:maxQuoteRunes])
		if i := strings.LastIndex(cut, " "); i > maxQuoteRunes/2 {
			cut = cut[:i]
		}
		q = strings.TrimRight(cut, " ,;:.") + "…"
	}
	open, close := l.word("quote_open"), l.word("quote_close")
	if !l.en {
		open, close = "«"+nbsp, nbsp+"»"
	}
	return open + q + close
}

// quote draws a quotation in a light box with a bar of colour on its left.
func (d *pdfDoc) quote(text string, st paraStyle) {
	const padY = 2.2
	h := d.paragraphHeight(text, st)
	d.ensure(h + 2*padY + 3)
	y := d.y()
	d.fillColor(colLight)
	d.pdf.Rect(marginL, y, contentW, h+2*padY, "F")
	d.fillColor(colAccent)
	d.pdf.Rect(marginL, y, 1.4, h+2*padY, "F")
	d.pdf.SetY(y + padY)
	d.paragraph(text, st)
	d.pdf.SetY(y + h + 2*padY + 3)
}

func (d *pdfDoc) milestone(m ImpactMilestone) {
	lang := d.lang
	const size = 10
	lh := lineHeight(size)
	st := paraStyle{size: size, color: colInk, indent: 7}
	title := strings.TrimSpace(m.Title)
	detail := ""
	switch {
	case m.Done:
		detail = lang.word("milestone_done")
	case strings.TrimSpace(m.DueDate) != "":
		detail = lang.word("milestone_due", "date", lang.date(m.DueDate))
	}
	text := title
	if detail != "" {
		text += " — " + detail
	}
	h := d.paragraphHeight(text, st)
	d.ensure(h)
	y := d.y()
	if m.Done {
		d.textAt(marginL, y, 6, "✓", "L", true, size+1, colAccent)
	} else {
		d.drawColor(colMuted)
		d.pdf.SetLineWidth(0.3)
		d.pdf.Circle(marginL+1.8, y+lh/2, 1.4, "D")
	}
	d.pdf.SetY(y)
	if !m.Done {
		st.color = colMuted
	}
	d.paragraph(text, st)
	d.space(0.8)
}

// surveyResults writes one survey's results: its title and audience, then each question with
// its mean (scales and numbers) or its distribution (choices).
func (d *pdfDoc) surveyResults(s domain.SurveyResults) {
	lang := d.lang
	title := strings.TrimSpace(s.Survey.Title)
	var sub []string
	switch s.Survey.Audience {
	case domain.AudienceBeneficiary:
		sub = append(sub, lang.word("survey_beneficiary"))
	case domain.AudienceVolunteer:
		sub = append(sub, lang.word("survey_volunteer"))
	}
	sub = append(sub, lang.plural("responses", s.Responses))
	titleSt := paraStyle{size: 10.5, bold: true, color: colInk}
	d.space(1.5)
	d.ensure(d.paragraphHeight(title, titleSt) + 22)
	d.paragraph(title, titleSt)
	d.paragraph(strings.Join(sub, " · "), paraStyle{size: 8.5, color: colMuted})
	d.space(2)
	if s.Responses == 0 {
		d.paragraph(lang.word("no_responses"), paraStyle{size: 9.5, color: colMuted})
		return
	}
	for i, q := range s.Questions {
		d.questionResult(i+1, q)
	}
}

func (d *pdfDoc) questionResult(n int, q domain.QuestionResult) {
	lang := d.lang
	const figW = 30.0
	textSt := paraStyle{size: 9.5, color: colInk, indent: 6, width: contentW - 6 - figW - 4}
	text := strings.TrimSpace(q.Question.Text)
	if q.Question.Kind == domain.QuestionMultiple {
		text += " (" + lang.word("several_answers") + ")"
	}
	textH := d.paragraphHeight(text, textSt)
	lh := lineHeight(8.5)

	// What goes beside the question and under it.
	figure, figSub := "", ""
	var counts []domain.ChoiceCount
	switch q.Question.Kind {
	case domain.QuestionScale, domain.QuestionNumber:
		if q.Mean != nil {
			figure = lang.number(*q.Mean, 1)
			if q.Question.Kind == domain.QuestionScale && q.Question.Max != nil {
				figure += " / " + lang.number(*q.Question.Max, 1)
			}
			figSub = lang.word("mean")
		}
	case domain.QuestionSingle, domain.QuestionMultiple:
		counts = q.Counts
	case domain.QuestionText:
		figure = lang.integer(int64(q.Count))
		figSub = strings.TrimPrefix(lang.plural("text_answers", q.Count), lang.integer(int64(q.Count))+" ")
	}
	if figure == "" && len(counts) == 0 {
		figure = "–"
		figSub = lang.word("no_responses")
	}
	barsH := float64(len(counts)) * (lh + 1)
	h := math.Max(textH, 12) + barsH + 3
	// A question taller than a page (a choice among dozens) starts where it is, with a few
	// choices under it, and goes on over the next pages.
	if h > pageH-marginT-marginB {
		h = math.Max(textH, 12) + 5*(lh+1)
	}
	d.ensure(h)
	y := d.y()
	d.textAt(marginL, y, 6, strconv.Itoa(n)+".", "L", true, 9.5, colMuted)
	d.pdf.SetY(y)
	d.paragraph(text, textSt)
	if figure != "" {
		x := pageW - marginR - figW
		d.textAt(x, y, figW, figure, "R", true, 14, colPrimary)
		d.textAt(x, y+lineHeight(14), figW, figSub, "R", false, 7.5, colMuted)
		d.pdf.SetY(math.Max(d.y(), y+12))
	}
	if len(counts) > 0 {
		d.choiceBars(counts, q.Count)
	}
	d.drawColor(colRule)
	d.pdf.SetLineWidth(0.15)
	d.pdf.Line(marginL+6, d.y()+1.2, pageW-marginR, d.y()+1.2)
	d.space(2.5)
}

// choiceBars draws how often each choice was picked: its label, a bar and "12 (40 %)", the
// share being of the people who answered the question.
func (d *pdfDoc) choiceBars(counts []domain.ChoiceCount, answered int) {
	lang := d.lang
	const size = 8.5
	lh := lineHeight(size)
	labelW, barMaxW, numW := 62.0, 58.0, 28.0
	x0 := marginL + 6
	maxCount := 0
	for _, c := range counts {
		maxCount = max(maxCount, c.Count)
	}
	d.space(1)
	for _, c := range counts {
		d.ensure(lh + 1)
		y := d.y()
		d.textAt(x0, y, labelW-2, c.Label, "L", false, size, colInk)
		d.fillColor(colLight)
		d.pdf.Rect(x0+labelW, y+lh*0.2, barMaxW, lh*0.6, "F")
		if maxCount > 0 && c.Count > 0 {
			d.fillColor(colPrimary)
			d.pdf.Rect(x0+labelW, y+lh*0.2, barMaxW*float64(c.Count)/float64(maxCount), lh*0.6, "F")
		}
		share := ""
		if answered > 0 {
			share = " (" + lang.percent(float64(c.Count)/float64(answered)) + ")"
		}
		d.textAt(x0+labelW+barMaxW+2, y, numW, lang.integer(int64(c.Count))+share, "L", false, size, colMuted)
		d.pdf.SetY(y + lh + 1)
	}
}

// percent writes a share as a whole percentage: "40 %" / "40%".
func (l docLang) percent(share float64) string {
	p := l.integer(int64(math.Round(share * 100)))
	if l.en {
		return p + "%"
	}
	return p + nbsp + "%"
}
