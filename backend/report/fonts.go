package report

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"
)

// The PDF documents embed DejaVu Sans (regular and bold; licence in fonts/LICENSE): it covers
// Latin with every European accent (Œ, Ł, Ș), Greek, Cyrillic and Vietnamese, and the
// symbols the documents draw (€, ✓, …, « »). The charts use the same fonts, so the
// figures and the text around them match.

//go:embed fonts/DejaVuSans.ttf
var dejaVuSans []byte

//go:embed fonts/DejaVuSans-Bold.ttf
var dejaVuSansBold []byte

// parsedFonts are the two fonts parsed once for the charts, and the set of characters both can
// draw, which decides what pdfSafe keeps.
var parsedFonts struct {
	once          sync.Once
	regular, bold *opentype.Font
	covered       [0x10000 / 64]uint64 // one bit per character of the Basic Multilingual Plane
	err           error
}

func loadFonts() error {
	parsedFonts.once.Do(func() {
		p := &parsedFonts
		if p.regular, p.err = opentype.Parse(dejaVuSans); p.err != nil {
			p.err = fmt.Errorf("report: reading the embedded DejaVu Sans: %w", p.err)
			return
		}
		if p.bold, p.err = opentype.Parse(dejaVuSansBold); p.err != nil {
			p.err = fmt.Errorf("report: reading the embedded DejaVu Sans Bold: %w", p.err)
			return
		}
		var buf sfnt.Buffer
		for r := rune(0x20); r < 0x10000; r++ {
			if g, err := p.regular.GlyphIndex(&buf, r); err != nil || g == 0 {
				continue
			}
			if g, err := p.bold.GlyphIndex(&buf, r); err != nil || g == 0 {
				continue
			}
			p.covered[r/64] |= 1 << (r % 64)
		}
	})
	return parsedFonts.err
}

// hasGlyph tells whether both fonts can draw r. loadFonts must have succeeded.
func hasGlyph(r rune) bool {
	return r >= 0 && r < 0x10000 && parsedFonts.covered[r/64]&(1<<(r%64)) != 0
}

// pdfSafe turns user text into text the PDF fonts can draw. gofpdf writes characters as they
// come, without shaping, and only knows the Basic Multilingual Plane (a character beyond it
// would crash its width tables), so:
//   - the text is put in composed form (NFC), so that a name typed with combining accents
//     ("Nguyễn" as e + two marks) uses the font's precomposed letters;
//   - tabs become spaces, carriage returns and other control characters go; line feeds stay;
//   - symbols and marks the fonts lack (emoji, variation selectors, zero-width joiners) are
//     dropped, and letters they lack (Chinese, Arabic…) become "?", so that a gap shows
//     something is missing rather than nothing.
//
// loadFonts must have succeeded.
func pdfSafe(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || (c < 0x20 && c != '\n') || c == 0x7f {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	dropped := false
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune(r)
		case r == '\t':
			b.WriteByte(' ')
		case r < 0x20 || (r >= 0x7f && r < 0xa0):
			// Carriage returns and other control characters: nothing to draw.
		case hasGlyph(r):
			b.WriteRune(r)
		case unicode.In(r, unicode.L, unicode.N):
			b.WriteByte('?')
		default:
			dropped = true
		}
	}
	if dropped {
		// "Merci 🙏, à bientôt" reads "Merci, à bientôt", not "Merci , à bientôt".
		return droppedSpaces.Replace(b.String())
	}
	return b.String()
}

var droppedSpaces = strings.NewReplacer("  ", " ", " ,", ",", " .", ".", " \n", "\n")
