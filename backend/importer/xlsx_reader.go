package importer

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/xuri/excelize/v2"
)

// onRecoveredPanic, when set (by tests), is told about a panic turned into an error.
var onRecoveredPanic func(any)

// xlsxBook is an open XLSX workbook: excelize gives the cell values (streamed, raw), and a light
// scan of the same worksheet XML gives each cell's type and number format, which tells dates and
// zero-padded codes from plain numbers.
type xlsxBook struct {
	f          *excelize.File
	zr         *zip.Reader
	limits     Limits
	kinds      []cellKind        // by cell style index
	sheetPaths map[string]string // sheet name → worksheet part
	date1904   bool
}

// readXLSX reads the sheet holding the volunteer list: the first whose header has known column
// titles, else the first that has data. A panic inside excelize on a crafted file becomes an
// error.
func readXLSX(ctx context.Context, data []byte, zr *zip.Reader, limits Limits) (sheet *Sheet, err error) {
	defer func() {
		if p := recover(); p != nil {
			if onRecoveredPanic != nil {
				onRecoveredPanic(p)
			}
			sheet, err = nil, fmt.Errorf("%w: the workbook cannot be read (%v)", ErrUnsupportedFormat, p)
		}
	}()
	if err := checkParts(zr); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		RawCellValue:      true,
		UnzipSizeLimit:    limits.MaxUnzipBytes,
		UnzipXMLSizeLimit: limits.MaxUnzipXMLBytes,
	})
	if err != nil {
		if f != nil {
			_ = f.Close()
		}
		if strings.Contains(err.Error(), "size exceeds") { // excelize's limit error has no exported value
			return nil, fmt.Errorf("%w: %v", ErrUnpacksTooLarge, err)
		}
		return nil, fmt.Errorf("%w: the workbook cannot be opened (%v)", ErrUnsupportedFormat, err)
	}
	defer f.Close()
	book := &xlsxBook{f: f, zr: zr, limits: limits, kinds: styleKinds(f)}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		book.date1904 = *props.Date1904
	}
	book.sheetPaths = sheetPaths(zr)

	// The first sheet with known column titles wins; a cover or instructions sheet before the
	// list is skipped. Without titles anywhere, the first sheet with data is read.
	fallback := ""
	var fallbackRows *rowCollector
	for _, name := range f.GetSheetList() {
		c := newCollector(limits)
		done, err := book.readSheet(ctx, name, c, true)
		if err != nil {
			return nil, err
		}
		if len(c.rows) == 0 {
			continue
		}
		if _, strong := findHeader(c.rows); strong {
			if !done {
				c = newCollector(limits)
				if _, err := book.readSheet(ctx, name, c, false); err != nil {
					return nil, err
				}
			}
			return finishSheet(c, "xlsx", name)
		}
		if fallback == "" {
			fallback = name
			if done {
				fallbackRows = c
			}
		}
	}
	if fallback == "" {
		return nil, fmt.Errorf("%w: the workbook has no data", ErrEmptyFile)
	}
	if fallbackRows == nil {
		fallbackRows = newCollector(limits)
		if _, err := book.readSheet(ctx, fallback, fallbackRows, false); err != nil {
			return nil, err
		}
	}
	return finishSheet(fallbackRows, "xlsx", fallback)
}

func finishSheet(c *rowCollector, format, name string) (*Sheet, error) {
	sheet := &Sheet{Format: format, SheetName: name}
	if err := c.finish(sheet); err != nil {
		return nil, fmt.Errorf("sheet %q: %w", name, err)
	}
	return sheet, nil
}

// readSheet streams the rows of one sheet into c. With preview, it stops once the rows that may
// hold the header are read; done tells that the whole sheet was read anyway.
func (b *xlsxBook) readSheet(ctx context.Context, name string, c *rowCollector, preview bool) (done bool, err error) {
	rows, err := b.f.Rows(name)
	if err != nil {
		return false, fmt.Errorf("%w: sheet %q cannot be read (%v)", ErrUnsupportedFormat, name, err)
	}
	defer rows.Close()
	var scan *cellScanner
	if p, ok := b.sheetPaths[name]; ok {
		if zf := findZipFile(b.zr, p); zf != nil {
			if rc, err := zf.Open(); err == nil {
				defer rc.Close()
				scan = newCellScanner(io.LimitReader(rc, b.limits.MaxUnzipBytes))
			}
		}
	}
	number := 0
	for rows.Next() {
		number++
		if number%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return false, err
			}
		}
		values, err := rows.Columns()
		if err != nil {
			return false, fmt.Errorf("%w: sheet %q, row %d cannot be read (%v)", ErrUnsupportedFormat, name, number, err)
		}
		if len(values) == 0 {
			continue
		}
		if len(values) > maxColumns {
			values = values[:maxColumns]
		}
		var cells []cellInfo
		if scan != nil {
			cells = scan.row(number)
		}
		for i, v := range values {
			if v == "" {
				continue
			}
			info := cellInfo{numeric: scan == nil && looksNumeric(v)}
			if i < len(cells) {
				info = cells[i]
			}
			values[i] = b.cellText(v, info)
		}
		if err := c.add(number, values); err != nil {
			return false, err
		}
		if preview && c.previewed() {
			return false, nil
		}
	}
	if err := rows.Error(); err != nil {
		if errors.Is(err, excelize.ErrMaxRows) {
			return false, fmt.Errorf("%w: sheet %q has rows beyond the last row Excel allows", ErrUnsupportedFormat, name)
		}
		return false, fmt.Errorf("%w: sheet %q cannot be read (%v)", ErrUnsupportedFormat, name, err)
	}
	if scan != nil {
		// excelize reads a damaged worksheet silently up to the damage: make sure nothing is lost.
		if err := scan.check(number); err != nil {
			return false, fmt.Errorf("%w: sheet %q: %v", ErrUnsupportedFormat, name, err)
		}
	}
	return true, nil
}

// cellText is the text of a cell from its raw value: dates as YYYY-MM-DD, times as HH:MM,
// zero-padded codes with their zeros, other numbers plain; text as it is.
func (b *xlsxBook) cellText(raw string, info cellInfo) string {
	if !info.numeric {
		return raw
	}
	kind := cellKind{}
	if info.style >= 0 && info.style < len(b.kinds) {
		kind = b.kinds[info.style]
	}
	switch kind.class {
	case classDate:
		if d, ok := serialToDate(raw, b.date1904); ok {
			return d
		}
	case classTime:
		if t, ok := serialToTime(raw); ok {
			return t
		}
	case classZeroPad:
		if s, ok := zeroPad(raw, kind.digits); ok {
			return s
		}
	}
	return plainNumber(raw)
}

// checkParts inflates the parts of the workbook other than worksheets (which the cell scanner
// checks as it reads them) to make sure they are whole: excelize ignores a damaged part and
// would read, say, the shared strings only up to the damage, losing text without a word.
func checkParts(zr *zip.Reader) error {
	for _, f := range zr.File {
		if strings.HasPrefix(strings.ToLower(f.Name), "xl/worksheets/") || f.FileInfo().IsDir() {
			continue
		}
		rc, err := f.Open()
		if err == nil {
			_, err = io.Copy(io.Discard, rc)
			rc.Close()
		}
		if err != nil {
			return fmt.Errorf("%w: the workbook is damaged (%s: %v)", ErrUnsupportedFormat, f.Name, err)
		}
	}
	return nil
}

// sheetPaths maps sheet names to their worksheet parts, from the workbook and its relationships.
func sheetPaths(zr *zip.Reader) map[string]string {
	paths := map[string]string{}
	workbookPath := "xl/workbook.xml"
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if f := findZipFile(zr, "_rels/.rels"); f != nil {
		if b, err := readZipFile(f, 1<<20); err == nil && xml.Unmarshal(b, &rels) == nil {
			for _, r := range rels.Rels {
				if strings.HasSuffix(r.Type, "/officeDocument") {
					workbookPath = strings.TrimPrefix(r.Target, "/")
				}
			}
		}
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	f := findZipFile(zr, workbookPath)
	if f == nil {
		return paths
	}
	b, err := readZipFile(f, 16<<20)
	if err != nil || xml.Unmarshal(b, &wb) != nil {
		return paths
	}
	dir := path.Dir(workbookPath)
	relsPath := path.Join(dir, "_rels", path.Base(workbookPath)+".rels")
	rels.Rels = nil
	if f := findZipFile(zr, relsPath); f != nil {
		if b, err := readZipFile(f, 16<<20); err != nil || xml.Unmarshal(b, &rels) != nil {
			return paths
		}
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		target := r.Target
		if strings.HasPrefix(target, "/") {
			target = strings.TrimPrefix(target, "/")
		} else {
			target = path.Join(dir, target)
		}
		targets[r.ID] = target
	}
	for _, s := range wb.Sheets {
		if t, ok := targets[s.ID]; ok {
			paths[s.Name] = t
		}
	}
	return paths
}
