package httpapi

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// FuzzVolunteerSearchRequest: whatever a client puts in a search's parameters, or in the IDs and
// periods of other paths, the answer is a result or a 4xx problem, never a server error, from
// the index and from the database fallback alike.
func FuzzVolunteerSearchRequest(f *testing.F) {
	f.Add("compta", "accounting", "Besançon", "expert", "active", "remote", "fr", "1", "2026-01-01")
	f.Add("élo", "Traduction russe", "saint-etienne", "confirmé", "all", "monday", "ru", "-1", "2026-02-30")
	f.Add("zoe@", "", "", "génial", "lost", "never", "xx", "9999999999999999999999", "")
	f.Add("\"*?~^: c++", "custom:", "\x00", "", "archived", "", "", "0x10", "2026-13-01")
	indexed, _ := newTestHandlerIndexed(f, true)
	rebuilding, _ := newTestHandlerIndexed(f, false)
	handlers := map[string]http.Handler{"index": indexed, "database": rebuilding}
	serve := func(h http.Handler, method, target, body string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, target, strings.NewReader(body))
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	for _, h := range handlers {
		for _, body := range []string{
			`{"firstName":"Élodie","lastName":"Martin","email":"elodie@example.fr","city":"Besançon","skills":[{"name":"compta","level":"expert"}],"availability":{"mode":"remote"}}`,
			`{"firstName":"Ольга","lastName":"Петрова","city":"Strasbourg","languages":["ru"],"skills":[{"name":"Traduction russe","level":"confirmé"}]}`,
		} {
			if rec := serve(h, "POST", "/api/volunteers", body); rec.Code != 201 {
				f.Fatalf("seed volunteer: %d %s", rec.Code, rec.Body)
			}
		}
	}
	f.Fuzz(func(t *testing.T, q, skill, city, level, status, availability, language, id, date string) {
		params := url.Values{"q": {q}, "skill": {skill}, "city": {city}, "level": {level}, "status": {status},
			"availability": {availability}, "language": {language}, "limit": {"5"}}
		for name, h := range handlers {
			rec := serve(h, "GET", "/api/volunteers?"+params.Encode(), "")
			switch {
			case rec.Code == 200:
				var res struct {
					Total  int
					Items  []json.RawMessage
					Source string
				}
				if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil || res.Total < len(res.Items) || res.Total > 2 || res.Source != name {
					t.Fatalf("%s: %+v %v", name, res, err)
				}
			case rec.Code < 400 || rec.Code >= 500:
				t.Fatalf("%s search %v: %d %s", name, params, rec.Code, rec.Body)
			}
			for _, target := range []string{
				"/api/volunteers/" + url.PathEscape(id),
				"/api/projects/" + url.PathEscape(id) + "/documents/" + url.PathEscape(id),
				"/api/hours?" + url.Values{"volunteerId": {id}, "from": {date}, "to": {date}}.Encode(),
				"/api/dashboards/association?" + url.Values{"from": {date}, "to": {id}}.Encode(),
			} {
				if rec := serve(h, "GET", target, ""); rec.Code >= 500 {
					t.Fatalf("%s %s: %d %s", name, target, rec.Code, rec.Body)
				}
			}
		}
	})
}
