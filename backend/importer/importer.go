// Package importer reads the volunteer lists associations keep in spreadsheets (CSV, XLSX, ODS)
// and turns them into volunteer profiles: it detects the file format, the text encoding and the
// delimiter, finds the header row under any title lines, proposes a field for each column, and
// parses and validates every row, reporting problems by row and column.
//
// Reading (Read) and parsing (Parse) are separate so that the UI can show the columns and let the
// coordinator correct the proposed mapping (GuessMapping) before anything is parsed.
//
// Every input is untrusted: sizes are limited before reading, zip archives are checked against
// zip bombs, and junk gives an error, never a panic.
package importer

import (
	"errors"
	"fmt"
)

// Limits bound the resources one import may use. A zero field takes its default value.
type Limits struct {
	MaxFileBytes     int64 // size of the uploaded file; default 50 MiB
	MaxRows          int   // data rows after the header; default 200 000
	MaxUnzipBytes    int64 // uncompressed size of a whole XLSX/ODS archive (and of ODS content.xml); default 512 MiB
	MaxUnzipXMLBytes int64 // XLSX parts held in memory (larger worksheets are streamed from a temporary file); default 256 MiB
}

// DefaultLimits are the limits of an import: far above a real association's file, far below what
// would hurt an office PC.
func DefaultLimits() Limits {
	return Limits{
		MaxFileBytes:     50 << 20,
		MaxRows:          200_000,
		MaxUnzipBytes:    512 << 20,
		MaxUnzipXMLBytes: 256 << 20,
	}
}

// withDefaults fills the zero (or negative) fields with their default values and keeps the XML
// limit within the archive limit, as excelize requires.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.MaxFileBytes <= 0 {
		l.MaxFileBytes = d.MaxFileBytes
	}
	if l.MaxRows <= 0 {
		l.MaxRows = d.MaxRows
	}
	if l.MaxUnzipBytes <= 0 {
		l.MaxUnzipBytes = d.MaxUnzipBytes
	}
	if l.MaxUnzipXMLBytes <= 0 {
		l.MaxUnzipXMLBytes = d.MaxUnzipXMLBytes
	}
	if l.MaxUnzipXMLBytes > l.MaxUnzipBytes {
		l.MaxUnzipXMLBytes = l.MaxUnzipBytes
	}
	return l
}

// Kinds of whole-file problems. Read wraps them with details; test them with errors.Is.
var (
	ErrTooLarge          = errors.New("file too large")
	ErrTooManyRows       = errors.New("too many rows")
	ErrUnsupportedFormat = errors.New("unsupported file format")
	ErrNoHeader          = errors.New("no header row found")
	ErrEmptyFile         = errors.New("empty file")
	// ErrUnpacksTooLarge is an XLSX or ODS whose content unpacks to more than the limits (a zip
	// bomb, or an enormous workbook): the file itself may be small. It is also an ErrTooLarge.
	ErrUnpacksTooLarge = fmt.Errorf("%w: the content unpacks to too much", ErrTooLarge)
)

// Sheet is the table read from a file: the header row and the data rows under it.
type Sheet struct {
	Format    string   // "csv", "xlsx", "ods"
	Encoding  string   // csv only: "utf-8", "utf-8-bom", "windows-1252" (or "utf-16le"/"utf-16be" with a BOM)
	Delimiter string   // csv only: ";", ",", "\t"
	SheetName string   // xlsx/ods: the sheet read
	HeaderRow int      // 1-based row number of the header in the file
	Header    []string // trimmed header cells
	Rows      []Row    // data rows after the header; blank rows dropped
}

// Row is one non-blank data row.
type Row struct {
	Number int      // 1-based row number in the file, as the spreadsheet program shows it
	Cells  []string // trimmed text of each cell (dates as YYYY-MM-DD, numbers plain, without exponent)
}

// Cell returns the text of cell i, or "" when the row is shorter.
func (r Row) Cell(i int) string {
	if i < 0 || i >= len(r.Cells) {
		return ""
	}
	return r.Cells[i]
}
