package httpapi

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestResourceAPIScenarios(t *testing.T) {
	h := newTestHandler(t)
	for _, sc := range []scenario{
		{name: "the guides, in the reader's language", method: "GET", path: "/api/resources",
			headers: map[string]string{"Accept-Language": "en-GB,en;q=0.9"}, wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"total":6`, `"id":"identifying-needs","kind":"guide","title":"Identifying your organisation's needs"`,
				`"topic":"sponsorship"`, `"updatedAt":""`}},
		{name: "the guides in the language asked for", method: "GET", path: "/api/resources?lang=fr",
			headers: map[string]string{"Accept-Language": "en"}, wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"title":"Identifier les besoins de votre association"`}},
		{name: "search without accents finds the recruiting guide first", method: "GET", path: "/api/resources?q=benevoles&lang=fr",
			wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"items":[{"id":"recruiting-volunteers","kind":"guide"`, `"excerpt":"Les bénévoles ne manquent pas`}},
		{name: "a note with a script and bold text", method: "POST", path: "/api/resources",
			body:       `{"kind":"note","title":"Goûter des bénévoles","body":"Apporter des **crêpes** <script>alert(1)</script>"}`,
			wantStatus: 201, wantType: "application/json", wantHeaders: map[string]string{"Location": "/api/resources/1"},
			wantInBody: []string{`"id":"1"`, `"kind":"note"`, `"body":"Apporter des **crêpes** <script>alert(1)</script>"`,
				`"url":""`, `"createdAt":"2026-11-25T14:00:00Z"`}},
		{name: "the note is found without its accents", method: "GET", path: "/api/resources?q=crepes",
			wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"total":1`, `"id":"1","kind":"note"`, `"excerpt":"Apporter des crêpes <script>alert(1)</script>"`}},
		{name: "a link", method: "POST", path: "/api/resources",
			body:       `{"kind":"link","title":"Associations.gouv","url":"www.associations.gouv.fr","body":"Le site de référence"}`,
			wantStatus: 201, wantType: "application/json", wantInBody: []string{`"url":"https://www.associations.gouv.fr"`}},
		{name: "every problem at once, in French", method: "POST", path: "/api/resources",
			body:       `{"kind":"video","url":"javascript:alert(1)"}`,
			wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.kind"`, `"location":"body.title"`, "Ce champ est obligatoire.", "choix possibles : note, link"}},
		{name: "a script address refused, in English", method: "POST", path: "/api/resources",
			headers:    map[string]string{"Accept-Language": "en"},
			body:       `{"kind":"link","title":"Trap","url":"javascript:alert(1)"}`,
			wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.url"`, "Invalid web address"}},
		{name: "nothing saved by refused input", method: "GET", path: "/api/resources?q=trap",
			wantStatus: 200, wantType: "application/json", wantInBody: []string{`"total":0`}},
		{name: "list: guides first, then the newest resource", method: "GET", path: "/api/resources?limit=2&offset=6",
			wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"total":8`, `"items":[{"id":"2","kind":"link"`, `"summary":"Apporter des crêpes`}},
		{name: "update", method: "PUT", path: "/api/resources/1",
			body:       `{"kind":"note","title":"Goûter de décembre","body":"Des crêpes et du cidre."}`,
			wantStatus: 200, wantType: "application/json", wantInBody: []string{`"title":"Goûter de décembre"`}},
		{name: "read", method: "GET", path: "/api/resources/1",
			wantStatus: 200, wantType: "application/json", wantInBody: []string{`"body":"Des crêpes et du cidre."`}},
		{name: "update of an unknown resource", method: "PUT", path: "/api/resources/99",
			body: `{"kind":"note","title":"x","body":"y"}`, wantStatus: 404, wantType: problemJSON, wantInBody: []string{"Élément introuvable."}},
		{name: "delete", method: "DELETE", path: "/api/resources/1", wantStatus: 204},
		{name: "deleted", method: "GET", path: "/api/resources/1", wantStatus: 404, wantType: problemJSON},
		{name: "deleted twice", method: "DELETE", path: "/api/resources/1", wantStatus: 404, wantType: problemJSON},
		{name: "a guide is not a resource", method: "DELETE", path: "/api/resources/recruiting-volunteers", wantStatus: 404, wantType: problemJSON},
		{name: "a guide in French", method: "GET", path: "/api/guides/recruiting-volunteers?lang=fr",
			wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"slug":"recruiting-volunteers"`, `"title":"Recruter et fidéliser des bénévoles"`, `"lang":"fr"`,
				`"otherLang":"en"`, `"readingMinutes":`, `"markdown":"Les bénévoles ne manquent pas`}},
		{name: "the same guide in the reader's language", method: "GET", path: "/api/guides/recruiting-volunteers",
			headers: map[string]string{"Accept-Language": "en"}, wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"title":"Recruiting and keeping volunteers"`, `"lang":"en"`, `"otherLang":"fr"`}},
		{name: "an unknown guide", method: "GET", path: "/api/guides/nothing-here", wantStatus: 404, wantType: problemJSON},
	} {
		t.Run(sc.name, func(t *testing.T) { sc.run(t, h) })
	}
}

// The API never turns Markdown into HTML: guides and notes travel as Markdown text, and the
// interface renders them without interpreting HTML.
func TestGuidesTravelAsMarkdown(t *testing.T) {
	h := newTestHandler(t)
	rec := scenario{method: "GET", path: "/api/guides/measuring-impact?lang=fr", wantStatus: 200, wantType: "application/json"}.run(t, h)
	var g Guide
	if err := json.Unmarshal(rec.Body.Bytes(), &g); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(g.Markdown, "\n## ") || !strings.Contains(g.Markdown, "| --- |") || strings.Contains(g.Markdown, "<") {
		t.Errorf("markdown: %.200q", g.Markdown)
	}
}
