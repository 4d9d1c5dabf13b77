package report

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The PDF tests read the documents back with poppler's tools, as a reader's viewer would:
// pdftotext for the text, pdffonts for the fonts. .ci/install-deps installs them
// (poppler-utils); a missing tool fails the test rather than skipping it.

func requireTool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is not installed: run .ci/install-deps (it installs poppler-utils)", name)
	}
	return p
}

// writeTempPDF stores data in the test's temporary folder, and also in $CIVISPHERE_KEEP_PDF
// when set, so that a person can look at what the tests produce.
func writeTempPDF(t testing.TB, name string, data []byte) string {
	t.Helper()
	if keep := os.Getenv("CIVISPHERE_KEEP_PDF"); keep != "" {
		if err := os.WriteFile(filepath.Join(keep, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// pdfText gives the text of a PDF as pdftotext reads it in the order it was drawn (-raw), with
// no-break spaces made plain so that tests can write "1 234,5 h". Pages are separated by form
// feeds.
func pdfText(t testing.TB, name string, data []byte) string {
	t.Helper()
	tool := requireTool(t, "pdftotext")
	p := writeTempPDF(t, name, data)
	out, err := exec.Command(tool, "-raw", "-enc", "UTF-8", p, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext %s: %v\n%s", name, err, out)
	}
	return strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(string(out))
}

// flat puts text on one line with single spaces, so that a phrase the layout wrapped is found.
func flat(text string) string {
	return strings.Join(strings.Fields(text), " ")
}

// pdfPages splits pdftotext's output into pages.
func pdfPages(text string) []string {
	pages := strings.Split(text, "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

// checkFontsEmbedded fails unless every font of the PDF is embedded (pdffonts' "emb" column),
// and returns the font names.
func checkFontsEmbedded(t testing.TB, name string, data []byte) []string {
	t.Helper()
	tool := requireTool(t, "pdffonts")
	p := writeTempPDF(t, name, data)
	out, err := exec.Command(tool, p).CombinedOutput()
	if err != nil {
		t.Fatalf("pdffonts %s: %v\n%s", name, err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts found no font in %s:\n%s", name, out)
	}
	// name  type  encoding  emb sub uni object ID: the columns are fixed-width, set by the
	// dashes of the second line.
	cols := strings.Fields(lines[1])
	embAt := 0
	for i := 0; i < 3; i++ {
		embAt += len(cols[i]) + 1
	}
	var names []string
	for _, l := range lines[2:] {
		if len(l) < embAt+3 {
			t.Fatalf("pdffonts line %q is shorter than expected", l)
		}
		names = append(names, strings.Fields(l)[0])
		if emb := strings.TrimSpace(l[embAt : embAt+3]); emb != "yes" {
			t.Errorf("font %s is not embedded (emb %q) in %s", strings.Fields(l)[0], emb, name)
		}
	}
	return names
}

// testLogoPNG draws a small transparent PNG logo: a blue disc on nothing.
func testLogoPNG(w, h int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	cx, cy, r := w/2, h/2, min(w, h)/2-2
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			if (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r {
				img.Set(x, y, color.NRGBA{22, 72, 122, 255})
			} else if x > w*2/3 {
				img.Set(x, y, color.NRGBA{30, 130, 96, 180})
			}
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// testLogoJPEG draws a wide JPEG logo: bands of colour.
func testLogoJPEG(w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(200 - 150*x/w), uint8(60 + 100*y/h), 90, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85}); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

var bboxPage = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
var bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)

// checkLayout fails when a word of the PDF lies outside the text area: beyond the side
// margins, or below the bottom margin other than in the footer's band. It catches text drawn
// off the page or over the footer.
func checkLayout(t testing.TB, name string, data []byte) {
	t.Helper()
	tool := requireTool(t, "pdftotext")
	p := writeTempPDF(t, name, data)
	out, err := exec.Command(tool, "-bbox", p, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext -bbox %s: %v\n%s", name, err, out)
	}
	const mm = 72 / 25.4
	const slack = 1.5 // points: glyphs' side bearings
	bad := 0
	for i, page := range strings.Split(string(out), "<page ")[1:] {
		m := bboxPage.FindStringSubmatch("<page " + page)
		if m == nil {
			t.Fatalf("%s: page %d has no size", name, i+1)
		}
		width, _ := strconv.ParseFloat(m[1], 64)
		height, _ := strconv.ParseFloat(m[2], 64)
		for _, w := range bboxWord.FindAllStringSubmatch(page, -1) {
			x0, _ := strconv.ParseFloat(w[1], 64)
			y0, _ := strconv.ParseFloat(w[2], 64)
			x1, _ := strconv.ParseFloat(w[3], 64)
			y1, _ := strconv.ParseFloat(w[4], 64)
			inFooter := y0 >= (footerY-3)*mm && y1 <= height-8*mm
			switch {
			case x0 < marginL*mm-slack || x1 > width-marginR*mm+slack:
			case y0 < 8*mm:
			case y1 > height-marginB*mm+slack && !inFooter:
			default:
				continue
			}
			if bad++; bad <= 10 {
				t.Errorf("%s: page %d: %q lies outside the text area (%.0f,%.0f)–(%.0f,%.0f)", name, i+1, w[5], x0, y0, x1, y1)
			}
		}
	}
}
