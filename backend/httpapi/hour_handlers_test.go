package httpapi

import (
	"net/http"
	"strings"
	"testing"
)

// hourFixture is an association, a sponsored project from 1 October to 31 December 2026 and two
// volunteers; the test handler's clock says 25 November 2026.
type hourFixture struct {
	h                             http.Handler
	asso, sponsor, project, other idOnly
	elodie, lukasz                idOnly
}

func newHourFixture(t *testing.T) hourFixture {
	t.Helper()
	f := hourFixture{h: newTestHandler(t)}
	call(t, f.h, "POST", "/api/organizations", `{"kind":"association","name":"Œuvre de Besançon","city":"Besançon"}`, 201, &f.asso)
	call(t, f.h, "POST", "/api/organizations", `{"kind":"sponsor","name":"Fondation Ștefan"}`, 201, &f.sponsor)
	call(t, f.h, "POST", "/api/projects", `{"title":"Comptabilité de l’épicerie","organizationId":"`+f.asso.ID+`","sponsorId":"`+f.sponsor.ID+`","startDate":"2026-10-01","endDate":"2026-12-31"}`, 201, &f.project)
	call(t, f.h, "POST", "/api/projects", `{"title":"Site web","organizationId":"`+f.asso.ID+`"}`, 201, &f.other)
	call(t, f.h, "POST", "/api/volunteers", `{"firstName":"Élodie","lastName":"Dubœuf","skills":[{"name":"compta","level":"expert"}]}`, 201, &f.elodie)
	call(t, f.h, "POST", "/api/volunteers", `{"firstName":"Łukasz","lastName":"Wiśniewski"}`, 201, &f.lukasz)
	return f
}

func (f hourFixture) entry(volunteer idOnly, project idOnly, date, hours string, extra string) string {
	return `{"volunteerId":"` + volunteer.ID + `","projectId":"` + project.ID + `","date":"` + date + `","hours":` + hours + extra + `}`
}

func TestHoursAPI(t *testing.T) {
	f := newHourFixture(t)
	var first struct {
		ID     string  `json:"id"`
		Hours  float64 `json:"hours"`
		Level  string  `json:"level"`
		Skill  string  `json:"skill"`
		Value  float64 `json:"value"`
		Status string  `json:"status"`
	}
	call(t, f.h, "POST", "/api/hours", f.entry(f.elodie, f.project, "2026-11-02", "2.5", `,"skill":"comptable","note":"Bilan « provisoire »"`), 201, &first)
	// The level comes from Élodie's profile (expert) and the default expert value is 60 €/h.
	if first.Hours != 2.5 || first.Level != "expert" || first.Skill != "Comptabilité" || first.Value != 150 || first.Status != "pending" {
		t.Fatalf("first entry = %+v", first)
	}

	for _, sc := range []scenario{
		{name: "zero hours refused", method: "POST", path: "/api/hours", body: f.entry(f.elodie, f.project, "2026-11-03", "0", ""),
			wantStatus: 422, wantType: problemJSON, wantInBody: []string{`"location":"body.hours"`, `supérieur à zéro`}},
		{name: "negative hours refused in English", method: "POST", path: "/api/hours", headers: map[string]string{"Accept-Language": "en"},
			body: f.entry(f.elodie, f.project, "2026-11-03", "-1", ""), wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.hours"`, `greater than zero`}},
		{name: "more than 24 hours in one entry", method: "POST", path: "/api/hours", body: f.entry(f.elodie, f.project, "2026-11-03", "25", ""),
			wantStatus: 422, wantType: problemJSON, wantInBody: []string{`"location":"body.hours"`}},
		{name: "more than 24 hours on one day across entries", method: "POST", path: "/api/hours",
			body: f.entry(f.elodie, f.other, "2026-11-02", "22", ""), wantStatus: 409, wantType: problemJSON,
			wantInBody: []string{`Plus de 24 heures le 02/11/2026`, `2,5 h sont déjà saisies`}},
		{name: "before the project starts", method: "POST", path: "/api/hours", body: f.entry(f.elodie, f.project, "2026-09-30", "1", ""),
			wantStatus: 409, wantType: problemJSON, wantInBody: []string{`Le 30/09/2026 est en dehors des dates du projet (du 01/10/2026 au 31/12/2026).`}},
		{name: "outside the project in English", method: "POST", path: "/api/hours", headers: map[string]string{"Accept-Language": "en"},
			body: f.entry(f.elodie, f.project, "2026-09-30", "1", ""), wantStatus: 409, wantType: problemJSON,
			wantInBody: []string{`2026-09-30 is outside the project's dates (from 2026-10-01 to 2026-12-31).`}},
		{name: "in the future", method: "POST", path: "/api/hours", body: f.entry(f.elodie, f.project, "2026-11-26", "1", ""),
			wantStatus: 422, wantType: problemJSON, wantInBody: []string{`"location":"body.date"`, `dans le futur`}},
		{name: "unknown volunteer", method: "POST", path: "/api/hours", body: f.entry(idOnly{"9999"}, f.project, "2026-11-03", "1", ""),
			wantStatus: 422, wantType: problemJSON, wantInBody: []string{`"location":"body.volunteerId"`, `n’existe pas`}},
		{name: "unknown project", method: "POST", path: "/api/hours", body: f.entry(f.elodie, idOnly{"9999"}, "2026-11-03", "1", ""),
			wantStatus: 422, wantType: problemJSON, wantInBody: []string{`"location":"body.projectId"`}},
		{name: "impossible date", method: "POST", path: "/api/hours", body: f.entry(f.elodie, f.project, "2026-02-30", "1", ""),
			wantStatus: 422, wantType: problemJSON, wantInBody: []string{`"location":"body.date"`}},
		{name: "missing everything", method: "POST", path: "/api/hours", body: `{}`,
			wantStatus: 422, wantType: problemJSON, wantInBody: []string{`"location":"body.volunteerId"`, `"location":"body.projectId"`, `"location":"body.date"`, `"location":"body.hours"`}},
		{name: "unknown level", method: "POST", path: "/api/hours", body: f.entry(f.elodie, f.project, "2026-11-03", "1", `,"level":"génie"`),
			wantStatus: 422, wantType: problemJSON, wantInBody: []string{`"location":"body.level"`}},
		{name: "unknown entry", method: "GET", path: "/api/hours/424242", wantStatus: 404, wantType: problemJSON},
		{name: "approve an unknown entry", method: "POST", path: "/api/hours/424242/approve", wantStatus: 404, wantType: problemJSON},
		{name: "bad filter date", method: "GET", path: "/api/hours?from=hier", wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.from"`}},
	} {
		t.Run(sc.name, func(t *testing.T) { sc.run(t, f.h) })
	}

	// A timesheet: all or none, and a refused line is named.
	rec := call(t, f.h, "POST", "/api/hours/batch", `{"entries":[`+
		f.entry(f.lukasz, f.project, "2026-11-04", "3", "")+`,`+
		f.entry(f.lukasz, f.project, "2026-11-04", "22", "")+`]}`, 409, nil)
	if !strings.Contains(rec.Body.String(), "Ligne 2 : Plus de 24 heures le 04/11/2026") {
		t.Errorf("batch over 24 h: %s", rec.Body)
	}
	rec = call(t, f.h, "POST", "/api/hours/batch", `{"entries":[`+
		f.entry(f.lukasz, f.project, "2026-11-04", "3", "")+`,`+
		f.entry(f.lukasz, f.project, "2026-11-05", "0", "")+`]}`, 422, nil)
	if !strings.Contains(rec.Body.String(), `"location":"body.entries.1.hours"`) {
		t.Errorf("batch with zero hours: %s", rec.Body)
	}
	var list struct {
		Total  int `json:"total"`
		Totals struct {
			Hours         float64 `json:"hours"`
			ApprovedHours float64 `json:"approvedHours"`
			Value         float64 `json:"value"`
		} `json:"totals"`
		Items []struct {
			ID            string `json:"id"`
			VolunteerName string `json:"volunteerName"`
			SponsorName   string `json:"sponsorName"`
		} `json:"items"`
	}
	call(t, f.h, "GET", "/api/hours", "", 200, &list)
	if list.Total != 1 {
		t.Fatalf("refused timesheets saved something: %d entries", list.Total)
	}

	var batch struct {
		Items []struct {
			ID string `json:"id"`
		} `json:"items"`
	}
	call(t, f.h, "POST", "/api/hours/batch", `{"entries":[`+
		f.entry(f.lukasz, f.project, "2026-11-04", "3.25", "")+`,`+
		f.entry(f.lukasz, f.project, "2026-11-05", "1", `,"skill":"Traduction","level":"confirmed"`)+`,`+
		f.entry(f.elodie, f.other, "2026-11-06", "4", "")+`]}`, 201, &batch)
	if len(batch.Items) != 3 {
		t.Fatalf("timesheet saved %d entries", len(batch.Items))
	}

	// Nothing approved yet: no value in the totals.
	call(t, f.h, "GET", "/api/hours", "", 200, &list)
	if list.Total != 4 || list.Totals.Hours != 10.75 || list.Totals.ApprovedHours != 0 || list.Totals.Value != 0 {
		t.Fatalf("totals before review = %+v", list)
	}

	var approved struct {
		Status     string `json:"status"`
		ReviewedBy string `json:"reviewedBy"`
		ReviewedAt string `json:"reviewedAt"`
	}
	call(t, f.h, "POST", "/api/hours/"+first.ID+"/approve", `{"reviewer":"Marie-Hélène"}`, 200, &approved)
	if approved.Status != "approved" || approved.ReviewedBy != "Marie-Hélène" || approved.ReviewedAt == "" {
		t.Fatalf("approved = %+v", approved)
	}
	var review struct {
		Changed int `json:"changed"`
	}
	call(t, f.h, "POST", "/api/hours/review", `{"ids":["`+batch.Items[0].ID+`","`+batch.Items[1].ID+`","`+first.ID+`"],"status":"approved"}`, 200, &review)
	if review.Changed != 2 {
		t.Errorf("bulk approve changed %d, want 2 (the first was approved already)", review.Changed)
	}
	call(t, f.h, "POST", "/api/hours/review", `{"ids":["`+batch.Items[2].ID+`","999999"],"status":"rejected"}`, 404, nil)
	call(t, f.h, "POST", "/api/hours/"+batch.Items[2].ID+"/reject", ``, 200, nil)

	// Approved: 2.5 h expert accounting (60 €) + 3.25 h without skill (18 €) + 1 h confirmed
	// translation (40 €) = 150 + 58.5 + 40.
	call(t, f.h, "GET", "/api/hours?status=approved", "", 200, &list)
	if list.Total != 3 || list.Totals.ApprovedHours != 6.75 || list.Totals.Value != 248.5 {
		t.Fatalf("approved totals = %+v", list.Totals)
	}
	call(t, f.h, "GET", "/api/hours?sponsorId="+f.sponsor.ID+"&from=2026-11-04&to=2026-11-30", "", 200, &list)
	if list.Total != 2 || list.Items[0].SponsorName != "Fondation Ștefan" || list.Items[0].VolunteerName != "Łukasz Wiśniewski" {
		t.Fatalf("sponsor filter = %+v", list)
	}

	// Changing the note keeps the review; changing the time sends the entry back to pending.
	call(t, f.h, "PUT", "/api/hours/"+first.ID, f.entry(f.elodie, f.project, "2026-11-02", "2.5", `,"skill":"comptabilité","note":"Bilan définitif"`), 200, &approved)
	if approved.Status != "approved" {
		t.Errorf("a new note reopened the entry: %+v", approved)
	}
	call(t, f.h, "PUT", "/api/hours/"+first.ID, f.entry(f.elodie, f.project, "2026-11-02", "3", `,"skill":"comptabilité"`), 200, &approved)
	if approved.Status != "pending" || approved.ReviewedBy != "" {
		t.Errorf("new time kept the approval: %+v", approved)
	}
	// Its own 2.5 h do not count against itself: 3 + the 4 h rejected elsewhere is fine, and 22
	// would not be.
	call(t, f.h, "PUT", "/api/hours/"+first.ID, f.entry(f.elodie, f.project, "2026-11-02", "24", ""), 200, nil)
	call(t, f.h, "DELETE", "/api/hours/"+first.ID, "", 204, nil)
	call(t, f.h, "GET", "/api/hours/"+first.ID, "", 404, nil)
}

func TestHourRatesAPI(t *testing.T) {
	f := newHourFixture(t)
	var rates struct {
		Default struct {
			Expert float64 `json:"expert"`
		} `json:"default"`
		Domains []struct {
			Domain string `json:"domain"`
			Label  string `json:"label"`
		} `json:"domains"`
		AllDomains []struct {
			ID string `json:"id"`
		} `json:"allDomains"`
	}
	call(t, f.h, "GET", "/api/settings/hour-rates", "", 200, &rates)
	if rates.Default.Expert != 60 || len(rates.Domains) != 0 || len(rates.AllDomains) < 10 {
		t.Fatalf("default rates = %+v", rates)
	}
	body := `{"default":{"beginner":20,"intermediate":30,"confirmed":45,"expert":70},"noSkill":15.5,
		"domains":[{"domain":"finance","rates":{"beginner":25,"intermediate":40,"confirmed":60,"expert":95.5}}]}`
	call(t, f.h, "PUT", "/api/settings/hour-rates", body, 200, &rates)
	if len(rates.Domains) != 1 || rates.Domains[0].Label != "Finance et comptabilité" {
		t.Fatalf("saved rates = %+v", rates)
	}
	var e struct {
		Value float64 `json:"value"`
	}
	call(t, f.h, "POST", "/api/hours", f.entry(f.elodie, f.project, "2026-11-02", "2", `,"skill":"compta"`), 201, &e)
	if e.Value != 191 {
		t.Errorf("2 h of expert accounting at 95.50 € = %v €, want 191", e.Value)
	}
	call(t, f.h, "POST", "/api/hours", f.entry(f.lukasz, f.project, "2026-11-02", "2", ``), 201, &e)
	if e.Value != 31 {
		t.Errorf("2 h without a skill at 15.50 € = %v €, want 31", e.Value)
	}

	for _, sc := range []scenario{
		{name: "unknown domain", method: "PUT", path: "/api/settings/hour-rates",
			body:       `{"default":{"beginner":20,"intermediate":30,"confirmed":45,"expert":70},"noSkill":15,"domains":[{"domain":"astrologie","rates":{"beginner":1,"intermediate":1,"confirmed":1,"expert":1}}]}`,
			wantStatus: 422, wantType: problemJSON, wantInBody: []string{`"location":"body.domains.astrologie"`}},
		{name: "negative rate", method: "PUT", path: "/api/settings/hour-rates",
			body:       `{"default":{"beginner":-1,"intermediate":30,"confirmed":45,"expert":70},"noSkill":15,"domains":[]}`,
			wantStatus: 422, wantType: problemJSON},
	} {
		t.Run(sc.name, func(t *testing.T) { sc.run(t, f.h) })
	}
}
