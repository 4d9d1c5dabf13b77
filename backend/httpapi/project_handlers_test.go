package httpapi

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// call runs one request and decodes a JSON answer into out (when not nil).
func call(t *testing.T, h http.Handler, method, path, body string, wantStatus int, out any) *httptest.ResponseRecorder {
	t.Helper()
	rec := scenario{method: method, path: path, body: body, wantStatus: wantStatus}.run(t, h)
	if out != nil {
		if err := json.Unmarshal(rec.Body.Bytes(), out); err != nil {
			t.Fatalf("%s %s: decode %s: %v", method, path, rec.Body, err)
		}
	}
	return rec
}

type idOnly struct {
	ID string `json:"id"`
}

func TestOrganizationsAndProgramsAPI(t *testing.T) {
	h := newTestHandler(t)
	var asso, sponsor, program idOnly
	call(t, h, "POST", "/api/organizations", `{"kind":"association","category":"school","name":"  École Œuvre  de Besançon ","city":"Besançon","contactEmail":"Direction@Ecole.FR","contactPhone":"0381000000"}`, 201, &asso)
	call(t, h, "POST", "/api/organizations", `{"kind":"sponsor","category":"company","name":"Société Générale d’Électricité"}`, 201, &sponsor)
	call(t, h, "POST", "/api/programs", `{"sponsorId":"`+sponsor.ID+`","name":"Mécénat de compétences 2027","startDate":"2027-01-01","endDate":"2027-12-31"}`, 201, &program)

	for _, sc := range []scenario{
		{name: "normalized", method: "GET", path: "/api/organizations/" + asso.ID, wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"name":"École Œuvre de Besançon"`, `"contactEmail":"direction@ecole.fr"`, `"contactPhone":"03 81 00 00 00"`, `"kind":"association"`}},
		{name: "list by kind and folded text", method: "GET", path: "/api/organizations?kind=association&q=oeuvre", wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"total":1`, `École Œuvre de Besançon`}},
		{name: "list sponsors", method: "GET", path: "/api/organizations?kind=sponsor", wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"total":1`, `Électricité`}},
		{name: "invalid organization in French", method: "POST", path: "/api/organizations", body: `{"kind":"club","name":"","website":"pas une adresse"}`,
			wantStatus: 422, wantType: problemJSON, wantInBody: []string{`"location":"body.kind"`, `"location":"body.name"`, `Ce champ est obligatoire.`, `"location":"body.website"`}},
		{name: "invalid organization in English", method: "POST", path: "/api/organizations", headers: map[string]string{"Accept-Language": "en"},
			body: `{"kind":"sponsor","category":"school","name":"X"}`, wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.category"`, `Unknown value (possible choices: company, foundation, federation, publicBody).`}},
		{name: "program of an association refused", method: "POST", path: "/api/programs", body: `{"sponsorId":"` + asso.ID + `","name":"P"}`,
			wantStatus: 422, wantType: problemJSON, wantInBody: []string{`"location":"body.sponsorId"`, `n’est pas un mécène`}},
		{name: "program end before start", method: "PUT", path: "/api/programs/" + program.ID, body: `{"name":"P","startDate":"2027-06-01","endDate":"2027-01-01"}`,
			wantStatus: 422, wantType: problemJSON, wantInBody: []string{`"location":"body.endDate"`, `avant la date de début`}},
		{name: "programs of the sponsor", method: "GET", path: "/api/programs?sponsorId=" + sponsor.ID, wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"total":1`, `"name":"Mécénat de compétences 2027"`, `"sponsorName":"Société Générale d’Électricité"`}},
		{name: "unknown organization", method: "GET", path: "/api/organizations/999", wantStatus: 404, wantType: problemJSON},
		{name: "kind never changes", method: "PUT", path: "/api/organizations/" + sponsor.ID, body: `{"kind":"association","name":"Société Générale d’Électricité","category":"foundation"}`,
			wantStatus: 200, wantType: "application/json", wantInBody: []string{`"kind":"sponsor"`, `"category":"foundation"`}},
		{name: "volunteer affiliated with the sponsor", method: "POST", path: "/api/volunteers", body: `{"firstName":"Ольга","lastName":"Petrova","sponsorId":"` + sponsor.ID + `"}`,
			wantStatus: 201, wantType: "application/json", wantInBody: []string{`"sponsorId":"` + sponsor.ID + `"`}},
		{name: "volunteer affiliated with an association refused", method: "POST", path: "/api/volunteers", body: `{"lastName":"Martin","sponsorId":"` + asso.ID + `"}`,
			wantStatus: 422, wantType: problemJSON, wantInBody: []string{`"location":"body.sponsorId"`}},
	} {
		t.Run(sc.name, func(t *testing.T) { sc.run(t, h) })
	}
}

// TestProjectLifecycleAPI walks a project from draft to evaluated: creation with skills by any
// name, refused transitions, applications and their board, the team, agenda and calendars.
func TestProjectLifecycleAPI(t *testing.T) {
	h := newTestHandler(t)
	var asso, sponsor, program, elodie, bastien idOnly
	call(t, h, "POST", "/api/organizations", `{"kind":"association","name":"Restos de Clichy","city":"Clichy"}`, 201, &asso)
	call(t, h, "POST", "/api/organizations", `{"kind":"sponsor","name":"Fondation Œuvre"}`, 201, &sponsor)
	call(t, h, "POST", "/api/programs", `{"sponsorId":"`+sponsor.ID+`","name":"Mécénat 2027"}`, 201, &program)
	call(t, h, "POST", "/api/volunteers", `{"firstName":"Élodie","lastName":"Martin","city":"Clichy","skills":[{"name":"compta","level":"expert"},{"name":"paie","level":"confirmé"}]}`, 201, &elodie)
	call(t, h, "POST", "/api/volunteers", `{"firstName":"Bastien","lastName":"Roux","city":"Besançon","skills":[{"name":"Accounting","level":"beginner"}]}`, 201, &bastien)

	var project struct {
		ID           string   `json:"id"`
		Status       string   `json:"status"`
		SponsorID    string   `json:"sponsorId"`
		NextStatuses []string `json:"nextStatuses"`
		SkillsNeeded []struct {
			ID     string `json:"id"`
			Name   string `json:"name"`
			People int    `json:"people"`
		} `json:"skillsNeeded"`
	}
	call(t, h, "POST", "/api/projects", `{"title":"Remettre à plat la comptabilité","organizationId":"`+asso.ID+`","programId":"`+program.ID+`",
		"skillsNeeded":[{"name":"Comptabilité","level":"confirmed","people":2},{"name":"gestion de la paie"}],
		"causes":["solidarity"],"startDate":"2027-01-10","endDate":"2027-03-31","city":"Clichy",
		"schedule":{"evenings":true,"mode":"onsite"},"milestones":[{"title":"Bilan remis","dueDate":"2027-03-31"}]}`, 201, &project)
	if project.Status != "draft" || project.SponsorID != sponsor.ID {
		t.Fatalf("new project: status %q sponsor %q, want draft and the program's sponsor %s", project.Status, project.SponsorID, sponsor.ID)
	}
	if len(project.SkillsNeeded) != 2 || project.SkillsNeeded[0].ID != "accounting" || project.SkillsNeeded[0].People != 2 || project.SkillsNeeded[1].ID != "payroll" || project.SkillsNeeded[1].People != 1 {
		t.Fatalf("skills needed not resolved through the taxonomy: %+v", project.SkillsNeeded)
	}
	p := "/api/projects/" + project.ID
	update := func(status string) string {
		return `{"title":"Remettre à plat la comptabilité","organizationId":"` + asso.ID + `","programId":"` + program.ID +
			`","skillsNeeded":[{"id":"accounting","level":"confirmed","people":2},{"id":"payroll"}],"causes":["solidarity"],` +
			`"city":"Clichy","schedule":{"evenings":true,"mode":"onsite"},"status":"` + status + `"}`
	}
	for _, sc := range []scenario{
		{name: "invalid project", method: "POST", path: "/api/projects", headers: map[string]string{"Accept-Language": "en"},
			body: `{"title":"","organizationId":"` + sponsor.ID + `","startDate":"2027-02-30","skillsNeeded":[{"name":"x","people":99}]}`, wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.title"`, `"location":"body.organizationId"`, `not a beneficiary association`, `"location":"body.startDate"`, `"location":"body.skillsNeeded"`}},
		{name: "program of another sponsor", method: "POST", path: "/api/projects",
			body: `{"title":"T","organizationId":"` + asso.ID + `","sponsorId":"` + asso.ID + `","programId":"` + program.ID + `"}`, wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.programId"`}},
		{name: "no applications to a draft", method: "POST", path: p + "/applications", body: `{"volunteerId":"` + elodie.ID + `"}`,
			wantStatus: 409, wantType: problemJSON, wantInBody: []string{`n’accepte pas de candidatures`, `brouillon`}},
		{name: "draft cannot jump to completed", method: "PUT", path: p, body: update("completed"), wantStatus: 409, wantType: problemJSON,
			wantInBody: []string{`Un projet « brouillon » ne peut pas passer à « terminé » (possible : en recrutement, annulé).`}},
		{name: "draft cannot jump, in English", method: "PUT", path: p, headers: map[string]string{"Accept-Language": "en-GB"}, body: update("evaluated"),
			wantStatus: 409, wantType: problemJSON, wantInBody: []string{`A project that is “draft” cannot become “evaluated”`}},
		{name: "open recruitment", method: "PUT", path: p, body: update("recruiting"), wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"status":"recruiting"`, `"nextStatuses":["draft","inProgress","cancelled"]`}},
		{name: "list by status", method: "GET", path: "/api/projects?status=recruiting&status=inProgress&q=comptabilite", wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"total":1`, `"organizationName":"Restos de Clichy"`, `"programName":"Mécénat 2027"`, `"sponsorName":"Fondation Œuvre"`}},
		{name: "list other status", method: "GET", path: "/api/projects?status=completed", wantStatus: 200, wantType: "application/json", wantInBody: []string{`"total":0`}},
	} {
		t.Run(sc.name, func(t *testing.T) { sc.run(t, h) })
	}

	// Matching: Élodie has both skills at the right level in Clichy; Bastien one skill, below.
	var matches struct {
		Items []struct {
			Volunteer  struct{ ID string } `json:"volunteer"`
			Score      float64             `json:"score"`
			SkillsHeld int                 `json:"skillsHeld"`
			Reasons    []string            `json:"reasons"`
		} `json:"items"`
		Complete bool `json:"complete"`
	}
	call(t, h, "GET", p+"/matches", "", 200, &matches)
	if len(matches.Items) != 2 || matches.Items[0].Volunteer.ID != elodie.ID || matches.Items[1].Volunteer.ID != bastien.ID {
		t.Fatalf("matches: %+v", matches.Items)
	}
	wantReasons := []string{"Comptabilité — expert ✓", "Gestion de la paie — confirmé ✓", "à Clichy", "aucun projet en cours"}
	for _, want := range wantReasons {
		if !strings.Contains(strings.Join(matches.Items[0].Reasons, "|"), want) {
			t.Errorf("Élodie's reasons %q lack %q", matches.Items[0].Reasons, want)
		}
	}
	if !strings.Contains(strings.Join(matches.Items[1].Reasons, "|"), "Comptabilité — débutant (confirmé demandé)") {
		t.Errorf("Bastien's reasons: %q", matches.Items[1].Reasons)
	}

	var app struct {
		ID           string   `json:"id"`
		Status       string   `json:"status"`
		NextStatuses []string `json:"nextStatuses"`
	}
	call(t, h, "POST", p+"/applications", `{"volunteerId":"`+elodie.ID+`","origin":"invited","message":"Votre profil correspond !"}`, 201, &app)
	a := "/api/applications/" + app.ID
	for _, sc := range []scenario{
		{name: "second open application refused", method: "POST", path: p + "/applications", body: `{"volunteerId":"` + elodie.ID + `"}`,
			wantStatus: 409, wantType: problemJSON, wantInBody: []string{`déjà une candidature en cours`}},
		{name: "an application cannot start closed", method: "POST", path: p + "/applications", body: `{"volunteerId":"` + bastien.ID + `","status":"declined"}`,
			wantStatus: 422, wantType: problemJSON, wantInBody: []string{`"location":"body.status"`, `applied, shortlisted, accepted`}},
		{name: "unknown volunteer", method: "POST", path: p + "/applications", body: `{"volunteerId":"424242"}`,
			wantStatus: 422, wantType: problemJSON, wantInBody: []string{`"location":"body.volunteerId"`}},
		{name: "shortlist", method: "PATCH", path: a, body: `{"status":"shortlisted"}`, wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"status":"shortlisted"`, `"origin":"invited"`}},
		{name: "accept", method: "PATCH", path: a, body: `{"status":"accepted"}`, wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"status":"accepted"`}},
		{name: "team on the project", method: "GET", path: p, wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"teamSize":1`, `"team":[{"volunteerId":"` + elodie.ID + `","applicationId":"` + app.ID + `","firstName":"Élodie"`}},
		{name: "team members leave the suggestions", method: "GET", path: p + "/matches", wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"total":1`, `"id":"` + bastien.ID + `"`}},
		{name: "board", method: "GET", path: p + "/applications", wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"total":1`, `"volunteer":{"id":"` + elodie.ID + `"`}},
		{name: "volunteer's applications", method: "GET", path: "/api/volunteers/" + elodie.ID + "/applications", wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"projectTitle":"Remettre à plat la comptabilité"`}},
		{name: "decline", method: "PATCH", path: a, body: `{"status":"declined"}`, wantStatus: 200, wantType: "application/json"},
		{name: "declined is final", method: "PATCH", path: a, body: `{"status":"accepted"}`, wantStatus: 409, wantType: problemJSON,
			wantInBody: []string{`Une candidature « refusé » ne peut pas passer à « accepté »`}},
		{name: "unknown stage", method: "PATCH", path: a, body: `{"status":"hired"}`, wantStatus: 422, wantType: problemJSON},
		{name: "applying again after a decline", method: "POST", path: p + "/applications", body: `{"volunteerId":"` + elodie.ID + `","status":"accepted"}`,
			wantStatus: 201, wantType: "application/json", wantInBody: []string{`"status":"accepted"`}},
		{name: "unknown application", method: "PATCH", path: "/api/applications/999", body: `{"status":"accepted"}`, wantStatus: 404, wantType: problemJSON},
		{name: "projects for the volunteer", method: "GET", path: "/api/volunteers/" + bastien.ID + "/matches", wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"total":1`, `"title":"Remettre à plat la comptabilité"`, `Comptabilité — débutant (confirmé demandé)`}},
	} {
		t.Run(sc.name, func(t *testing.T) { sc.run(t, h) })
	}

	// Agenda: the template's milestone, a new one, a task given to the team member.
	var milestone, task idOnly
	call(t, h, "POST", p+"/milestones", `{"title":"Réunion de lancement, à Besançon; salle B","dueDate":"2027-01-12"}`, 201, &milestone)
	call(t, h, "POST", p+"/tasks", `{"title":"Rassembler les relevés","assigneeId":"`+elodie.ID+`","dueDate":"2027-01-20"}`, 201, &task)
	for _, sc := range []scenario{
		{name: "milestones by date", method: "GET", path: p + "/milestones", wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"total":2`, `"title":"Réunion de lancement, à Besançon; salle B","dueDate":"2027-01-12"`}},
		{name: "milestone done", method: "PUT", path: p + "/milestones/" + milestone.ID, body: `{"title":"Réunion de lancement","dueDate":"2027-01-12","done":true}`,
			wantStatus: 200, wantType: "application/json", wantInBody: []string{`"done":true`}},
		{name: "milestone without date", method: "POST", path: p + "/milestones", body: `{"title":"Sans date"}`, wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.dueDate"`}},
		{name: "task for someone outside the team", method: "POST", path: p + "/tasks", body: `{"title":"X","assigneeId":"` + bastien.ID + `"}`,
			wantStatus: 422, wantType: problemJSON, wantInBody: []string{`ne fait pas partie de l’équipe`}},
		{name: "milestone of another project", method: "DELETE", path: "/api/projects/999/milestones/" + milestone.ID, wantStatus: 404, wantType: problemJSON},
		{name: "calendar of all projects", method: "GET", path: "/api/calendar", wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"total":3`, `"kind":"task"`, `"projectTitle":"Remettre à plat la comptabilité"`}},
		{name: "project calendar as iCalendar", method: "GET", path: p + "/calendar.ics", wantStatus: 200, wantType: "text/calendar",
			wantInBody: []string{"BEGIN:VCALENDAR\r\n", "DTSTART;VALUE=DATE:20270112\r\n", "DTEND;VALUE=DATE:20270113\r\n", "SUMMARY:[Jalon] Réunion de lancement (fait)\r\n", "SUMMARY:[Tâche] Rassembler les relevés\r\n", "DTSTART;VALUE=DATE:20270331\r\n"}},
		{name: "all projects as iCalendar in English", method: "GET", path: "/api/calendar.ics", headers: map[string]string{"Accept-Language": "en"}, wantStatus: 200, wantType: "text/calendar",
			wantHeaders: map[string]string{"Content-Disposition": `attachment; filename="agenda.ics"; filename*=UTF-8''agenda.ics`},
			wantInBody:  []string{"X-WR-CALNAME:Civisphère agenda\r\n", "SUMMARY:[Milestone] Bilan remis\r\n"}},
		{name: "unknown project calendar", method: "GET", path: "/api/projects/999/calendar.ics", wantStatus: 404, wantType: problemJSON},
		{name: "start", method: "PUT", path: p, body: update("inProgress"), wantStatus: 200, wantType: "application/json"},
		{name: "complete", method: "PUT", path: p, body: update("completed"), wantStatus: 200, wantType: "application/json"},
		{name: "no new candidates once completed", method: "POST", path: p + "/applications", body: `{"volunteerId":"` + bastien.ID + `"}`,
			wantStatus: 409, wantType: problemJSON, wantInBody: []string{`« terminé »`}},
		{name: "evaluate", method: "PUT", path: p, body: update("evaluated"), wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"nextStatuses":[]`}},
		{name: "evaluated is final", method: "PUT", path: p, body: update("cancelled"), wantStatus: 409, wantType: problemJSON,
			wantInBody: []string{`(possible : aucun changement)`}},
		{name: "delete task", method: "DELETE", path: p + "/tasks/" + task.ID, wantStatus: 204},
	} {
		t.Run(sc.name, func(t *testing.T) { sc.run(t, h) })
	}
}
