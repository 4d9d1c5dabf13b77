package report

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
)

func fptr(v float64) *float64 { return &v }

// testSurveyResults is a beneficiaries' survey with one question of each kind.
func testSurveyResults() domain.SurveyResults {
	qs := []domain.SurveyQuestion{
		{Kind: domain.QuestionScale, Text: "Dans l'ensemble, êtes-vous satisfait·e de l'accompagnement ?", Min: fptr(1), Max: fptr(5)},
		{Kind: domain.QuestionSingle, Text: "Recommanderiez-vous l'association à un proche ?", Choices: []string{"Oui", "Non", "Je ne sais pas"}},
		{Kind: domain.QuestionMultiple, Text: "Qu'avez-vous appris ?", Choices: []string{"Tenir un budget", "Rédiger un CV", "Utiliser un tableur"}},
		{Kind: domain.QuestionNumber, Text: "Combien de séances avez-vous suivies ?", Min: fptr(0)},
		{Kind: domain.QuestionText, Text: "Un mot pour les bénévoles ?"},
	}
	return domain.SurveyResults{
		Survey:    domain.Survey{ID: 7, Title: "Satisfaction des familles accompagnées", Audience: domain.AudienceBeneficiary, Questions: qs},
		Responses: 24,
		Questions: []domain.QuestionResult{
			{Question: qs[0], Count: 24, Mean: fptr(4.1666), Counts: []domain.ChoiceCount{{Label: "1", Count: 0}, {Label: "2", Count: 1}, {Label: "3", Count: 3}, {Label: "4", Count: 9}, {Label: "5", Count: 11}}},
			{Question: qs[1], Count: 23, Counts: []domain.ChoiceCount{{Label: "Oui", Count: 20}, {Label: "Non", Count: 1}, {Label: "Je ne sais pas", Count: 2}}},
			{Question: qs[2], Count: 20, Counts: []domain.ChoiceCount{{Label: "Tenir un budget", Count: 14}, {Label: "Rédiger un CV", Count: 9}, {Label: "Utiliser un tableur", Count: 5}}},
			{Question: qs[3], Count: 22, Mean: fptr(6.5)},
			{Question: qs[4], Count: 12, Texts: []string{"Merci à Ольга !"}},
		},
	}
}

// testImpactReport is a French report with names in many scripts, three projects and charts.
func testImpactReport() ImpactReport {
	months := make([]MonthMinutes, 12)
	for i := range months {
		months[i] = MonthMinutes{Month: fmt.Sprintf("%d-%02d", 2025+(i+3)/12, (i+3)%12+1), Minutes: (40 + 25*(i%5)) * 60}
	}
	return ImpactReport{
		Locale:       "fr",
		Sponsor:      ReportParty{Name: "Fondation Élodie Œuvre-Besançon", Logo: testLogoPNG(240, 120)},
		Association:  ReportParty{Name: "Entraide Saint-Étienne", Logo: testLogoJPEG(300, 100)},
		Program:      "Compétences solidaires 2025–2026",
		From:         "2025-04-01",
		To:           "2026-03-31",
		GeneratedOn:  time.Date(2026, 4, 3, 10, 0, 0, 0, time.UTC),
		Figures:      ImpactFigures{Volunteers: 42, Minutes: 74070, ValueCents: 4938000, Projects: 3, Beneficiaries: 1250},
		HoursByMonth: months,
		HoursByDomain: []DomainMinutes{
			{Label: "Communication", Minutes: 18000, ValueCents: 1200000},
			{Label: "Gestion financière, comptabilité et contrôle de gestion des associations", Minutes: 24030, ValueCents: 1602000},
			{Label: "Droit", Minutes: 9000, ValueCents: 900000},
			{Label: "Numérique", Minutes: 15000, ValueCents: 800000},
			{Label: "Ressources humaines", Minutes: 8040, ValueCents: 436000},
		},
		Projects: []ImpactProject{
			{
				Title:       "Refonte du site de l'Œuvre-Besançon",
				Association: "Œuvre-Besançon",
				Description: "Le site de l'association datait de 2012 et ne s'affichait pas sur téléphone. L'équipe a repris l'arborescence avec les bénévoles de l'accueil, réécrit les pages d'aide aux familles en langage clair, et formé deux salariées à la mise à jour des actualités.\n\nLe nouveau site est en ligne depuis février ; les demandes d'aide en ligne ont doublé.",
				Status:      "Terminé",
				TeamSize:    5,
				Names:       []string{"Élodie Lefèvre", "Łukasz Nowak", "Ștefan Popescu"},
				Minutes:     30030,
				ValueCents:  2002000,
				Milestones: []ImpactMilestone{
					{Title: "Ateliers avec l'équipe d'accueil", DueDate: "2025-05-15", Done: true},
					{Title: "Mise en ligne du nouveau site", DueDate: "2026-02-01", Done: true},
					{Title: "Formation des salariées", DueDate: "2026-04-30"},
				},
				Surveys: []domain.SurveyResults{testSurveyResults()},
				Quotes: []string{
					"Avant, je n'osais pas demander de l'aide par internet. Maintenant je trouve tout seul les horaires et les papiers à apporter.",
					"Merci à Ольга et à toute l'équipe 🙏, vous avez été d'une patience incroyable.",
					"Le site est enfin lisible sur mon téléphone.",
					"Cette quatrième citation n'est pas imprimée.",
				},
			},
			{
				Title:       "Comptabilité de l'épicerie solidaire",
				Association: "Épicerie solidaire de Łódź-sur-Loire",
				Description: "Mise en place d'une comptabilité simple et d'un budget prévisionnel.",
				Status:      "En cours",
				TeamSize:    3,
				Names:       []string{"Ольга Иванова", "Nguyễn Thị Hồng", "Ελένη Παπαδοπούλου"},
				Minutes:     24030,
				ValueCents:  1602000,
				Milestones:  []ImpactMilestone{{Title: "Premier bilan", DueDate: "2026-06-30"}},
			},
			{
				Title:       "Ateliers CV pour les jeunes du quartier",
				Association: "Entraide Saint-Étienne",
				Status:      "En cours",
				TeamSize:    4,
				Minutes:     20010,
				ValueCents:  1334000,
			},
		},
	}
}

func writeImpact(t testing.TB, r ImpactReport) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteImpactReportPDF(&buf, r); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", buf.Bytes()[:min(20, buf.Len())])
	}
	return buf.Bytes()
}

func TestImpactReportPDF(t *testing.T) {
	r := testImpactReport()
	var progress []string
	r.Progress = func(done, total int) { progress = append(progress, fmt.Sprintf("%d/%d", done, total)) }
	data := writeImpact(t, r)
	text := pdfText(t, "rapport-impact.pdf", data)
	pages := pdfPages(text)
	for i := range pages {
		pages[i] = flat(pages[i])
	}
	text = flat(text)
	if len(pages) < 5 {
		t.Fatalf("%d pages, want a cover, the key figures and a page per project", len(pages))
	}

	// The cover: title, programme, period, sponsor and association, generation date; no number.
	for _, want := range []string{"RAPPORT D'IMPACT", "Compétences solidaires 2025–2026", "Du 1er avril 2025 au 31 mars 2026",
		"Fondation Élodie Œuvre-Besançon", "Entraide Saint-Étienne", "Établi le 3 avril 2026 avec Civisphère"} {
		if !strings.Contains(pages[0], want) {
			t.Errorf("the cover lacks %q:\n%s", want, pages[0])
		}
	}
	if strings.Contains(pages[0], "Page 1") {
		t.Errorf("the cover is numbered")
	}
	// Every other page is numbered, out of the right total, with the sponsor in the footer.
	for i, p := range pages[1:] {
		want := fmt.Sprintf("Page %d sur %d", i+2, len(pages))
		if !strings.Contains(p, want) {
			t.Errorf("page %d lacks %q", i+2, want)
		}
		if !strings.Contains(p, "Rapport d'impact · Fondation Élodie Œuvre-Besançon") {
			t.Errorf("page %d lacks the footer", i+2)
		}
	}

	// Key figures, French style.
	for _, want := range []string{"Chiffres clés", "1 234,5 h", "49 380 €", "42", "bénévoles engagés", "1 250", "bénéficiaires",
		"Heures par mois", "Heures par domaine de compétences", "Projets soutenus", "Total"} {
		if !strings.Contains(pages[1], want) {
			t.Errorf("the key figures page lacks %q", want)
		}
	}
	// Each project has its section, with its team: names of those who agreed, others counted.
	for _, want := range []string{
		"Refonte du site de l'Œuvre-Besançon", "Élodie Lefèvre, Łukasz Nowak, Ștefan Popescu + 2 autres bénévoles",
		"500,5 h", "20 020 €", "Terminé", "Mise en ligne du nouveau site", "atteinte", "prévue le 30 avril 2026",
		"Satisfaction des familles accompagnées", "auprès des bénéficiaires", "24 réponses", "4,2 / 5", "6,5",
		"Oui", "20 (87 %)", "plusieurs réponses possibles", "14 (70 %)", "12", "réponses écrites",
		"Maintenant je trouve tout seul", "Merci à Ольга et à toute l'équipe",
		"Comptabilité de l'épicerie solidaire", "Épicerie solidaire de Łódź-sur-Loire",
		"Ольга Иванова, Nguyễn Thị Hồng, Ελένη Παπαδοπούλου",
		"Ateliers CV pour les jeunes du quartier", "4 bénévoles",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	if strings.Contains(text, "quatrième citation") {
		t.Errorf("more than three quotes printed")
	}
	if strings.Contains(text, "🙏") || strings.Contains(text, "?,") {
		t.Errorf("the emoji was not dropped cleanly")
	}
	// Each project starts its own page, in order.
	at := 0
	for _, title := range []string{"Refonte du site", "Comptabilité de l'épicerie", "Ateliers CV pour les jeunes"} {
		found := false
		for i := at + 1; i < len(pages); i++ {
			if strings.HasPrefix(strings.TrimSpace(pages[i]), title) {
				at, found = i, true
				break
			}
		}
		if !found {
			t.Errorf("no page starts with the project %q", title)
		}
	}
	if strings.Join(progress, " ") != "1/3 2/3 3/3" {
		t.Errorf("progress = %q", progress)
	}
	checkLayout(t, "rapport-impact.pdf", data)
	fonts := checkFontsEmbedded(t, "rapport-impact.pdf", data)
	if len(fonts) != 2 {
		t.Errorf("fonts = %q, want DejaVu Sans and its bold", fonts)
	}
}

func TestImpactReportPDFEnglish(t *testing.T) {
	r := testImpactReport()
	r.Locale = "en"
	text := flat(pdfText(t, "impact-report.pdf", writeImpact(t, r)))
	for _, want := range []string{"IMPACT REPORT", "From 1 April 2025 to 31 March 2026", "Generated on 3 April 2026",
		"Key figures", "1,234.5 h", "€49,380", "1,250", "Page 2 of", "+ 2 other volunteers", "4 volunteers",
		"4.2 / 5", "20 (87%)", "several answers possible", "Hours per skill domain", "“Le site est enfin lisible sur mon téléphone.”"} {
		if !strings.Contains(text, want) {
			t.Errorf("the English report lacks %q", want)
		}
	}
	for _, french := range []string{"Page 2 sur", "Chiffres clés", "bénévoles engagés", "Du 1er avril"} {
		if strings.Contains(text, french) {
			t.Errorf("the English report says %q", french)
		}
	}
}

// An empty report (nothing in the period) still makes a readable document.
func TestImpactReportPDFEmpty(t *testing.T) {
	r := ImpactReport{Locale: "fr", Sponsor: ReportParty{Name: "Fondation Ω"}, GeneratedOn: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		HoursByMonth: []MonthMinutes{{Month: "2026-01", Minutes: 0}}}
	data := writeImpact(t, r)
	text := pdfText(t, "vide.pdf", data)
	pages := pdfPages(text)
	if len(pages) != 2 {
		t.Errorf("%d pages, want the cover and the key figures", len(pages))
	}
	for _, want := range []string{"Depuis le début jusqu'à aujourd'hui", "0 h", "0 €", "Aucune heure enregistrée sur la période.",
		"Aucun projet sur la période.", "0 bénévole engagé", "Page 2 sur 2"} {
		if !strings.Contains(flat(text), want) {
			t.Errorf("the empty report lacks %q:\n%s", want, text)
		}
	}
	checkFontsEmbedded(t, "vide.pdf", data)
	checkLayout(t, "vide.pdf", data)
}

// Text the fonts cannot draw, pictures that are not pictures and odd figures never stop a
// report.
func TestImpactReportPDFOddInput(t *testing.T) {
	r := testImpactReport()
	r.Sponsor.Logo = []byte("not a picture")
	r.Association.Logo = testLogoPNG(3000, 40) // very wide
	r.Projects[0].Title = "Projet 李雷 avec\ttabulation et \x00 caractère nul 😀"
	r.Projects[0].Description = strings.Repeat("Unmotextrêmementlongsansaucuneespacequidoitêtrecoupé", 8)
	r.Projects[1].Names = []string{"  ", "Nguyễn Thị Hồng"} // decomposed below
	r.Projects[1].Names[1] = "Nguye\u0302\u0303n Thi\u0323 Ho\u0302\u0300ng"
	r.Projects[1].TeamSize = 0 // fewer than the names: the names count
	r.From = ""
	r.HoursByDomain = append(r.HoursByDomain, DomainMinutes{Label: "", Minutes: 0})
	data := writeImpact(t, r)
	checkLayout(t, "bizarre.pdf", data)
	text := flat(pdfText(t, "bizarre.pdf", data))
	for _, want := range []string{"Projet ?? avec tabulation et caractère nul", "Nguyễn Thị Hồng", "Depuis le début jusqu'au 31 mars 2026",
		"Unmotextrêmement"} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
}

// The file is dated by the report, not by the clock. (Two runs need not give the same bytes:
// gofpdf writes pictures of equal width in map order.)
func TestImpactReportPDFIsDatedByItsInput(t *testing.T) {
	data := writeImpact(t, testImpactReport())
	if !bytes.Contains(data, []byte("/CreationDate (D:20260403")) {
		t.Errorf("the creation date is not the report's")
	}
	if !bytes.Contains(data, []byte("/Title (")) || !bytes.Contains(data, []byte("/Creator (")) {
		t.Errorf("the document has no title or creator")
	}
}

func TestImpactReportPDFWriterError(t *testing.T) {
	if err := WriteImpactReportPDF(failingWriter{}, testImpactReport()); err == nil {
		t.Fatal("no error from a failing writer")
	}
}

func TestPeriodWords(t *testing.T) {
	fr, en := newDocLang("fr"), newDocLang("en-GB")
	for _, tc := range []struct{ from, to, fr, en string }{
		{"2026-03-01", "2026-03-31", "Du 1er mars 2026 au 31 mars 2026", "From 1 March 2026 to 31 March 2026"},
		{"2026-03-03", "", "Du 3 mars 2026 à aujourd'hui", "From 3 March 2026 to today"},
		{"", "2026-12-31", "Depuis le début jusqu'au 31 décembre 2026", "From the beginning to 31 December 2026"},
		{"", "", "Depuis le début jusqu'à aujourd'hui", "From the beginning to today"},
	} {
		if got := fr.period(tc.from, tc.to); got != tc.fr {
			t.Errorf("fr period(%q, %q) = %q, want %q", tc.from, tc.to, got, tc.fr)
		}
		if got := en.period(tc.from, tc.to); got != tc.en {
			t.Errorf("en period(%q, %q) = %q, want %q", tc.from, tc.to, got, tc.en)
		}
	}
}

func TestTeamWords(t *testing.T) {
	fr, en := newDocLang("fr"), newDocLang("en")
	for _, tc := range []struct {
		size   int
		names  []string
		fr, en string
	}{
		{5, []string{"Élodie", "Łukasz"}, "Élodie, Łukasz + 3 autres bénévoles", "Élodie, Łukasz + 3 other volunteers"},
		{3, []string{"Élodie", "Łukasz"}, "Élodie, Łukasz + 1 autre bénévole", "Élodie, Łukasz + 1 other volunteer"},
		{2, []string{"Élodie", "Łukasz"}, "Élodie, Łukasz", "Élodie, Łukasz"},
		{4, nil, "4 bénévoles", "4 volunteers"},
		{1, nil, "1 bénévole", "1 volunteer"},
		{0, nil, "0 bénévole", "0 volunteers"},
	} {
		if got := fr.team(tc.size, tc.names); got != tc.fr {
			t.Errorf("fr team(%d, %q) = %q, want %q", tc.size, tc.names, got, tc.fr)
		}
		if got := en.team(tc.size, tc.names); got != tc.en {
			t.Errorf("en team(%d, %q) = %q, want %q", tc.size, tc.names, got, tc.en)
		}
	}
}

func TestQuoteIsCut(t *testing.T) {
	long := strings.Repeat("mot ", 200)
	q := newDocLang("fr").quote(long)
	if !strings.HasPrefix(q, "«\u00a0mot") || !strings.HasSuffix(q, "…\u00a0»") || len([]rune(q)) > maxQuoteRunes+5 {
		t.Errorf("quote = %q", q)
	}
	if got := newDocLang("en").quote("  Thank\nyou  "); got != "“Thank you”" {
		t.Errorf("en quote = %q", got)
	}
}

// bigImpactReport is a report built from about 10,000 hour entries: 40 projects over 24
// months and 16 skill domains, each with a survey.
func bigImpactReport() ImpactReport {
	r := testImpactReport()
	r.HoursByMonth = make([]MonthMinutes, 24)
	for i := range r.HoursByMonth {
		r.HoursByMonth[i] = MonthMinutes{Month: fmt.Sprintf("%d-%02d", 2024+i/12, i%12+1), Minutes: 25000 + 700*(i%7)}
	}
	r.HoursByDomain = make([]DomainMinutes, 16)
	for i := range r.HoursByDomain {
		r.HoursByDomain[i] = DomainMinutes{Label: fmt.Sprintf("Domaine de compétences n° %d", i+1), Minutes: 60000 - 3000*i, ValueCents: int64(4000000 - 200000*i)}
	}
	base := testImpactReport().Projects
	r.Projects = make([]ImpactProject, 40)
	for i := range r.Projects {
		p := base[i%len(base)]
		p.Title = fmt.Sprintf("%s (%d)", p.Title, i+1)
		p.Surveys = []domain.SurveyResults{testSurveyResults()}
		r.Projects[i] = p
	}
	r.Figures = ImpactFigures{Volunteers: 380, Minutes: 600000, ValueCents: 40000000, Projects: 40, Beneficiaries: 5200}
	return r
}

func TestBigImpactReportPDF(t *testing.T) {
	data := writeImpact(t, bigImpactReport())
	checkLayout(t, "gros-rapport.pdf", data)
	text := pdfText(t, "gros-rapport.pdf", data)
	pages := pdfPages(text)
	if len(pages) < 42 {
		t.Errorf("%d pages for 40 projects", len(pages))
	}
	last := pages[len(pages)-1]
	if !regexp.MustCompile(fmt.Sprintf(`Page %d sur %d`, len(pages), len(pages))).MatchString(last) {
		t.Errorf("the last page is not numbered %d of %d", len(pages), len(pages))
	}
	if !strings.Contains(text, "Ateliers CV pour les jeunes du quartier (39)") {
		t.Errorf("project 39 is missing")
	}
}

func BenchmarkImpactReportPDF(b *testing.B) {
	r := bigImpactReport()
	var size int64
	b.ReportAllocs()
	for b.Loop() {
		cw := &countingWriter{}
		if err := WriteImpactReportPDF(cw, r); err != nil {
			b.Fatal(err)
		}
		size = cw.n
	}
	b.ReportMetric(float64(size)/1e6, "MB/file")
}

// Survey results with a very long list of choices go on over the next page without drawing off
// the page; so do a certificate's many periods.
func TestPDFsWithLongListsStayOnThePage(t *testing.T) {
	r := testImpactReport()
	res := testSurveyResults()
	q := res.Questions[1]
	q.Counts = nil
	for i := 0; i < 90; i++ {
		q.Counts = append(q.Counts, domain.ChoiceCount{Label: fmt.Sprintf("Commune n° %d", i+1), Count: i % 7})
	}
	res.Questions[1] = q
	r.Projects[0].Surveys = []domain.SurveyResults{res}
	data := writeImpact(t, r)
	checkLayout(t, "longue-liste.pdf", data)
	if text := flat(pdfText(t, "longue-liste.pdf", data)); !strings.Contains(text, "Commune n° 90") {
		t.Errorf("the last choice is missing")
	}

	c := testCertificate()
	for i := 0; i < 70; i++ {
		c.ByPeriod = append(c.ByPeriod, PeriodMinutes{Label: fmt.Sprintf("Mois n° %d", i+1), Minutes: 60})
	}
	data = writeCertificate(t, c)
	checkLayout(t, "periodes.pdf", data)
	if text := flat(pdfText(t, "periodes.pdf", data)); !strings.Contains(text, "Mois n° 70") || !strings.Contains(text, CertificateCode(c)) {
		t.Errorf("the last period or the code is missing")
	}
}
