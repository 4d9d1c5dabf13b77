package report

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
)

func testCertificate() Certificate {
	return Certificate{
		Locale:       "fr",
		Association:  CertificateIssuer{Name: "Œuvre-Besançon Solidarité", Address: "12 rue de la République", City: "25000 Besançon", Logo: testLogoPNG(200, 200)},
		Volunteer:    "Élodie Œuvre-Besançon",
		Associations: []string{"Œuvre-Besançon Solidarité", "Épicerie solidaire de Łódź-sur-Loire"},
		Projects: []CertificateProject{
			{Title: "Refonte du site de l'association", Association: "Œuvre-Besançon Solidarité", From: "2025-04-07", To: "2026-02-01", Minutes: 4530, Skills: []string{"Conception web", "Rédaction"}},
			{Title: "Comptabilité de l'épicerie solidaire", Association: "Épicerie solidaire de Łódź-sur-Loire", From: "2025-09-01", To: "2026-03-20", Minutes: 2880, Skills: []string{"Comptabilité"}},
			{Title: "Accueil des familles avec Ольга Иванова, Łukasz, Ștefan, Nguyễn Thị Hồng et Ελένη", Association: "Œuvre-Besançon Solidarité", From: "2026-01-10", Minutes: 600},
		},
		Skills:        []string{"Conception web", "Rédaction", "Comptabilité"},
		TotalMinutes:  8010,
		ByPeriod:      []PeriodMinutes{{Label: "2025", Minutes: 5010}, {Label: "1er semestre 2026", Minutes: 3000}},
		IssuedOn:      "2026-03-03",
		Place:         "Besançon",
		SignatoryName: "Ștefan Popescu",
		SignatoryRole: "Président",
	}
}

func writeCertificate(t testing.TB, c Certificate) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteCertificatePDF(&buf, c); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestCertificatePDF(t *testing.T) {
	c := testCertificate()
	data := writeCertificate(t, c)
	raw := pdfText(t, "attestation.pdf", data)
	if pages := pdfPages(raw); len(pages) != 1 {
		t.Errorf("%d pages, want one", len(pages))
	}
	text := flat(raw)
	for _, want := range []string{
		"Œuvre-Besançon Solidarité", "12 rue de la République · 25000 Besançon", "Attestation de bénévolat", "Élodie Œuvre-Besançon",
		"L'association Œuvre-Besançon Solidarité atteste qu'Élodie Œuvre-Besançon a contribué bénévolement aux projets ci-dessous, menés avec Œuvre-Besançon Solidarité et Épicerie solidaire de Łódź-sur-Loire, pour un total de 133,5 heures approuvées.",
		"Refonte du site de l'association", "07/04/2025 – 01/02/2026", "75,5 h", "Conception web, Rédaction",
		"Épicerie solidaire de Łódź-sur-Loire", "48 h", "depuis le 10/01/2026", "Ольга Иванова", "Nguyễn Thị Hồng", "Ελένη",
		"Total 133,5 h", "Heures par période", "2025", "83,5 h", "1er semestre 2026", "50 h",
		"Compétences mobilisées", "Conception web, Rédaction, Comptabilité",
		"Fait à Besançon, le 3 mars 2026", "Signature", "Ștefan Popescu", "Président",
		"Code de vérification : " + CertificateCode(c), "L'association peut le recalculer",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the certificate lacks %q", want)
		}
	}
	if strings.Contains(text, "Page 1") {
		t.Errorf("a one-page certificate is numbered")
	}
	checkFontsEmbedded(t, "attestation.pdf", data)
	checkLayout(t, "attestation.pdf", data)
}

func TestCertificatePDFEnglishOneAssociation(t *testing.T) {
	c := testCertificate()
	c.Locale = "en"
	c.Associations = nil
	c.TotalMinutes = 60
	c.ByPeriod = nil
	c.Place = ""
	text := flat(pdfText(t, "certificate.pdf", writeCertificate(t, c)))
	for _, want := range []string{"Certificate of volunteering",
		"The association Œuvre-Besançon Solidarité certifies that Élodie Œuvre-Besançon contributed as a volunteer to the projects below, for a total of 1 approved hour.",
		"Issued on 3 March 2026", "Verification code: CIVI-", "Total 1 h", "Hours by period", "since 10/01/2026"} {
		if !strings.Contains(text, want) {
			t.Errorf("the certificate lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Épicerie solidaire de Łódź-sur-Loire") && strings.Contains(text, "run with") {
		t.Errorf("one association, yet the statement lists several")
	}
}

// Many projects take a second page: the table goes on there with its header, the pages are
// numbered and the code is on the last one.
func TestCertificatePDFManyProjects(t *testing.T) {
	c := testCertificate()
	for i := 0; i < 20; i++ {
		c.Projects = append(c.Projects, CertificateProject{Title: fmt.Sprintf("Projet n° %d", i+1), Association: "Œuvre-Besançon Solidarité", From: "2025-01-01", To: "2025-12-31", Minutes: 60 * (i + 1)})
	}
	data := writeCertificate(t, c)
	checkLayout(t, "attestation-longue.pdf", data)
	pages := pdfPages(pdfText(t, "attestation-longue.pdf", data))
	if len(pages) != 2 {
		t.Fatalf("%d pages, want two", len(pages))
	}
	for i, p := range pages {
		if !strings.Contains(flat(p), fmt.Sprintf("Page %d sur 2", i+1)) {
			t.Errorf("page %d is not numbered", i+1)
		}
		if !strings.Contains(p, "Projet") || !strings.Contains(p, "Heures") {
			t.Errorf("page %d lacks the table header", i+1)
		}
	}
	if !strings.Contains(pages[1], "Projet n° 20") || !strings.Contains(pages[1], CertificateCode(c)) {
		t.Errorf("the second page lacks the last project or the code")
	}
}

func TestCertificateCode(t *testing.T) {
	c := testCertificate()
	code := CertificateCode(c)
	if !regexp.MustCompile(`^CIVI-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$`).MatchString(code) {
		t.Fatalf("code %q is not in the CIVI-XXXX-XXXX-XXXX form", code)
	}
	if again := CertificateCode(testCertificate()); again != code {
		t.Errorf("the same content gave %q then %q", code, again)
	}
	// What does not change the content does not change the code.
	same := testCertificate()
	same.Locale = "en"
	same.Association.Logo = nil
	same.Volunteer = "  Élodie   Œuvre-Besançon "
	same.Projects[0].Title = "Refonte du site de l'association\n"
	if got := CertificateCode(same); got != code {
		t.Errorf("locale, logo or spacing changed the code: %q, want %q", got, code)
	}
	// Decomposed accents are the same text.
	same.Volunteer = "E\u0301lodie Œuvre-Besanc\u0327on"
	if got := CertificateCode(same); got != code {
		t.Errorf("a decomposed name changed the code")
	}

	// Any change of a figure, a name, a project or the date changes the code.
	changes := map[string]func(*Certificate){
		"project minutes": func(c *Certificate) { c.Projects[1].Minutes++ },
		"total minutes":   func(c *Certificate) { c.TotalMinutes = 8070 },
		"period minutes":  func(c *Certificate) { c.ByPeriod[0].Minutes = 5070 },
		"period label":    func(c *Certificate) { c.ByPeriod[1].Label = "2e semestre 2026" },
		"volunteer":       func(c *Certificate) { c.Volunteer = "Elodie Œuvre-Besançon" },
		"association":     func(c *Certificate) { c.Association.Name = "Œuvre-Besançon" },
		"project title":   func(c *Certificate) { c.Projects[0].Title = "Refonte du site" },
		"project dates":   func(c *Certificate) { c.Projects[0].To = "2026-02-02" },
		"project skills":  func(c *Certificate) { c.Projects[0].Skills = c.Projects[0].Skills[:1] },
		"a project less":  func(c *Certificate) { c.Projects = c.Projects[:2] },
		"project order":   func(c *Certificate) { c.Projects[0], c.Projects[1] = c.Projects[1], c.Projects[0] },
		"skills":          func(c *Certificate) { c.Skills = append(c.Skills, "Droit") },
		"issue date":      func(c *Certificate) { c.IssuedOn = "2026-03-04" },
		"place":           func(c *Certificate) { c.Place = "Dijon" },
		"signatory":       func(c *Certificate) { c.SignatoryName = "Łukasz Nowak" },
		"associations":    func(c *Certificate) { c.Associations = c.Associations[:1] },
		"fields run together": func(c *Certificate) {
			c.Projects[0].Title += "Œuvre-Besançon"
			c.Projects[0].Association = "Solidarité"
		},
	}
	seen := map[string]string{code: "original"}
	for name, change := range changes {
		c := testCertificate()
		change(&c)
		got := CertificateCode(c)
		if other, ok := seen[got]; ok {
			t.Errorf("%s: code %q is the same as for %s", name, got, other)
		}
		seen[got] = name
	}
}

func TestElideQue(t *testing.T) {
	for in, want := range map[string]string{
		"atteste que Élodie a": "atteste qu'Élodie a",
		"atteste que Œdipe a":  "atteste qu'Œdipe a",
		"atteste que Ольга a":  "atteste que Ольга a",
		"atteste que Łukasz a": "atteste que Łukasz a",
		"atteste que ancien a": "atteste qu'ancien a",
		"sans la conjonction":  "sans la conjonction",
	} {
		if got := elideQue(in); got != want {
			t.Errorf("elideQue(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNormalizeCertificateCode(t *testing.T) {
	for in, want := range map[string]string{
		"CIVI-7K3F-9QX2-M4PA":   "CIVI-7K3F-9QX2-M4PA",
		"civi 7k3f 9qx2 m4pa":   "CIVI-7K3F-9QX2-M4PA",
		"7K3F-9QX2-M4PA":        "CIVI-7K3F-9QX2-M4PA",
		"7k3f9qx2m4pa":          "CIVI-7K3F-9QX2-M4PA",
		"CIVI-OK3F-9QX2-M4PL":   "CIVI-0K3F-9QX2-M4P1",
		" civi-7K3F-9QX2-M4PA ": "CIVI-7K3F-9QX2-M4PA",
	} {
		if got, ok := NormalizeCertificateCode(in); !ok || got != want {
			t.Errorf("NormalizeCertificateCode(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "CIVI-7K3F-9QX2", "CIVI-7K3F-9QX2-M4PAX", "CIVI-7K3F-9QX2-M4PU", "7K3F-9QX2-M4P€"} {
		if got, ok := NormalizeCertificateCode(bad); ok {
			t.Errorf("NormalizeCertificateCode(%q) = %q, want refused", bad, got)
		}
	}
	// A code written by CertificateCode reads back as itself.
	code := CertificateCode(testCertificate())
	if got, ok := NormalizeCertificateCode(strings.ToLower(code)); !ok || got != code {
		t.Errorf("round trip of %q gave %q", code, got)
	}
}
