package domain

import (
	"maps"
	"strings"
	"testing"
)

func TestResourceNormalize(t *testing.T) {
	note := Resource{Kind: " Note ", Title: "  Accueil des nouveaux  ", Body: "\n\n    code first\r\nthen text  \n\n", URL: "https://left.over"}
	note.Normalize()
	if note.Kind != ResourceNote || note.Title != "Accueil des nouveaux" {
		t.Errorf("kind or title not normalized: %q %q", note.Kind, note.Title)
	}
	if note.Body != "    code first\nthen text" {
		t.Errorf("body: %q (leading indentation is Markdown and must stay)", note.Body)
	}
	if note.URL != "" {
		t.Errorf("a note keeps no address, got %q", note.URL)
	}

	link := Resource{Kind: ResourceLink, Title: "Service public", URL: " www.service-public.fr/associations "}
	link.Normalize()
	if link.URL != "https://www.service-public.fr/associations" {
		t.Errorf("url not completed: %q", link.URL)
	}
}

func TestResourceValidate(t *testing.T) {
	tests := []struct {
		name string
		in   Resource
		want map[string]string
	}{
		{"valid note", Resource{Kind: ResourceNote, Title: "Procédure d’accueil", Body: "1. Café\n2. Visite"}, map[string]string{}},
		{"valid link without description", Resource{Kind: ResourceLink, Title: "Le Mouvement associatif", URL: "https://lemouvementassociatif.org"}, map[string]string{}},
		{"everything missing", Resource{}, map[string]string{"kind": CodeInvalidChoice, "title": CodeRequired}},
		{"unknown kind", Resource{Kind: "video", Title: "x"}, map[string]string{"kind": CodeInvalidChoice}},
		{"note without text", Resource{Kind: ResourceNote, Title: "Vide"}, map[string]string{"body": CodeRequired}},
		{"link without address", Resource{Kind: ResourceLink, Title: "Lien"}, map[string]string{"url": CodeRequired}},
		{"script address", Resource{Kind: ResourceLink, Title: "Piège", URL: "javascript:alert(1)"}, map[string]string{"url": CodeInvalidURL}},
		{"file address", Resource{Kind: ResourceLink, Title: "Disque", URL: "file:///C:/secret.txt"}, map[string]string{"url": CodeInvalidURL}},
		{"password in address", Resource{Kind: ResourceLink, Title: "Intranet", URL: "https://moi:secret@intranet.asso.fr"}, map[string]string{"url": CodeInvalidURL}},
		{"address too long", Resource{Kind: ResourceLink, Title: "Long", URL: "https://asso.fr/" + strings.Repeat("a", MaxResourceURLRunes)}, map[string]string{"url": CodeInvalidURL}},
		{"title too long", Resource{Kind: ResourceNote, Title: strings.Repeat("é", MaxResourceTitleRunes+1), Body: "x"}, map[string]string{"title": CodeTooLong}},
		{"title at the limit", Resource{Kind: ResourceNote, Title: strings.Repeat("é", MaxResourceTitleRunes), Body: "x"}, map[string]string{}},
		{"body too long", Resource{Kind: ResourceNote, Title: "Long", Body: strings.Repeat("œ", MaxResourceBodyRunes+1)}, map[string]string{"body": CodeTooLong}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.in
			r.Normalize()
			if got := fieldCodes(t, r.Validate()); !maps.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
