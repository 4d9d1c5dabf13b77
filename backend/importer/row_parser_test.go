package importer

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/civisphere/civisphere/backend/domain"
)

func parseFixture(t *testing.T, name string) (map[int]domain.Volunteer, []RowError) {
	t.Helper()
	s := readFixture(t, name)
	records, errs, err := Parse(context.Background(), s, GuessMapping(s.Header), fakeVocabulary{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	byRow := map[int]domain.Volunteer{}
	for _, r := range records {
		byRow[r.Row] = r.Volunteer
	}
	return byRow, errs
}

func skill(name string, level domain.SkillLevel) domain.VolunteerSkill {
	return domain.VolunteerSkill{Name: name, Level: level}
}

// sameVolunteer compares the imported fields, ignoring what the import does not set.
func sameVolunteer(t *testing.T, row int, got, want domain.Volunteer) {
	t.Helper()
	want.Status = domain.StatusActive
	for _, v := range []*domain.Volunteer{&got, &want} {
		if len(v.Causes) == 0 {
			v.Causes = nil
		}
		if len(v.Languages) == 0 {
			v.Languages = nil
		}
		if len(v.Skills) == 0 {
			v.Skills = nil
		}
		if len(v.Availability.Days) == 0 {
			v.Availability.Days = nil
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("row %d:\n got %+v\nwant %+v", row, got, want)
	}
}

// The French workbook saved by LibreOffice, as XLSX and as ODS, gives the same volunteers and
// the same errors, by row and column.
func TestParseFrenchWorkbooks(t *testing.T) {
	want := map[int]domain.Volunteer{
		5: {
			FirstName: "Élodie", LastName: "Martin", Email: "elodie.martin@example.fr", Phone: "06 12 34 56 78",
			Postcode: "25000", City: "Besançon",
			Skills:    []domain.VolunteerSkill{skill("Comptabilité", domain.LevelExpert), skill("Graphisme", domain.LevelBeginner)},
			Causes:    []domain.Cause{"health", "environment"},
			Languages: []string{"fr", "en"},
			Availability: domain.Availability{
				Days: []string{"tuesday", "thursday"}, Evenings: true, HoursPerMonth: 10, Mode: domain.ModeRemote,
			},
			Notes: "Trésorière depuis 2020", JoinedOn: "2024-03-15",
		},
		6: {
			FirstName: "Noël", LastName: "Cœurdevey", Email: "noel.coeurdevey@example.org", Phone: "+33 6 12 34 56 79",
			Postcode: "42000", City: "Saint-Étienne",
			Skills: []domain.VolunteerSkill{
				skill("Rédaction", domain.LevelConfirmed), skill("Sous-titrage", domain.LevelConfirmed), skill("e-mailing", domain.LevelConfirmed),
			},
			Causes: []domain.Cause{"culture"}, Languages: []string{"fr"},
			Availability: domain.Availability{Weekends: true, HoursPerMonth: 4, Mode: domain.ModeOnSite},
			Notes:        "Préfère les projets culturels; disponible l'été", JoinedOn: "2023-09-01",
		},
		8: {
			FirstName: "Thị Lan", LastName: "Nguyễn", Email: "lan.nguyen@example.com", Phone: "06 12 34 56 78",
			Postcode: "01000", City: "Bourg-en-Bresse",
			Skills:    []domain.VolunteerSkill{skill("Traduction", domain.LevelIntermediate), skill("Interprétariat", domain.LevelExpert)},
			Causes:    []domain.Cause{"solidarity"},
			Languages: []string{"vi", "fr"},
			Availability: domain.Availability{
				Days: []string{"monday"}, HoursPerMonth: 16,
			},
			JoinedOn: "2025-01-02",
		},
		9: {
			FirstName: "Ольга", LastName: "Иванова", Email: "olga.ivanova@example.net", Phone: "06 12 34 56 80",
			Postcode: "07500", City: "Guilherand-Granges",
			Skills:    []domain.VolunteerSkill{skill("Développement web", domain.LevelBeginner), skill("Référencement (SEO)", domain.LevelBeginner)},
			Causes:    []domain.Cause{"education"},
			Languages: []string{"ru", "en", "fr"},
			Availability: domain.Availability{
				HoursPerMonth: 8, Mode: domain.ModeEither,
			},
			JoinedOn: "2026-02-28",
		},
		// The same person again, with the e-mail in another case: returned, for the caller to merge.
		10: {
			FirstName: "Élodie", LastName: "Martin", Email: "elodie.martin@example.fr", Phone: "06 12 34 56 78",
			Postcode: "25000", City: "Besançon",
			Skills:    []domain.VolunteerSkill{skill("Comptabilité", domain.LevelExpert)},
			Causes:    []domain.Cause{"health"},
			Languages: []string{"fr"},
			JoinedOn:  "2024-03-16", Notes: "Doublon à vérifier",
		},
		15: {
			FirstName: "Jean", LastName: "De La Fontaine", Email: "jean.delafontaine@example.fr", Phone: "+33 6 12 34 56 85",
			Postcode: "02100", City: "Saint-Quentin",
			Skills:    []domain.VolunteerSkill{skill("Gestion de projet", domain.LevelConfirmed), skill("Animation d'ateliers", domain.LevelIntermediate)},
			Causes:    []domain.Cause{"environment"},
			Languages: []string{"fr"},
			Availability: domain.Availability{
				Days: []string{"monday", "tuesday", "wednesday", "thursday", "friday"},
			},
			JoinedOn: "2022-11-03",
		},
	}
	wantErrors := []RowError{
		{Row: 11, Column: "Courriel", Field: "email", Code: domain.CodeInvalidEmail, Value: "lucas.bernard@"},
		{Row: 12, Column: "Date d'inscription", Field: "joinedOn", Code: domain.CodeInvalidDate, Value: "31/02/2024"},
		{Row: 13, Column: "Nom", Field: "lastName", Code: domain.CodeRequired},
	}
	for _, file := range []string{"benevoles-fr.xlsx", "benevoles-fr.ods"} {
		t.Run(file, func(t *testing.T) {
			got, errs := parseFixture(t, file)
			if len(got) != len(want) {
				t.Errorf("%d records, want %d", len(got), len(want))
			}
			for row, v := range want {
				sameVolunteer(t, row, got[row], v)
			}
			if !reflect.DeepEqual(errs, wantErrors) {
				t.Errorf("errors:\n got %+v\nwant %+v", errs, wantErrors)
			}
		})
	}
}

func TestParseEnglishWorkbook(t *testing.T) {
	got, errs := parseFixture(t, "volunteers-en.xlsx")
	sameVolunteer(t, 3, got[3], domain.Volunteer{
		FirstName: "Emma", LastName: "Johnson", Email: "emma.johnson@example.com", Phone: "+442079460958",
		Postcode: "SW1A 1AA", City: "London",
		Skills:    []domain.VolunteerSkill{skill("Accounting", domain.LevelExpert), skill("Graphic design", domain.LevelIntermediate)},
		Causes:    []domain.Cause{"health"},
		Languages: []string{"en", "fr"},
		Availability: domain.Availability{
			Weekends: true, HoursPerMonth: 6, Mode: domain.ModeRemote,
		},
		JoinedOn: "2024-03-15",
	})
	sameVolunteer(t, 4, got[4], domain.Volunteer{
		FirstName: "Liam", LastName: "O'Brien", Email: "liam.obrien@example.ie", Phone: "06 12 34 56 78",
		Postcode: "69003", City: "Lyon",
		Skills:    []domain.VolunteerSkill{skill("Web development", domain.LevelConfirmed), skill("SEO", domain.LevelConfirmed)},
		Causes:    []domain.Cause{"education"},
		Languages: []string{"en"},
		Availability: domain.Availability{
			Days: []string{"monday", "tuesday", "wednesday"}, Evenings: true,
		},
		JoinedOn: "2023-09-01",
	})
	wantErrors := []RowError{{Row: 5, Column: "Joined", Field: "joinedOn", Code: domain.CodeInvalidDate, Value: "2025-02-29"}}
	if !reflect.DeepEqual(errs, wantErrors) {
		t.Errorf("errors:\n got %+v\nwant %+v", errs, wantErrors)
	}
}

func TestParseCSVFixtures(t *testing.T) {
	t.Run("utf-8 with BOM", func(t *testing.T) {
		got, errs := parseFixture(t, "benevoles-utf8-bom.csv")
		if len(errs) > 0 {
			t.Errorf("errors %+v", errs)
		}
		sameVolunteer(t, 4, got[4], domain.Volunteer{
			FirstName: "François", LastName: "Lefèvre", Email: "f.lefevre@example.fr", Phone: "06 12 34 56 78",
			Postcode: "25000", City: "Besançon",
			Skills:    []domain.VolunteerSkill{skill("Comptabilité", domain.LevelConfirmed), skill("Gestion de projet", domain.LevelIntermediate)},
			Languages: []string{"fr"},
			Availability: domain.Availability{
				Days: []string{"wednesday", "saturday"}, Evenings: true,
			},
			Notes: "Vient à vélo; très motivé", JoinedOn: "2021-02-01",
		})
		sameVolunteer(t, 5, got[5], domain.Volunteer{
			FirstName: "Zoé", LastName: "Garçon", Email: "zoe.garcon@example.fr", Phone: "+33 7 12 34 56 78",
			Postcode: "07500", City: "Tournon-sur-Rhône",
			Skills:    []domain.VolunteerSkill{skill("Graphisme", domain.LevelExpert), skill("Photographie", domain.LevelIntermediate)},
			Languages: []string{"fr", "en"},
			Availability: domain.Availability{
				Weekends: true,
			},
			JoinedOn: "2022-04-03",
		})
		if v := got[7]; v.Availability.HoursPerMonth != 10 || v.Availability.Mode != domain.ModeRemote || v.JoinedOn != "2024-06-30" || v.LastName != "Lœuillet" {
			t.Errorf("row 7: %+v", v)
		}
	})
	t.Run("windows-1252", func(t *testing.T) {
		got, errs := parseFixture(t, "benevoles-windows1252.csv")
		if len(errs) > 0 || len(got) != 3 {
			t.Errorf("%d records, errors %+v", len(got), errs)
		}
		if v := got[3]; v.LastName != "Cœurdevey" || v.FirstName != "François" || !reflect.DeepEqual(v.Skills, []domain.VolunteerSkill{skill("Rédaction", domain.LevelExpert)}) || v.Notes != "Œuvre sociale, garçon de café à la retraite" {
			t.Errorf("row 3: %+v", v)
		}
		if v := got[4]; !reflect.DeepEqual(v.Skills, []domain.VolunteerSkill{skill("Menuiserie", domain.LevelBeginner), skill("Électricité", domain.LevelBeginner)}) {
			t.Errorf("row 4 skills: %+v", v.Skills)
		}
	})
	t.Run("comma", func(t *testing.T) {
		got, errs := parseFixture(t, "volunteers-comma.csv")
		if len(errs) > 0 || len(got) != 3 {
			t.Errorf("%d records, errors %+v", len(got), errs)
		}
		if v := got[2]; !reflect.DeepEqual(v.Skills, []domain.VolunteerSkill{skill("Accounting", domain.LevelIntermediate), skill("Bookkeeping", domain.LevelExpert)}) ||
			!reflect.DeepEqual(v.Availability, domain.Availability{Days: []string{"tuesday", "thursday"}, Evenings: true, Mode: domain.ModeRemote}) {
			t.Errorf("row 2: %+v", v)
		}
		if v := got[5]; v.Postcode != "01000" || v.Phone != "06 12 34 56 79" || v.Availability.HoursPerMonth != 16 || v.JoinedOn != "2025-02-01" {
			t.Errorf("row 5: %+v", v)
		}
	})
	t.Run("tab, full names", func(t *testing.T) {
		got, errs := parseFixture(t, "benevoles-tab.tsv")
		if len(errs) > 0 {
			t.Errorf("errors %+v", errs)
		}
		names := map[int][2]string{2: {"Élodie", "Martin"}, 3: {"Marie", "de Lattre"}, 4: {"Nguyễn", "Văn An"}, 5: {"Jean", "De La Fontaine"}}
		dates := map[int]string{2: "2024-03-15", 3: "2023-09-01", 4: "2025-01-02", 5: "2025-05-05"}
		for row, n := range names {
			if v := got[row]; v.FirstName != n[0] || v.LastName != n[1] || v.JoinedOn != dates[row] {
				t.Errorf("row %d: %q %q %q", row, v.FirstName, v.LastName, v.JoinedOn)
			}
		}
	})
}

func parseRows(t *testing.T, header []string, rows ...[]string) ([]Record, []RowError) {
	t.Helper()
	s := &Sheet{Header: header}
	for i, r := range rows {
		s.Rows = append(s.Rows, Row{Number: i + 2, Cells: r})
	}
	records, errs, err := Parse(context.Background(), s, GuessMapping(header), fakeVocabulary{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return records, errs
}

func TestParseRowErrors(t *testing.T) {
	header := []string{"Nom", "Prénom", "E-mail", "Téléphone", "CP", "Compétences", "Niveau", "Causes", "Langues", "Heures/mois", "Mode", "Inscrit le", "Bio"}
	long := strings.Repeat("é", 101)
	tests := []struct {
		name string
		row  []string
		want []RowError
	}{
		{"invalid phone", []string{"Martin", "Élodie", "", "06 12 AB"}, []RowError{{Row: 2, Column: "Téléphone", Field: "phone", Code: domain.CodeInvalidPhone, Value: "06 12 AB"}}},
		{"invalid postcode", []string{"Martin", "Élodie", "", "", "CP: 75011"}, []RowError{{Row: 2, Column: "CP", Field: "postcode", Code: domain.CodeInvalidPostcode, Value: "CP: 75011"}}},
		{"unknown level", []string{"Martin", "Élodie", "", "", "", "Compta", "grand maître"}, []RowError{{Row: 2, Column: "Niveau", Field: "skills", Code: domain.CodeInvalidChoice, Params: map[string]any{"choices": "beginner, intermediate, confirmed, expert"}, Value: "grand maître"}}},
		{"unknown cause", []string{"Martin", "Élodie", "", "", "", "", "", "Santé, Philatélie"}, []RowError{{Row: 2, Column: "Causes", Field: "causes", Code: domain.CodeInvalidChoice, Params: map[string]any{"value": "Philatélie"}, Value: "Santé, Philatélie"}}},
		{"unknown language", []string{"Martin", "Élodie", "", "", "", "", "", "", "Français et klingon"}, []RowError{{Row: 2, Column: "Langues", Field: "languages", Code: domain.CodeInvalidLanguage, Params: map[string]any{"value": "Français et klingon"}, Value: "Français et klingon"}}},
		{"too many hours", []string{"Martin", "Élodie", "", "", "", "", "", "", "", "300"}, []RowError{{Row: 2, Column: "Heures/mois", Field: "availability.hoursPerMonth", Code: domain.CodeOutOfRange, Params: map[string]any{"min": 0, "max": 200}, Value: "300"}}},
		{"hours not a number", []string{"Martin", "Élodie", "", "", "", "", "", "", "", "beaucoup"}, []RowError{{Row: 2, Column: "Heures/mois", Field: "availability.hoursPerMonth", Code: domain.CodeOutOfRange, Params: map[string]any{"min": 0, "max": 200}, Value: "beaucoup"}}},
		{"unknown mode", []string{"Martin", "Élodie", "", "", "", "", "", "", "", "", "à vélo"}, []RowError{{Row: 2, Column: "Mode", Field: "availability.mode", Code: domain.CodeInvalidChoice, Params: map[string]any{"choices": "onsite, remote, either"}, Value: "à vélo"}}},
		{"name too long", []string{long, "Élodie"}, []RowError{{Row: 2, Column: "Nom", Field: "lastName", Code: domain.CodeTooLong, Params: map[string]any{"max": 100}, Value: strings.Repeat("é", 79) + "…"}}},
		{"skill name too long", []string{"Martin", "Élodie", "", "", "", strings.Repeat("x", 81)}, []RowError{{Row: 2, Column: "Compétences", Field: "skills", Code: domain.CodeTooLong, Params: map[string]any{"max": 80}, Value: strings.Repeat("x", 79) + "…"}}},
		{"no name, several problems at once", []string{"", "", "pas-un-mail", "", "", "", "", "", "", "", "", "32/01/2025"}, []RowError{
			{Row: 2, Column: "Inscrit le", Field: "joinedOn", Code: domain.CodeInvalidDate, Value: "32/01/2025"},
			{Row: 2, Column: "Nom", Field: "lastName", Code: domain.CodeRequired},
			{Row: 2, Column: "E-mail", Field: "email", Code: domain.CodeInvalidEmail, Value: "pas-un-mail"},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			records, errs := parseRows(t, header, tc.row)
			if len(records) != 0 {
				t.Errorf("a row with problems gave a record: %+v", records)
			}
			if !reflect.DeepEqual(errs, tc.want) {
				t.Errorf("errors:\n got %+v\nwant %+v", errs, tc.want)
			}
		})
	}
}

func TestParseValues(t *testing.T) {
	header := []string{"Nom complet", "E-mail", "Téléphone", "Code postal", "Compétences", "Mode", "Heures par mois", "Disponibilités", "Date d'inscription"}
	tests := []struct {
		name  string
		row   []string
		check func(domain.Volunteer) bool
	}{
		{"e-mail lower-cased, mailto removed", []string{"Élodie Martin", "mailto:Elodie.MARTIN@Example.FR"}, func(v domain.Volunteer) bool { return v.Email == "elodie.martin@example.fr" }},
		{"phone with dots", []string{"A B", "", "06.12.34.56.78"}, func(v domain.Volunteer) bool { return v.Phone == "06 12 34 56 78" }},
		{"phone stored as a number", []string{"A B", "", "612345678"}, func(v domain.Volunteer) bool { return v.Phone == "06 12 34 56 78" }},
		{"phone stored as a decimal", []string{"A B", "", "612345678.0"}, func(v domain.Volunteer) bool { return v.Phone == "06 12 34 56 78" }},
		{"international phone", []string{"A B", "", "+33 6 12 34 56 78"}, func(v domain.Volunteer) bool { return v.Phone == "+33 6 12 34 56 78" }},
		{"postcode lost its zero", []string{"A B", "", "", "7500"}, func(v domain.Volunteer) bool { return v.Postcode == "07500" }},
		{"postcode as a decimal", []string{"A B", "", "", "75011.0"}, func(v domain.Volunteer) bool { return v.Postcode == "75011" }},
		{"postcode with a space", []string{"A B", "", "", "75 011"}, func(v domain.Volunteer) bool { return v.Postcode == "75011" }},
		{"Corsican postcode", []string{"A B", "", "", "2A004"}, func(v domain.Volunteer) bool { return v.Postcode == "2A004" }},
		{"mode column wins over the availability text", []string{"A B", "", "", "", "", "Distanciel", "", "sur place"}, func(v domain.Volunteer) bool { return v.Availability.Mode == domain.ModeRemote }},
		{"mode both", []string{"A B", "", "", "", "", "Présentiel / distanciel"}, func(v domain.Volunteer) bool { return v.Availability.Mode == domain.ModeEither }},
		{"hours column wins over the availability text", []string{"A B", "", "", "", "", "", "7,5", "10h/mois"}, func(v domain.Volunteer) bool { return v.Availability.HoursPerMonth == 8 }},
		{"hours per week in the hours column", []string{"A B", "", "", "", "", "", "3h par semaine"}, func(v domain.Volunteer) bool { return v.Availability.HoursPerMonth == 12 }},
		{"skills repeated keep the higher level", []string{"A B", "", "", "", "Compta, compta (expert), COMPTA"}, func(v domain.Volunteer) bool {
			return reflect.DeepEqual(v.Skills, []domain.VolunteerSkill{skill("Compta", domain.LevelExpert)})
		}},
		{"excel serial date as text", []string{"A B", "", "", "", "", "", "", "", "45366"}, func(v domain.Volunteer) bool { return v.JoinedOn == "2024-03-15" }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			records, errs := parseRows(t, header, tc.row)
			if len(errs) > 0 || len(records) != 1 {
				t.Fatalf("errors %+v", errs)
			}
			if !tc.check(records[0].Volunteer) {
				t.Errorf("got %+v", records[0].Volunteer)
			}
		})
	}
}

func TestParseMappingShorterOrLongerThanRows(t *testing.T) {
	s := &Sheet{Header: []string{"Nom", "Prénom"}, Rows: []Row{
		{Number: 2, Cells: []string{"Martin", "Élodie", "en trop"}},
		{Number: 3, Cells: []string{"Durand"}},
	}}
	records, errs, err := Parse(context.Background(), s, []Field{FieldLastName, FieldFirstName, FieldIgnore, FieldEmail, FieldNotes}, nil, nil)
	if err != nil || len(errs) > 0 || len(records) != 2 {
		t.Fatalf("records %+v errors %+v err %v", records, errs, err)
	}
	if records[1].Volunteer.LastName != "Durand" || records[1].Volunteer.FirstName != "" {
		t.Errorf("row 3: %+v", records[1].Volunteer)
	}
	// A column mapped without a title is named by its letters.
	_, errs, _ = Parse(context.Background(), s, []Field{FieldLastName, FieldFirstName, FieldEmail}, nil, nil)
	if len(errs) != 1 || errs[0].Column != "C" || errs[0].Code != domain.CodeInvalidEmail {
		t.Errorf("errors %+v", errs)
	}
}

func TestParseProgressAndCancel(t *testing.T) {
	s := benchSheet(2500)
	var calls [][2]int
	_, _, err := Parse(context.Background(), s, GuessMapping(s.Header), fakeVocabulary{}, func(done, total int) {
		calls = append(calls, [2]int{done, total})
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := [][2]int{{1000, 2500}, {2000, 2500}, {2500, 2500}}; !reflect.DeepEqual(calls, want) {
		t.Errorf("progress %v, want %v", calls, want)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := Parse(ctx, s, GuessMapping(s.Header), fakeVocabulary{}, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

func TestParseSkillsCell(t *testing.T) {
	type s = cellSkill
	const (
		beg  = domain.LevelBeginner
		mid  = domain.LevelIntermediate
		conf = domain.LevelConfirmed
		exp  = domain.LevelExpert
	)
	tests := map[string][]cellSkill{
		"":                                       nil,
		"Comptabilité":                           {{"Comptabilité", mid, false}},
		"Comptabilité (expert)":                  {{"Comptabilité", exp, true}},
		"Comptabilité : confirmé":                {{"Comptabilité", conf, true}},
		"Comptabilité: Expert":                   {{"Comptabilité", exp, true}},
		"Graphisme - débutant":                   {{"Graphisme", beg, true}},
		"Graphisme – débutant":                   {{"Graphisme", beg, true}},
		"Comptabilité (niveau expert)":           {{"Comptabilité", exp, true}},
		"Référencement (SEO)":                    {{"Référencement (SEO)", mid, false}},
		"Référencement (SEO) (confirmé)":         {{"Référencement (SEO)", conf, true}},
		"Bureautique (Word, Excel), Compta":      {{"Bureautique (Word, Excel)", mid, false}, {"Compta", mid, false}},
		"e-mailing, Sous-titrage":                {{"e-mailing", mid, false}, {"Sous-titrage", mid, false}},
		"Compta; Paie / Juridique | RH":          {{"Compta", mid, false}, {"Paie", mid, false}, {"Juridique", mid, false}, {"RH", mid, false}},
		"Rédaction\nTraduction (4)\r\nRelecture": {{"Rédaction", mid, false}, {"Traduction", exp, true}, {"Relecture", mid, false}},
		"Photo - Vidéo - expert":                 {{"Photo", mid, false}, {"Vidéo", exp, true}},
		"• Jardinage\n• Bricolage":               {{"Jardinage", mid, false}, {"Bricolage", mid, false}},
		"Expertise comptable":                    {{"Expertise comptable", mid, false}},
		"expert":                                 nil,
		" , ; / ":                                nil,
		"Python 3":                               {{"Python 3", mid, false}},
		"Langage : Python":                       {{"Langage : Python", mid, false}},
		"Droit (associations":                    {{"Droit (associations", mid, false}},
		"1 :1":                                   nil,
		"Compta, expert : 4":                     {{"Compta", exp, true}},
	}
	for cell, want := range tests {
		got := parseSkillsCell(cell)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("parseSkillsCell(%q)\n got %+v\nwant %+v", cell, got, want)
		}
	}
}

func TestParseAvailability(t *testing.T) {
	type want struct {
		days     []string
		evenings bool
		weekends bool
		hours    int
		mode     domain.WorkMode
	}
	tests := map[string]want{
		"lundi":                                {days: []string{"monday"}},
		"mardi et jeudi":                       {days: []string{"tuesday", "thursday"}},
		"Monday, Friday":                       {days: []string{"monday", "friday"}},
		"les mardis soir":                      {days: []string{"tuesday"}, evenings: true},
		"soirées":                              {evenings: true},
		"Evenings":                             {evenings: true},
		"week-ends":                            {weekends: true},
		"le week-end":                          {weekends: true},
		"weekends":                             {weekends: true},
		"dispo le WE":                          {weekends: true},
		"samedi":                               {days: []string{"saturday"}},
		"du lundi au vendredi":                 {days: []string{"monday", "tuesday", "wednesday", "thursday", "friday"}},
		"lundi-mercredi":                       {days: []string{"monday", "tuesday", "wednesday"}},
		"monday to wednesday":                  {days: []string{"monday", "tuesday", "wednesday"}},
		"en semaine":                           {days: []string{"monday", "tuesday", "wednesday", "thursday", "friday"}},
		"tous les jours sauf le mercredi":      {days: []string{"monday", "tuesday", "thursday", "friday", "saturday", "sunday"}},
		"à distance":                           {mode: domain.ModeRemote},
		"Distanciel":                           {mode: domain.ModeRemote},
		"remote":                               {mode: domain.ModeRemote},
		"télétravail":                          {mode: domain.ModeRemote},
		"sur place":                            {mode: domain.ModeOnSite},
		"Présentiel":                           {mode: domain.ModeOnSite},
		"on site":                              {mode: domain.ModeOnSite},
		"présentiel ou à distance":             {mode: domain.ModeEither},
		"10h/mois":                             {hours: 10},
		"10 heures par mois":                   {hours: 10},
		"4h par semaine":                       {hours: 16},
		"2h30 par semaine":                     {hours: 10},
		"2,5 h/semaine":                        {hours: 10},
		"10 hours per month":                   {hours: 10},
		"24h par an":                           {hours: 2},
		"le lundi à 10h":                       {days: []string{"monday"}},
		"de 9h à 12h":                          {},
		"2 fois par mois":                      {},
		"selon mon emploi du temps, peut-être": {},
		"mardi soir, 4h par semaine, sur place ou en visio": {days: []string{"tuesday"}, evenings: true, hours: 16, mode: domain.ModeEither},
	}
	for text, w := range tests {
		a := parseAvailability(text)
		got := want{days: a.dayList(), evenings: a.evenings, weekends: a.weekends, mode: a.mode()}
		if a.hasHours {
			got.hours = roundHours(a.hours)
		}
		if !reflect.DeepEqual(got, w) {
			t.Errorf("parseAvailability(%q)\n got %+v\nwant %+v", text, got, w)
		}
	}
}

func TestSplitFullName(t *testing.T) {
	tests := map[string][2]string{
		"Élodie Martin":          {"Élodie", "Martin"},
		"MARTIN Élodie":          {"Élodie", "Martin"},
		"Élodie MARTIN":          {"Élodie", "Martin"},
		"Martin, Élodie":         {"Élodie", "Martin"},
		"MARTIN, ÉLODIE":         {"Élodie", "Martin"},
		"Marie de Lattre":        {"Marie", "de Lattre"},
		"Marie de LATTRE":        {"Marie", "de Lattre"},
		"Jean DE LA FONTAINE":    {"Jean", "De La Fontaine"},
		"JEAN DE LA FONTAINE":    {"Jean", "De La Fontaine"},
		"Jean Le Goff":           {"Jean", "Le Goff"},
		"Jean-Pierre d'Alembert": {"Jean-Pierre", "d'Alembert"},
		"SAINT-EXUPÉRY Antoine":  {"Antoine", "Saint-Exupéry"},
		"ŒILLET Noël":            {"Noël", "Œillet"},
		"ОЛЬГА ИВАНОВА":          {"Ольга", "Иванова"},
		"Nguyễn Văn An":          {"Nguyễn", "Văn An"},
		"  Élodie   Martin  ":    {"Élodie", "Martin"},
		"Élodie":                 {"Élodie", ""},
		"MARTIN":                 {"", "Martin"},
		"":                       {"", ""},
	}
	for in, want := range tests {
		first, last := splitFullName(in)
		if first != want[0] || last != want[1] {
			t.Errorf("splitFullName(%q) = %q, %q; want %q, %q", in, first, last, want[0], want[1])
		}
	}
	if got := tidyName("DUPONT-MOREAU"); got != "Dupont-Moreau" {
		t.Errorf("tidyName = %q", got)
	}
	if got := tidyName("McDonald"); got != "McDonald" {
		t.Errorf("tidyName = %q", got)
	}
}

func TestParseDate(t *testing.T) {
	tests := map[string]string{
		"15/03/2024": "2024-03-15", "5/3/2024": "2024-03-05", "5/3/24": "2024-03-05", "15.03.2024": "2024-03-15",
		"15-03-2024": "2024-03-15", "2024-03-15": "2024-03-15", "2024-03-15T10:30:00": "2024-03-15",
		"15/03/2024 10:30": "2024-03-15", "2024/03/15": "2024-03-15", "1/3/85": "1985-03-01",
		"1er mars 2024": "2024-03-01", "15 janvier 2024": "2024-01-15", "15 janv. 2024": "2024-01-15",
		"lundi 15 janvier 2024": "2024-01-15", "March 15, 2024": "2024-03-15", "15 August 2024": "2024-08-15",
		"03/2024": "2024-03-01", "mars 2024": "2024-03-01", "2019": "2019-01-01", "12/25/2024": "2024-12-25",
		"29/02/2024": "2024-02-29", "45366": "2024-03-15", "": "",
	}
	for in, want := range tests {
		got, ok := parseDate(in)
		if !ok || got != want {
			t.Errorf("parseDate(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"31/02/2024", "2024-13-01", "29/02/2023", "32/01/2024", "00/01/2024", "13/13/2024", "demain", "15/03", "1/2/3/4", "mars", "15 mars", "2024-02-30", "99999", "1850", "12345678"} {
		if got, ok := parseDate(bad); ok {
			t.Errorf("parseDate(%q) = %q, want an invalid date", bad, got)
		}
	}
}
