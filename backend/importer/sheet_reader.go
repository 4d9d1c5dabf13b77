package importer

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

const (
	// headerSearchRows is how many non-blank rows are looked at to find the header: room for a
	// title, a date line, a note or two above the table.
	headerSearchRows = 20
	// maxColumns caps the width of a row; cells beyond it are not read. A volunteer list has a
	// few dozen columns at most, while a crafted file may claim 16 384.
	maxColumns = 1024
	// maxCellBytes caps the text kept from one cell (Excel itself stops at 32 767 characters). A
	// longer cell is cut, and the field it feeds is then refused as too long.
	maxCellBytes = 128 << 10
	// checkEvery is how often (in rows) long loops look at the context and report progress.
	checkEvery = 1000
)

// Read reads a volunteer list: it detects the format from the bytes (a zip archive is an XLSX or
// an ODS workbook, anything else must be CSV text), enforces the limits, picks the sheet, and
// finds the header row. name is the original file name, used only in messages; ctx cancels a
// long read.
func Read(ctx context.Context, r io.Reader, name string, limits Limits) (*Sheet, error) {
	limits = limits.withDefaults()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if r == nil {
		return nil, fmt.Errorf("%w: no file", ErrEmptyFile)
	}
	data, err := io.ReadAll(io.LimitReader(r, limits.MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", displayName(name), err)
	}
	if int64(len(data)) > limits.MaxFileBytes {
		return nil, fmt.Errorf("%w: %s is larger than %s", ErrTooLarge, displayName(name), formatBytes(limits.MaxFileBytes))
	}
	return readBytes(ctx, data, name, limits)
}

func readBytes(ctx context.Context, data []byte, name string, limits Limits) (*Sheet, error) {
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, utf8BOM))) == 0 {
		return nil, fmt.Errorf("%w: %s holds no data", ErrEmptyFile, displayName(name))
	}
	switch kind := sniff(data); kind {
	case kindZip:
		return readZip(ctx, data, name, limits)
	case kindText:
		return readCSV(ctx, data, limits)
	default:
		return nil, fmt.Errorf("%w: %s is %s, not a CSV, XLSX or ODS spreadsheet", ErrUnsupportedFormat, displayName(name), kind)
	}
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// fileKind is what the first bytes of a file say it is; the values are written in messages.
type fileKind string

const (
	kindZip  fileKind = "zip"
	kindText fileKind = "text"
)

// signatures of the files people pick by mistake instead of their spreadsheet.
var signatures = []struct {
	magic string
	kind  fileKind
}{
	{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "an Excel 97-2003 (.xls) or password-protected workbook; save it as .xlsx"},
	{"%PDF-", "a PDF document"},
	{"\x89PNG\r\n\x1A\n", "a PNG image"},
	{"\xFF\xD8\xFF", "a JPEG image"},
	{"GIF87a", "a GIF image"},
	{"GIF89a", "a GIF image"},
	{"RIFF", "a media file"},
	{"Rar!\x1A\x07", "a RAR archive"},
	{"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"},
	{"\x1F\x8B", "a gzip archive"},
	{"{\\rtf", "an RTF document"},
}

// sniff tells a zip archive from text from anything else.
func sniff(data []byte) fileKind {
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06")) {
		return kindZip
	}
	for _, s := range signatures {
		if bytes.HasPrefix(data, []byte(s.magic)) {
			return s.kind
		}
	}
	if bytes.HasPrefix(data, utf16LEBOM) || bytes.HasPrefix(data, utf16BEBOM) {
		return kindText
	}
	head := bytes.TrimLeft(bytes.TrimPrefix(data, utf8BOM), " \t\r\n")
	if len(head) > 0 && head[0] == '<' {
		return "an HTML or XML document (for example an \"XML Spreadsheet 2003\")"
	}
	if looksBinary(data) {
		return "a binary file"
	}
	return kindText
}

// looksBinary tells binary data from text in any of the 8-bit encodings: text has no NUL bytes
// and very few control characters.
func looksBinary(data []byte) bool {
	sample := data[:min(len(data), 64<<10)]
	controls := 0
	for _, b := range sample {
		switch {
		case b == 0:
			return true
		case b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v', b == 0x7F:
			controls++
		}
	}
	return controls > 4 && controls*100 > len(sample)
}

func displayName(name string) string {
	if name == "" {
		return "the file"
	}
	return fmt.Sprintf("%q", name)
}

func formatBytes(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// rowCollector gathers the non-blank rows of one table as a reader produces them, and then finds
// the header among them.
type rowCollector struct {
	maxRows int
	rows    []Row
	wide    int // rows whose only values lie beyond maxColumns: dropped, but counted against the limit
}

func newCollector(limits Limits) *rowCollector {
	return &rowCollector{maxRows: limits.MaxRows}
}

// add keeps a row read from the file, unless it is blank. cells may be modified and kept: the
// caller must not reuse it. It fails as soon as the table surely has too many data rows.
func (c *rowCollector) add(number int, cells []string) error {
	var beyond []string
	if len(cells) > maxColumns {
		cells, beyond = cells[:maxColumns], cells[maxColumns:]
	}
	width := 0
	for i, cell := range cells {
		cells[i] = cleanCell(cell)
		if cells[i] != "" {
			width = i + 1
		}
	}
	if width == 0 {
		for _, cell := range beyond {
			if strings.TrimSpace(cell) != "" {
				c.wide++
				break
			}
		}
		if len(c.rows)+c.wide > c.maxRows+headerSearchRows {
			return c.tooMany()
		}
		return nil
	}
	c.rows = append(c.rows, Row{Number: number, Cells: cells[:width:width]})
	if len(c.rows)+c.wide > c.maxRows+headerSearchRows {
		return c.tooMany()
	}
	return nil
}

func (c *rowCollector) tooMany() error {
	return fmt.Errorf("%w: the sheet has more than %d rows", ErrTooManyRows, c.maxRows)
}

// previewed tells whether the rows looked at to find a header have been read.
func (c *rowCollector) previewed() bool { return len(c.rows) >= headerSearchRows }

// finish finds the header and fills the table part of the sheet.
func (c *rowCollector) finish(sheet *Sheet) error {
	if len(c.rows) == 0 {
		return fmt.Errorf("%w: the sheet holds no data", ErrEmptyFile)
	}
	h, _ := findHeader(c.rows)
	if h < 0 {
		return fmt.Errorf("%w: none of the first %d rows has column titles (at least two cells, such as Nom and Prénom)", ErrNoHeader, headerSearchRows)
	}
	if len(c.rows)-h-1 > c.maxRows {
		return c.tooMany()
	}
	sheet.HeaderRow = c.rows[h].Number
	sheet.Header = c.rows[h].Cells
	sheet.Rows = c.rows[h+1:]
	return nil
}

// findHeader returns the index of the header among the first non-blank rows: the first row where
// at least two cells are known column titles, else the first row with at least two cells. strong
// tells that known titles were found. It returns -1 when there is no header.
func findHeader(rows []Row) (index int, strong bool) {
	limit := min(len(rows), headerSearchRows)
	for i := range limit {
		known := 0
		for _, cell := range rows[i].Cells {
			if headerField(cell) != FieldIgnore {
				known++
			}
		}
		if known >= 2 {
			return i, true
		}
	}
	for i := range limit {
		filled := 0
		for _, cell := range rows[i].Cells {
			if cell != "" {
				filled++
			}
		}
		if filled >= 2 {
			return i, false
		}
	}
	return -1, false
}

// cleanCell trims a cell and cuts it to maxCellBytes at a character boundary.
func cleanCell(s string) string {
	s = strings.TrimSpace(s)
	if len(s) <= maxCellBytes {
		return s
	}
	cut := maxCellBytes
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut]
}
