package importer

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"hash/crc32"
	"runtime"
	"testing"
	"time"
)

// bitWriter writes a DEFLATE stream bit by bit (least significant bit first).
type bitWriter struct {
	buf   []byte
	acc   uint64
	nbits uint
}

func (w *bitWriter) bits(v uint64, n uint) {
	w.acc |= v << w.nbits
	w.nbits += n
	for w.nbits >= 8 {
		w.buf = append(w.buf, byte(w.acc))
		w.acc >>= 8
		w.nbits -= 8
	}
}

// huffman writes a Huffman code, which DEFLATE stores most significant bit first.
func (w *bitWriter) huffman(code uint64, n uint) {
	var rev uint64
	for i := range n {
		rev |= (code >> i & 1) << (n - 1 - i)
	}
	w.bits(rev, n)
}

func (w *bitWriter) literal(b byte) {
	if b < 144 {
		w.huffman(0x30+uint64(b), 8)
	} else {
		w.huffman(0x190+uint64(b)-144, 9)
	}
}

func (w *bitWriter) flush() []byte {
	if w.nbits > 0 {
		w.buf = append(w.buf, byte(w.acc))
	}
	return w.buf
}

// deflateBomb compresses prefix followed by repeats×258 copies of its last byte into a valid
// DEFLATE stream of about 13 bits per 258 bytes, without producing the bytes themselves. It
// returns the stream and the CRC-32 and size of what it inflates to.
func deflateBomb(prefix string, repeats int) (stream []byte, crc uint32, size int64) {
	w := &bitWriter{}
	w.bits(1, 1) // last block
	w.bits(1, 2) // fixed Huffman codes
	for i := 0; i < len(prefix); i++ {
		w.literal(prefix[i])
	}
	for range repeats {
		w.huffman(0xC5, 8) // length code 285: 258 bytes
		w.huffman(0, 5)    // distance code 0: 1 byte back
	}
	w.huffman(0, 7) // end of block

	crc = crc32.ChecksumIEEE([]byte(prefix))
	chunk := bytes.Repeat([]byte{prefix[len(prefix)-1]}, 258*4096)
	left := repeats
	for left > 0 {
		n := min(left, 4096)
		crc = crc32.Update(crc, crc32.IEEETable, chunk[:n*258])
		left -= n
	}
	return w.flush(), crc, int64(len(prefix)) + int64(repeats)*258
}

// bombWorkbook builds an XLSX whose worksheet inflates to about size bytes of XML. declared is
// the size its zip header states (the real one when 0).
func bombWorkbook(t testing.TB, size, declared int64) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name, content string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = w.Write([]byte(content))
	}
	add("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`)
	add("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	add("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Feuil1" sheetId="1" r:id="rId1"/></sheets></workbook>`)
	add("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`)
	stream, crc, real := deflateBomb(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Nom `, int(size/258))
	if declared == 0 {
		declared = real
	}
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate, CRC32: crc,
		CompressedSize64: uint64(len(stream)), UncompressedSize64: uint64(declared),
	})
	if err != nil {
		t.Fatal(err)
	}
	_, _ = w.Write(stream)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// readMeasured reads data and returns the error, the time taken and the bytes allocated.
func readMeasured(t *testing.T, data []byte, limits Limits) (error, time.Duration, uint64) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	_, err := Read(context.Background(), bytes.NewReader(data), "bombe.xlsx", limits)
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	return err, elapsed, after.TotalAlloc - before.TotalAlloc
}

func TestZipBombs(t *testing.T) {
	if testing.Short() {
		t.Skip("builds gigabyte-sized bombs")
	}
	tests := []struct {
		name     string
		size     int64 // what the sheet really inflates to
		declared int64 // what the zip says (0: the truth)
		limits   Limits
		want     error
	}{
		{"1 GiB sheet, default limits", 1 << 30, 0, DefaultLimits(), ErrTooLarge},
		{"64 MiB sheet, 16 MiB limit", 64 << 20, 0, Limits{MaxUnzipBytes: 16 << 20, MaxUnzipXMLBytes: 8 << 20}, ErrTooLarge},
		{"1 GiB sheet claiming 4 KiB", 1 << 30, 4 << 10, DefaultLimits(), ErrUnsupportedFormat},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := bombWorkbook(t, tc.size, tc.declared)
			err, elapsed, allocated := readMeasured(t, data, tc.limits)
			if !errors.Is(err, tc.want) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
			t.Logf("%d-byte file refused in %v, %d KiB allocated: %v", len(data), elapsed, allocated>>10, err)
			// No timing threshold (machines are shared); memory tells whether the bomb went off:
			// refusing must cost a fraction of what the sheet inflates to. The bound leaves room
			// for the race detector, which inflates allocations.
			if limit := min(uint64(tc.size)/2, uint64(len(data))*8+48<<20); allocated > limit {
				t.Errorf("allocated %d MiB to refuse a %d KiB file that inflates to %d MiB", allocated>>20, len(data)>>10, tc.size>>20)
			}
		})
	}
}

func TestZipBombODS(t *testing.T) {
	build := func(declared int64) []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
		_, _ = w.Write([]byte(odsMimeType))
		stream, crc, real := deflateBomb(`<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:spreadsheet><table:table table:name="A"><table:table-row><table:table-cell office:value-type="string"><text:p>Nom `, (256<<20)/258)
		if declared == 0 {
			declared = real
		}
		w, _ = zw.CreateRaw(&zip.FileHeader{Name: "content.xml", Method: zip.Deflate, CRC32: crc, CompressedSize64: uint64(len(stream)), UncompressedSize64: uint64(declared)})
		_, _ = w.Write(stream)
		_ = zw.Close()
		return buf.Bytes()
	}
	limits := Limits{MaxUnzipBytes: 64 << 20, MaxUnzipXMLBytes: 32 << 20}
	if err, _, _ := readMeasured(t, build(0), limits); !errors.Is(err, ErrTooLarge) {
		t.Errorf("honest bomb: got %v, want ErrTooLarge", err)
	}
	err, elapsed, allocated := readMeasured(t, build(4<<10), limits)
	if !errors.Is(err, ErrUnsupportedFormat) {
		t.Errorf("bomb claiming 4 KiB: got %v, want ErrUnsupportedFormat", err)
	}
	t.Logf("bomb claiming 4 KiB refused in %v", elapsed)
	if allocated > 64<<20 {
		t.Errorf("bomb claiming 4 KiB: %d MiB allocated", allocated>>20)
	}
}

// BenchmarkZipBombRefusal is the time and memory to refuse a workbook of a few megabytes whose
// sheet inflates to 1 GiB, with the default limits: as it says so in its zip header ("honest"),
// and claiming 4 KiB ("lying", caught while inflating). make bench reports them as
// safety.zipBomb*.
func BenchmarkZipBombRefusal(b *testing.B) {
	for _, tc := range []struct {
		name     string
		declared int64
		want     error
	}{{"honest", 0, ErrUnpacksTooLarge}, {"lying", 4 << 10, ErrUnsupportedFormat}} {
		b.Run(tc.name, func(b *testing.B) {
			data := bombWorkbook(b, 1<<30, tc.declared)
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				if _, err := Read(context.Background(), bytes.NewReader(data), "bombe.xlsx", DefaultLimits()); !errors.Is(err, tc.want) {
					b.Fatalf("got %v", err)
				}
			}
		})
	}
}
