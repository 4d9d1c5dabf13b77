package report

import (
	"io"
	"strings"
	"time"
)

// PersonalDataDocument is everything an association holds on one person (GDPR art. 15), laid out
// for that person to read. The caller gathers and translates everything, sections included; the
// writer only lays it out, in the language of Locale for its own words (page numbers).
type PersonalDataDocument struct {
	Locale   string // "fr" or "en"
	Title    string // "Données personnelles de Élodie Martin"
	Subtitle string // who holds them and when the document was made
	Intro    string // what the document is, and the person's rights
	Sections []PersonalDataSection
	Footer   string
	Created  time.Time
}

// PersonalDataSection is one part of the document: label-value pairs, a table, or both. Empty
// is written when it has neither ("Aucune candidature").
type PersonalDataSection struct {
	Title   string
	Fields  []PersonalDataField
	Columns []PersonalDataColumn
	Rows    [][]string
	Empty   string
}

// PersonalDataField is one labelled value; an empty value is written as "—".
type PersonalDataField struct {
	Label, Value string
}

// PersonalDataColumn is a table column; Weight shares the page width among the columns.
type PersonalDataColumn struct {
	Title  string
	Weight float64
}

// WritePersonalDataPDF writes the document as an A4 PDF with the embedded fonts, so that every
// European name prints (Œ, Ł, Ș, Ольга, Ελένη).
func WritePersonalDataPDF(w io.Writer, doc PersonalDataDocument) error {
	lang := newDocLang(doc.Locale)
	d, err := newPDFDoc(lang, pdfMeta{Title: doc.Title, Created: doc.Created})
	if err != nil {
		return err
	}
	d.footer = doc.Footer
	d.addPage()
	d.paragraph(doc.Title, paraStyle{size: 18, bold: true, color: colPrimary})
	if doc.Subtitle != "" {
		d.space(1)
		d.paragraph(doc.Subtitle, paraStyle{size: 9.5, color: colMuted})
	}
	if doc.Intro != "" {
		d.space(4)
		d.paragraph(doc.Intro, paraStyle{size: 10, color: colInk})
	}
	for _, s := range doc.Sections {
		d.space(6)
		d.heading(s.Title, 2, 14)
		writePersonalDataFields(d, s.Fields)
		if len(s.Columns) > 0 && len(s.Rows) > 0 {
			if len(s.Fields) > 0 {
				d.space(3)
			}
			d.table(personalDataColumns(s.Columns), s.Rows, tableStyle{size: 8.5, maxLines: 12})
		}
		if len(s.Fields) == 0 && len(s.Rows) == 0 && s.Empty != "" {
			d.paragraph(s.Empty, paraStyle{size: 10, color: colMuted})
		}
	}
	return d.finish(w)
}

// writePersonalDataFields writes "Label   value" lines, the value wrapped beside its label.
func writePersonalDataFields(d *pdfDoc, fields []PersonalDataField) {
	const labelW = 45.0
	for _, f := range fields {
		value := strings.TrimSpace(f.Value)
		if value == "" {
			value = "—"
		}
		st := paraStyle{size: 10, color: colInk, indent: labelW, width: contentW - labelW}
		h := d.paragraphHeight(value, st)
		d.ensure(h)
		y := d.y()
		d.textAt(marginL, y, labelW-3, f.Label, "L", true, 9, colMuted)
		d.pdf.SetY(y)
		d.paragraph(value, st)
		d.space(1)
	}
}

func personalDataColumns(cols []PersonalDataColumn) []tableColumn {
	total := 0.0
	for _, c := range cols {
		total += max(c.Weight, 0.1)
	}
	out := make([]tableColumn, len(cols))
	for i, c := range cols {
		out[i] = tableColumn{title: c.Title, width: contentW * max(c.Weight, 0.1) / total, align: "L"}
	}
	return out
}
