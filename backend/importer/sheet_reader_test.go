package importer

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// frenchRows are the data rows of benevoles-fr (xlsx and ods), as the spreadsheet numbers them:
// title on row 1, a date line on row 2, a blank row 3, the header on row 4, blank rows 7 and 14.
var frenchRows = map[int][]string{
	5:  {"MARTIN", "Élodie", "Elodie.Martin@Example.fr", "06.12.34.56.78", "25000", "Besançon", "Comptabilité (expert), Graphisme - débutant", "", "mardi et jeudi soir, à distance", "10", "Français, anglais", "Santé, écologie", "2024-03-15", "Trésorière depuis 2020"},
	6:  {"Cœurdevey", "Noël", "noel.coeurdevey@example.org", "+33 6 12 34 56 79", "42000", "Saint-Étienne", "Rédaction\nSous-titrage (confirmé)\ne-mailing", "Confirmé", "week-ends, sur place", "4", "Français", "Culture", "2023-09-01", "Préfère les projets culturels; disponible l'été"},
	8:  {"Nguyễn", "Thị Lan", "lan.nguyen@example.com", "612345678", "1000", "Bourg-en-Bresse", "Traduction / Interprétariat : expert", "", "lundi, 4h par semaine", "", "vietnamien, français", "Solidarité", "2025-01-02"},
	9:  {"Иванова", "Ольга", "olga.ivanova@example.net", "06 12 34 56 80", "7500", "Guilherand-Granges", "Développement web | Référencement (SEO)", "Débutant", "présentiel et distanciel", "8", "russe, anglais, français", "Éducation", "2026-02-28"},
	10: {"MARTIN", "Élodie", "elodie.martin@example.fr", "612345678", "25000", "Besançon", "Comptabilité", "Expert", "", "", "Français", "Santé", "2024-03-16", "Doublon à vérifier"},
	11: {"Bernard", "Lucas", "lucas.bernard@", "612345682", "69003", "Lyon", "Droit des associations", "", "", "", "Français", "", "2024-10-10"},
	12: {"Petit", "Chloé", "chloe.petit@example.fr", "612345683", "13001", "Marseille", "Communication", "", "samedi", "", "Français", "", "31/02/2024", "Date à corriger"},
	13: {"", "", "anonyme@example.fr", "612345684", "75011", "Paris", "Photographie", "", "", "", "Français", "", "2025-05-05", "Nom manquant"},
	15: {"DE LA FONTAINE", "Jean", "jean.delafontaine@example.fr", "0033 6 12 34 56 85", "2100", "Saint-Quentin", "Gestion de projet (senior) ; Animation d'ateliers", "", "du lundi au vendredi", "", "Français", "Environnement", "2022-11-03"},
}

var frenchHeader = []string{"Nom", "Prénom", "Courriel", "Tél.", "Code postal", "Ville", "Compétences", "Niveau", "Disponibilités", "Heures/mois", "Langues", "Causes soutenues", "Date d'inscription", "Remarques"}

func rowsByNumber(s *Sheet) map[int][]string {
	m := map[int][]string{}
	for _, r := range s.Rows {
		m[r.Number] = r.Cells
	}
	return m
}

func TestReadFrenchWorkbooks(t *testing.T) {
	for _, tc := range []struct{ file, format string }{
		{"benevoles-fr.xlsx", "xlsx"},
		{"benevoles-fr.ods", "ods"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			s := readFixture(t, tc.file)
			if s.Format != tc.format || s.SheetName != "benevoles-fr" || s.HeaderRow != 4 {
				t.Errorf("format %q, sheet %q, header row %d; want %s, benevoles-fr, 4", s.Format, s.SheetName, s.HeaderRow, tc.format)
			}
			if !reflect.DeepEqual(s.Header, frenchHeader) {
				t.Errorf("header %q", s.Header)
			}
			got := rowsByNumber(s)
			if len(got) != len(frenchRows) {
				t.Errorf("rows %v, want the numbers of %v", keys(got), keys(frenchRows))
			}
			for n, want := range frenchRows {
				if !reflect.DeepEqual(got[n], want) {
					t.Errorf("row %d:\n got %q\nwant %q", n, got[n], want)
				}
			}
		})
	}
}

func keys(m map[int][]string) []int {
	var k []int
	for n := range m {
		k = append(k, n)
	}
	return k
}

// The fixtures were really saved by LibreOffice: the registration dates are date cells (a
// serial number with a date format) and the hours of row 5 a formula, read as its cached value.
func TestFrenchWorkbookCellsAsSaved(t *testing.T) {
	f, err := excelize.OpenReader(bytes.NewReader(fixture(t, "benevoles-fr.xlsx")), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	raw, _ := f.GetCellValue(sheet, "M5")
	styleID, _ := f.GetCellStyle(sheet, "M5")
	style, err := f.GetStyle(styleID)
	if err != nil {
		t.Fatal(err)
	}
	code := ""
	if style.CustomNumFmt != nil {
		code = *style.CustomNumFmt
	}
	if raw != "45366" || (classifyFormat(code).class != classDate && builtinKind(style.NumFmt).class != classDate) {
		t.Errorf("M5 = %q with format %d %q; want the serial of 2024-03-15 in a date format", raw, style.NumFmt, code)
	}
	formula, _ := f.GetCellFormula(sheet, "J5")
	hours, _ := f.GetCellValue(sheet, "J5")
	if formula != "2*5" || hours != "10" {
		t.Errorf("J5 = %q (formula %q); want the cached 10 of 2*5", hours, formula)
	}
	postcode, _ := f.GetCellValue(sheet, "E8")
	if postcode != "1000" {
		t.Errorf("E8 = %q; want the number 1000 (01000 lost its zero)", postcode)
	}
}

func TestReadEnglishWorkbook(t *testing.T) {
	s := readFixture(t, "volunteers-en.xlsx")
	if s.HeaderRow != 2 {
		t.Errorf("header row %d, want 2", s.HeaderRow)
	}
	want := map[int][]string{
		3: {"Emma", "Johnson", "Emma.Johnson@Example.com", "+44 20 7946 0958", "SW1A 1AA", "London", "Accounting (expert), Graphic design", "", "weekends, remote", "6", "English, French", "Health", "2024-03-15"},
		4: {"Liam", "O'Brien", "liam.obrien@example.ie", "612345678", "69003", "Lyon", "Web development / SEO", "Advanced", "monday to wednesday evenings", "", "English", "Education", "2023-09-01"},
		5: {"Sofia", "García", "sofia.garcia@example.es", "612345679", "8001", "Barcelona", "Translation: expert", "", "on site, 10 hours per month", "", "Spanish, English", "Environment", "2025-02-29"},
	}
	if got := rowsByNumber(s); !reflect.DeepEqual(got, want) {
		t.Errorf("rows:\n got %v\nwant %v", got, want)
	}
}

func TestReadCSVFixtures(t *testing.T) {
	tests := []struct {
		file, encoding, delimiter string
		headerRow                 int
		header                    []string
		rows                      map[int][]string
	}{
		{
			file: "benevoles-utf8-bom.csv", encoding: "utf-8-bom", delimiter: ";", headerRow: 3,
			header: []string{"Nom", "Prénom", "E-mail", "Portable", "CP", "Commune", "Savoir-faire", "Disponibilité", "Langues parlées", "Membre depuis", "Commentaires"},
			rows: map[int][]string{
				4: {"Lefèvre", "François", "f.lefevre@example.fr", "06 12 34 56 78", "25000", "Besançon", "Comptabilité : confirmé; Gestion de projet", "mercredi soir\nsamedi matin", "Français", "01/02/2021", "Vient à vélo; très motivé"},
				5: {"Garçon", "Zoé", "zoe.garcon@example.fr", "+33 7 12 34 56 78", "7500", "Tournon-sur-Rhône", "Graphisme (expert)\nPhotographie", "week-end", "Français, anglais", "3/4/22"},
				7: {"Lœuillet", "Amélie", "amelie.loeuillet@example.fr", "0712345679", "42100", "Saint-Étienne", "Rédaction", "10h/mois, à distance", "Français", "2024-06-30"},
			},
		},
		{
			file: "benevoles-windows1252.csv", encoding: "windows-1252", delimiter: ";", headerRow: 1,
			header: []string{"Nom", "Prénom", "Courriel", "Téléphone", "Code postal", "Ville", "Compétences", "Niveau", "Remarques"},
			rows: map[int][]string{
				2: {"Lefèvre", "Hélène", "helene.lefevre@example.fr", "06.12.34.56.78", "25000", "Besançon", "Comptabilité, Trésorerie", "Confirmé", "Très disponible en été"},
				3: {"Cœurdevey", "François", "francois.coeurdevey@example.fr", "0612345679", "42000", "Saint-Étienne", "Rédaction - expert", "", "Œuvre sociale, garçon de café à la retraite"},
				4: {"Bœuf", "Gérard", "gerard.boeuf@example.fr", "0612345680", "74000", "Annecy", "Menuiserie / Électricité", "Débutant"},
			},
		},
		{
			file: "volunteers-comma.csv", encoding: "utf-8", delimiter: ",", headerRow: 1,
			header: []string{"First name", "Last name", "E-mail", "Mobile", "ZIP", "Town", "Skills", "Level", "Availability", "Languages", "Causes", "Date joined", "Comments"},
			rows: map[int][]string{
				2: {"Emma", "Johnson", "emma.johnson@example.com", "+44 7700 900123", "SW1A 1AA", "London", "Accounting, Bookkeeping (expert)", "", "Tuesday and Thursday evenings, remote", "English", "Health", "2024-03-15", `Prefers short missions, "pro bono" only`},
				3: {"Noah", "Martin", "noah.martin@example.fr", "0612345678", "69003", "Lyon", "Web development | SEO", "Confirmed", "weekends; on site", "French, English", "Education", "15/09/2023"},
				5: {"Ava", "Dubois", "ava.dubois@example.fr", "612345679", "1000", "Bourg-en-Bresse", "Translation: beginner", "", "4h per week", "French", "Environment", "01/02/2025"},
			},
		},
		{
			file: "benevoles-tab.tsv", encoding: "utf-8", delimiter: "\t", headerRow: 1,
			header: []string{"Nom complet", "Courriel", "Téléphone", "Ville", "Code postal", "Compétences", "Disponibilités", "Inscrit le"},
			rows: map[int][]string{
				2: {"MARTIN Élodie", "elodie.martin@example.fr", "06 12 34 56 78", "Besançon", "25000", "Comptabilité (expert)", "lundi", "15/03/2024"},
				3: {"Marie de Lattre", "marie.delattre@example.fr", "0612345679", "Paris", "75011", "Graphisme", "jeudi soir", "01.09.2023"},
				4: {"Nguyễn Văn An", "an.nguyen@example.com", "0612345680", "Saint-Étienne", "42000", "Traduction", "distanciel", "2-1-2025"},
				5: {"Jean DE LA FONTAINE", "jean@example.fr", "0612345681", "Château-Thierry", "02400", "Rédaction", "", "05-05-2025"},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			s := readFixture(t, tc.file)
			if s.Format != "csv" || s.Encoding != tc.encoding || s.Delimiter != tc.delimiter || s.HeaderRow != tc.headerRow {
				t.Errorf("format %q encoding %q delimiter %q header row %d; want csv %q %q %d", s.Format, s.Encoding, s.Delimiter, s.HeaderRow, tc.encoding, tc.delimiter, tc.headerRow)
			}
			if !reflect.DeepEqual(s.Header, tc.header) {
				t.Errorf("header %q", s.Header)
			}
			if got := rowsByNumber(s); !reflect.DeepEqual(got, tc.rows) {
				t.Errorf("rows:\n got %v\nwant %v", got, tc.rows)
			}
		})
	}
}

func readString(t *testing.T, text string) (*Sheet, error) {
	t.Helper()
	return Read(context.Background(), strings.NewReader(text), "test.csv", DefaultLimits())
}

func TestReadCSVText(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		delimiter string
		headerRow int
		rows      map[int][]string
	}{
		{
			name: "semicolon, CRLF, quoted delimiters and line breaks",
			text: "Nom;Prénom;Compétences\r\nMartin;Élodie;\"Compta; paie\r\nGraphisme\"\r\nDurand;Luc;Rédaction\r\n",
			rows: map[int][]string{2: {"Martin", "Élodie", "Compta; paie\nGraphisme"}, 3: {"Durand", "Luc", "Rédaction"}}, delimiter: ";", headerRow: 1,
		},
		{
			name: "comma with commas inside quotes",
			text: "Name,Email,Skills\n\"Martin, Élodie\",e@example.fr,\"Accounting, Design\"\n",
			rows: map[int][]string{2: {"Martin, Élodie", "e@example.fr", "Accounting, Design"}}, delimiter: ",", headerRow: 1,
		},
		{
			name: "tab; commas and semicolons in the data do not confuse the detection",
			text: "Nom\tPrénom\tRemarques\nMartin\tÉlodie\tun, deux; trois, quatre\nDurand\tLuc\tcinq, six\n",
			rows: map[int][]string{2: {"Martin", "Élodie", "un, deux; trois, quatre"}, 3: {"Durand", "Luc", "cinq, six"}}, delimiter: "\t", headerRow: 1,
		},
		{
			name: "title, date line and blank rows above the header; blank rows inside are skipped but counted",
			text: "Liste des bénévoles 2026\n12/01/2026\n\n;;\nNom;Prénom;Ville\nMartin;Élodie;Besançon\n\n   ;  ;\nDurand;Luc;Lyon\n",
			rows: map[int][]string{6: {"Martin", "Élodie", "Besançon"}, 9: {"Durand", "Luc", "Lyon"}}, delimiter: ";", headerRow: 5,
		},
		{
			name: "a quoted line break moves the next row numbers by one row only",
			text: "Nom;Bio\n\"Martin\";\"ligne 1\nligne 2\nligne 3\"\nDurand;x\n",
			rows: map[int][]string{2: {"Martin", "ligne 1\nligne 2\nligne 3"}, 3: {"Durand", "x"}}, delimiter: ";", headerRow: 1,
		},
		{
			name: "unknown titles: the first row with two cells",
			text: "Export\nColonne A;Colonne B\nx;y\n",
			rows: map[int][]string{3: {"x", "y"}}, delimiter: ";", headerRow: 2,
		},
		{
			name: "old Mac line endings",
			text: "Nom;Prénom\rMartin;Élodie\r",
			rows: map[int][]string{2: {"Martin", "Élodie"}}, delimiter: ";", headerRow: 1,
		},
		{
			name: "stray quote in an unquoted field",
			text: "Nom;Surnom\nMartin;Lo \"la comptable\nDurand;Luc\n",
			rows: map[int][]string{2: {"Martin", "Lo \"la comptable"}, 3: {"Durand", "Luc"}}, delimiter: ";", headerRow: 1,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := readString(t, tc.text)
			if err != nil {
				t.Fatal(err)
			}
			if s.Delimiter != tc.delimiter || s.HeaderRow != tc.headerRow {
				t.Errorf("delimiter %q header row %d; want %q %d", s.Delimiter, s.HeaderRow, tc.delimiter, tc.headerRow)
			}
			if got := rowsByNumber(s); !reflect.DeepEqual(got, tc.rows) {
				t.Errorf("rows:\n got %v\nwant %v", got, tc.rows)
			}
		})
	}
}

func TestReadCSVUTF16(t *testing.T) {
	// Excel's "Unicode text" export: UTF-16 little endian with a BOM, tab-separated.
	text := "Nom\tPrénom\r\nCœurdevey\tNoël\r\n"
	b := []byte{0xFF, 0xFE}
	for _, r := range text {
		b = append(b, byte(r), byte(r>>8))
	}
	s, err := Read(context.Background(), bytes.NewReader(b), "export.txt", DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if s.Encoding != "utf-16le" || s.Delimiter != "\t" || !reflect.DeepEqual(s.Rows[0].Cells, []string{"Cœurdevey", "Noël"}) {
		t.Errorf("got %s %q %v", s.Encoding, s.Delimiter, s.Rows)
	}
}

func TestReadJunk(t *testing.T) {
	random := make([]byte, 4096)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range random {
		random[i] = byte(rng.UintN(256))
	}
	xlsx := fixture(t, "benevoles-fr.xlsx")
	var notSpreadsheet bytes.Buffer
	zw := zip.NewWriter(&notSpreadsheet)
	w, _ := zw.Create("notes.txt")
	_, _ = w.Write([]byte("Nom;Prénom\nMartin;Élodie\n"))
	_ = zw.Close()

	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, ErrEmptyFile},
		{"blank lines", []byte("\r\n\n  \n"), ErrEmptyFile},
		{"only a byte order mark", []byte("\xEF\xBB\xBF"), ErrEmptyFile},
		{"only separators", []byte(";;;\n;;\n"), ErrEmptyFile},
		{"random bytes", random, ErrUnsupportedFormat},
		{"PDF", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), ErrUnsupportedFormat},
		{"PNG", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), random[:100]...), ErrUnsupportedFormat},
		{"old Excel", append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), random[:512]...), ErrUnsupportedFormat},
		{"HTML", []byte("<html><body><table><tr><td>Nom</td></tr></table></body></html>"), ErrUnsupportedFormat},
		{"truncated xlsx", xlsx[:len(xlsx)/2], ErrUnsupportedFormat},
		{"xlsx cut after its header", xlsx[:30], ErrUnsupportedFormat},
		{"zip without a spreadsheet", notSpreadsheet.Bytes(), ErrUnsupportedFormat},
		{"one cell only", []byte("Bonjour\n"), ErrNoHeader},
		{"single column", []byte("Nom\nMartin\nDurand\n"), ErrNoHeader},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Read(context.Background(), bytes.NewReader(tc.data), "fichier", DefaultLimits())
			if !errors.Is(err, tc.want) {
				t.Fatalf("got %v, %v; want %v", s, err, tc.want)
			}
			if !strings.Contains(err.Error(), tc.want.Error()) {
				t.Errorf("message %q does not say %q", err, tc.want)
			}
		})
	}
}

// endless is a reader that never ends, counting what was read from it.
type endless struct{ read int64 }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	e.read += int64(len(p))
	return len(p), nil
}

func TestReadTooLarge(t *testing.T) {
	r := &endless{}
	_, err := Read(context.Background(), r, "énorme.csv", Limits{MaxFileBytes: 1 << 20})
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("got %v, want ErrTooLarge", err)
	}
	if r.read > 1<<20+64<<10 {
		t.Errorf("read %d bytes to refuse a file over 1 MiB", r.read)
	}
}

func TestReadTooManyRows(t *testing.T) {
	var csv strings.Builder
	csv.WriteString("Nom;Prénom\n")
	for i := range 12 {
		fmt.Fprintf(&csv, "Martin%d;Élodie\n", i)
	}
	limits := Limits{MaxRows: 10}
	if _, err := Read(context.Background(), strings.NewReader(csv.String()), "", limits); !errors.Is(err, ErrTooManyRows) {
		t.Errorf("csv: got %v, want ErrTooManyRows", err)
	}
	// Exactly the limit is fine, blank rows do not count.
	var ok strings.Builder
	ok.WriteString("Titre\n\nNom;Prénom\n")
	for i := range 10 {
		fmt.Fprintf(&ok, "Martin%d;Élodie\n;\n", i)
	}
	if s, err := Read(context.Background(), strings.NewReader(ok.String()), "", limits); err != nil || len(s.Rows) != 10 {
		t.Errorf("csv at the limit: %v", err)
	}

	// A workbook of 30 000 rows stops early with a limit of 100.
	data := bigXLSX(t, 30_000)
	if _, err := Read(context.Background(), bytes.NewReader(data), "", Limits{MaxRows: 100}); !errors.Is(err, ErrTooManyRows) {
		t.Errorf("xlsx: got %v, want ErrTooManyRows", err)
	}
}

func TestReadCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Read(ctx, strings.NewReader("Nom;Prénom\nMartin;Élodie\n"), "", DefaultLimits()); !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

func TestReadPicksTheSheetWithTheList(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	_ = f.SetSheetName("Sheet1", "Instructions")
	_ = f.SetCellValue("Instructions", "A1", "Remplir une ligne par bénévole")
	_ = f.SetCellValue("Instructions", "A2", "Ne pas modifier les titres")
	_, _ = f.NewSheet("Vide")
	_, _ = f.NewSheet("Bénévoles")
	_ = f.SetSheetRow("Bénévoles", "A3", &[]any{"Nom", "Prénom", "Code postal"})
	_ = f.SetSheetRow("Bénévoles", "A4", &[]any{"Martin", "Élodie", 7500})
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	s, err := Read(context.Background(), &buf, "", DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if s.SheetName != "Bénévoles" || s.HeaderRow != 3 || !reflect.DeepEqual(s.Rows, []Row{{Number: 4, Cells: []string{"Martin", "Élodie", "7500"}}}) {
		t.Errorf("got sheet %q header row %d rows %v", s.SheetName, s.HeaderRow, s.Rows)
	}
}

// Cells written by excelize with number formats: dates (built-in and custom formats), a time, a
// zero-padded postcode, large and decimal numbers, text that looks like a number, booleans.
func TestReadXLSXCellFormats(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	style := func(s *excelize.Style) int {
		id, err := f.NewStyle(s)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	custom := func(code string) int { return style(&excelize.Style{CustomNumFmt: &code}) }
	cells := []struct {
		value any
		style int
		want  string
	}{
		{45366, style(&excelize.Style{NumFmt: 14}), "2024-03-15"},
		{45366.75, style(&excelize.Style{NumFmt: 22}), "2024-03-15"},
		{45366, custom("[$-40C]dd/mm/yyyy"), "2024-03-15"},
		{45366, custom(`d" de "mmmm" "yyyy`), "2024-03-15"},
		{0.5, style(&excelize.Style{NumFmt: 20}), "12:00"},
		{7500, custom("00000"), "07500"},
		{7500, 0, "7500"},
		{612345678, custom("0# ## ## ## ##"), "612345678"},
		{0.1 + 0.2, 0, "0.3"},
		{1e15, 0, "1000000000000000"},
		{12.5, custom("#,##0.00 €"), "12.5"},
		{"0612345678", 0, "0612345678"},
		{"1E5", 0, "1E5"},
		{true, 0, "1"},
		{"Sous-titrage", 0, "Sous-titrage"},
	}
	_ = f.SetCellValue("Sheet1", "A1", "Nom")
	_ = f.SetCellValue("Sheet1", "B1", "Prénom")
	for i, c := range cells {
		cell, _ := excelize.CoordinatesToCellName(i+1, 2)
		if err := f.SetCellValue("Sheet1", cell, c.value); err != nil {
			t.Fatal(err)
		}
		if c.style != 0 {
			_ = f.SetCellStyle("Sheet1", cell, cell, c.style)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	s, err := Read(context.Background(), &buf, "", DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range cells {
		if got := s.Rows[0].Cell(i); got != c.want {
			t.Errorf("cell %d (%v): got %q, want %q", i+1, c.value, got, c.want)
		}
	}
}

// rezip rewrites one member of a zip archive.
func rezip(t *testing.T, data []byte, member string, change func([]byte) []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		b, err := readZipFile(f, 1<<30)
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == member {
			b = change(b)
		}
		w, _ := zw.Create(f.Name)
		_, _ = w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// excelize reads a damaged worksheet silently up to the damage; Read must refuse it instead of
// importing half the volunteers.
func TestReadXLSXDamagedSheet(t *testing.T) {
	data := bigXLSX(t, 200)
	tests := map[string]func([]byte) []byte{
		"cut in the middle": func(b []byte) []byte { return b[:len(b)/2] },
		"garbage in the middle": func(b []byte) []byte {
			return append(append(append([]byte(nil), b[:len(b)/2]...), "<<<&&&"...), b[len(b)/2:]...)
		},
		"cut before the end of the data": func(b []byte) []byte { return b[:bytes.Index(b, []byte("</sheetData>"))] },
	}
	for name, change := range tests {
		t.Run(name, func(t *testing.T) {
			damaged := rezip(t, data, "xl/worksheets/sheet1.xml", change)
			s, err := Read(context.Background(), bytes.NewReader(damaged), "", DefaultLimits())
			if !errors.Is(err, ErrUnsupportedFormat) {
				t.Fatalf("got %d rows, %v; want ErrUnsupportedFormat", len(s.Rows), err)
			}
		})
	}
	// The same workbook, whole, reads.
	if s, err := Read(context.Background(), bytes.NewReader(rezip(t, data, "", nil)), "", DefaultLimits()); err != nil || len(s.Rows) != 200 {
		t.Errorf("whole workbook: %v", err)
	}
}

func TestSerialDates(t *testing.T) {
	tests := []struct {
		serial   string
		date1904 bool
		want     string
	}{
		{"1", false, "1900-01-01"},
		{"59", false, "1900-02-28"},
		{"61", false, "1900-03-01"},
		{"45366", false, "2024-03-15"},
		{"45366.9999999", false, "2024-03-16"},
		{"0", true, ""},
		{"1", true, "1904-01-02"},
		{"43904", true, "2024-03-15"},
	}
	for _, tc := range tests {
		got, _ := serialToDate(tc.serial, tc.date1904)
		if got != tc.want {
			t.Errorf("serialToDate(%s, %v) = %q, want %q", tc.serial, tc.date1904, got, tc.want)
		}
	}
}

func TestClassifyFormat(t *testing.T) {
	tests := map[string]cellClass{
		"General": classNumber, "0.00": classNumber, "#,##0 \"€\"": classNumber, "0.00E+00": classNumber, "@": classNumber,
		"dd/mm/yyyy": classDate, "DD/MM/YYYY": classDate, "mm/dd/yy": classDate, "[$-40C]d mmmm yyyy": classDate,
		"mmm-yy": classDate, "mmmm": classDate, "yyyy-mm-dd hh:mm": classDate,
		"hh:mm": classTime, "[h]:mm:ss": classTime, "h:mm AM/PM": classTime, "mm:ss": classTime,
		"00000": classZeroPad, `"Code "0`: classNumber, "[Red]0.00": classNumber, `"day"0`: classNumber,
	}
	for code, want := range tests {
		if got := classifyFormat(code).class; got != want {
			t.Errorf("classifyFormat(%q) = %v, want %v", code, got, want)
		}
	}
}

func TestPlainNumber(t *testing.T) {
	tests := map[string]string{
		"7500": "7500", "6.12345678E8": "612345678", "0.30000000000000004": "0.3", "1.5": "1.5",
		"1E-3": "0.001", "-2": "-2", "abc": "abc", "12a": "12a", "": "",
	}
	for in, want := range tests {
		if got := plainNumber(in); got != want {
			t.Errorf("plainNumber(%q) = %q, want %q", in, got, want)
		}
	}
}
