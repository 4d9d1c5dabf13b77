package httpapi

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestPrivacyAPI(t *testing.T) {
	f := newHourFixture(t) // Élodie and Łukasz, projects, as the hours tests have them
	h := f.h
	call(t, h, "PUT", "/api/volunteers/"+f.elodie.ID, `{"firstName":"Élodie","lastName":"Dubœuf","email":"elodie@exemple.fr","phone":"0612345678","skills":[{"name":"compta","level":"expert"}]}`, 200, nil)
	call(t, h, "PUT", "/api/volunteers/"+f.lukasz.ID, `{"firstName":"Łukasz","lastName":"Wiśniewski","email":"lukasz@exemple.pl"}`, 200, nil)
	call(t, h, "PUT", "/api/volunteers/"+f.elodie.ID+"/consents/contact", `{"given":true}`, 200, nil)
	call(t, h, "POST", "/api/hours", f.entry(f.elodie, f.project, "2026-11-02", "2.5", `,"note":"Bilan"`), 201, nil)
	call(t, h, "PUT", "/api/projects/"+f.project.ID, `{"title":"Comptabilité de l’épicerie","organizationId":"`+f.asso.ID+`","sponsorId":"`+f.sponsor.ID+`","startDate":"2026-10-01","endDate":"2026-12-31","status":"recruiting"}`, 200, nil)
	call(t, h, "POST", "/api/projects/"+f.project.ID+"/applications", `{"volunteerId":"`+f.elodie.ID+`"}`, 201, nil)
	viewer := map[string]string{"X-Test-Role": "viewer"}
	coordinator := map[string]string{"X-Test-Role": "coordinator"}
	en := map[string]string{"Accept-Language": "en"}

	// A list export: e-mail and phone only for who consents to being contacted.
	rec := scenario{method: "GET", path: "/api/volunteers/export.csv?status=all", wantStatus: 200, wantType: "text/csv",
		wantInBody: []string{"Consentements en cours", "elodie@exemple.fr", "être contacté(e) (", "Wiśniewski"}}.run(t, h)
	if strings.Contains(rec.Body.String(), "lukasz@exemple.pl") {
		t.Errorf("the export holds the e-mail of someone who does not consent to being contacted:\n%s", rec.Body)
	}

	for _, sc := range []scenario{
		{name: "person export", method: "GET", path: "/api/volunteers/" + f.elodie.ID + "/export", wantStatus: 200, wantType: "application/json",
			wantHeaders: map[string]string{"Content-Disposition": `attachment; filename="donnees-personnelles-elodie-duboeuf-2026-11-25.json"; filename*=UTF-8''donnees-personnelles-elodie-duboeuf-2026-11-25.json`},
			wantInBody: []string{`"profile":{"id":"` + f.elodie.ID + `"`, `"email":"elodie@exemple.fr"`, `"consents":[{"kind":"contact"`,
				`"applications":[{"id":`, `"projectTitle":"Comptabilité de l’épicerie"`, `"hours":[{"id":`, `"note":"Bilan"`, `"hours":2.5`,
				`"surveyResponses":[]`, `"action":"volunteer.exported"`, `"detail":"format=json"`, `"action":"volunteer.created"`}},
		{name: "viewers may not export a person", method: "GET", path: "/api/volunteers/" + f.elodie.ID + "/export", headers: viewer,
			wantStatus: 403, wantType: problemJSON},
		{name: "coordinators may", method: "GET", path: "/api/volunteers/" + f.elodie.ID + "/export", headers: coordinator,
			wantStatus: 200, wantType: "application/json"},
		{name: "unknown person", method: "GET", path: "/api/volunteers/999/export", wantStatus: 404, wantType: problemJSON},
		{name: "unknown person as PDF", method: "GET", path: "/api/volunteers/999/export.pdf", wantStatus: 404, wantType: problemJSON},
		// Her profile, consent and export entries (5), plus the hours logged for her and her application.
		{name: "audit of one person", method: "GET", path: "/api/audit?volunteerId=" + f.elodie.ID + "&limit=2", wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"total":7`, `"action":"volunteer.exported"`, `"actorId":"test-coordinator"`}},
		{name: "audit of everyone shows the list export", method: "GET", path: "/api/audit", wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"action":"volunteers.exported","volunteerId":"","detail":"format=csv rows=2"`}},
		{name: "viewers may not read the audit log", method: "GET", path: "/api/audit", headers: viewer, wantStatus: 403, wantType: problemJSON},
		{name: "bad volunteer filter", method: "GET", path: "/api/audit?volunteerId=abc", wantStatus: 422, wantType: problemJSON},
		{name: "limit too large", method: "GET", path: "/api/audit?limit=501", wantStatus: 422, wantType: problemJSON},
		{name: "retention default", method: "GET", path: "/api/privacy/retention", wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`{"months":36}`}},
		{name: "coordinators may not change it", method: "PUT", path: "/api/privacy/retention", headers: coordinator, body: `{"months":12}`,
			wantStatus: 403, wantType: problemJSON},
		{name: "out of range", method: "PUT", path: "/api/privacy/retention", body: `{"months":0}`, wantStatus: 422, wantType: problemJSON},
		{name: "admins may", method: "PUT", path: "/api/privacy/retention", body: `{"months":12}`, wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`{"months":12}`}},
		{name: "preview: nobody inactive", method: "GET", path: "/api/privacy/retention/preview", wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"months":12,"cutoff":"2025-11-25","total":0,"items":[]`}},
		{name: "viewers may not preview", method: "GET", path: "/api/privacy/retention/preview", headers: viewer, wantStatus: 403, wantType: problemJSON},
		{name: "purge re-checks: an active person is kept", method: "POST", path: "/api/privacy/retention/purge", body: `{"ids":["` + f.lukasz.ID + `"]}`,
			wantStatus: 200, wantType: "application/json", wantInBody: []string{`{"erased":[],"kept":["` + f.lukasz.ID + `"]}`}},
		{name: "purge needs ids", method: "POST", path: "/api/privacy/retention/purge", body: `{"ids":[]}`, wantStatus: 422, wantType: problemJSON},
		{name: "purge refuses a bad id", method: "POST", path: "/api/privacy/retention/purge", body: `{"ids":["x"]}`, wantStatus: 422, wantType: problemJSON},
		{name: "viewers may not purge", method: "POST", path: "/api/privacy/retention/purge", headers: viewer, body: `{"ids":["1"]}`, wantStatus: 403, wantType: problemJSON},
		{name: "summary", method: "GET", path: "/api/privacy/summary", wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"activeVolunteers":2`, `"consents":{"contact":1,"photos":0,"sponsorNames":0}`, `"hourEntries":1`, `"retentionMonths":12`, `"auditMonths":12`, `"erasures":0`}},
		{name: "viewers may not erase", method: "POST", path: "/api/volunteers/" + f.elodie.ID + "/erase", headers: viewer, wantStatus: 403, wantType: problemJSON},
		{name: "unknown person is not erased", method: "POST", path: "/api/volunteers/999/erase", headers: en, wantStatus: 404, wantType: problemJSON,
			wantInBody: []string{"Not found."}},
	} {
		t.Run(sc.name, func(t *testing.T) { sc.run(t, h) })
	}

	pdf := scenario{method: "GET", path: "/api/volunteers/" + f.elodie.ID + "/export.pdf?lang=en", wantStatus: 200, wantType: "application/pdf"}.run(t, h)
	text := pdfToText(t, pdf.Body.Bytes())
	for _, want := range []string{"Personal data of Élodie Dubœuf", "elodie@exemple.fr", "Comptabilité de l’épicerie", "being contacted",
		"Applications", "Survey answers None.", "data exported", "format=pdf"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %q:\n%s", want, text)
		}
	}

	var erased struct {
		VolunteerID string         `json:"volunteerId"`
		ErasedAt    string         `json:"erasedAt"`
		Counts      map[string]int `json:"counts"`
	}
	call(t, h, "POST", "/api/volunteers/"+f.elodie.ID+"/erase", "", 200, &erased)
	if erased.VolunteerID != f.elodie.ID || erased.ErasedAt != "2026-11-25T14:00:00Z" || erased.Counts["hours"] != 1 ||
		erased.Counts["applications"] != 1 || erased.Counts["consents"] != 1 || erased.Counts["skills"] != 1 {
		t.Errorf("erasure = %+v", erased)
	}
	call(t, h, "GET", "/api/volunteers/"+f.elodie.ID, "", 404, nil)
	call(t, h, "GET", "/api/volunteers/"+f.elodie.ID+"/export", "", 404, nil)
	call(t, h, "POST", "/api/volunteers/"+f.elodie.ID+"/erase", "", 404, nil)
	var page struct {
		Total int               `json:"total"`
		Items []json.RawMessage `json:"items"`
	}
	call(t, h, "GET", "/api/audit?volunteerId="+f.elodie.ID, "", 200, &page)
	if page.Total != 0 || len(page.Items) != 0 {
		t.Errorf("entries still listed for the erased ID: %+v", page)
	}
	scenario{method: "GET", path: "/api/audit?limit=1", wantStatus: 200, wantType: "application/json",
		wantInBody: []string{`"action":"volunteer.erased"`, `"erased":true`, `hours=1 applications=1`}}.run(t, h)
	// The hours stay, without the person.
	scenario{method: "GET", path: "/api/hours?projectId=" + f.project.ID, wantStatus: 200, wantType: "application/json",
		wantInBody: []string{`"total":1`, `"hours":2.5`}}.run(t, h)
	scenario{method: "GET", path: "/api/privacy/summary", wantStatus: 200, wantType: "application/json",
		wantInBody: []string{`"activeVolunteers":1`, `"anonymousHourEntries":1`, `"erasures":1`}}.run(t, h)
}
