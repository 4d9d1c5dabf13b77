package httpapi

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/civisphere/civisphere/backend/diagnostic"
)

// answersJSON answers every question with option, overridden by the given answers.
func answersJSON(t *testing.T, option string, overrides map[string]string) string {
	t.Helper()
	answers := map[string]string{}
	for _, q := range diagnostic.Questions() {
		answers[q.ID] = option
	}
	for id, o := range overrides {
		answers[id] = o
	}
	b, err := json.Marshal(answers)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestDiagnosticAPIScenarios(t *testing.T) {
	h := newTestHandler(t)
	weakFinance := answersJSON(t, "fully", map[string]string{"finance-bookkeeping": "none", "finance-budget": "partly", "finance-cash": "none"})
	better := answersJSON(t, "fully", map[string]string{"finance-bookkeeping": "mostly", "finance-budget": "mostly", "finance-cash": "partly"})
	fr := map[string]string{"Accept-Language": "fr-FR,fr;q=0.9"}
	en := map[string]string{"Accept-Language": "en-GB,en;q=0.8"}
	for _, sc := range []scenario{
		{name: "an association", method: "POST", path: "/api/organizations", body: `{"kind":"association","name":"Œuvre Sainte-Élodie de Besançon"}`,
			wantStatus: 201, wantType: "application/json", wantInBody: []string{`"id":"1"`}},
		{name: "a sponsor", method: "POST", path: "/api/organizations", body: `{"kind":"sponsor","name":"Fondation Łódź"}`,
			wantStatus: 201, wantType: "application/json", wantInBody: []string{`"id":"2"`}},
		{name: "questionnaire in French", method: "GET", path: "/api/diagnostics/questions", headers: fr,
			wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"total":24`, `{"id":"finance","label":"Finances","summary":"Comptabilité, budget et trésorerie","questions":3}`,
				`"id":"finance-bookkeeping","area":"finance","text":"Vos comptes sont-ils tenus régulièrement et à jour` + "\u00a0?\"",
				`{"id":"none","label":"Non, rien n’est vraiment tenu","value":0}`, `"id":"fully"`, `"explanation":"Des comptes à jour`}},
		{name: "questionnaire in English", method: "GET", path: "/api/diagnostics/questions", headers: en,
			wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"label":"Fundraising"`, `"text":"Are your accounts kept regularly and up to date?"`}},
		{name: "submit weak finance", method: "POST", path: "/api/diagnostics", headers: fr,
			body:       `{"organizationId":"1","answers":` + weakFinance + `}`,
			wantStatus: 201, wantType: "application/json", wantHeaders: map[string]string{"Location": "/api/diagnostics/1"},
			wantInBody: []string{`"id":"1"`, `"organizationName":"Œuvre Sainte-Élodie de Besançon"`, `"createdAt":"2026-11-25T14:00:00Z"`,
				`"needs":[{"area":"finance","label":"Finances","score":89,"level":"high","explanation":"Les finances sont un point fragile`,
				`{"area":"hr","label":"Ressources humaines","score":0,"level":"low"`,
				`"suggestions":[{"templateId":"finance-bookkeeping","area":"finance","areaLabel":"Finances","areaScore":89,"relevance":100,"title":"Mettre en place une comptabilité simple et à jour"`,
				`"skillsNeeded":[{"id":"accounting","name":"Comptabilité","level":"confirmed","people":1,"custom":false}`,
				`"durationWeeks":12,"milestones":[{"title":"État des lieux des pièces et des comptes","week":1}`,
				`"answered":24,"questions":24`, `"projects":[]`}},
		{name: "unknown option in French", method: "POST", path: "/api/diagnostics", headers: fr,
			body:       `{"organizationId":"1","answers":{"finance-budget":"souvent"}}`,
			wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.answers.finance-budget"`, `Valeur non reconnue (choix possibles : none, partly, mostly, fully).`}},
		{name: "unknown option in English", method: "POST", path: "/api/diagnostics", headers: en,
			body:       `{"organizationId":"1","answers":{"finance-budget":"often","weather":"fully"}}`,
			wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.answers.finance-budget"`, `Unknown value (possible choices: none, partly, mostly, fully).`,
				`"location":"body.answers.weather"`, `The diagnostic has no such question: “weather”.`}},
		{name: "a sponsor is refused, in French", method: "POST", path: "/api/diagnostics", headers: fr,
			body: `{"organizationId":"2","answers":` + weakFinance + `}`, wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.organizationId"`, `Cette organisation n’est pas une association bénéficiaire.`}},
		{name: "a sponsor is refused, in English", method: "POST", path: "/api/diagnostics", headers: en,
			body: `{"organizationId":"2","answers":` + weakFinance + `}`, wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.organizationId"`, `This organization is not a beneficiary association.`}},
		{name: "malformed organization id", method: "POST", path: "/api/diagnostics", headers: fr,
			body: `{"organizationId":"abc"}`, wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.organizationId"`}},
		{name: "no answer at all", method: "POST", path: "/api/diagnostics", headers: fr,
			body: `{"organizationId":"1","answers":{}}`, wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.answers"`, `Ce champ est obligatoire.`}},
		{name: "read in English", method: "GET", path: "/api/diagnostics/1", headers: en, wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"label":"Finance","score":89,"level":"high","explanation":"Finance is a weak spot`,
				`"title":"Set up simple, up-to-date bookkeeping"`, `"name":"Accounting"`}},
		{name: "unknown diagnostic", method: "GET", path: "/api/diagnostics/999", wantStatus: 404, wantType: problemJSON},
		{name: "malformed diagnostic id", method: "GET", path: "/api/diagnostics/abc", wantStatus: 404, wantType: problemJSON},
		{name: "six months later", method: "POST", path: "/api/diagnostics", body: `{"organizationId":"1","answers":` + better + `}`,
			wantStatus: 201, wantType: "application/json", wantInBody: []string{`"id":"2"`, `"area":"finance","label":"Finances","score":44,"level":"medium"`}},
		{name: "history of an unknown association", method: "GET", path: "/api/organizations/999/diagnostics", wantStatus: 404, wantType: problemJSON},
		{name: "history of a sponsor is empty", method: "GET", path: "/api/organizations/2/diagnostics", wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`{"total":0,"items":[]}`}},
		{name: "a project from the first suggestion", method: "POST", path: "/api/diagnostics/1/projects", headers: fr,
			body: `{"templateId":"finance-bookkeeping","startDate":"2027-01-04"}`, wantStatus: 201, wantType: "application/json",
			wantHeaders: map[string]string{"Location": "/api/projects/1"},
			wantInBody: []string{`"id":"1"`, `"title":"Mettre en place une comptabilité simple et à jour"`, `"organizationId":"1"`,
				`"skillsNeeded":[{"id":"accounting","name":"Comptabilité","level":"confirmed","people":1,"custom":false},{"id":"financial-reporting"`,
				`"startDate":"2027-01-04","endDate":"2027-03-29"`, `"status":"draft"`, `"mode":"either"`}},
		{name: "its milestones", method: "GET", path: "/api/projects/1/milestones", wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"total":4`, `"title":"État des lieux des pièces et des comptes","dueDate":"2027-01-11"`,
				`"title":"Trésorier formé à la saisie mensuelle","dueDate":"2027-03-29"`}},
		{name: "the same suggestion twice", method: "POST", path: "/api/diagnostics/1/projects", headers: fr,
			body: `{"templateId":"finance-bookkeeping"}`, wantStatus: 409, wantType: problemJSON,
			wantInBody: []string{`Un projet a déjà été créé à partir de cette suggestion du diagnostic : « Mettre en place une comptabilité simple et à jour ».`}},
		{name: "the suggestion shows its project", method: "GET", path: "/api/diagnostics/1", wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"mode":"either","projectId":"1"}`, `"projects":[{"templateId":"finance-bookkeeping","projectId":"1"}]`}},
		{name: "an unknown template, in English", method: "POST", path: "/api/diagnostics/1/projects", headers: en,
			body: `{"templateId":"unicorns","startDate":"25/11/2026"}`, wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.templateId"`, `This item does not exist (any more).`, `"location":"body.startDate"`}},
		{name: "a project from no diagnostic", method: "POST", path: "/api/diagnostics/999/projects",
			body: `{"templateId":"hr-onboarding"}`, wantStatus: 404, wantType: problemJSON},
		{name: "in the OpenAPI document", method: "GET", path: "/api/openapi.json", wantStatus: 200, wantType: "application/",
			wantInBody: []string{`/api/diagnostics/{id}/projects`, `/api/organizations/{id}/diagnostics`}},
	} {
		t.Run(sc.name, func(t *testing.T) { sc.run(t, h) })
	}

	t.Run("history newest first", func(t *testing.T) {
		rec := scenario{method: "GET", path: "/api/organizations/1/diagnostics", wantStatus: 200, wantType: "application/json"}.run(t, h)
		var list DiagnosticList
		if err := json.Unmarshal(rec.Body.Bytes(), &list); err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, d := range list.Items {
			ids = append(ids, d.ID)
		}
		if list.Total != 2 || !slices.Equal(ids, []string{"2", "1"}) || list.Items[1].Needs[0].Score != 89 || list.Items[0].Needs[0].Score != 44 {
			t.Fatalf("history: total %d, ids %v", list.Total, ids)
		}
		rec = scenario{method: "GET", path: "/api/organizations/1/diagnostics?limit=1&offset=1", wantStatus: 200, wantType: "application/json"}.run(t, h)
		if err := json.Unmarshal(rec.Body.Bytes(), &list); err != nil || list.Total != 2 || len(list.Items) != 1 || list.Items[0].ID != "1" {
			t.Fatalf("second page: %+v %v", list, err)
		}
	})
}
