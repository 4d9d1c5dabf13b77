package httpapi

import (
	"encoding/json"
	"testing"
)

func TestVolunteerConsentScenarios(t *testing.T) {
	h := newTestHandler(t)
	en := map[string]string{"Accept-Language": "en-GB,en;q=0.9"}
	for _, sc := range []scenario{
		{name: "created with the consents ticked", method: "POST", path: "/api/volunteers",
			body: `{"firstName":"Élodie","lastName":"Martin","city":"Besançon",
				"consents":[{"kind":"contact","given":true},{"kind":"photos","given":false}]}`,
			wantStatus: 201, wantType: "application/json",
			wantInBody: []string{`"consents":[{"kind":"contact","given":true,"givenAt":"2026-11-25T14:00:00Z","withdrawnAt":""},` +
				`{"kind":"sponsorNames","given":false,"givenAt":"","withdrawnAt":""},` +
				`{"kind":"photos","given":false,"givenAt":"","withdrawnAt":""}]`,
				`"firstName":"Élodie"`}},
		{name: "created without consents: every kind, none given", method: "POST", path: "/api/volunteers",
			body:       `{"firstName":"Zoé","lastName":"Lefèvre"}`,
			wantStatus: 201, wantType: "application/json",
			wantInBody: []string{`{"kind":"contact","given":false,"givenAt":"","withdrawnAt":""}`, `{"kind":"photos","given":false`}},
		{name: "unknown kind on creation, with the other problems, in French", method: "POST", path: "/api/volunteers",
			body:       `{"email":"pas-un-courriel","consents":[{"kind":"newsletter","given":false}]}`,
			wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.consents"`, `Valeur non reconnue (choix possibles : contact, sponsorNames, photos).`,
				`"location":"body.email"`, `"location":"body.lastName"`}},
		{name: "give photos", method: "PUT", path: "/api/volunteers/1/consents/photos", body: `{"given":true}`,
			wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`{"kind":"photos","given":true,"givenAt":"2026-11-25T14:00:00Z","withdrawnAt":""}`}},
		{name: "give photos again: no change", method: "PUT", path: "/api/volunteers/1/consents/photos", body: `{"given":true}`,
			wantStatus: 200, wantType: "application/json", wantInBody: []string{`"given":true`}},
		{name: "withdraw contact", method: "PUT", path: "/api/volunteers/1/consents/contact", body: `{"given":false}`,
			wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`{"kind":"contact","given":false,"givenAt":"2026-11-25T14:00:00Z","withdrawnAt":"2026-11-25T14:00:00Z"}`}},
		{name: "withdraw what was never given: nothing recorded", method: "PUT", path: "/api/volunteers/1/consents/sponsorNames",
			body: `{"given":false}`, wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`{"kind":"sponsorNames","given":false,"givenAt":"","withdrawnAt":""}`}},
		{name: "give contact again", method: "PUT", path: "/api/volunteers/1/consents/contact", body: `{"given":true}`,
			wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`{"kind":"contact","given":true,"givenAt":"2026-11-25T14:00:00Z","withdrawnAt":""}`}},
		{name: "profile shows the current consents", method: "GET", path: "/api/volunteers/1",
			wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`{"kind":"contact","given":true,`, `{"kind":"photos","given":true,`, `{"kind":"sponsorNames","given":false,`}},
		{name: "profile fields unchanged", method: "GET", path: "/api/volunteers/1",
			wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"firstName":"Élodie"`, `"city":"Besançon"`, `"skills":[]`, `"status":"active"`}},
		{name: "unknown kind in French", method: "PUT", path: "/api/volunteers/1/consents/newsletter", body: `{"given":true}`,
			wantStatus: 422, wantType: problemJSON, wantInBody: []string{`"location":"body.kind"`, `Valeur non reconnue`, `contact, sponsorNames, photos`}},
		{name: "unknown kind in English", method: "PUT", path: "/api/volunteers/1/consents/newsletter", body: `{"given":true}`,
			headers: en, wantStatus: 422, wantType: problemJSON, wantInBody: []string{`Unknown value (possible choices: contact, sponsorNames, photos).`}},
		{name: "unknown volunteer", method: "PUT", path: "/api/volunteers/999/consents/photos", body: `{"given":true}`,
			wantStatus: 404, wantType: problemJSON, wantInBody: []string{`Élément introuvable.`}},
		{name: "unknown volunteer in English", method: "PUT", path: "/api/volunteers/999/consents/photos", body: `{"given":true}`,
			headers: en, wantStatus: 404, wantType: problemJSON, wantInBody: []string{`Not found.`}},
		{name: "malformed volunteer id", method: "PUT", path: "/api/volunteers/abc/consents/photos", body: `{"given":true}`,
			wantStatus: 404, wantType: problemJSON},
		{name: "body required", method: "PUT", path: "/api/volunteers/1/consents/photos",
			wantStatus: 400, wantType: problemJSON},
		{name: "history of an unknown volunteer", method: "GET", path: "/api/volunteers/999/consents/history",
			wantStatus: 404, wantType: problemJSON},
		{name: "profile saved: consents kept", method: "PUT", path: "/api/volunteers/1",
			body:       `{"firstName":"Élodie","lastName":"Martin","city":"Dijon"}`,
			wantStatus: 200, wantType: "application/json", wantInBody: []string{`"city":"Dijon"`, `{"kind":"contact","given":true,`}},
		{name: "archived: consents still shown", method: "DELETE", path: "/api/volunteers/1",
			wantStatus: 200, wantType: "application/json", wantInBody: []string{`"status":"archived"`, `{"kind":"photos","given":true,`}},
	} {
		t.Run(sc.name, func(t *testing.T) { sc.run(t, h) })
	}

	rec := scenario{method: "GET", path: "/api/volunteers/1/consents/history", wantStatus: 200, wantType: "application/json"}.run(t, h)
	var history ConsentHistory
	if err := json.Unmarshal(rec.Body.Bytes(), &history); err != nil {
		t.Fatal(err)
	}
	// Contact given at creation then withdrawn, contact given again, photos given: three grants.
	if history.Total != 3 || len(history.Items) != 3 {
		t.Fatalf("history: %+v", history)
	}
	open, closed := 0, 0
	for _, it := range history.Items {
		if it.RecordedBy != "local" || it.GivenAt != "2026-11-25T14:00:00Z" {
			t.Errorf("record %+v", it)
		}
		if it.WithdrawnAt == "" {
			open++
		} else if it.Kind == "contact" && it.WithdrawnBy == "local" {
			closed++
		}
	}
	if open != 2 || closed != 1 {
		t.Errorf("history: %d open, %d withdrawn contact: %+v", open, closed, history.Items)
	}

	scenario{name: "a new volunteer has an empty history", method: "GET", path: "/api/volunteers/2/consents/history",
		wantStatus: 200, wantType: "application/json", wantInBody: []string{`{"total":0,"items":[]}`}}.run(t, h)
}

func TestCertificateSignatoryInTheProfile(t *testing.T) {
	h := newTestHandler(t)
	for _, sc := range []scenario{
		{name: "empty by default", method: "GET", path: "/api/settings/organization", wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"signatoryName":""`, `"signatoryRole":""`}},
		{name: "saved tidied", method: "PUT", path: "/api/settings/organization",
			body:       `{"name":"Œuvre de Besançon","signatoryName":"  Marie-Hélène   Dubœuf ","signatoryRole":"Présidente"}`,
			wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"signatoryName":"Marie-Hélène Dubœuf"`, `"signatoryRole":"Présidente"`}},
		{name: "kept", method: "GET", path: "/api/settings/organization", wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"signatoryName":"Marie-Hélène Dubœuf"`, `"signatoryRole":"Présidente"`}},
		{name: "too long, in French", method: "PUT", path: "/api/settings/organization",
			body:       `{"name":"Œuvre de Besançon","signatoryName":"` + repeatRune('é', 121) + `","signatoryRole":"` + repeatRune('Ж', 121) + `"}`,
			wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.signatoryName"`, `"location":"body.signatoryRole"`, `120 caractères au plus`}},
		{name: "too long, in English", method: "PUT", path: "/api/settings/organization",
			headers:    map[string]string{"Accept-Language": "en"},
			body:       `{"name":"Œuvre de Besançon","signatoryRole":"` + repeatRune('x', 121) + `"}`,
			wantStatus: 422, wantType: problemJSON, wantInBody: []string{`"location":"body.signatoryRole"`, `120 characters at most`}},
		{name: "120 letters fit", method: "PUT", path: "/api/settings/organization",
			body:       `{"name":"Œuvre de Besançon","signatoryName":"` + repeatRune('é', 120) + `"}`,
			wantStatus: 200, wantType: "application/json", wantInBody: []string{`"signatoryRole":""`}},
	} {
		t.Run(sc.name, func(t *testing.T) { sc.run(t, h) })
	}
}

func repeatRune(r rune, n int) string {
	out := make([]rune, n)
	for i := range out {
		out[i] = r
	}
	return string(out)
}
