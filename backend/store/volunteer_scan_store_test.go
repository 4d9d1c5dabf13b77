package store

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/civisphere/civisphere/backend/domain"
)

// The hand-written readers of the scan agree with encoding/json on what this package writes,
// and hand anything else to encoding/json.
func TestScanListDecodersAgreeWithJSON(t *testing.T) {
	for _, a := range []availabilityRow{
		{}, {Days: []string{"monday"}}, {Evenings: true}, {Weekends: true, Mode: "remote"},
		{Days: []string{"monday", "friday"}, Evenings: true, Weekends: true, HoursPerMonth: 12, Mode: "either"},
		{HoursPerMonth: 4},
	} {
		raw, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		var got availabilityRow
		if len(raw) > 2 && !plainAvailability(raw, &got) {
			t.Errorf("%s not read by hand", raw)
		}
		if !reflect.DeepEqual(got, a) && len(raw) > 2 {
			t.Errorf("%s: got %+v", raw, got)
		}
	}
	for _, raw := range []string{`{"days": ["monday"]}`, `{"mode":"re\"mote"}`, `{"unknown":1}`, `{"days":["a"`} {
		var got availabilityRow
		if plainAvailability([]byte(raw), &got) {
			t.Errorf("%s read by hand as %+v", raw, got)
		}
	}
	for raw, want := range map[string][]string{`[]`: nil, `["fr"]`: {"fr"}, `["fr","ru","el"]`: {"fr", "ru", "el"}} {
		if got, ok := plainStrings([]byte(raw)); !ok || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %v %v", raw, got, ok)
		}
	}
	for _, raw := range []string{`["a\"b"]`, `["a", "b"]`, `[1]`, `null`, `["Œuvre","x,y"]`} {
		if got, ok := plainStrings([]byte(raw)); ok {
			t.Errorf("%s read by hand as %v", raw, got)
		}
	}
	var v domain.Volunteer
	if err := decodeScanLists(&v, []byte(`["solidarity"]`), []byte(`["fr", "ru"]`), []byte(`{"evenings": true}`)); err != nil ||
		len(v.Causes) != 1 || !reflect.DeepEqual(v.Languages, []string{"fr", "ru"}) || !v.Availability.Evenings {
		t.Errorf("fallback to encoding/json: %+v %v", v, err)
	}
}
