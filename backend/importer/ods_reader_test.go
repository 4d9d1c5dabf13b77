package importer

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// odsFile packs content.xml into an OpenDocument spreadsheet.
func odsFile(t testing.TB, tables string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	if err != nil {
		t.Fatal(err)
	}
	_, _ = w.Write([]byte(odsMimeType))
	w, _ = zw.Create("content.xml")
	_, _ = w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><office:body><office:spreadsheet>` + tables + `</office:spreadsheet></office:body></office:document-content>`))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadODSRepeatsAndCells(t *testing.T) {
	data := odsFile(t, `
<table:table table:name="Notes"><table:table-row><table:table-cell office:value-type="string"><text:p>Rien ici</text:p></table:table-cell></table:table-row></table:table>
<table:table table:name="Bénévoles">
 <table:table-column table:number-columns-repeated="16384"/>
 <table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
 <table:table-header-rows>
 <table:table-row>
  <table:table-cell office:value-type="string"><text:p>Nom</text:p></table:table-cell>
  <table:table-cell table:number-columns-repeated="2"/>
  <table:table-cell office:value-type="string"><text:p>Prénom</text:p></table:table-cell>
  <table:table-cell office:value-type="string"><text:p>CP</text:p></table:table-cell>
  <table:table-cell office:value-type="string"><text:p>Tél</text:p></table:table-cell>
  <table:table-cell office:value-type="string"><text:p>Inscrit le</text:p></table:table-cell>
  <table:table-cell office:value-type="string"><text:p>Compétences</text:p></table:table-cell>
  <table:table-cell table:number-columns-repeated="16376"/>
 </table:table-row>
 </table:table-header-rows>
 <table:table-row table:number-rows-repeated="3">
  <table:table-cell office:value-type="string"><office:annotation><dc:creator>Coordinatrice</dc:creator><text:p>à rappeler</text:p></office:annotation><text:p>Le<text:s/>Goff</text:p></table:table-cell>
  <table:covered-table-cell table:number-columns-repeated="2"/>
  <table:table-cell office:value-type="string"><text:p><text:span>Anne</text:span>-Sophie</text:p></table:table-cell>
  <table:table-cell office:value-type="float" office:value="7500"><text:p>07500</text:p></table:table-cell>
  <table:table-cell office:value-type="float" office:value="612345678"><text:p>6 12 34 56 78</text:p></table:table-cell>
  <table:table-cell office:value-type="date" office:date-value="2024-03-15T10:30:00"><text:p>15/03/24</text:p></table:table-cell>
  <table:table-cell office:value-type="string"><text:p>Comptabilité</text:p><text:p>Sous-titrage<text:line-break/>e-mailing</text:p></table:table-cell>
  <table:table-cell table:number-columns-repeated="16376"/>
 </table:table-row>
 <table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
 <table:table-row><table:table-cell office:value-type="string"><text:p>Après le vide</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="6.5E-1"><text:p>0,65</text:p></table:table-cell></table:table-row>
</table:table>`)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	s, err := Read(context.Background(), bytes.NewReader(data), "benevoles.ods", DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	// Expanding the repeats would take gigabytes; skipping them, a few megabytes.
	if allocated := after.TotalAlloc - before.TotalAlloc; allocated > 64<<20 {
		t.Errorf("repeated empty rows and columns allocated %d MiB", allocated>>20)
	}
	if s.Format != "ods" || s.SheetName != "Bénévoles" || s.HeaderRow != 3 {
		t.Errorf("format %q sheet %q header row %d", s.Format, s.SheetName, s.HeaderRow)
	}
	if want := []string{"Nom", "", "", "Prénom", "CP", "Tél", "Inscrit le", "Compétences"}; !reflect.DeepEqual(s.Header, want) {
		t.Errorf("header %q", s.Header)
	}
	person := []string{"Le Goff", "", "", "Anne-Sophie", "07500", "612345678", "2024-03-15", "Comptabilité\nSous-titrage\ne-mailing"}
	want := []Row{
		{Number: 4, Cells: person}, {Number: 5, Cells: person}, {Number: 6, Cells: person},
		{Number: 1048007, Cells: []string{"Après le vide", "0.65"}},
	}
	if !reflect.DeepEqual(s.Rows, want) {
		t.Errorf("rows:\n got %v\nwant %v", s.Rows, want)
	}
}

func TestReadODSLimits(t *testing.T) {
	row := `<table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="string"><text:p>Martin</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Élodie</text:p></table:table-cell></table:table-row>`
	data := odsFile(t, `<table:table table:name="A"><table:table-row><table:table-cell office:value-type="string"><text:p>Nom</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Prénom</text:p></table:table-cell></table:table-row>`+row+`</table:table>`)
	if _, err := Read(context.Background(), bytes.NewReader(data), "", Limits{MaxRows: 1000}); !errors.Is(err, ErrTooManyRows) {
		t.Errorf("got %v, want ErrTooManyRows", err)
	}

	// A wide row of the same text is cut at maxColumns.
	wide := odsFile(t, `<table:table table:name="A"><table:table-row><table:table-cell office:value-type="string"><text:p>Nom</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16000" office:value-type="string"><text:p>Prénom</text:p></table:table-cell></table:table-row></table:table>`)
	s, err := Read(context.Background(), bytes.NewReader(wide), "", DefaultLimits())
	if err != nil || len(s.Header) != maxColumns {
		t.Errorf("wide row: %v, %d columns", err, len(s.Header))
	}
}

func TestReadODSDamaged(t *testing.T) {
	data := odsFile(t, `<table:table table:name="A"><table:table-row><table:table-cell office:value-type="string"><text:p>Nom</text:p></table:table-cell>`)
	_, err := Read(context.Background(), bytes.NewReader(data), "", DefaultLimits())
	if !errors.Is(err, ErrUnsupportedFormat) || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("got %v, want a damaged-content error", err)
	}
	empty := odsFile(t, `<table:table table:name="A"><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>`)
	if _, err := Read(context.Background(), bytes.NewReader(empty), "", DefaultLimits()); !errors.Is(err, ErrEmptyFile) {
		t.Errorf("empty sheet: got %v, want ErrEmptyFile", err)
	}
}
