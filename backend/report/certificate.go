package report

import (
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"io"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Certificate is a volunteer's certificate (attestation) of approved hours and skills, as the
// association issues it. The caller gathers and translates everything; the writer lays it out.
type Certificate struct {
	// Locale is "fr" or "en" (anything not starting with "en" is French).
	Locale string
	// Association is the association that issues the certificate.
	Association CertificateIssuer
	// Volunteer is the volunteer's full name.
	Volunteer string
	// Associations names the associations the projects were run with, when there are several
	// (the statement then names them); leave it empty for one.
	Associations []string
	Projects     []CertificateProject
	// Skills are the skills used over all the projects, in the reader's language.
	Skills []string
	// TotalMinutes is the approved time over all the projects.
	TotalMinutes int
	// ByPeriod splits the approved time by year or half-year ("2026", "1er semestre 2026").
	ByPeriod []PeriodMinutes
	// IssuedOn is the date of issue, YYYY-MM-DD; Place the city where it is issued.
	IssuedOn string
	Place    string
	// SignatoryName and SignatoryRole are who signs for the association ("Présidente").
	SignatoryName string
	SignatoryRole string
}

// CertificateIssuer is the association issuing a certificate.
type CertificateIssuer struct {
	Name    string
	Address string // street address, may be empty
	City    string // postcode and city ("25000 Besançon")
	// Logo is a PNG or JPEG picture, or nil. A picture that cannot be read is left out.
	Logo []byte
}

// CertificateProject is a project the volunteer took part in.
type CertificateProject struct {
	Title       string
	Association string
	From, To    string // YYYY-MM-DD, the volunteer's first and last approved day; may be empty
	Minutes     int    // approved time
	Skills      []string
}

// PeriodMinutes is the approved time of a period.
type PeriodMinutes struct {
	Label   string
	Minutes int
}

// certificateCodeVersion starts the hashed content; a change to the encoding below must change
// it, so that codes of different encodings never collide.
const certificateCodeVersion = "civisphere-certificate-v1"

// crockford is Crockford's base 32 alphabet: digits and capitals without I, L, O and U, so
// that a code read aloud or typed from paper is not mistaken.
const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// CertificateCode is the certificate's verification code, "CIVI-7K3F-9QX2-M4PA": the first 60
// bits of a SHA-256 of its content, in Crockford's base 32. The association can compute it
// again from its records to confirm that a certificate shown to it was not altered.
//
// The content hashed is, in this order: certificateCodeVersion; the association's name,
// address and city; the volunteer's name; the number of associations then each of them; the
// number of projects then, for each, its title, association, first day, last day, minutes, the
// number of its skills and each skill; the number of skills then each skill; the total
// minutes; the number of periods then, for each, its label and minutes; the date of issue, the
// place, the signatory's name and role. Each text is put in composed form (NFC) with its
// spaces trimmed and runs of spaces made single, then written as its length in bytes (unsigned
// varint) followed by its UTF-8 bytes; each number is written as a signed varint. Neither the
// locale nor the logo counts: they change how the certificate looks, not what it states.
// (Names of skills and periods are hashed as printed, so a certificate's French and English
// versions usually have different codes.)
func CertificateCode(c Certificate) string {
	h := sha256.New()
	e := codeEncoder{h: h}
	e.text(certificateCodeVersion)
	e.text(c.Association.Name)
	e.text(c.Association.Address)
	e.text(c.Association.City)
	e.text(c.Volunteer)
	e.texts(c.Associations)
	e.number(int64(len(c.Projects)))
	for _, p := range c.Projects {
		e.text(p.Title)
		e.text(p.Association)
		e.text(p.From)
		e.text(p.To)
		e.number(int64(p.Minutes))
		e.texts(p.Skills)
	}
	e.texts(c.Skills)
	e.number(int64(c.TotalMinutes))
	e.number(int64(len(c.ByPeriod)))
	for _, p := range c.ByPeriod {
		e.text(p.Label)
		e.number(int64(p.Minutes))
	}
	e.text(c.IssuedOn)
	e.text(c.Place)
	e.text(c.SignatoryName)
	e.text(c.SignatoryRole)
	sum := h.Sum(nil)
	bits := binary.BigEndian.Uint64(sum[:8]) >> 4 // the first 60 bits
	var code [12]byte
	for i := len(code) - 1; i >= 0; i-- {
		code[i] = crockford[bits&31]
		bits >>= 5
	}
	return "CIVI-" + string(code[0:4]) + "-" + string(code[4:8]) + "-" + string(code[8:12])
}

// NormalizeCertificateCode reads a code as a person may type it ("civi 7k3f 9qx2 m4pa",
// "7K3F-9QX2-M4PA", O for 0, I or L for 1) and gives it in the form CertificateCode writes, or
// false when it cannot be a code.
func NormalizeCertificateCode(s string) (string, bool) {
	// The prefix: I cannot be part of a code, so "CIVI" at the start is the prefix.
	s = strings.TrimPrefix(strings.ToUpper(strings.TrimSpace(s)), "CIVI")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == ' ' || r == '-' || r == '\t' || r == '.':
		case r == 'O':
			b.WriteByte('0')
		case r == 'I' || r == 'L':
			b.WriteByte('1')
		case r < 0x80 && strings.IndexByte(crockford, byte(r)) >= 0:
			b.WriteRune(r)
		default:
			return "", false
		}
	}
	code := b.String()
	if len(code) != 12 {
		return "", false
	}
	return "CIVI-" + code[0:4] + "-" + code[4:8] + "-" + code[8:12], true
}

// codeEncoder writes the canonical encoding CertificateCode documents.
type codeEncoder struct {
	h   hash.Hash
	buf [binary.MaxVarintLen64]byte
}

func (e *codeEncoder) text(s string) {
	s = strings.Join(strings.Fields(norm.NFC.String(s)), " ")
	n := binary.PutUvarint(e.buf[:], uint64(len(s)))
	e.h.Write(e.buf[:n])
	io.WriteString(e.h, s)
}

func (e *codeEncoder) texts(list []string) {
	e.number(int64(len(list)))
	for _, s := range list {
		e.text(s)
	}
}

func (e *codeEncoder) number(v int64) {
	n := binary.PutVarint(e.buf[:], v)
	e.h.Write(e.buf[:n])
}

// WriteCertificatePDF writes the certificate as one A4 page (two or more when the projects do
// not fit): the association, the title, the statement, the projects with their hours, the
// total, the hours by period, the skills used, the place and date, the signatory with room
// for a signature, and the verification code with a sentence explaining it.
func WriteCertificatePDF(w io.Writer, c Certificate) error {
	lang := newDocLang(c.Locale)
	created, _ := parseDay(c.IssuedOn)
	d, err := newPDFDoc(lang, pdfMeta{
		Title:   lang.word("cert_title") + " · " + strings.TrimSpace(c.Volunteer),
		Author:  c.Association.Name,
		Created: created,
	})
	if err != nil {
		return err
	}
	d.footer = lang.word("cert_footer", "volunteer", strings.TrimSpace(c.Volunteer))
	d.decorate = func(page, pages int) {
		// A double frame in the primary colour, as on a diploma.
		d.drawColor(colPrimary)
		d.pdf.SetLineWidth(0.8)
		d.pdf.Rect(8, 8, pageW-16, pageH-16, "D")
		d.pdf.SetLineWidth(0.25)
		d.pdf.Rect(10, 10, pageW-20, pageH-20, "D")
	}
	d.addPage()

	// The association: logo, name, address.
	y := 16.0
	if l := prepareLogo(c.Association.Logo); l.png != nil {
		y += d.drawLogo(l, marginL, y, contentW, 20, "C") + 3
	}
	d.pdf.SetY(y)
	d.paragraph(c.Association.Name, paraStyle{size: 12, bold: true, color: colInk, align: "C"})
	var addr []string
	for _, s := range []string{c.Association.Address, c.Association.City} {
		if s = strings.TrimSpace(s); s != "" {
			addr = append(addr, s)
		}
	}
	if len(addr) > 0 {
		d.paragraph(strings.Join(addr, " · "), paraStyle{size: 9, color: colMuted, align: "C"})
	}

	// Title and the volunteer's name.
	d.pdf.SetY(math.Max(d.y()+9, 52))
	d.paragraph(lang.word("cert_title"), paraStyle{size: 24, bold: true, color: colPrimary, align: "C"})
	d.space(2.5)
	d.fillColor(colPrimary)
	d.pdf.Rect(pageW/2-15, d.y(), 30, 0.9, "F")
	d.space(7)
	d.paragraph(c.Volunteer, paraStyle{size: 18, bold: true, color: colInk, align: "C"})
	d.space(5)

	// The statement.
	var assocs []string
	for _, a := range c.Associations {
		if a = strings.TrimSpace(a); a != "" {
			assocs = append(assocs, a)
		}
	}
	hours := lang.pluralOf("cert_hours", hoursValue(c.TotalMinutes), lang.number(hoursValue(c.TotalMinutes), 2))
	pairs := []string{"association", strings.TrimSpace(c.Association.Name), "volunteer", strings.TrimSpace(c.Volunteer), "hours", hours}
	statement := lang.word("cert_statement", pairs...)
	if len(assocs) > 1 {
		statement = lang.word("cert_statement_many", append(pairs, "associations", lang.list(assocs))...)
	}
	if !lang.en {
		statement = elideQue(statement)
	}
	d.paragraph(statement, paraStyle{size: 11, color: colInk, align: "C", indent: 6, width: contentW - 12, lineH: lineHeight(11) * 1.1})
	d.space(6)

	writeCertificateProjects(d, c, len(assocs) > 1)
	d.space(5)
	writeCertificatePeriodsAndSkills(d, c)
	d.space(7)
	writeCertificateSignature(d, c)
	writeCertificateCode(d, c)
	return d.finish(w)
}

func writeCertificateProjects(d *pdfDoc, c Certificate, withAssociation bool) {
	lang := d.lang
	const size = 8.0
	rows := make([][]string, 0, len(c.Projects)+1)
	periods := make([]string, len(c.Projects))
	for i, p := range c.Projects {
		periods[i] = lang.span(p.From, p.To)
		row := []string{p.Title}
		if withAssociation {
			row = append(row, p.Association)
		}
		row = append(row, periods[i], strings.Join(p.Skills, ", "), lang.hours(p.Minutes))
		rows = append(rows, row)
	}
	// The period and the hours on one line; the rest of the width goes to the texts.
	periodW := d.naturalWidth(size, append(periods, lang.word("col_period")))
	hoursW := d.naturalWidth(size, []string{lang.word("col_hours"), lang.hours(c.TotalMinutes)}) + 2
	rest := contentW - periodW - hoursW
	cols := []tableColumn{
		{lang.word("col_project"), rest * 0.56, "L"},
		{lang.word("col_period"), periodW, "L"},
		{lang.word("col_skills"), rest * 0.44, "L"},
		{lang.word("col_hours"), hoursW, "R"},
	}
	if withAssociation {
		cols = []tableColumn{
			{lang.word("col_project"), rest * 0.38, "L"},
			{lang.word("col_association"), rest * 0.31, "L"},
			{lang.word("col_period"), periodW, "L"},
			{lang.word("col_skills"), rest * 0.31, "L"},
			{lang.word("col_hours"), hoursW, "R"},
		}
	}
	total := make([]string, len(cols))
	total[0] = lang.word("total")
	total[len(cols)-1] = lang.hours(c.TotalMinutes)
	rows = append(rows, total)
	d.table(cols, rows, tableStyle{size: size, maxLines: 5, lastBold: true})
}

// elideQue writes "atteste qu'Élodie" rather than "atteste que Élodie", as French does
// before a vowel.
func elideQue(s string) string {
	i := strings.Index(s, " que ")
	if i < 0 {
		return s
	}
	rest := s[i+len(" que "):]
	r, _ := utf8.DecodeRuneInString(rest)
	if strings.ContainsRune("AEIOUYÀÂÄÆÉÈÊËÎÏÔÖŒÙÛÜŸaeiouyàâäæéèêëîïôöœùûüÿ", r) {
		return s[:i] + " qu'" + rest
	}
	return s
}

// span writes a project's dates: "03/03/2026 – 30/06/2026", "depuis le 03/03/2026"…
func (l docLang) span(from, to string) string {
	from, to = strings.TrimSpace(from), strings.TrimSpace(to)
	switch {
	case from != "" && to != "" && from == to:
		return l.shortDate(from)
	case from != "" && to != "":
		return l.word("cert_period_from_to", "from", l.shortDate(from), "to", l.shortDate(to))
	case from != "":
		return l.word("cert_period_since", "from", l.shortDate(from))
	case to != "":
		return l.word("cert_period_until", "to", l.shortDate(to))
	}
	return ""
}

// writeCertificatePeriodsAndSkills writes the hours by period on the left and the skills used
// on the right, side by side; one under the other when they would not fit on a page.
func writeCertificatePeriodsAndSkills(d *pdfDoc, c Certificate) {
	lang := d.lang
	const gap = 10.0
	colW := (contentW - gap) / 2
	lh := lineHeight(9.5) + 1
	titleH := lineHeight(10) + 2
	skills := strings.Join(c.Skills, ", ")
	if strings.TrimSpace(skills) == "" {
		skills = lang.word("cert_no_skills")
	}
	periods := c.ByPeriod
	rows := max(len(periods), 1)
	skillSt := paraStyle{size: 9.5, color: colInk, indent: colW + gap, width: colW}
	leftH := titleH + float64(rows)*lh
	rightH := titleH + d.paragraphHeight(skills, skillSt)
	sideBySide := math.Max(leftH, rightH) <= pageH-marginT-marginB

	// The periods, on the left, or across the page going on over the next ones.
	periodsW := colW
	if !sideBySide {
		periodsW = contentW
	}
	d.ensure(math.Min(math.Max(leftH, rightH), titleH+3*lh))
	y := d.y()
	d.textAt(marginL, y, periodsW, lang.word("cert_by_period"), "L", true, 10, colPrimary)
	ly := y + titleH
	line := func(label, hours string) {
		if ly+lh > pageH-marginB {
			d.addPage()
			ly = d.y()
		}
		d.textAt(marginL, ly+0.3, periodsW-28, label, "L", false, 9.5, colInk)
		d.textAt(marginL+periodsW-28, ly+0.3, 28, hours, "R", false, 9.5, colInk)
		d.drawColor(colRule)
		d.pdf.SetLineWidth(0.15)
		d.pdf.Line(marginL, ly+lh, marginL+periodsW, ly+lh)
		ly += lh
	}
	for _, p := range periods {
		line(p.Label, lang.hours(p.Minutes))
	}
	if len(periods) == 0 {
		line(lang.word("total"), lang.hours(c.TotalMinutes))
	}

	// The skills, on the right, or below.
	if sideBySide {
		d.textAt(marginL+colW+gap, y, colW, lang.word("cert_skills"), "L", true, 10, colPrimary)
		d.pdf.SetY(y + titleH)
		d.paragraph(skills, skillSt)
		d.pdf.SetY(math.Max(ly, d.y()))
		return
	}
	d.pdf.SetY(ly + 4)
	d.ensure(titleH + lh)
	d.textAt(marginL, d.y(), contentW, lang.word("cert_skills"), "L", true, 10, colPrimary)
	d.pdf.SetY(d.y() + titleH)
	d.paragraph(skills, paraStyle{size: 9.5, color: colInk})
}

func writeCertificateSignature(d *pdfDoc, c Certificate) {
	lang := d.lang
	const boxW, boxH = 72.0, 24.0
	need := lineHeight(10) + 3 + boxH + 2*lineHeight(10)
	d.ensure(need)
	y := d.y()
	date := lang.date(c.IssuedOn)
	if date == "" {
		date = lang.dateOf(time.Now())
	}
	done := lang.word("cert_done_on", "date", date)
	if p := strings.TrimSpace(c.Place); p != "" {
		done = lang.word("cert_done_at", "place", p, "date", date)
	}
	d.textAt(marginL, y+lineHeight(10)+3, contentW-boxW-8, done, "L", false, 10, colInk)

	x := pageW - marginR - boxW
	d.textAt(x, y, boxW, lang.word("cert_signature"), "L", false, 8, colMuted)
	d.drawColor(colRule)
	d.pdf.SetLineWidth(0.3)
	d.pdf.SetDashPattern([]float64{1, 1}, 0)
	d.pdf.Rect(x, y+lineHeight(8)+1, boxW, boxH, "D")
	d.pdf.SetDashPattern(nil, 0)
	ny := y + lineHeight(8) + 1 + boxH + 1.5
	d.textAt(x, ny, boxW, c.SignatoryName, "L", true, 10, colInk)
	d.textAt(x, ny+lineHeight(10), boxW, c.SignatoryRole, "L", false, 9, colMuted)
	d.pdf.SetY(ny + 2*lineHeight(10))
}

// writeCertificateCode writes the verification code in a box, at the foot of the last page.
func writeCertificateCode(d *pdfDoc, c Certificate) {
	lang := d.lang
	text := paraStyle{size: 7.5, color: colMuted, indent: 4, width: contentW - 8}
	h := lineHeight(10) + 1.5 + d.paragraphHeight(lang.word("cert_code_text"), text) + 6
	d.space(6)
	d.ensure(h)
	y := math.Max(d.y(), pageH-marginB-h)
	d.fillColor(colLight)
	d.pdf.RoundedRect(marginL, y, contentW, h, 2, "1234", "F")
	label := lang.word("cert_code") + " : "
	if lang.en {
		label = lang.word("cert_code") + ": "
	}
	d.setFont(false, 10)
	labelW := d.width(pdfSafe(label))
	d.textAt(marginL+4, y+3, labelW+1, label, "L", false, 10, colInk)
	d.textAt(marginL+4+labelW, y+3, contentW-8-labelW, CertificateCode(c), "L", true, 10, colPrimary)
	d.pdf.SetY(y + 3 + lineHeight(10) + 1.5)
	d.paragraph(lang.word("cert_code_text"), text)
	d.pdf.SetY(y + h)
}
