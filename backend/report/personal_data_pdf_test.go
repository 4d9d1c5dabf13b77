package report

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestPersonalDataPDFReadsBack(t *testing.T) {
	var hours [][]string
	for i := range 60 { // enough rows for a second page
		hours = append(hours, []string{"2026-03-" + string(rune('0'+i%3)) + "1", "Aide aux devoirs à Łódź", "1,5 h", "Approuvées"})
	}
	doc := PersonalDataDocument{
		Locale:   "fr",
		Title:    "Données personnelles de Éléonore Ζαχαρίου",
		Subtitle: "Détenues par Œuvre de Besançon · établi le 25 novembre 2026",
		Intro:    "Ce document rassemble tout ce que l'association détient sur vous.",
		Footer:   "Données personnelles · Éléonore Ζαχαρίου",
		Created:  time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC),
		Sections: []PersonalDataSection{
			{Title: "Profil", Fields: []PersonalDataField{{"Nom", "Éléonore Ζαχαρίου"}, {"Courriel", "eleonore@exemple.gr"},
				{"Ville", "Θεσσαλονίκη"}, {"Présentation", strings.Repeat("Traductrice de grec ancien, Ольга m'a appris le russe. ", 6)}, {"Téléphone", ""}}},
			{Title: "Candidatures", Empty: "Aucune candidature."},
			{Title: "Heures", Columns: []PersonalDataColumn{{"Date", 1}, {"Projet", 3}, {"Durée", 1}, {"Statut", 1.2}}, Rows: hours},
		},
	}
	var buf bytes.Buffer
	if err := WritePersonalDataPDF(&buf, doc); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, "personal-data.pdf", buf.Bytes())
	for _, want := range []string{"Données personnelles de Éléonore Ζαχαρίου", "Œuvre de Besançon", "Θεσσαλονίκη",
		"eleonore@exemple.gr", "Aucune candidature.", "Aide aux devoirs à Łódź", "Ольга", "Téléphone —", "Page 2 sur"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q:\n%s", want, text)
		}
	}
	doc.Locale = "en"
	buf.Reset()
	if err := WritePersonalDataPDF(&buf, doc); err != nil {
		t.Fatal(err)
	}
	if text := pdfText(t, "personal-data-en.pdf", buf.Bytes()); !strings.Contains(text, "Page 2 of") {
		t.Errorf("English page numbers missing:\n%s", text)
	}
}
