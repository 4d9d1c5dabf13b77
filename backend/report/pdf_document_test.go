package report

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
)

func TestPrepareLogo(t *testing.T) {
	// A 16-bit PNG (gofpdf cannot read those) comes out as an 8-bit one.
	img16 := image.NewNRGBA64(image.Rect(0, 0, 40, 20))
	for i := range img16.Pix {
		img16.Pix[i] = 0xff
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img16); err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct {
		data []byte
		w, h int
	}{
		"16-bit PNG":      {buf.Bytes(), 40, 20},
		"large JPEG":      {testLogoJPEG(2000, 1000), 800, 400},
		"transparent PNG": {testLogoPNG(240, 120), 240, 120},
		"not a picture":   {[]byte("GIF89a nope"), 0, 0},
		"nothing":         {nil, 0, 0},
	} {
		l := prepareLogo(tc.data)
		if l.w != tc.w || l.h != tc.h {
			t.Errorf("%s: %d×%d, want %d×%d", name, l.w, l.h, tc.w, tc.h)
		}
		if tc.w == 0 {
			if l.png != nil {
				t.Errorf("%s: gave a picture", name)
			}
			continue
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(l.png))
		if err != nil || cfg.Width != tc.w {
			t.Errorf("%s: not a PNG of the right size: %v %+v", name, err, cfg)
		}
	}
	// Transparency is kept; an opaque picture loses its alpha channel.
	if cfg, _ := png.DecodeConfig(bytes.NewReader(prepareLogo(testLogoPNG(240, 120)).png)); cfg.ColorModel != color.NRGBAModel {
		t.Errorf("the transparent logo became %v", cfg.ColorModel)
	}
	if cfg, _ := png.DecodeConfig(bytes.NewReader(prepareLogo(testLogoJPEG(200, 100)).png)); cfg.ColorModel != color.RGBAModel {
		t.Errorf("the opaque logo is %v", cfg.ColorModel)
	}
}

func TestWrap(t *testing.T) {
	d, err := newPDFDoc(newDocLang("fr"), pdfMeta{})
	if err != nil {
		t.Fatal(err)
	}
	d.setFont(false, 10)
	hours := "1" + nnbsp + "234,5" + nbsp + "h"
	text := strings.Repeat("mot ", 12) + hours + " " + strings.Repeat("mot ", 12)
	for _, w := range []float64{20, 35, 60, 170} {
		lines := d.wrap(pdfSafe(text), w)
		found := false
		for _, l := range lines {
			if d.width(l) > w+0.01 {
				t.Errorf("width %v: line %q is %.1f mm wide", w, l, d.width(l))
			}
			if strings.Contains(l, hours) {
				found = true
			}
		}
		if !found {
			t.Errorf("width %v: the figure was split: %q", w, lines)
		}
	}
	// A word longer than the line is cut between letters; paragraphs stay apart.
	lines := d.wrap("Anticonstitutionnellement\nfin", 15)
	if len(lines) < 3 || lines[len(lines)-1] != "fin" || strings.Join(lines[:len(lines)-1], "") != "Anticonstitutionnellement" {
		t.Errorf("lines = %q", lines)
	}
	if got := d.ellipsize("Ateliers pour les jeunes du quartier", 30); !strings.HasSuffix(got, "…") || d.width(got) > 30 {
		t.Errorf("ellipsize = %q", got)
	}
}
