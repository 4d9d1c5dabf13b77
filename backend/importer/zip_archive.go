package importer

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
)

// maxZipEntries bounds the number of files in a workbook archive; real ones hold a few dozen.
const maxZipEntries = 10_000

const odsMimeType = "application/vnd.oasis.opendocument.spreadsheet"

// readZip opens a zip archive, checks its sizes against the limits before anything is
// decompressed, and reads it as an XLSX or ODS workbook.
func readZip(ctx context.Context, data []byte, name string, limits Limits) (*Sheet, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: %s is a damaged or incomplete archive (%v)", ErrUnsupportedFormat, displayName(name), err)
	}
	if len(zr.File) > maxZipEntries {
		return nil, fmt.Errorf("%w: the archive holds more than %d files", ErrTooLarge, maxZipEntries)
	}
	switch zipKind(zr) {
	case "xlsx":
		if err := checkZipSizes(zr, limits, true); err != nil {
			return nil, err
		}
		return readXLSX(ctx, data, zr, limits)
	case "ods":
		if err := checkZipSizes(zr, limits, false); err != nil {
			return nil, err
		}
		return readODS(ctx, zr, limits)
	}
	return nil, fmt.Errorf("%w: %s is a zip archive but not an XLSX or ODS spreadsheet", ErrUnsupportedFormat, displayName(name))
}

// zipKind tells an Office Open XML workbook from an OpenDocument spreadsheet by their content.
func zipKind(zr *zip.Reader) string {
	hasContentTypes, hasWorkbook, hasODSContent := false, false, false
	for _, f := range zr.File {
		switch strings.ToLower(f.Name) {
		case "[content_types].xml":
			hasContentTypes = true
		case "xl/workbook.xml":
			hasWorkbook = true
		case "content.xml":
			hasODSContent = true
		case "mimetype":
			if f.UncompressedSize64 < 200 {
				if b, err := readZipFile(f, 200); err == nil && strings.TrimSpace(string(b)) == odsMimeType {
					return "ods"
				}
			}
		}
		if strings.HasPrefix(strings.ToLower(f.Name), "xl/") {
			hasWorkbook = hasWorkbook || strings.HasSuffix(strings.ToLower(f.Name), "workbook.xml")
		}
	}
	switch {
	case hasContentTypes && hasWorkbook:
		return "xlsx"
	case hasODSContent && !hasContentTypes:
		return "ods"
	}
	return ""
}

// checkZipSizes refuses an archive whose declared uncompressed sizes exceed the limits: a zip
// bomb is stopped before a byte is inflated. The declared sizes can be trusted because
// archive/zip fails a read that goes past them. For XLSX, the parts excelize keeps in memory (all
// but worksheets and the shared strings, which it streams from a temporary file when large) are
// also held to MaxUnzipXMLBytes each.
func checkZipSizes(zr *zip.Reader, limits Limits, xlsx bool) error {
	var total uint64
	for _, f := range zr.File {
		size := f.UncompressedSize64
		total += size
		if size > uint64(limits.MaxUnzipBytes) || total > uint64(limits.MaxUnzipBytes) {
			return fmt.Errorf("%w: the workbook unpacks to more than %s", ErrUnpacksTooLarge, formatBytes(limits.MaxUnzipBytes))
		}
		if xlsx && size > uint64(limits.MaxUnzipXMLBytes) {
			name := strings.ToLower(f.Name)
			streamed := strings.HasPrefix(name, "xl/worksheets/sheet") || name == "xl/sharedstrings.xml"
			if !streamed {
				return fmt.Errorf("%w: the workbook part %q unpacks to more than %s", ErrUnpacksTooLarge, f.Name, formatBytes(limits.MaxUnzipXMLBytes))
			}
		}
	}
	return nil
}

// readZipFile reads a whole archive member of at most limit bytes.
func readZipFile(f *zip.File, limit int64) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%w: %q is larger than %s", ErrUnpacksTooLarge, f.Name, formatBytes(limit))
	}
	return b, nil
}

// findZipFile finds an archive member by name, ignoring case as Office does.
func findZipFile(zr *zip.Reader, name string) *zip.File {
	for _, f := range zr.File {
		if f.Name == name {
			return f
		}
	}
	for _, f := range zr.File {
		if strings.EqualFold(f.Name, name) {
			return f
		}
	}
	return nil
}
