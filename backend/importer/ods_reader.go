package importer

import (
	"archive/zip"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// OpenDocument namespaces.
const (
	nsTable  = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
	nsOffice = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
	nsText   = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
)

// maxRepeat caps a repetition count read from the file (LibreOffice writes 1 048 576 for the
// empty rows under a table and 16 384 for the empty columns to its right).
const maxRepeat = 1 << 20

// readODS streams content.xml of an OpenDocument spreadsheet. Repeated empty rows and cells cost
// nothing: they only move the row number, or wait for a non-empty cell to the right.
func readODS(ctx context.Context, zr *zip.Reader, limits Limits) (*Sheet, error) {
	zf := findZipFile(zr, "content.xml")
	if zf == nil {
		return nil, fmt.Errorf("%w: the OpenDocument file has no content", ErrUnsupportedFormat)
	}
	if zf.UncompressedSize64 > uint64(limits.MaxUnzipBytes) {
		return nil, fmt.Errorf("%w: the spreadsheet content unpacks to more than %s", ErrUnpacksTooLarge, formatBytes(limits.MaxUnzipBytes))
	}
	rc, err := zf.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: the spreadsheet content cannot be opened (%v)", ErrUnsupportedFormat, err)
	}
	defer rc.Close()
	o := &odsReader{
		ctx:    ctx,
		limits: limits,
		dec:    xml.NewDecoder(io.LimitReader(rc, limits.MaxUnzipBytes)),
	}
	return o.read()
}

type odsReader struct {
	ctx    context.Context
	limits Limits
	dec    *xml.Decoder

	tableName string
	table     *rowCollector
	rowNumber int // rows of the current table so far, repeated ones included
	rowsSeen  int

	fallbackName string
	fallback     *rowCollector
}

func (o *odsReader) read() (*Sheet, error) {
	for {
		tok, err := o.dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: the spreadsheet content is damaged (%v)", ErrUnsupportedFormat, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space != nsTable {
				continue
			}
			switch t.Name.Local {
			case "table":
				o.tableName = attrValue(t, nsTable, "name")
				o.table = newCollector(o.limits)
				o.rowNumber = 0
			case "table-row":
				if o.table == nil {
					if err := o.dec.Skip(); err != nil {
						return nil, fmt.Errorf("%w: the spreadsheet content is damaged (%v)", ErrUnsupportedFormat, err)
					}
					continue
				}
				if err := o.readRow(t); err != nil {
					return nil, err
				}
			}
		case xml.EndElement:
			if t.Name.Space == nsTable && t.Name.Local == "table" && o.table != nil {
				if sheet, done := o.endTable(); done {
					return sheet.sheet, sheet.err
				}
			}
		}
	}
	if o.fallback == nil {
		return nil, fmt.Errorf("%w: the spreadsheet has no data", ErrEmptyFile)
	}
	return finishSheet(o.fallback, "ods", o.fallbackName)
}

type sheetResult struct {
	sheet *Sheet
	err   error
}

// endTable decides on a table just read: the first one with known column titles is the one;
// otherwise the first one with data is kept in case no other has titles.
func (o *odsReader) endTable() (sheetResult, bool) {
	c, name := o.table, o.tableName
	o.table = nil
	if len(c.rows) == 0 {
		return sheetResult{}, false
	}
	if _, strong := findHeader(c.rows); strong {
		s, err := finishSheet(c, "ods", name)
		return sheetResult{s, err}, true
	}
	if o.fallback == nil {
		o.fallback, o.fallbackName = c, name
	}
	return sheetResult{}, false
}

// readRow reads one table:table-row element and adds it (as many times as it is repeated).
func (o *odsReader) readRow(start xml.StartElement) error {
	repeat := repeatCount(start, "number-rows-repeated")
	var cells []string
	pendingEmpty := 0
	for {
		tok, err := o.dec.Token()
		if err != nil {
			return fmt.Errorf("%w: the spreadsheet content is damaged (%v)", ErrUnsupportedFormat, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space == nsTable && (t.Name.Local == "table-cell" || t.Name.Local == "covered-table-cell") {
				n := repeatCount(t, "number-columns-repeated")
				value, err := o.readCell(t)
				if err != nil {
					return err
				}
				if value == "" {
					pendingEmpty = min(pendingEmpty+n, maxColumns)
					continue
				}
				for ; pendingEmpty > 0 && len(cells) < maxColumns; pendingEmpty-- {
					cells = append(cells, "")
				}
				pendingEmpty = 0
				for i := 0; i < n && len(cells) < maxColumns; i++ {
					cells = append(cells, value)
				}
				continue
			}
			if err := o.dec.Skip(); err != nil {
				return fmt.Errorf("%w: the spreadsheet content is damaged (%v)", ErrUnsupportedFormat, err)
			}
		case xml.EndElement:
			return o.addRows(cells, repeat)
		}
	}
}

// addRows adds a row repeated n times; repeated empty rows only move the row number.
func (o *odsReader) addRows(cells []string, n int) error {
	blank := true
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			blank = false
			break
		}
	}
	if blank {
		o.rowNumber += n
		return nil
	}
	for i := 0; i < n; i++ {
		o.rowNumber++
		o.rowsSeen++
		if o.rowsSeen%checkEvery == 0 {
			if err := o.ctx.Err(); err != nil {
				return err
			}
		}
		row := cells
		if i > 0 {
			row = append([]string(nil), cells...)
		}
		if err := o.table.add(o.rowNumber, row); err != nil {
			return err
		}
	}
	return nil
}

// readCell reads a table:table-cell element and returns its text: dates as YYYY-MM-DD, numbers
// from their stored value (unless the shown text keeps leading zeros), text from its paragraphs.
func (o *odsReader) readCell(start xml.StartElement) (string, error) {
	valueType := attrValue(start, nsOffice, "value-type")
	var text strings.Builder
	paragraphs, depth := 0, 0
	for depth >= 0 {
		tok, err := o.dec.Token()
		if err != nil {
			return "", fmt.Errorf("%w: the spreadsheet content is damaged (%v)", ErrUnsupportedFormat, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Space == nsOffice && t.Name.Local == "annotation":
				// A comment on the cell, not its value.
				if err := o.dec.Skip(); err != nil {
					return "", fmt.Errorf("%w: the spreadsheet content is damaged (%v)", ErrUnsupportedFormat, err)
				}
				continue
			case t.Name.Space == nsText && t.Name.Local == "p":
				if paragraphs > 0 {
					writeCapped(&text, "\n")
				}
				paragraphs++
			case t.Name.Space == nsText && t.Name.Local == "s":
				writeCapped(&text, strings.Repeat(" ", min(repeatCount(t, "c"), 64)))
			case t.Name.Space == nsText && t.Name.Local == "tab":
				writeCapped(&text, "\t")
			case t.Name.Space == nsText && t.Name.Local == "line-break":
				writeCapped(&text, "\n")
			}
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth > 0 {
				writeCapped(&text, string(t))
			}
		}
	}
	shown := text.String()
	switch valueType {
	case "date":
		if v := attrValue(start, nsOffice, "date-value"); len(v) >= 10 {
			if d, ok := validISODate(v[:10]); ok {
				return d, nil
			}
		}
	case "time":
		if t, ok := isoDuration(attrValue(start, nsOffice, "time-value")); ok {
			return t, nil
		}
	case "float", "percentage", "currency":
		v := attrValue(start, nsOffice, "value")
		if v == "" {
			break
		}
		if digits := strings.TrimSpace(shown); allDigits(digits) && strings.HasPrefix(digits, "0") && len(digits) > 1 {
			// A code shown with its leading zeros ("00000" format): the zeros are part of it.
			if integerText(v) == strings.TrimLeft(digits, "0") {
				return digits, nil
			}
		}
		return plainNumber(v), nil
	}
	return shown, nil
}

func writeCapped(b *strings.Builder, s string) {
	if room := maxCellBytes + 4 - b.Len(); room > 0 {
		if len(s) > room {
			s = s[:room]
		}
		b.WriteString(s)
	}
}

// validISODate checks a YYYY-MM-DD date.
func validISODate(s string) (string, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return "", false
	}
	y, err1 := strconv.Atoi(s[:4])
	m, err2 := strconv.Atoi(s[5:7])
	d, err3 := strconv.Atoi(s[8:])
	if err1 != nil || err2 != nil || err3 != nil {
		return "", false
	}
	if t, ok := validDate(y, m, d); ok {
		return t, true
	}
	return "", false
}

// isoDuration turns an OpenDocument time value (PT10H30M00S) into HH:MM or HH:MM:SS.
func isoDuration(s string) (string, bool) {
	if !strings.HasPrefix(s, "PT") {
		return "", false
	}
	var h, m int
	var sec float64
	rest := s[2:]
	for rest != "" {
		i := strings.IndexAny(rest, "HMS")
		if i <= 0 {
			return "", false
		}
		v, err := strconv.ParseFloat(rest[:i], 64)
		if err != nil || v < 0 || v > 1e6 {
			return "", false
		}
		switch rest[i] {
		case 'H':
			h = int(v)
		case 'M':
			m = int(v)
		case 'S':
			sec = v
		}
		rest = rest[i+1:]
	}
	s2 := int(sec + 0.5)
	if s2 != 0 {
		return fmt.Sprintf("%02d:%02d:%02d", h, m, s2), true
	}
	return fmt.Sprintf("%02d:%02d", h, m), true
}

// repeatCount reads a table:number-…-repeated attribute: at least 1, at most maxRepeat.
func repeatCount(e xml.StartElement, local string) int {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			n, err := strconv.Atoi(strings.TrimSpace(a.Value))
			if err != nil || n < 1 {
				return 1
			}
			return min(n, maxRepeat)
		}
	}
	return 1
}

func attrValue(e xml.StartElement, space, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local && (a.Name.Space == space || a.Name.Space == "") {
			return a.Value
		}
	}
	return ""
}
