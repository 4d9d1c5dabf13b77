package importer

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/civisphere/civisphere/backend/domain"
)

// fuzzLimits keep every fuzzed input small and make the limits easy to reach.
var fuzzLimits = Limits{MaxFileBytes: 1 << 20, MaxRows: 50, MaxUnzipBytes: 8 << 20, MaxUnzipXMLBytes: 4 << 20}

// checkRead reads data and checks what Read promises: an error of a known kind, or a sheet
// within the limits whose rows are as documented; then parses it.
func checkRead(t *testing.T, data []byte) {
	s, err := Read(context.Background(), bytes.NewReader(data), "fuzz", fuzzLimits)
	if err != nil {
		known := false
		for _, kind := range []error{ErrTooLarge, ErrTooManyRows, ErrUnsupportedFormat, ErrNoHeader, ErrEmptyFile} {
			known = known || errors.Is(err, kind)
		}
		if !known {
			t.Fatalf("error of no known kind: %v", err)
		}
		if int64(len(data)) > fuzzLimits.MaxFileBytes && !errors.Is(err, ErrTooLarge) {
			t.Fatalf("%d bytes read despite the limit: %v", len(data), err)
		}
		return
	}
	if int64(len(data)) > fuzzLimits.MaxFileBytes {
		t.Fatalf("%d bytes read despite the limit", len(data))
	}
	if len(s.Rows) > fuzzLimits.MaxRows {
		t.Fatalf("%d rows despite the limit", len(s.Rows))
	}
	if s.HeaderRow < 1 || len(s.Header) == 0 || len(s.Header) > maxColumns {
		t.Fatalf("header row %d with %d cells", s.HeaderRow, len(s.Header))
	}
	last := s.HeaderRow
	for _, r := range s.Rows {
		if r.Number <= last {
			t.Fatalf("row %d after row %d", r.Number, last)
		}
		last = r.Number
		if len(r.Cells) == 0 || len(r.Cells) > maxColumns || r.Cells[len(r.Cells)-1] == "" {
			t.Fatalf("row %d has %d cells: %q", r.Number, len(r.Cells), r.Cells)
		}
		for _, c := range r.Cells {
			if c != strings.TrimSpace(c) || len(c) > maxCellBytes {
				t.Fatalf("row %d: cell %q not trimmed or too long", r.Number, c)
			}
			if s.Format == "csv" && !utf8.ValidString(c) {
				t.Fatalf("row %d: cell %q is not UTF-8", r.Number, c)
			}
		}
	}
	records, rowErrors, err := Parse(context.Background(), s, GuessMapping(s.Header), fakeVocabulary{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	rows := map[int]bool{}
	for _, r := range s.Rows {
		rows[r.Number] = true
	}
	for _, r := range records {
		if !rows[r.Row] {
			t.Fatalf("record for row %d, not in the sheet", r.Row)
		}
		if err := r.Volunteer.Validate(); err != nil {
			t.Fatalf("record for row %d is invalid: %v", r.Row, err)
		}
	}
	for _, e := range rowErrors {
		if !rows[e.Row] || e.Code == "" || utf8.RuneCountInString(e.Value) > maxValueRunes {
			t.Fatalf("bad row error %+v", e)
		}
	}
}

func FuzzReadCSV(f *testing.F) {
	for _, name := range []string{"benevoles-utf8-bom.csv", "benevoles-windows1252.csv", "volunteers-comma.csv", "benevoles-tab.tsv", "src/benevoles-fr.csv", "src/volunteers-en.csv"} {
		f.Add(fixture(f, name))
	}
	f.Add([]byte("Nom;Prénom\n\"Martin\";\"Élodie\nLo\"\n\n;;\nDurand;\"Luc \"\"le grand\"\"\"\n"))
	f.Add([]byte("Liste\r\n\r\nName,Email\r\n\"a,b\",x@y.fr\r\n"))
	f.Add([]byte("\xff\xfeN\x00o\x00m\x00\t\x00P\x00\n\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, data)
	})
}

func FuzzReadXLSX(f *testing.F) {
	for _, name := range []string{"benevoles-fr.xlsx", "benevoles-fr.ods", "volunteers-en.xlsx"} {
		f.Add(fixture(f, name))
	}
	f.Add(bigXLSX(f, 20))
	f.Add(odsFile(f, `<table:table table:name="A"><table:table-row table:number-rows-repeated="3"><table:table-cell office:value-type="string"><text:p>Nom</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="7500"><text:p>07500</text:p></table:table-cell></table:table-row></table:table>`))
	onRecoveredPanic = func(p any) { panic(fmt.Sprintf("excelize panicked: %v", p)) }
	defer func() { onRecoveredPanic = nil }()
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, data) // a hang is caught by the fuzzing engine's own timeout
	})
}

func FuzzParseSkillsCell(f *testing.F) {
	for _, s := range []string{
		"Comptabilité (expert), Graphisme - débutant", "Rédaction\nSous-titrage (confirmé)\ne-mailing",
		"Traduction / Interprétariat : expert", "Développement web | Référencement (SEO)",
		"Bureautique (Word, Excel) ; Compta", "((()", "expert - expert", " – ", "a:b:c (niveau 3)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, cell string) {
		skills := parseSkillsCell(cell)
		if len(skills) > maxCellItems {
			t.Fatalf("%d skills", len(skills))
		}
		for _, s := range skills {
			if s.Name == "" || s.Name != strings.TrimSpace(s.Name) {
				t.Fatalf("skill name %q", s.Name)
			}
			if s.Level.Rank() == 0 {
				t.Fatalf("skill %q has level %q", s.Name, s.Level)
			}
			if _, ok := levelText(s.Name); ok {
				t.Fatalf("a level %q taken as a skill", s.Name)
			}
		}
	})
}

// FuzzCellParsers checks the other cell readers: no panic, and results the domain accepts.
func FuzzCellParsers(f *testing.F) {
	for _, s := range []string{
		"mardi et jeudi soir, à distance", "du lundi au vendredi, 4h par semaine", "15/03/2024", "1er mars 2024",
		"MARTIN Élodie", "Marie de Lattre", "2,5 h/semaine", "tous les jours sauf le mercredi", "45366", "12/25/2024",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if once := domain.FoldText(s); domain.FoldText(once) != once {
			t.Fatalf("FoldText(%q) = %q is not folded text", s, once)
		}
		a := parseAvailability(s)
		v := domain.Volunteer{LastName: "X", Availability: domain.Availability{Days: a.dayList(), Mode: a.mode()}}
		v.Normalize()
		if err := v.Validate(); err != nil {
			t.Fatalf("availability of %q: %v", s, err)
		}
		if d, ok := parseDate(s); ok && d != "" {
			if _, err := time.Parse(time.DateOnly, d); err != nil {
				t.Fatalf("parseDate(%q) = %q", s, d)
			}
		}
		first, last := splitFullName(s)
		if first == "" && last == "" && len(strings.Fields(strings.ReplaceAll(s, ",", " "))) > 0 {
			t.Fatalf("splitFullName(%q) lost the name", s)
		}
		_, _ = parseHoursCell(s)
		_, _ = parseModeCell(s)
		_ = postcodeText(s)
		_ = phoneText(s)
		_ = plainNumber(s)
	})
}
