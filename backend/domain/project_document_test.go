package domain

import (
	"maps"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestSanitizeFileName(t *testing.T) {
	tests := []struct{ in, want string }{
		// Readable names in any script stay as they are.
		{"Œuvre — procès-verbal.pdf", "Œuvre — procès-verbal.pdf"},
		{"Отчёт.docx", "Отчёт.docx"},
		{"議事録 2026.xlsx", "議事録 2026.xlsx"},
		{"تقرير.pdf", "تقرير.pdf"},
		{"Réunion 🎉.png", "Réunion 🎉.png"},
		{"Nguyễn Văn An - CV.odt", "Nguyễn Văn An - CV.odt"},
		{"rapport.final.v2.pdf", "rapport.final.v2.pdf"},
		// Paths: only the last part is kept.
		{"../../etc/passwd", "passwd"},
		{`..\..\Windows\win.ini`, "win.ini"},
		{`C:\Users\Élodie\Bilan 2026.xlsx`, "Bilan 2026.xlsx"},
		{"dossier/", "document"},
		// Dots: no "..", no hidden file, no trailing dot.
		{"..", "document"},
		{"...", "document"},
		{".htaccess", "htaccess"},
		{"budget..xlsx", "budget.xlsx"},
		{"rapport. . .", "rapport"},
		{"compte rendu   ", "compte rendu"},
		// Characters Windows refuses.
		{`a<b>c:d"e|f?g*h.txt`, "a_b_c_d_e_f_g_h.txt"},
		{"Compte rendu : mars.pdf", "Compte rendu _ mars.pdf"},
		// Control and reordering characters.
		{"\x00evil.pdf", "evil.pdf"},
		{"ligne\nnouvelle\tcolonne.txt", "ligne nouvelle colonne.txt"},
		{"facture\u202Efdp.exe", "facturefdp.exe"},
		{"\u2067note\u2069.txt", "note.txt"},
		{"\uFEFFbom.csv", "bom.csv"},
		{"del\x7f\u009b.txt", "del.txt"},
		{"saut\u0085de ligne.txt", "saut de ligne.txt"},
		{"\xff\xfe.txt", "_.txt"},
		// Windows device names, with or without extension, in any case.
		{"CON", "CON_"},
		{"nul.txt", "nul_.txt"},
		{"Com1.tar.gz", "Com1_.tar.gz"},
		{"LPT9 .log", "LPT9_.log"},
		{"com¹.txt", "com¹_.txt"},
		{"conin$", "conin$_"},
		{"CONSOLE.txt", "CONSOLE.txt"},
		{"COM10.txt", "COM10.txt"},
		// Nothing left.
		{"", "document"},
		{"   ", "document"},
		{"\u202E", "document"},
	}
	for _, tt := range tests {
		if got := SanitizeFileName(tt.in); got != tt.want {
			t.Errorf("SanitizeFileName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSanitizeFileNameCapsLengthInBytes(t *testing.T) {
	tests := []struct {
		name, in, ext string
	}{
		{"two-byte letters", strings.Repeat("é", 300) + ".pdf", ".pdf"},
		{"three-byte letters", strings.Repeat("議", 300) + ".docx", ".docx"},
		{"four-byte emoji", strings.Repeat("🎉", 300) + ".png", ".png"},
		{"decomposed accents", strings.Repeat("e\u0301", 300) + ".txt", ".txt"},
		{"stacked accents", strings.Repeat("a\u0301\u0323", 300) + ".odt", ".odt"},
		{"no extension", strings.Repeat("Ж", 300), ""},
		{"a long extension is cut with the rest", strings.Repeat("x", 300) + "." + strings.Repeat("y", 40), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SanitizeFileName(tt.in)
			if len(got) > MaxFileNameBytes || len(got) < MaxFileNameBytes-8 {
				t.Errorf("%d bytes, want at most %d and close to it", len(got), MaxFileNameBytes)
			}
			if !utf8.ValidString(got) {
				t.Errorf("cut inside a character: %q", got)
			}
			if !strings.HasSuffix(got, tt.ext) || (tt.ext != "" && strings.Count(got, tt.ext) != 1) {
				t.Errorf("extension %q lost: %q", tt.ext, got)
			}
			base := strings.TrimSuffix(got, tt.ext)
			if !strings.HasPrefix(tt.in, base) {
				t.Errorf("not a prefix of the original: %q", got)
			}
			// The first character after the cut must not be an accent of the last letter kept.
			next, _ := utf8.DecodeRuneInString(tt.in[len(base):])
			if unicode.Is(unicode.Mn, next) {
				t.Errorf("accent separated from its letter: the cut is before %U", next)
			}
		})
	}
}

func TestProjectDocumentNormalize(t *testing.T) {
	file := ProjectDocument{Kind: DocumentFile, Title: "  ", FileName: "../Procès-verbal  AG.pdf"}
	file.Normalize()
	if file.FileName != "Procès-verbal AG.pdf" || file.Title != "Procès-verbal AG.pdf" {
		t.Errorf("file %+v", file)
	}
	link := ProjectDocument{Kind: DocumentLink, URL: "  www.jardins-besancon.fr/statuts "}
	link.Normalize()
	if link.URL != "https://www.jardins-besancon.fr/statuts" || link.Title != link.URL {
		t.Errorf("link %+v", link)
	}
	titled := ProjectDocument{Kind: DocumentLink, Title: " Dossier   partagé ", URL: "http://nas/partage"}
	titled.Normalize()
	if titled.Title != "Dossier partagé" || titled.URL != "http://nas/partage" {
		t.Errorf("titled link %+v", titled)
	}
}

func TestProjectDocumentValidationErrors(t *testing.T) {
	tests := []struct {
		name string
		doc  ProjectDocument
		want map[string]string
	}{
		{"file", ProjectDocument{Kind: DocumentFile, FileName: "Budget prévisionnel.xlsx"}, map[string]string{}},
		{"file without a name", ProjectDocument{Kind: DocumentFile}, map[string]string{"file": CodeRequired}},
		{"title too long", ProjectDocument{Kind: DocumentFile, FileName: "a.pdf", Title: strings.Repeat("Œ", 201)},
			map[string]string{"title": CodeTooLong}},
		{"unknown kind", ProjectDocument{Kind: "folder"}, map[string]string{"kind": CodeInvalidChoice}},
		{"link", ProjectDocument{Kind: DocumentLink, URL: "https://drive.example.org/d/Œuvre?x=1#p2"}, map[string]string{}},
		{"link on the local network", ProjectDocument{Kind: DocumentLink, URL: "http://nas:5000/partage"}, map[string]string{}},
		{"link without address", ProjectDocument{Kind: DocumentLink, Title: "Statuts"}, map[string]string{"url": CodeRequired}},
		{"javascript", ProjectDocument{Kind: DocumentLink, URL: "javascript:alert(1)"}, map[string]string{"url": CodeInvalidURL}},
		{"JavaScript in capitals", ProjectDocument{Kind: DocumentLink, URL: "JaVaScRiPt:alert(1)"}, map[string]string{"url": CodeInvalidURL}},
		{"data", ProjectDocument{Kind: DocumentLink, URL: "data:text/html,<script>alert(1)</script>"}, map[string]string{"url": CodeInvalidURL}},
		{"file URL", ProjectDocument{Kind: DocumentLink, URL: "file:///C:/Windows/win.ini"}, map[string]string{"url": CodeInvalidURL}},
		{"vbscript", ProjectDocument{Kind: DocumentLink, URL: "vbscript:msgbox"}, map[string]string{"url": CodeInvalidURL}},
		{"user name hiding the host", ProjectDocument{Kind: DocumentLink, URL: "https://banque.fr@ailleurs.example/"}, map[string]string{"url": CodeInvalidURL}},
		{"no host", ProjectDocument{Kind: DocumentLink, URL: "https:///chemin"}, map[string]string{"url": CodeInvalidURL}},
		{"space", ProjectDocument{Kind: DocumentLink, URL: "https://asso.fr/mon fichier"}, map[string]string{"url": CodeInvalidURL}},
		{"bidi override", ProjectDocument{Kind: DocumentLink, URL: "https://asso.fr/\u202Efdp.exe"}, map[string]string{"url": CodeInvalidURL}},
		{"too long", ProjectDocument{Kind: DocumentLink, URL: "https://asso.fr/" + strings.Repeat("a", 2000)}, map[string]string{"url": CodeInvalidURL}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := tt.doc
			d.Normalize()
			if got := fieldCodes(t, d.Validate()); !maps.Equal(got, tt.want) {
				t.Errorf("got %v, want %v (%+v)", got, tt.want, d)
			}
		})
	}
}
