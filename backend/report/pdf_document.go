package report

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // logos may be JPEG
	"image/png"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	// The only import of the PDF library in the project: its API-identical continuation,
	// codeberg.org/go-pdf/fpdf, can replace it here.
	gofpdf "github.com/jung-kurt/gofpdf"
	"golang.org/x/image/draw"
)

// What every PDF document of the package shares: an A4 page with margins, the embedded fonts,
// the colours, page numbers in the footer, and helpers for headings, wrapped paragraphs,
// key-figure boxes, tables and images. Every text given to a helper goes through pdfSafe.

type rgb struct{ r, g, b int }

var (
	colInk     = rgb{33, 37, 41}
	colMuted   = rgb{100, 110, 120}
	colPrimary = rgb{22, 72, 122}   // headings, figures, bars
	colAccent  = rgb{30, 130, 96}   // what is done: ✓
	colLight   = rgb{235, 241, 248} // boxes
	colRule    = rgb{205, 213, 222}
	colZebra   = rgb{246, 248, 251}
	colWhite   = rgb{255, 255, 255}
)

const (
	pageW    = 210.0 // A4, in millimetres
	pageH    = 297.0
	marginL  = 20.0
	marginR  = 20.0
	marginT  = 20.0
	marginB  = 22.0 // the footer sits in it
	contentW = pageW - marginL - marginR
	footerY  = pageH - 13.0

	fontFamily = "DejaVu"
	ptToMM     = 25.4 / 72
)

// pdfMeta is what the document's properties say.
type pdfMeta struct {
	Title, Subject, Author string
	// Created is the document's creation date; the documents' content depends only on their
	// input, so a fixed date makes the same input give the same file.
	Created time.Time
}

// pdfDoc is one PDF being written.
type pdfDoc struct {
	pdf  *gofpdf.Fpdf
	lang docLang
	// footer is the text at the left of every numbered page's footer.
	footer string
	// numberFrom is the first page that shows "Page n of N" (2 when page 1 is a cover).
	numberFrom int
	// numberAlone leaves out page numbers when the document has a single page.
	numberAlone bool
	// decorate, when set, draws on every page once the document is complete (a frame).
	decorate func(page, pages int)
	images   int
	// finished is set while the footers are drawn: no more page breaks.
	finished bool
}

func newPDFDoc(lang docLang, meta pdfMeta) (*pdfDoc, error) {
	if err := loadFonts(); err != nil {
		return nil, err
	}
	pdf := gofpdf.NewCustom(&gofpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: "A4"})
	pdf.SetMargins(marginL, marginT, marginR)
	pdf.SetAutoPageBreak(true, marginB)
	pdf.SetCellMargin(0)
	pdf.AddUTF8FontFromBytes(fontFamily, "", dejaVuSans)
	pdf.AddUTF8FontFromBytes(fontFamily, "B", dejaVuSansBold)
	pdf.SetTitle(pdfSafe(meta.Title), true)
	pdf.SetSubject(pdfSafe(meta.Subject), true)
	pdf.SetAuthor(pdfSafe(meta.Author), true)
	pdf.SetCreator("Civisphère", true)
	pdf.SetProducer("Civisphère", true)
	created := meta.Created
	if created.IsZero() {
		created = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	pdf.SetCreationDate(created)
	pdf.SetModificationDate(created)
	pdf.SetCatalogSort(true)
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("report: starting the PDF: %w", err)
	}
	d := &pdfDoc{pdf: pdf, lang: lang, numberFrom: 1}
	d.setFont(false, 10)
	d.textColor(colInk)
	return d, nil
}

func (d *pdfDoc) setFont(bold bool, size float64) {
	if bold {
		d.pdf.SetFont(fontFamily, "B", size)
	} else {
		d.pdf.SetFont(fontFamily, "", size)
	}
}

func (d *pdfDoc) textColor(c rgb) { d.pdf.SetTextColor(c.r, c.g, c.b) }
func (d *pdfDoc) fillColor(c rgb) { d.pdf.SetFillColor(c.r, c.g, c.b) }
func (d *pdfDoc) drawColor(c rgb) { d.pdf.SetDrawColor(c.r, c.g, c.b) }

func (d *pdfDoc) addPage() {
	d.pdf.AddPage()
	d.pdf.SetXY(marginL, marginT)
}

func (d *pdfDoc) y() float64 { return d.pdf.GetY() }

// space moves down by h millimetres, or to the top of the next page when h does not fit.
func (d *pdfDoc) space(h float64) {
	if d.y()+h > pageH-marginB {
		d.addPage()
		return
	}
	d.pdf.SetY(d.y() + h)
}

// ensure starts a new page unless h millimetres fit below the current position; it reports
// whether it did.
func (d *pdfDoc) ensure(h float64) bool {
	if d.y()+h > pageH-marginB {
		d.addPage()
		return true
	}
	return false
}

// lineHeight is the height of a line of text of size points.
func lineHeight(size float64) float64 { return size * ptToMM * 1.35 }

// width measures text (already safe) in the current font.
func (d *pdfDoc) width(s string) float64 { return d.pdf.GetStringWidth(s) }

// wrap cuts text into lines no wider than w in the current font, at spaces (never at the
// no-break spaces that hold "1 234,5 h" together) and at line feeds. A word wider than a line
// is cut between letters. The text must be safe already.
func (d *pdfDoc) wrap(text string, w float64) []string {
	var lines []string
	spaceW := d.width(" ")
	for _, para := range strings.Split(text, "\n") {
		words := strings.Split(para, " ")
		line, lineW := "", 0.0
		for _, word := range words {
			if word == "" {
				continue
			}
			ww := d.width(word)
			if line != "" && lineW+spaceW+ww <= w {
				line += " " + word
				lineW += spaceW + ww
				continue
			}
			if line != "" {
				lines = append(lines, line)
			}
			for ww > w { // a word longer than the line: cut it
				cut := d.fitRunes(word, w)
				lines = append(lines, word[:cut])
				word = word[cut:]
				ww = d.width(word)
			}
			line, lineW = word, ww
		}
		lines = append(lines, line)
	}
	return lines
}

// fitRunes gives the length in bytes of the longest start of s no wider than w (at least one
// character).
func (d *pdfDoc) fitRunes(s string, w float64) int {
	end, total := 0, 0.0
	for i, r := range s {
		cw := d.width(string(r))
		if total+cw > w && i > 0 {
			return i
		}
		total += cw
		end = i + len(string(r))
	}
	return end
}

// ellipsize cuts text (already safe) with "…" so that it fits in w.
func (d *pdfDoc) ellipsize(s string, w float64) string {
	if d.width(s) <= w {
		return s
	}
	ell := "…"
	cut := d.fitRunes(s, w-d.width(ell))
	return strings.TrimRight(s[:cut], " ,;:-–") + ell
}

// textAt writes one line of text (cut with "…" when wider than w) at x, y (the top of the
// line), aligned "L", "C" or "R" within w.
func (d *pdfDoc) textAt(x, y, w float64, text, align string, bold bool, size float64, c rgb) {
	d.setFont(bold, size)
	d.textColor(c)
	s := d.ellipsize(pdfSafe(text), w)
	// Placed text is where the caller says, even in the bottom margin: no page break.
	d.pdf.SetAutoPageBreak(false, 0)
	d.pdf.SetXY(x, y)
	d.pdf.CellFormat(w, lineHeight(size), s, "", 0, align, false, 0, "")
	d.pdf.SetAutoPageBreak(!d.finished, marginB)
}

// paraStyle is how a block of text looks.
type paraStyle struct {
	size   float64
	bold   bool
	color  rgb
	align  string  // "L", "C" or "R"
	indent float64 // from the left margin
	width  float64 // 0: to the right margin
	lineH  float64 // 0: lineHeight(size)
}

func (st paraStyle) measure() (w, lh float64) {
	w = st.width
	if w == 0 {
		w = contentW - st.indent
	}
	lh = st.lineH
	if lh == 0 {
		lh = lineHeight(st.size)
	}
	return w, lh
}

// paragraphLines wraps text as st would lay it out.
func (d *pdfDoc) paragraphLines(text string, st paraStyle) []string {
	w, _ := st.measure()
	d.setFont(st.bold, st.size)
	return d.wrap(pdfSafe(strings.TrimSpace(text)), w)
}

// paragraphHeight is the height text takes in style st.
func (d *pdfDoc) paragraphHeight(text string, st paraStyle) float64 {
	_, lh := st.measure()
	return float64(len(d.paragraphLines(text, st))) * lh
}

// paragraph writes text wrapped in style st from the current position, going on to the next
// page when it must.
func (d *pdfDoc) paragraph(text string, st paraStyle) {
	w, lh := st.measure()
	lines := d.paragraphLines(text, st)
	d.textColor(st.color)
	align := st.align
	if align == "" {
		align = "L"
	}
	for _, line := range lines {
		d.ensure(lh)
		d.setFont(st.bold, st.size)
		d.textColor(st.color)
		d.pdf.SetXY(marginL+st.indent, d.y())
		d.pdf.CellFormat(w, lh, line, "", 0, align, false, 0, "")
		d.pdf.SetXY(marginL, d.y()+lh)
	}
}

// heading writes a section title: level 1 large with a rule below, level 2 smaller. It keeps
// keep millimetres below it on the same page, so that a title never ends a page alone.
func (d *pdfDoc) heading(text string, level int, keep float64) {
	size, gapBefore, gapAfter := 17.0, 0.0, 4.0
	if level > 1 {
		size, gapBefore, gapAfter = 12.5, 5.0, 2.0
	}
	st := paraStyle{size: size, bold: true, color: colPrimary}
	h := d.paragraphHeight(text, st)
	if d.y() > marginT+1 {
		d.space(gapBefore)
	}
	d.ensure(h + gapAfter + keep)
	d.paragraph(text, st)
	if level == 1 {
		d.drawColor(colPrimary)
		d.pdf.SetLineWidth(0.6)
		d.pdf.Line(marginL, d.y()+1, marginL+28, d.y()+1)
		d.pdf.SetY(d.y() + 2)
	}
	d.pdf.SetY(d.y() + gapAfter)
}

// keyFigure is a big number with a caption: "1 234,5 h" / "de bénévolat".
type keyFigure struct {
	value, label string
}

// keyFigures draws figures as boxes side by side, cols to a row, each boxH high.
func (d *pdfDoc) keyFigures(figs []keyFigure, cols int, boxH, valueSize float64) {
	const gap = 4.0
	boxW := (contentW - gap*float64(cols-1)) / float64(cols)
	for start := 0; start < len(figs); start += cols {
		row := figs[start:min(start+cols, len(figs))]
		d.ensure(boxH)
		y := d.y()
		// A short last row is centred.
		x := marginL + (contentW-(float64(len(row))*boxW+gap*float64(len(row)-1)))/2
		for _, f := range row {
			d.fillColor(colLight)
			d.pdf.RoundedRect(x, y, boxW, boxH, 2.5, "1234", "F")
			d.fillColor(colPrimary)
			d.pdf.Rect(x, y+3, 1.2, boxH-6, "F")
			// The value as large as fits.
			value := pdfSafe(f.value)
			size := valueSize
			d.setFont(true, size)
			for size > 9 && d.width(value) > boxW-8 {
				size -= 0.5
				d.setFont(true, size)
			}
			d.textAt(x+4, y+boxH*0.18, boxW-8, f.value, "C", true, size, colPrimary)
			label := paraStyle{size: 8.5, color: colMuted, align: "C", width: boxW - 8}
			lines := d.paragraphLines(f.label, label)
			if len(lines) > 2 {
				lines = lines[:2]
				lines[1] = d.ellipsize(lines[1]+" …", boxW-8)
			}
			ly := y + boxH*0.18 + lineHeight(size) + 1
			for _, l := range lines {
				d.setFont(false, 8.5)
				d.textColor(colMuted)
				d.pdf.SetXY(x+4, ly)
				d.pdf.CellFormat(boxW-8, lineHeight(8.5), l, "", 0, "C", false, 0, "")
				ly += lineHeight(8.5)
			}
			x += boxW + gap
		}
		d.pdf.SetXY(marginL, y+boxH+gap)
	}
}

// tableColumn is one column of a table: its title, its share of the width and its alignment.
type tableColumn struct {
	title string
	width float64 // in millimetres
	align string  // "L", "C", "R"
}

// tableStyle is the look of a table's body.
type tableStyle struct {
	size     float64
	maxLines int // per cell; more is cut with "…"
	// lastBold makes the last row a total: bold, over a rule.
	lastBold bool
}

// tablePad is the space around the text of a table's cell.
const tablePad = 1.6

// tableLayout is a table with its cells wrapped and its rows measured.
type tableLayout struct {
	cols    []tableColumn
	st      tableStyle
	lh, pad float64
	header  [][]string
	headerH float64
	cells   [][][]string // row, column, line
	heights []float64
}

func (d *pdfDoc) layoutTable(cols []tableColumn, rows [][]string, st tableStyle) tableLayout {
	if st.size == 0 {
		st.size = 9
	}
	if st.maxLines == 0 {
		st.maxLines = 4
	}
	t := tableLayout{cols: cols, st: st, lh: lineHeight(st.size), pad: tablePad}
	wrapRow := func(row []string, bold bool) ([][]string, float64) {
		d.setFont(bold, st.size)
		cells := make([][]string, len(cols))
		lines := 1
		for i, c := range cols {
			text := ""
			if i < len(row) {
				text = row[i]
			}
			cells[i] = d.wrap(pdfSafe(text), c.width-2*t.pad)
			if len(cells[i]) > st.maxLines {
				cells[i] = cells[i][:st.maxLines]
				cells[i][st.maxLines-1] = d.ellipsize(cells[i][st.maxLines-1]+" …", c.width-2*t.pad)
			}
			lines = max(lines, len(cells[i]))
		}
		return cells, float64(lines)*t.lh + 2*t.pad
	}
	titles := make([]string, len(cols))
	for i, c := range cols {
		titles[i] = c.title
	}
	t.header, t.headerH = wrapRow(titles, true)
	for r, row := range rows {
		cells, h := wrapRow(row, st.lastBold && r == len(rows)-1)
		t.cells = append(t.cells, cells)
		t.heights = append(t.heights, h)
	}
	return t
}

// height is the height of the whole table on one page.
func (t tableLayout) height() float64 {
	h := t.headerH
	for _, rh := range t.heights {
		h += rh
	}
	return h
}

// tableHeight is the height cols and rows take as one block.
func (d *pdfDoc) tableHeight(cols []tableColumn, rows [][]string, st tableStyle) float64 {
	return d.layoutTable(cols, rows, st).height()
}

// table draws rows under a header row in the primary colour, with light stripes. Cells wrap;
// a row never splits across pages, the header is drawn again on a new page, and a total row
// never starts a page alone.
func (d *pdfDoc) table(cols []tableColumn, rows [][]string, st tableStyle) {
	t := d.layoutTable(cols, rows, st)
	width := tableWidth(cols)
	drawCells := func(y float64, cells [][]string, bold bool, c rgb) {
		x := marginL
		for i, col := range cols {
			for j, line := range cells[i] {
				d.setFont(bold, t.st.size)
				d.textColor(c)
				d.pdf.SetXY(x+t.pad, y+t.pad+float64(j)*t.lh)
				d.pdf.CellFormat(col.width-2*t.pad, t.lh, line, "", 0, col.align, false, 0, "")
			}
			x += col.width
		}
	}
	header := func() {
		y := d.y()
		d.fillColor(colPrimary)
		d.pdf.Rect(marginL, y, width, t.headerH, "F")
		drawCells(y, t.header, true, colWhite)
		d.pdf.SetXY(marginL, y+t.headerH)
	}
	// The header with at least the first row (and the total when it follows).
	first := 0.0
	if len(t.heights) > 0 {
		first = t.heights[0]
		if t.st.lastBold && len(t.heights) == 2 {
			first += t.heights[1]
		}
	}
	d.ensure(t.headerH + first)
	header()
	for r, cells := range t.cells {
		bold := t.st.lastBold && r == len(t.cells)-1
		need := t.heights[r]
		if t.st.lastBold && r == len(t.cells)-2 {
			need += t.heights[r+1] // the last row before the total keeps it company
		}
		if d.y()+need > pageH-marginB {
			d.addPage()
			header()
		}
		y, h := d.y(), t.heights[r]
		if bold {
			d.drawColor(colPrimary)
			d.pdf.SetLineWidth(0.4)
			d.pdf.Line(marginL, y, marginL+width, y)
		} else if r%2 == 1 {
			d.fillColor(colZebra)
			d.pdf.Rect(marginL, y, width, h, "F")
		}
		drawCells(y, cells, bold, colInk)
		d.drawColor(colRule)
		d.pdf.SetLineWidth(0.2)
		d.pdf.Line(marginL, y+h, marginL+width, y+h)
		d.pdf.SetXY(marginL, y+h)
	}
}

// naturalWidth is the width a table column needs to hold each of texts on one line (bold, as
// a header or a total may be), capped at a third of the page.
func (d *pdfDoc) naturalWidth(size float64, texts []string) float64 {
	d.setFont(true, size)
	w := 0.0
	for _, t := range texts {
		w = math.Max(w, d.width(pdfSafe(t)))
	}
	return math.Min(w+2*tablePad+0.5, contentW/3)
}

func tableWidth(cols []tableColumn) float64 {
	w := 0.0
	for _, c := range cols {
		w += c.width
	}
	return w
}

// image places a PNG at x, y, w millimetres wide (the height follows the image's proportions)
// and returns the height it took.
func (d *pdfDoc) image(pngData []byte, x, y, w float64) float64 {
	d.images++
	name := "img" + strconv.Itoa(d.images)
	info := d.pdf.RegisterImageOptionsReader(name, gofpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(pngData))
	if info == nil || d.pdf.Err() {
		return 0
	}
	h := w * info.Height() / info.Width()
	d.pdf.ImageOptions(name, x, y, w, h, false, gofpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	return h
}

// logo is a picture ready for the PDF, or nothing.
type logo struct {
	png  []byte
	w, h int // in pixels
}

// maxLogoPixels refuses pictures whose decoded size would take hundreds of megabytes.
const maxLogoPixels = 40_000_000

// prepareLogo reads a PNG or JPEG picture and gives it back as an 8-bit PNG at most 800 pixels
// on its longest side. gofpdf reads neither 16-bit nor interlaced PNGs, and a photo straight
// from a camera would make every report weigh megabytes; redrawing the picture settles both.
// A picture that cannot be read gives no logo rather than no report.
func prepareLogo(data []byte) logo {
	if len(data) == 0 {
		return logo{}
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > maxLogoPixels {
		return logo{}
	}
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return logo{}
	}
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	const maxSide = 800
	if w > maxSide || h > maxSide {
		scale := float64(maxSide) / float64(max(w, h))
		w, h = max(1, int(math.Round(float64(w)*scale))), max(1, int(math.Round(float64(h)*scale)))
	}
	dst := image.NewNRGBA(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, b, draw.Src, nil)
	if opaque(dst) {
		// No transparency: a plain RGB picture, which PDF viewers draw faster.
		rgbImg := image.NewRGBA(dst.Bounds())
		draw.Draw(rgbImg, rgbImg.Bounds(), dst, image.Point{}, draw.Src)
		return encodeLogo(rgbImg, w, h)
	}
	return encodeLogo(dst, w, h)
}

func opaque(img *image.NRGBA) bool {
	for i := 3; i < len(img.Pix); i += 4 {
		if img.Pix[i] != 0xff {
			return false
		}
	}
	return true
}

func encodeLogo(img image.Image, w, h int) logo {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return logo{}
	}
	return logo{png: buf.Bytes(), w: w, h: h}
}

// drawLogo fits a logo in a box of maxW × maxH millimetres at x, y, aligned "L", "C" or "R",
// and returns the height it took.
func (d *pdfDoc) drawLogo(l logo, x, y, maxW, maxH float64, align string) float64 {
	if l.png == nil {
		return 0
	}
	w := maxW
	h := w * float64(l.h) / float64(l.w)
	if h > maxH {
		h = maxH
		w = h * float64(l.w) / float64(l.h)
	}
	switch align {
	case "C":
		x += (maxW - w) / 2
	case "R":
		x += maxW - w
	}
	return d.image(l.png, x, y, w)
}

// finish writes the footers (page numbers from numberFrom on, the footer text at the left)
// and any page decoration, then the document to w. It returns the document's first error.
func (d *pdfDoc) finish(w io.Writer) error {
	pdf := d.pdf
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("report: writing the PDF: %w", err)
	}
	pages := pdf.PageCount()
	d.finished = true
	pdf.SetAutoPageBreak(false, 0)
	for p := 1; p <= pages; p++ {
		pdf.SetPage(p)
		if d.decorate != nil {
			d.decorate(p, pages)
		}
		if p < d.numberFrom || (pages == 1 && !d.numberAlone) {
			continue
		}
		d.drawColor(colRule)
		pdf.SetLineWidth(0.2)
		pdf.Line(marginL, footerY-2, pageW-marginR, footerY-2)
		number := d.lang.word("page_of", "page", strconv.Itoa(p), "total", strconv.Itoa(pages))
		d.setFont(false, 8)
		numberW := d.width(number) + 2
		d.textAt(pageW-marginR-numberW, footerY, numberW, number, "R", false, 8, colMuted)
		if d.footer != "" {
			d.textAt(marginL, footerY, contentW-numberW-6, d.footer, "L", false, 8, colMuted)
		}
	}
	pdf.SetPage(pages)
	if err := pdf.Output(w); err != nil {
		return fmt.Errorf("report: writing the PDF: %w", err)
	}
	return nil
}
