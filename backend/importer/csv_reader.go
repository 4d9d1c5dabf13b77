package importer

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

var (
	utf16LEBOM = []byte{0xFF, 0xFE}
	utf16BEBOM = []byte{0xFE, 0xFF}
)

// delimiters are the separators CSV files use, in the order preferred when the counts tie:
// French Excel writes ";", English Excel ",", "Unicode text" exports use tabs.
var delimiters = []byte{';', '\t', ','}

// readCSV reads CSV text: it decodes it, picks the delimiter, and collects the rows with the row
// numbers a spreadsheet program would show (blank lines count, a quoted line break does not).
func readCSV(ctx context.Context, data []byte, limits Limits) (*Sheet, error) {
	text, encoding, err := decodeText(data)
	if err != nil {
		return nil, err
	}
	if strings.IndexByte(text, '\n') < 0 && strings.IndexByte(text, '\r') >= 0 {
		// Old Mac line endings: a lone carriage return ends each line.
		text = strings.ReplaceAll(text, "\r", "\n")
	}
	delim := detectDelimiter(text)
	sheet := &Sheet{Format: "csv", Encoding: encoding, Delimiter: string(delim)}

	r := csv.NewReader(strings.NewReader(text))
	r.Comma = rune(delim)
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	c := newCollector(limits)
	rowNumber, lastLine := 0, 0
	for n := 0; ; n++ {
		if n%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		record, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: the CSV text cannot be read: %v", ErrUnsupportedFormat, err)
		}
		line, _ := r.FieldPos(0)
		// encoding/csv skips empty lines, which a spreadsheet shows as rows.
		rowNumber += max(line-lastLine, 1)
		lastLine = line
		for _, field := range record {
			lastLine += strings.Count(field, "\n")
		}
		if err := c.add(rowNumber, record); err != nil {
			return nil, err
		}
	}
	if err := c.finish(sheet); err != nil {
		return nil, err
	}
	return sheet, nil
}

// decodeText turns the bytes into UTF-8 text: UTF-8 with or without a byte order mark, UTF-16
// with one, and otherwise Windows-1252, the encoding of CSV files saved by Excel on a French
// Windows PC.
func decodeText(data []byte) (text, encoding string, err error) {
	switch {
	case bytes.HasPrefix(data, utf8BOM):
		return strings.ToValidUTF8(string(data[len(utf8BOM):]), "\uFFFD"), "utf-8-bom", nil
	case bytes.HasPrefix(data, utf16LEBOM), bytes.HasPrefix(data, utf16BEBOM):
		encoding = "utf-16le"
		if bytes.HasPrefix(data, utf16BEBOM) {
			encoding = "utf-16be"
		}
		decoded, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", "", fmt.Errorf("%w: the UTF-16 text cannot be decoded: %v", ErrUnsupportedFormat, err)
		}
		if looksBinary(decoded) {
			return "", "", fmt.Errorf("%w: the file is not text", ErrUnsupportedFormat)
		}
		return string(decoded), encoding, nil
	case utf8.Valid(data):
		return string(data), "utf-8", nil
	}
	decoded, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", fmt.Errorf("%w: the text cannot be decoded: %v", ErrUnsupportedFormat, err)
	}
	return string(decoded), "windows-1252", nil
}

// detectDelimiter picks the separator that splits the first lines most consistently: for each
// candidate it counts the separators outside quotes on each line, and scores the most frequent
// non-zero count by how many lines have it. A title line above the table has none and does not
// get in the way.
func detectDelimiter(text string) byte {
	const sampleLines = 30
	counts := make([][]int, len(delimiters))
	line := make([]int, len(delimiters))
	inQuotes, lines, blank := false, 0, true
	endLine := func() {
		if !blank {
			for i := range delimiters {
				counts[i] = append(counts[i], line[i])
			}
			lines++
		}
		clear(line)
		blank = true
	}
	for i := 0; i < len(text) && i < 256<<10 && lines < sampleLines; i++ {
		ch := text[i]
		switch {
		case ch == '"':
			inQuotes = !inQuotes
			blank = false
		case inQuotes:
		case ch == '\n':
			endLine()
		case ch == '\r' || ch == ' ':
		default:
			blank = false
			for d, delim := range delimiters {
				if ch == delim {
					line[d]++
				}
			}
		}
	}
	endLine()

	best, bestScore, bestWidth := delimiters[0], 0, 0
	for d, delim := range delimiters {
		freq := map[int]int{}
		for _, n := range counts[d] {
			if n > 0 {
				freq[n]++
			}
		}
		score, width := 0, 0
		for n, f := range freq {
			if f > score || (f == score && n > width) {
				score, width = f, n
			}
		}
		if score > bestScore || (score == bestScore && width > bestWidth) {
			best, bestScore, bestWidth = delim, score, width
		}
	}
	return best
}
