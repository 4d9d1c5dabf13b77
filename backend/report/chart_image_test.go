package report

import (
	"bytes"
	"image"
	"image/png"
	"strings"
	"testing"
)

func decodeChart(t *testing.T, data []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	return img
}

// hasBarColour tells whether some pixel of img is the bars' colour.
func hasBarColour(img image.Image) bool {
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			if int(r>>8) == colPrimary.r && int(g>>8) == colPrimary.g && int(bl>>8) == colPrimary.b {
				return true
			}
		}
	}
	return false
}

func TestRenderBarChartNothingToDraw(t *testing.T) {
	for _, bars := range [][]chartBar{nil, {{label: "janv.", value: 0}, {label: "févr.", value: 0}}} {
		data, err := renderBarChart(barChart{bars: bars, widthMM: 170, heightMM: 58})
		if err != nil || data != nil {
			t.Errorf("renderBarChart(%v) = %d bytes, %v; want nothing", bars, len(data), err)
		}
	}
}

func TestRenderVerticalBarChart(t *testing.T) {
	bars := make([]chartBar, 24)
	for i := range bars {
		bars[i] = chartBar{label: "sept.", value: float64(10 * (i + 1)), valueLabel: "240"}
	}
	bars[0].sub = "2025"
	data, err := renderBarChart(barChart{bars: bars, widthMM: 170, heightMM: 58})
	if err != nil {
		t.Fatal(err)
	}
	img := decodeChart(t, data)
	// About 200 dpi: 8 pixels a millimetre.
	if b := img.Bounds(); b.Dx() != 1360 || b.Dy() != 464 {
		t.Errorf("size = %v, want 1360×464", b.Size())
	}
	if !hasBarColour(img) {
		t.Errorf("no bar drawn")
	}
}

func TestRenderHorizontalBarChartGrowsWithRows(t *testing.T) {
	long := strings.Repeat("Gestion financière et comptable ", 5)
	c := barChart{bars: []chartBar{{label: long, value: 400, valueLabel: "400 h · 16 020 €"}, {label: "Droit", value: 1}, {label: "", value: 0}}, horizontal: true, widthMM: 170}
	data, err := renderBarChart(c)
	if err != nil {
		t.Fatal(err)
	}
	img := decodeChart(t, data)
	if got, want := img.Bounds().Dy(), px(c.horizontalHeightMM()); got != want {
		t.Errorf("height = %d px, want %d", got, want)
	}
	if !hasBarColour(img) {
		t.Errorf("no bar drawn")
	}
	c.rowMM = minBarRowMM
	data, _ = renderBarChart(c)
	if got := decodeChart(t, data).Bounds().Dy(); got != px(minBarRowMM*3+2) {
		t.Errorf("squeezed height = %d px", got)
	}
}

func TestCutTextAndLabelStep(t *testing.T) {
	if err := loadFonts(); err != nil {
		t.Fatal(err)
	}
	faces := newChartFaces()
	defer faces.close()
	long := "Gestion financière, comptabilité et contrôle de gestion des associations"
	cut := cutText(faces.label, long, 300)
	if !strings.HasSuffix(cut, "…") || textWidth(faces.label, cut) > 300 || !strings.HasPrefix(long, strings.TrimSuffix(cut, "…")) {
		t.Errorf("cutText = %q (%d px)", cut, textWidth(faces.label, cut))
	}
	if got := cutText(faces.label, "Droit", 300); got != "Droit" {
		t.Errorf("a short label was cut: %q", got)
	}
	if got := cutText(faces.label, long, 1); got != "…" {
		t.Errorf("nothing fits: %q", got)
	}
	for _, tc := range []struct {
		slot       float64
		need, n, k int
	}{{50, 40, 12, 1}, {25, 40, 24, 2}, {10, 45, 24, 5}, {1, 100, 3, 3}} {
		if got := labelStep(tc.slot, tc.need, tc.n); got != tc.k {
			t.Errorf("labelStep(%v, %d, %d) = %d, want %d", tc.slot, tc.need, tc.n, got, tc.k)
		}
	}
}

func TestNiceTicks(t *testing.T) {
	for _, tc := range []struct{ max, step, top float64 }{
		{140, 50, 150}, {600, 200, 600}, {9, 5, 10}, {0.5, 1, 1}, {1234, 500, 1500},
	} {
		step, top := niceTicks(tc.max)
		if step != tc.step || top != tc.top {
			t.Errorf("niceTicks(%v) = %v, %v; want %v, %v", tc.max, step, top, tc.step, tc.top)
		}
	}
}
