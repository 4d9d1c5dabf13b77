package importer

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/xuri/excelize/v2"
)

// fakeVocabulary knows a few causes and languages, by their folded French or English names.
type fakeVocabulary struct{}

var fakeCauses = map[string]domain.Cause{
	"sante": "health", "health": "health",
	"ecologie": "environment", "environnement": "environment", "environment": "environment",
	"culture": "culture", "solidarite": "solidarity", "education": "education",
	"handicap": "disability", "sport": "sport",
}

var fakeLanguages = map[string]string{
	"francais": "fr", "french": "fr", "anglais": "en", "english": "en",
	"vietnamien": "vi", "vietnamese": "vi", "russe": "ru", "russian": "ru",
	"espagnol": "es", "spanish": "es", "lsf": "fsl", "allemand": "de",
}

func (fakeVocabulary) MatchCause(text string) (domain.Cause, bool) {
	c, ok := fakeCauses[domain.FoldText(text)]
	return c, ok
}

func (fakeVocabulary) MatchLanguage(text string) (string, bool) {
	l, ok := fakeLanguages[domain.FoldText(text)]
	return l, ok
}

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func readFixture(t testing.TB, name string) *Sheet {
	t.Helper()
	s, err := Read(context.Background(), bytes.NewReader(fixture(t, name)), name, DefaultLimits())
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return s
}

// bigXLSX builds a workbook of n volunteers (12 columns) with excelize's StreamWriter, with a
// real date column and numbers stored as numbers.
func bigXLSX(t testing.TB, n int) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		t.Fatal(err)
	}
	header := []any{"Nom", "Prénom", "Courriel", "Téléphone", "Code postal", "Ville", "Compétences", "Niveau", "Disponibilités", "Heures/mois", "Langues", "Date d'inscription"}
	if err := sw.SetRow("A1", header); err != nil {
		t.Fatal(err)
	}
	cities := []string{"Besançon", "Saint-Étienne", "Lyon", "Paris", "Bourg-en-Bresse"}
	for i := 1; i <= n; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		row := []any{
			fmt.Sprintf("Martin%d", i), "Élodie", fmt.Sprintf("elodie.martin%d@example.fr", i), 612345678,
			7500 + i%1000, cities[i%len(cities)], "Comptabilité (expert), Graphisme - débutant", "Confirmé",
			"mardi et jeudi soir, à distance", 10, "Français, anglais",
			excelize.Cell{StyleID: dateStyle, Value: 45000 + i%1000},
		}
		if err := sw.SetRow(cell, row); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
