package httpapi

import (
	"testing"
)

func TestDashboardsAPI(t *testing.T) {
	f := newHourFixture(t)
	// A third volunteer who holds the skill the project asks for, and a project that asks for it.
	var recruiting idOnly
	call(t, f.h, "POST", "/api/projects", `{"title":"Budget 2027","organizationId":"`+f.asso.ID+`","sponsorId":"`+f.sponsor.ID+`",
		"status":"draft","skillsNeeded":[{"name":"comptabilité","level":"confirmed","people":2}]}`, 201, &recruiting)
	call(t, f.h, "PUT", "/api/projects/"+recruiting.ID, `{"title":"Budget 2027","organizationId":"`+f.asso.ID+`","sponsorId":"`+f.sponsor.ID+`",
		"status":"recruiting","skillsNeeded":[{"name":"comptabilité","level":"confirmed","people":2}],"beneficiaries":40}`, 200, nil)
	call(t, f.h, "POST", "/api/projects/"+recruiting.ID+"/milestones", `{"title":"Budget voté","dueDate":"2026-12-10"}`, 201, nil)
	call(t, f.h, "POST", "/api/projects/"+recruiting.ID+"/milestones", `{"title":"Trop loin","dueDate":"2027-06-01"}`, 201, nil)

	var batch struct {
		Items []idOnly `json:"items"`
	}
	call(t, f.h, "POST", "/api/hours/batch", `{"entries":[`+
		f.entry(f.elodie, f.project, "2026-10-12", "2", `,"skill":"compta"`)+`,`+
		f.entry(f.elodie, f.project, "2026-11-02", "1.5", `,"skill":"compta"`)+`,`+
		f.entry(f.lukasz, f.project, "2026-11-03", "4", ``)+`,`+
		f.entry(f.lukasz, f.other, "2026-11-04", "3", ``)+`]}`, 201, &batch)
	call(t, f.h, "POST", "/api/hours/review", `{"status":"approved","ids":["`+batch.Items[0].ID+`","`+batch.Items[1].ID+`","`+batch.Items[2].ID+`"]}`, 200, nil)

	var asso struct {
		Volunteers     int `json:"volunteers"`
		ActiveProjects int `json:"activeProjects"`
		ThisMonth      struct {
			ApprovedHours float64 `json:"approvedHours"`
			PendingHours  float64 `json:"pendingHours"`
			Value         float64 `json:"value"`
		} `json:"thisMonth"`
		ThisYear struct {
			ApprovedHours float64 `json:"approvedHours"`
		} `json:"thisYear"`
		ByMonth []struct {
			Month         string  `json:"month"`
			ApprovedHours float64 `json:"approvedHours"`
		} `json:"byMonth"`
		Skills []struct {
			Name      string `json:"name"`
			Needed    int    `json:"needed"`
			Available int    `json:"available"`
		} `json:"skills"`
		Milestones []struct {
			Title string `json:"title"`
		} `json:"milestones"`
	}
	call(t, f.h, "GET", "/api/dashboards/association", "", 200, &asso)
	// November: 1.5 h expert accounting (90 €) + 4 h without skill (72 €) approved; 3 h pending.
	if asso.Volunteers != 2 || asso.ActiveProjects != 1 || asso.ThisMonth.ApprovedHours != 5.5 || asso.ThisMonth.PendingHours != 3 ||
		asso.ThisMonth.Value != 162 || asso.ThisYear.ApprovedHours != 7.5 {
		t.Fatalf("association dashboard = %+v", asso)
	}
	if n := len(asso.ByMonth); n != 12 || asso.ByMonth[n-1].Month != "2026-11" || asso.ByMonth[n-2].ApprovedHours != 2 || asso.ByMonth[0].Month != "2025-12" {
		t.Errorf("months = %+v", asso.ByMonth)
	}
	if len(asso.Skills) != 1 || asso.Skills[0].Name != "Comptabilité" || asso.Skills[0].Needed != 2 || asso.Skills[0].Available != 1 {
		t.Errorf("skills = %+v", asso.Skills)
	}
	if len(asso.Milestones) != 1 || asso.Milestones[0].Title != "Budget voté" {
		t.Errorf("milestones = %+v", asso.Milestones)
	}

	var sponsor struct {
		Totals struct {
			ApprovedHours float64 `json:"approvedHours"`
			Value         float64 `json:"value"`
		} `json:"totals"`
		Volunteers int `json:"volunteers"`
		ByProject  []struct {
			Title         string  `json:"title"`
			ApprovedHours float64 `json:"approvedHours"`
			Volunteers    int     `json:"volunteers"`
		} `json:"byProject"`
		ByAssociation []struct {
			Name string `json:"name"`
		} `json:"byAssociation"`
	}
	call(t, f.h, "GET", "/api/dashboards/sponsor?sponsorId="+f.sponsor.ID+"&from=2026-11-01", "", 200, &sponsor)
	if sponsor.Totals.ApprovedHours != 5.5 || sponsor.Totals.Value != 162 || sponsor.Volunteers != 2 ||
		len(sponsor.ByProject) != 1 || sponsor.ByProject[0].Volunteers != 2 || sponsor.ByAssociation[0].Name != "Œuvre de Besançon" {
		t.Fatalf("sponsor dashboard = %+v", sponsor)
	}

	var volunteer struct {
		Totals struct {
			ApprovedHours float64 `json:"approvedHours"`
		} `json:"totals"`
		BySkill []struct {
			Name          string  `json:"name"`
			ApprovedHours float64 `json:"approvedHours"`
		} `json:"bySkill"`
	}
	call(t, f.h, "GET", "/api/volunteers/"+f.elodie.ID+"/dashboard", "", 200, &volunteer)
	if volunteer.Totals.ApprovedHours != 3.5 || len(volunteer.BySkill) != 1 || volunteer.BySkill[0].Name != "Comptabilité" {
		t.Fatalf("volunteer dashboard = %+v", volunteer)
	}
	for _, sc := range []scenario{
		{name: "period upside down", method: "GET", path: "/api/dashboards/sponsor?from=2026-12-01&to=2026-01-01", wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.to"`}},
		{name: "unknown volunteer", method: "GET", path: "/api/volunteers/99999/dashboard", wantStatus: 404, wantType: problemJSON},
	} {
		t.Run(sc.name, func(t *testing.T) { sc.run(t, f.h) })
	}
}
