package importer

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// cellClass is how a number format shows a number.
type cellClass uint8

const (
	classNumber  cellClass = iota // General, 0.00, currencies…: the number itself
	classDate                     // a date (or date and time): the day is kept
	classTime                     // a time of day or a duration
	classZeroPad                  // "00000": a code such as a postcode, shown with its leading zeros
)

// cellKind is what a cell style's number format means for reading its value.
type cellKind struct {
	class  cellClass
	digits int // classZeroPad: the width
}

// cellInfo is what the worksheet XML says about one cell besides its value.
type cellInfo struct {
	style   int  // index into the cell styles (cellXfs)
	numeric bool // a number cell (no type, or t="n"), whose style may make it a date
}

// styleKinds classifies the number format of every cell style of the workbook.
func styleKinds(f *excelize.File) []cellKind {
	if f.Styles == nil || f.Styles.CellXfs == nil {
		return nil
	}
	custom := map[int]string{}
	if f.Styles.NumFmts != nil {
		for _, nf := range f.Styles.NumFmts.NumFmt {
			if nf != nil {
				custom[nf.NumFmtID] = nf.FormatCode
			}
		}
	}
	kinds := make([]cellKind, len(f.Styles.CellXfs.Xf))
	for i, xf := range f.Styles.CellXfs.Xf {
		if xf.NumFmtID == nil {
			continue
		}
		if code, ok := custom[*xf.NumFmtID]; ok {
			kinds[i] = classifyFormat(code)
		} else {
			kinds[i] = builtinKind(*xf.NumFmtID)
		}
	}
	return kinds
}

// builtinKind classifies Excel's built-in number formats: 14–17 and 22 are dates (22 with a
// time), 18–21 and 45–47 are times, 27–36 and 50–58 are the dates of East Asian locales.
func builtinKind(id int) cellKind {
	switch {
	case id >= 14 && id <= 17, id == 22, id >= 27 && id <= 36, id >= 50 && id <= 58:
		return cellKind{class: classDate}
	case id >= 18 && id <= 21, id >= 45 && id <= 47:
		return cellKind{class: classTime}
	}
	return cellKind{}
}

// classifyFormat reads a custom number format code: a date when it shows a day or a year (or a
// month without hours), a time when it shows hours or seconds only, a zero-padded code when it
// is only zeros ("00000"). Quoted text, escaped characters, colours and locale tags are ignored.
func classifyFormat(code string) cellKind {
	section := code
	var b strings.Builder
	inQuotes := false
	for i := 0; i < len(section); i++ {
		ch := section[i]
		switch {
		case inQuotes:
			if ch == '"' {
				inQuotes = false
			}
		case ch == '"':
			inQuotes = true
		case ch == '\\' || ch == '_' || ch == '*':
			i++ // the next character is literal (or padding)
		case ch == '[':
			end := strings.IndexByte(section[i:], ']')
			if end < 0 {
				i = len(section)
				break
			}
			inner := strings.ToLower(section[i+1 : i+end])
			if inner == "h" || inner == "hh" || inner == "m" || inner == "mm" || inner == "s" || inner == "ss" {
				b.WriteByte('h') // elapsed time
			}
			i += end
		case ch == ';':
			i = len(section) // the first section decides
		default:
			b.WriteByte(ch)
		}
	}
	f := strings.ToLower(b.String())
	f = strings.ReplaceAll(f, "general", "")
	f = strings.ReplaceAll(f, "am/pm", "")
	f = strings.ReplaceAll(f, "a/p", "")
	hasDay, hasYear, hasMonth := strings.ContainsAny(f, "d"), strings.ContainsAny(f, "y"), strings.ContainsAny(f, "m")
	hasTime := strings.ContainsAny(f, "hs")
	switch {
	case hasDay || hasYear:
		return cellKind{class: classDate}
	case hasTime:
		return cellKind{class: classTime}
	case hasMonth:
		return cellKind{class: classDate}
	}
	if n := len(f); n >= 2 && n <= 12 && strings.Trim(f, "0") == "" {
		return cellKind{class: classZeroPad, digits: n}
	}
	return cellKind{}
}

// cellScanner walks a worksheet's XML alongside excelize's row iterator and reports, for each
// row, the style and type of its cells. It only looks at the tags of rows and cells, skipping
// everything else byte by byte, so it costs a fraction of a full XML parse.
type cellScanner struct {
	r       *bufio.Reader
	stopped bool
	sawData bool  // the start of sheetData was seen
	sawEnd  bool  // the end of sheetData was seen
	err     error // a read error other than the end of the data (damaged archive)
	pending int   // number of a row whose start tag was read but not its cells (0: none)
	pendEnd bool  // that row tag was self-closing
	last    int   // number of the last row seen, for rows without an "r" attribute
	cells   []cellInfo
	scratch []byte
}

func newCellScanner(r io.Reader) *cellScanner {
	return &cellScanner{r: bufio.NewReaderSize(r, 64<<10)}
}

// row returns the cells of row n (1-based), indexed by column. Rows must be asked for in
// increasing order; rows skipped are passed over. The slice is reused by the next call.
func (s *cellScanner) row(n int) []cellInfo {
	for {
		if s.pending == 0 && !s.nextRow() {
			return nil
		}
		if s.pending > n {
			return nil
		}
		current, selfClosing := s.pending, s.pendEnd
		s.pending = 0
		s.readCells(selfClosing)
		if current == n {
			return s.cells
		}
	}
}

// nextRow moves to the next row start tag.
func (s *cellScanner) nextRow() bool {
	for {
		tag, ok := s.nextTag()
		if !ok {
			return false
		}
		name, end, selfClosing := tagName(tag)
		if name == "sheetData" && (end || selfClosing) {
			s.stopped, s.sawEnd = true, true
			return false
		}
		if end {
			continue
		}
		if name == "sheetData" {
			s.sawData = true
			continue
		}
		if name == "row" {
			s.startRow(tag, selfClosing)
			return true
		}
	}
}

func (s *cellScanner) startRow(tag []byte, selfClosing bool) {
	n := s.last + 1
	if r, ok := attr(tag, "r"); ok {
		if v, ok := atoiBytes(r); ok && v > 0 {
			n = v
		}
	}
	s.last, s.pending, s.pendEnd = n, n, selfClosing
}

// readCells reads the cells of the row just started, up to its end tag.
func (s *cellScanner) readCells(selfClosing bool) {
	s.cells = s.cells[:0]
	if selfClosing {
		return
	}
	col := 0
	for {
		tag, ok := s.nextTag()
		if !ok {
			return
		}
		name, end, closing := tagName(tag)
		if name == "sheetData" && (end || closing) {
			s.stopped, s.sawEnd = true, true
			return
		}
		if end {
			if name == "row" {
				return
			}
			continue
		}
		switch name {
		case "row": // a row without its end tag
			s.startRow(tag, closing)
			return
		case "c":
			col++
			if r, ok := attr(tag, "r"); ok {
				if c := columnOf(r); c > 0 {
					col = c
				}
			}
			if col > maxColumns {
				continue
			}
			info := cellInfo{numeric: true}
			if t, ok := attr(tag, "t"); ok && len(t) > 0 && !(len(t) == 1 && t[0] == 'n') {
				info.numeric = false
			}
			if st, ok := attr(tag, "s"); ok {
				info.style, _ = atoiBytes(st)
			}
			for len(s.cells) < col {
				s.cells = append(s.cells, cellInfo{})
			}
			s.cells[col-1] = info
		}
	}
}

func (s *cellScanner) fail(err error) {
	s.stopped = true
	if err != io.EOF && s.err == nil {
		s.err = err
	}
}

// check reads the rest of the worksheet after excelize's last row (lastRow) and tells whether
// the sheet was read whole: the archive member inflates without error (checksum included), the
// XML reaches the end of sheetData, and no row comes after the last one excelize gave (excelize
// stops silently at damaged XML).
func (s *cellScanner) check(lastRow int) error {
	for {
		if s.pending > lastRow {
			return fmt.Errorf("the worksheet XML is damaged before row %d", s.pending)
		}
		s.pending = 0
		if !s.nextRow() {
			break
		}
		s.readCells(s.pendEnd)
	}
	if s.err != nil {
		return fmt.Errorf("the worksheet cannot be unpacked (%v)", s.err)
	}
	if s.sawData && !s.sawEnd {
		return errors.New("the worksheet XML is incomplete")
	}
	return nil
}

// nextTag returns the text between the next '<' and its '>' (valid until the next call).
// Comments, CDATA sections and processing instructions are skipped whole.
func (s *cellScanner) nextTag() ([]byte, bool) {
	if s.stopped {
		return nil, false
	}
	for {
		for {
			_, err := s.r.ReadSlice('<')
			if err == nil {
				break
			}
			if err != bufio.ErrBufferFull {
				s.fail(err)
				return nil, false
			}
		}
		tag, err := s.r.ReadSlice('>')
		if err == bufio.ErrBufferFull {
			// A very long tag: keep its start, which holds the name and the first attributes.
			s.scratch = append(s.scratch[:0], tag[:min(len(tag), 512)]...)
			for err == bufio.ErrBufferFull {
				_, err = s.r.ReadSlice('>')
			}
			tag = s.scratch
		}
		if err != nil {
			s.fail(err)
			return nil, false
		}
		tag = tag[:len(tag)-1]
		switch {
		case bytes.HasPrefix(tag, []byte("!--")):
			if !bytes.HasSuffix(tag, []byte("--")) && !s.skipPast("-->") {
				return nil, false
			}
			continue
		case bytes.HasPrefix(tag, []byte("![CDATA[")):
			if !bytes.HasSuffix(tag, []byte("]]")) && !s.skipPast("]]>") {
				return nil, false
			}
			continue
		case len(tag) > 0 && (tag[0] == '?' || tag[0] == '!'):
			continue
		}
		return tag, true
	}
}

// skipPast reads up to and including the end marker.
func (s *cellScanner) skipPast(marker string) bool {
	matched := 0
	for {
		ch, err := s.r.ReadByte()
		if err != nil {
			s.fail(err)
			return false
		}
		switch {
		case ch == marker[matched]:
			matched++
			if matched == len(marker) {
				return true
			}
		case ch == marker[0]:
			matched = 1
		default:
			matched = 0
		}
	}
}

// tagName returns the local name of a tag (without namespace prefix), whether it is an end tag,
// and whether it closes itself.
func tagName(tag []byte) (name string, end, selfClosing bool) {
	if len(tag) > 0 && tag[0] == '/' {
		end = true
		tag = tag[1:]
	}
	selfClosing = len(tag) > 0 && tag[len(tag)-1] == '/'
	i := 0
	for i < len(tag) && tag[i] != ' ' && tag[i] != '\t' && tag[i] != '\n' && tag[i] != '\r' && tag[i] != '/' {
		i++
	}
	raw := tag[:i]
	if colon := bytes.LastIndexByte(raw, ':'); colon >= 0 {
		raw = raw[colon+1:]
	}
	switch string(raw) { // no allocation for these comparisons
	case "row":
		return "row", end, selfClosing
	case "c":
		return "c", end, selfClosing
	case "sheetData":
		return "sheetData", end, selfClosing
	}
	return "", end, selfClosing
}

// attr finds an attribute's value in a tag (the name, without namespace prefix, must match).
func attr(tag []byte, name string) ([]byte, bool) {
	i := 0
	for i < len(tag) && tag[i] != ' ' && tag[i] != '\t' && tag[i] != '\n' && tag[i] != '\r' {
		i++
	}
	for i < len(tag) {
		for i < len(tag) && (tag[i] == ' ' || tag[i] == '\t' || tag[i] == '\n' || tag[i] == '\r') {
			i++
		}
		start := i
		for i < len(tag) && tag[i] != '=' && tag[i] != ' ' && tag[i] != '\t' && tag[i] != '\n' && tag[i] != '\r' {
			i++
		}
		key := tag[start:i]
		for i < len(tag) && tag[i] != '=' {
			i++
		}
		i++ // '='
		for i < len(tag) && tag[i] != '"' && tag[i] != '\'' {
			i++
		}
		if i >= len(tag) {
			return nil, false
		}
		quote := tag[i]
		i++
		vstart := i
		for i < len(tag) && tag[i] != quote {
			i++
		}
		value := tag[vstart:min(i, len(tag))]
		i++
		if colon := bytes.LastIndexByte(key, ':'); colon >= 0 {
			key = key[colon+1:]
		}
		if string(key) == name {
			return value, true
		}
	}
	return nil, false
}

// columnOf returns the 1-based column of a cell reference such as "B7" (0 when invalid).
func columnOf(ref []byte) int {
	col := 0
	for _, ch := range ref {
		switch {
		case ch >= 'A' && ch <= 'Z':
			col = col*26 + int(ch-'A') + 1
		case ch >= 'a' && ch <= 'z':
			col = col*26 + int(ch-'a') + 1
		default:
			return col
		}
		if col > excelize.MaxColumns {
			return 0
		}
	}
	return col
}

// atoiBytes parses a small non-negative decimal number.
func atoiBytes(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, ch := range b {
		if ch < '0' || ch > '9' {
			return 0, false
		}
		n = n*10 + int(ch-'0')
	}
	return n, true
}
