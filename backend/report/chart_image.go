package report

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Charts are drawn as PNG pictures with the standard image packages and the embedded DejaVu,
// then placed in the PDF. A picture is chartPxPerMM pixels per printed millimetre (about
// 200 dpi, twice a screen's density), so it stays crisp on paper.

const chartPxPerMM = 8

// hBarRowMM is the height of a row of a horizontal bar chart, and minBarRowMM the least it
// may be squeezed to so that the chart fits the rest of a page.
const (
	hBarRowMM   = 6.2
	minBarRowMM = 4.8
)

// rowHeightMM is the height of a row of a horizontal chart.
func (c barChart) rowHeightMM() float64 {
	if c.rowMM > 0 {
		return c.rowMM
	}
	return hBarRowMM
}

// horizontalHeightMM is the printed height of a horizontal chart: a row per bar.
func (c barChart) horizontalHeightMM() float64 { return c.rowHeightMM()*float64(len(c.bars)) + 2 }

// chartBar is one bar: its label (under a vertical bar, left of a horizontal one), an optional
// second line under a vertical bar (the year under January), its value and the text written
// at its end (empty: none).
type chartBar struct {
	label, sub string
	value      float64
	valueLabel string
}

// barChart describes a chart to draw.
type barChart struct {
	bars []chartBar
	// horizontal bars (one row per bar, labels on the left) or vertical ones (a time series).
	horizontal bool
	// widthMM is the printed width; heightMM the printed height of a vertical chart (a
	// horizontal one grows with its rows).
	widthMM, heightMM float64
	// tick writes the value axis' labels of a vertical chart.
	tick func(v float64) string
	// rowMM is the height of a horizontal chart's rows (0: hBarRowMM).
	rowMM float64
}

var (
	chartInk   = color.RGBA{33, 37, 41, 255}
	chartMuted = color.RGBA{100, 110, 120, 255}
	chartGrid  = color.RGBA{225, 230, 236, 255}
	chartAxis  = color.RGBA{160, 170, 180, 255}
	chartBarC  = color.RGBA{uint8(colPrimary.r), uint8(colPrimary.g), uint8(colPrimary.b), 255}
)

// chartHasData tells whether bars would draw anything: some bar above zero.
func chartHasData(bars []chartBar) bool {
	for _, b := range bars {
		if b.value > 0 {
			return true
		}
	}
	return false
}

// renderBarChart draws c as a PNG. It returns nil when there is nothing to draw (no bar above
// zero): the document then writes a sentence instead.
func renderBarChart(c barChart) ([]byte, error) {
	if !chartHasData(c.bars) {
		return nil, nil
	}
	if err := loadFonts(); err != nil {
		return nil, err
	}
	faces := newChartFaces()
	defer faces.close()
	var img *image.RGBA
	if c.horizontal {
		img = drawHorizontalBars(c, faces)
	} else {
		img = drawVerticalBars(c, faces)
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("report: encoding a chart: %w", err)
	}
	return buf.Bytes(), nil
}

// chartFaces are the text faces of one chart (a face is not safe for concurrent use).
type chartFaces struct {
	label, value, small font.Face
}

func newChartFaces() chartFaces {
	face := func(f *opentype.Font, pt float64) font.Face {
		// At 72 dpi a face's size in points is its size in pixels.
		fc, err := opentype.NewFace(f, &opentype.FaceOptions{Size: pt * ptToMM * chartPxPerMM, DPI: 72, Hinting: font.HintingNone})
		if err != nil {
			// Only an invalid size fails, and the sizes are constants.
			panic(fmt.Sprintf("report: chart font: %v", err))
		}
		return fc
	}
	return chartFaces{
		label: face(parsedFonts.regular, 8),
		value: face(parsedFonts.bold, 7),
		small: face(parsedFonts.regular, 7),
	}
}

func (f chartFaces) close() {
	f.label.Close()
	f.value.Close()
	f.small.Close()
}

func px(mm float64) int { return int(math.Round(mm * chartPxPerMM)) }

func newChartImage(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	return img
}

func fillRect(img *image.RGBA, r image.Rectangle, c color.Color) {
	draw.Draw(img, r.Intersect(img.Bounds()), image.NewUniform(c), image.Point{}, draw.Over)
}

func textWidth(face font.Face, s string) int { return font.MeasureString(face, s).Ceil() }

// cutText cuts s with "…" so that it is at most w pixels wide in face.
func cutText(face font.Face, s string, w int) string {
	if textWidth(face, s) <= w {
		return s
	}
	runes := []rune(s)
	for len(runes) > 0 {
		runes = runes[:len(runes)-1]
		t := string(runes) + "…"
		if textWidth(face, t) <= w {
			return t
		}
	}
	return "…"
}

// drawText writes s with its left end at x and its baseline at y.
func drawText(img *image.RGBA, face font.Face, c color.Color, x, y int, s string) {
	d := font.Drawer{Dst: img, Src: image.NewUniform(c), Face: face, Dot: fixed.P(x, y)}
	d.DrawString(s)
}

// ascent is the height of capitals above the baseline, for centring text vertically.
func ascent(face font.Face) int { return face.Metrics().CapHeight.Ceil() }

// niceTicks gives a step of 1, 2 or 5 times a power of ten that cuts [0, max] in about four,
// and the top of the axis.
func niceTicks(max float64) (step, top float64) {
	raw := max / 4
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	switch f := raw / mag; {
	case f <= 1:
		step = mag
	case f <= 2:
		step = 2 * mag
	case f <= 5:
		step = 5 * mag
	default:
		step = 10 * mag
	}
	if step < 1 {
		step = 1 // whole hours on the axis
	}
	top = math.Ceil(max/step) * step
	return step, top
}

func drawVerticalBars(c barChart, faces chartFaces) *image.RGBA {
	W, H := px(c.widthMM), px(c.heightMM)
	img := newChartImage(W, H)
	maxV := 0.0
	for _, b := range c.bars {
		maxV = math.Max(maxV, b.value)
	}
	step, top := niceTicks(maxV)
	tick := c.tick
	if tick == nil {
		tick = func(v float64) string { return fmt.Sprint(v) }
	}
	// The value axis' labels decide the left margin.
	axisW := 0
	for v := 0.0; v <= top+step/2; v += step {
		axisW = max(axisW, textWidth(faces.small, pdfSafe(tick(v))))
	}
	left := axisW + px(2)
	right := W - px(1)
	topY := px(4) // room for the value over the highest bar
	lineH := faces.label.Metrics().Height.Ceil()
	bottom := H - 2*lineH - px(1.5)
	plotH := bottom - topY

	// Grid lines and their labels.
	for v := 0.0; v <= top+step/2; v += step {
		y := bottom - int(math.Round(v/top*float64(plotH)))
		col := chartGrid
		if v == 0 {
			col = chartAxis
		}
		fillRect(img, image.Rect(left, y, right, y+max(1, px(0.2))), col)
		label := pdfSafe(tick(v))
		drawText(img, faces.small, chartMuted, left-px(1.5)-textWidth(faces.small, label), y+ascent(faces.small)/2, label)
	}

	n := len(c.bars)
	slot := float64(right-left) / float64(n)
	barW := int(math.Max(1, math.Round(slot*0.64)))
	// Show every k-th label when they would run into one another.
	widest := 0
	for _, b := range c.bars {
		widest = max(widest, textWidth(faces.label, pdfSafe(b.label)))
	}
	every := labelStep(slot, widest+px(1.5), n)
	showValues := n <= 12
	for i, b := range c.bars {
		cx := left + int(math.Round(slot*(float64(i)+0.5)))
		h := 0
		if b.value > 0 {
			h = max(1, int(math.Round(b.value/top*float64(plotH))))
		}
		fillRect(img, image.Rect(cx-barW/2, bottom-h, cx-barW/2+barW, bottom), chartBarC)
		if showValues && b.valueLabel != "" && b.value > 0 {
			v := cutText(faces.value, pdfSafe(b.valueLabel), int(slot))
			drawText(img, faces.value, chartInk, cx-textWidth(faces.value, v)/2, bottom-h-px(1), v)
		}
		if i%every == 0 || b.sub != "" {
			l := cutText(faces.label, pdfSafe(b.label), int(slot*float64(every)))
			drawText(img, faces.label, chartInk, cx-textWidth(faces.label, l)/2, bottom+px(1)+lineH*3/4, l)
		}
		if b.sub != "" {
			s := pdfSafe(b.sub)
			drawText(img, faces.small, chartMuted, cx-textWidth(faces.small, s)/2, bottom+px(1)+lineH*7/4, s)
		}
	}
	return img
}

// labelStep is k when only every k-th of n labels, each up to need pixels wide, fits in
// slots of slot pixels.
func labelStep(slot float64, need, n int) int {
	every := 1
	for float64(every)*slot < float64(need) && every < n {
		every++
	}
	return every
}

func drawHorizontalBars(c barChart, faces chartFaces) *image.RGBA {
	W := px(c.widthMM)
	H := px(c.horizontalHeightMM())
	img := newChartImage(W, H)
	maxV := 0.0
	labelW, valueW := 0, 0
	for _, b := range c.bars {
		maxV = math.Max(maxV, b.value)
		labelW = max(labelW, textWidth(faces.label, pdfSafe(b.label)))
		valueW = max(valueW, textWidth(faces.value, pdfSafe(b.valueLabel)))
	}
	// Labels take what they need, up to 38 % of the width; longer ones are cut with "…".
	labelW = min(labelW, W*38/100)
	valueW = min(valueW, W*30/100)
	barLeft := labelW + px(3)
	barMax := W - barLeft - valueW - px(3)
	rowH := px(c.rowHeightMM())
	barH := rowH * 62 / 100
	for i, b := range c.bars {
		y0 := px(1) + i*rowH
		mid := y0 + rowH/2
		l := cutText(faces.label, pdfSafe(b.label), labelW)
		drawText(img, faces.label, chartInk, labelW-textWidth(faces.label, l), mid+ascent(faces.label)/2, l)
		w := 0
		if b.value > 0 {
			w = max(1, int(math.Round(b.value/maxV*float64(barMax))))
		}
		fillRect(img, image.Rect(barLeft, mid-barH/2, barLeft+w, mid-barH/2+barH), chartBarC)
		if b.valueLabel != "" {
			v := cutText(faces.value, pdfSafe(b.valueLabel), valueW)
			drawText(img, faces.value, chartInk, barLeft+w+px(1.5), mid+ascent(faces.value)/2, v)
		}
	}
	// The axis the bars start from.
	fillRect(img, image.Rect(barLeft-max(1, px(0.2)), 0, barLeft, H), chartAxis)
	return img
}
