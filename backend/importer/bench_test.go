package importer

import (
	"bytes"
	"context"
	"fmt"
	"testing"
)

// benchSheet builds a sheet of n rows as a French association's file would give.
func benchSheet(n int) *Sheet {
	s := &Sheet{
		Format: "xlsx",
		Header: []string{"Nom", "Prénom", "Courriel", "Téléphone", "Code postal", "Ville", "Compétences", "Niveau", "Disponibilités", "Heures/mois", "Langues", "Causes", "Date d'inscription"},
	}
	cities := []string{"Besançon", "Saint-Étienne", "Lyon", "Paris", "Bourg-en-Bresse"}
	skills := []string{
		"Comptabilité (expert), Graphisme - débutant\nSous-titrage", "Rédaction", "Développement web | Référencement (SEO)",
		"Traduction / Interprétariat : expert", "Gestion de projet (senior) ; Animation d'ateliers", "Photographie, Vidéo",
		"Droit des associations", "Communication ; réseaux sociaux ; e-mailing", "Menuiserie / Électricité - débutant",
	}
	availability := []string{
		"mardi et jeudi soir, à distance", "week-ends, sur place", "lundi, 4h par semaine", "présentiel et distanciel",
		"du lundi au vendredi", "samedi matin", "10h/mois", "", "tous les jours sauf le mercredi",
	}
	s.Rows = make([]Row, n)
	for i := range s.Rows {
		s.Rows[i] = Row{Number: i + 2, Cells: []string{
			fmt.Sprintf("MARTIN%d", i), "Élodie", fmt.Sprintf("Elodie.Martin%d@example.fr", i), "06.12.34.56.78",
			fmt.Sprint(7500 + i%1000), cities[i%len(cities)], skills[i%len(skills)],
			"Confirmé", availability[i%len(availability)], "10", "Français, anglais", "Santé, écologie",
			fmt.Sprintf("%02d/%02d/2024", 1+i%28, 1+i%12),
		}}
	}
	return s
}

// BenchmarkParse100k parses 100 000 rows of 13 columns.
func BenchmarkParse100k(b *testing.B) {
	sheet := benchSheet(100_000)
	mapping := GuessMapping(sheet.Header)
	b.ResetTimer()
	for b.Loop() {
		records, errs, err := Parse(context.Background(), sheet, mapping, fakeVocabulary{}, nil)
		if err != nil || len(errs) > 0 || len(records) != len(sheet.Rows) {
			b.Fatalf("records %d, errors %d (%v), err %v", len(records), len(errs), errs[:min(len(errs), 1)], err)
		}
	}
}

// BenchmarkReadXLSX100k reads a 100 000-row, 12-column workbook written by excelize's
// StreamWriter.
func BenchmarkReadXLSX100k(b *testing.B) {
	data := bigXLSX(b, 100_000)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		s, err := Read(context.Background(), bytes.NewReader(data), "benevoles.xlsx", DefaultLimits())
		if err != nil || len(s.Rows) != 100_000 {
			b.Fatalf("read: %v", err)
		}
	}
}

// BenchmarkReadCSV100k reads the same volunteers as CSV text.
func BenchmarkReadCSV100k(b *testing.B) {
	sheet := benchSheet(100_000)
	var buf bytes.Buffer
	for i, cell := range sheet.Header {
		if i > 0 {
			buf.WriteByte(';')
		}
		buf.WriteString(cell)
	}
	buf.WriteString("\r\n")
	for _, r := range sheet.Rows {
		for i, cell := range r.Cells {
			if i > 0 {
				buf.WriteByte(';')
			}
			fmt.Fprintf(&buf, "%q", cell)
		}
		buf.WriteString("\r\n")
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		s, err := Read(context.Background(), bytes.NewReader(data), "benevoles.csv", DefaultLimits())
		if err != nil || len(s.Rows) != 100_000 {
			b.Fatalf("read: %v", err)
		}
	}
}
