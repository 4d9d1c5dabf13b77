package report

import (
	"archive/zip"
	"compress/flate"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// newWorkbook is an empty workbook for the package's streamed exports; writeWorkbook saves it.
func newWorkbook() *excelize.File { return excelize.NewFile() }

// workbookCompression is deflate's fastest level instead of the default. A million-row export
// spends about half its time compressing at the default level; the fastest level takes a fraction
// of that for a file about a third larger (75 MB instead of 55 for a million hour entries), which
// matters little once the file is streamed (see writeWorkbook).
const workbookCompression = flate.BestSpeed

// writeWorkbook writes the workbook's zip archive straight to w. excelize would build the whole
// file in a bytes.Buffer first (tens of megabytes for a million rows, twice that while the
// buffer grows) and then copy it out; handing it a zip writer on w instead keeps the memory of an
// export flat. What excelize then writes to its own buffer is nothing, and is discarded. (Its only
// use of that buffer, marking entries over 4 GiB as ZIP64 in their local headers, never applies:
// a sheet holds at most 1,048,576 rows, far below 4 GiB of XML.)
func writeWorkbook(f *excelize.File, w io.Writer) error {
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		zw := zip.NewWriter(w)
		zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
			return flate.NewWriter(out, workbookCompression)
		})
		return zw
	})
	return f.Write(io.Discard)
}

// maxDataRowsPerSheet is the number of data rows one sheet holds: Excel's 1,048,576 rows minus
// the header. A variable so that tests can check the rollover without a million rows.
var maxDataRowsPerSheet = excelize.TotalRows - 1

// neutralizeFormula keeps a text cell from being read as a formula by a spreadsheet: text that
// starts with "=", "+", "-", "@", a tab or a carriage return gets a leading single quote, as
// OWASP recommends for CSV files. A French phone number in international form therefore reads
// "'+33 6 12 34 56 78", which stays readable.
func neutralizeFormula(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// cleanSheetName makes name acceptable to Excel: no : \ / ? * [ ], no leading or trailing
// apostrophe, at most 31 characters.
func cleanSheetName(name string) string {
	name = strings.Map(func(r rune) rune {
		switch r {
		case ':', '\\', '/', '?', '*', '[', ']':
			return '-'
		}
		if r < 0x20 {
			return ' '
		}
		return r
	}, name)
	name = strings.Trim(strings.TrimSpace(name), "'")
	return strings.TrimSpace(cutUTF16(name, excelize.MaxSheetNameLength))
}

// cutUTF16 cuts s to at most n UTF-16 code units (Excel counts sheet name length in those),
// without splitting a character.
func cutUTF16(s string, n int) string {
	units := 0
	for i, r := range s {
		units += utf16.RuneLen(r)
		if units > n {
			return s[:i]
		}
	}
	return s
}

// sheetNameN names the n-th sheet: "Bénévoles", "Bénévoles (2)", "Bénévoles (3)"…
func sheetNameN(base string, n int) string {
	if n <= 1 {
		return base
	}
	suffix := " (" + strconv.Itoa(n) + ")"
	return strings.TrimSpace(cutUTF16(base, excelize.MaxSheetNameLength-len(suffix))) + suffix
}

// sheetNameOr cleans name, or gives fallback when nothing is left of it.
func sheetNameOr(name, fallback string) string {
	if n := cleanSheetName(name); n != "" {
		return n
	}
	return fallback
}

// headerStyle is the look of every header row: bold on light blue, a grey rule below.
func headerStyle() *excelize.Style {
	return &excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE6F1"}},
		Border:    []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}},
		Alignment: &excelize.Alignment{Vertical: "center"},
	}
}

// sheetColumn is one column of a streamed sheet: its title, its width in Excel's character
// widths and the style ID its cells take when a row gives no style of its own.
type sheetColumn struct {
	title string
	width float64
	style int
	// fixed keeps the width even when the title is wider (the header then wraps).
	fixed bool
}

// prepareStreamSheet sets what a stream writer needs before its first row (column widths and
// styles, the frozen header pane) and writes the header row, height points high (0: 20), in
// the header style.
func prepareStreamSheet(sw *excelize.StreamWriter, cols []sheetColumn, header int, height float64) error {
	for i, c := range cols {
		width := c.width
		// Room for the title and the autofilter's drop-down button.
		if w := float64(len([]rune(c.title)) + 4); w > width && !c.fixed {
			width = min(w, 60)
		}
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return fmt.Errorf("report: setting column width: %w", err)
		}
		if c.style != 0 {
			if err := sw.SetColStyle(i+1, i+1, c.style); err != nil {
				return fmt.Errorf("report: setting column style: %w", err)
			}
		}
	}
	if err := sw.SetPanes(&excelize.Panes{
		Freeze:      true,
		YSplit:      1,
		TopLeftCell: "A2",
		ActivePane:  "bottomLeft",
		Selection:   []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}); err != nil {
		return fmt.Errorf("report: freezing the header: %w", err)
	}
	row := make([]any, len(cols))
	for i, c := range cols {
		row[i] = excelize.Cell{StyleID: header, Value: c.title}
	}
	if height == 0 {
		height = 20
	}
	if err := sw.SetRow("A1", row, excelize.RowOpts{Height: height}); err != nil {
		return fmt.Errorf("report: writing the header: %w", err)
	}
	return nil
}

// addAutoFilter puts the autofilter on the header row of a sheet of columns columns and
// dataRows rows below the header.
func addAutoFilter(f *excelize.File, sheet string, columns, dataRows int) error {
	lastCol, err := excelize.ColumnNumberToName(columns)
	if err != nil {
		return fmt.Errorf("report: adding the autofilter: %w", err)
	}
	if err := f.AutoFilter(sheet, "A1:"+lastCol+strconv.Itoa(dataRows+1), nil); err != nil {
		return fmt.Errorf("report: adding the autofilter: %w", err)
	}
	return nil
}

// addSheet makes the n-th sheet of a workbook: the first renames the sheet excelize starts
// with, the others are new.
func addSheet(f *excelize.File, name string, n int) error {
	if n == 1 {
		if err := f.SetSheetName(f.GetSheetName(0), name); err != nil {
			return fmt.Errorf("report: naming sheet %q: %w", name, err)
		}
		return nil
	}
	if _, err := f.NewSheet(name); err != nil {
		return fmt.Errorf("report: adding sheet %q: %w", name, err)
	}
	return nil
}

// sheetStream writes data rows under a header across as many sheets as they need: past
// maxDataRowsPerSheet rows it closes the sheet (autofilter, flush) and opens "<base> (2)" with
// the same header.
type sheetStream struct {
	f      *excelize.File
	base   string
	cols   []sheetColumn
	header int // style ID of the header row
	// headerHeight is the header row's height in points (0: 20).
	headerHeight float64

	sw    *excelize.StreamWriter
	sheet string
	rows  int      // data rows on the current sheet
	names []string // the sheets opened so far
}

func (s *sheetStream) start() error {
	n := len(s.names) + 1
	s.sheet = sheetNameN(s.base, n)
	if err := addSheet(s.f, s.sheet, n); err != nil {
		return err
	}
	sw, err := s.f.NewStreamWriter(s.sheet)
	if err != nil {
		return fmt.Errorf("report: opening sheet %q: %w", s.sheet, err)
	}
	s.sw, s.rows = sw, 0
	s.names = append(s.names, s.sheet)
	return prepareStreamSheet(sw, s.cols, s.header, s.headerHeight)
}

// add writes one data row, starting a sheet first when needed.
func (s *sheetStream) add(values []any) error {
	if s.sw == nil || s.rows == maxDataRowsPerSheet {
		if err := s.finish(); err != nil {
			return err
		}
		if err := s.start(); err != nil {
			return err
		}
	}
	s.rows++
	cell, _ := excelize.CoordinatesToCellName(1, s.rows+1)
	if err := s.sw.SetRow(cell, values); err != nil {
		return fmt.Errorf("report: writing row %d of sheet %q: %w", s.rows+1, s.sheet, err)
	}
	return nil
}

// finish closes the current sheet, if any: autofilter over its rows, then flush.
func (s *sheetStream) finish() error {
	if s.sw == nil {
		return nil
	}
	if err := addAutoFilter(s.f, s.sheet, len(s.cols), s.rows); err != nil {
		return err
	}
	if err := s.sw.Flush(); err != nil {
		return fmt.Errorf("report: writing sheet %q: %w", s.sheet, err)
	}
	s.sw = nil
	return nil
}

// uniqueSheetName gives name, or name (2), name (3)… when a sheet of that name (in any case,
// as Excel compares them) exists already.
func uniqueSheetName(name string, taken []string) string {
	for n := 1; ; n++ {
		candidate := sheetNameN(name, n)
		clash := false
		for _, t := range taken {
			if strings.EqualFold(t, candidate) {
				clash = true
				break
			}
		}
		if !clash {
			return candidate
		}
	}
}

// newStyle registers a style and wraps the error.
func newStyle(f *excelize.File, st *excelize.Style) (int, error) {
	id, err := f.NewStyle(st)
	if err != nil {
		return 0, fmt.Errorf("report: creating a cell style: %w", err)
	}
	return id, nil
}
