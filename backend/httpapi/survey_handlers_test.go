package httpapi

import (
	"encoding/json"
	"net/http"
	"reflect"
	"testing"
)

// surveyBody is a survey of the project with one question of each kind.
const surveyBody = `{"title":"Satisfaction des familles — Ольга","projectId":"1","audience":"beneficiary","questions":[
	{"kind":"scale","text":"Êtes-vous satisfaite de l’accompagnement ?","min":1,"max":5},
	{"kind":"single","text":"Recommanderiez-vous l’association ?","choices":["« Très satisfaite »","Oui","Non"]},
	{"kind":"multiple","text":"Qu’avez-vous appris ?","choices":["Budget","Démarches en ligne","日本語"]},
	{"kind":"number","text":"Combien de séances ?","min":0},
	{"kind":"text","text":"Un mot pour les bénévoles ?"}]}`

func TestSurveyAPIScenarios(t *testing.T) {
	h := newTestHandler(t)
	fr := map[string]string{"Accept-Language": "fr-FR,fr;q=0.9"}
	en := map[string]string{"Accept-Language": "en-GB,en;q=0.8"}
	jsonType := "application/json"
	for _, sc := range []scenario{
		{name: "an association", method: "POST", path: "/api/organizations", body: `{"kind":"association","name":"Œuvre Sainte-Élodie de Besançon"}`,
			wantStatus: 201, wantType: jsonType, wantInBody: []string{`"id":"1"`}},
		{name: "a sponsor", method: "POST", path: "/api/organizations", body: `{"kind":"sponsor","name":"Фонд Ольги"}`,
			wantStatus: 201, wantType: jsonType, wantInBody: []string{`"id":"2"`}},
		{name: "a program", method: "POST", path: "/api/programs", body: `{"sponsorId":"2","name":"Mécénat 2027"}`,
			wantStatus: 201, wantType: jsonType, wantInBody: []string{`"id":"1"`}},
		{name: "a project", method: "POST", path: "/api/projects", body: `{"title":"Aide aux devoirs","organizationId":"1"}`,
			wantStatus: 201, wantType: jsonType, wantInBody: []string{`"id":"1"`}},
		{name: "a volunteer", method: "POST", path: "/api/volunteers", body: `{"firstName":"Élodie","lastName":"Martin"}`,
			wantStatus: 201, wantType: jsonType, wantInBody: []string{`"id":"1"`}},

		// Surveys: each kind of question, and the survey as a page shows it.
		{name: "create a survey of every kind", method: "POST", path: "/api/surveys", body: surveyBody,
			wantStatus: 201, wantType: jsonType, wantHeaders: map[string]string{"Location": "/api/surveys/1"},
			wantInBody: []string{`"id":"1"`, `"title":"Satisfaction des familles — Ольга"`, `"projectId":"1"`, `"project":"Aide aux devoirs"`,
				`"programId":""`, `"program":""`, `"organizationName":"Œuvre Sainte-Élodie de Besançon"`, `"audience":"beneficiary"`,
				`{"kind":"scale","text":"Êtes-vous satisfaite de l’accompagnement ?","min":1,"max":5,"choices":[]}`,
				`{"kind":"single","text":"Recommanderiez-vous l’association ?","min":null,"max":null,"choices":["« Très satisfaite »","Oui","Non"]}`,
				`{"kind":"number","text":"Combien de séances ?","min":0,"max":null,"choices":[]}`,
				`{"kind":"text","text":"Un mot pour les bénévoles ?","min":null,"max":null,"choices":[]}`,
				`"responses":0`, `"createdAt":"2026-11-25T14:00:00Z"`}},
		{name: "a volunteers' survey of the program", method: "POST", path: "/api/surveys",
			body: `{"title":"Ce que la mission vous a apporté","programId":"1","audience":"volunteer","questions":[
				{"kind":"scale","text":"Recommanderiez-vous ce mécénat ?","min":0,"max":10},{"kind":"text","text":"Pourquoi ?"}]}`,
			wantStatus: 201, wantType: jsonType,
			wantInBody: []string{`"id":"2"`, `"projectId":""`, `"programId":"1"`, `"program":"Mécénat 2027"`, `"organizationName":"Фонд Ольги"`}},
		{name: "no questions, in French", method: "POST", path: "/api/surveys", headers: fr,
			body: `{"title":"Vide","projectId":"1","audience":"beneficiary","questions":[]}`, wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.questions"`, `Ce champ est obligatoire.`}},
		{name: "a scale from 5 to 1, in French", method: "POST", path: "/api/surveys", headers: fr,
			body:       `{"title":"Note","projectId":"1","audience":"beneficiary","questions":[{"kind":"text","text":"Un mot ?"},{"kind":"scale","text":"Note","min":5,"max":1}]}`,
			wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.questions.1.max"`, `Le maximum (1) doit être plus grand que le minimum (5).`}},
		{name: "a scale from 5 to 1, in English", method: "POST", path: "/api/surveys", headers: en,
			body:       `{"title":"Note","projectId":"1","audience":"beneficiary","questions":[{"kind":"scale","text":"Note","min":5,"max":1}]}`,
			wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.questions.0.max"`, `The maximum (1) must be greater than the minimum (5).`}},
		{name: "a scale from 0 to 20", method: "POST", path: "/api/surveys", headers: en,
			body:       `{"title":"Note","projectId":"1","audience":"beneficiary","questions":[{"kind":"scale","text":"Note","min":0,"max":20}]}`,
			wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.questions.0.max"`, `A scale has at most 11 values (for example 1 to 5 or 0 to 10).`}},
		{name: "a single choice with one choice, in French", method: "POST", path: "/api/surveys", headers: fr,
			body:       `{"title":"Choix","projectId":"1","audience":"beneficiary","questions":[{"kind":"single","text":"Oui ?","choices":["Oui"]}]}`,
			wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.questions.0.choices"`, `Proposez au moins 2 choix.`}},
		{name: "a choice twice, in English", method: "POST", path: "/api/surveys", headers: en,
			body:       `{"title":"Choix","projectId":"1","audience":"beneficiary","questions":[{"kind":"multiple","text":"Quoi ?","choices":["Très bien","très bien"]}]}`,
			wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.questions.0.choices"`, `The choice “très bien” appears twice.`}},
		{name: "an unknown project and kind, in French", method: "POST", path: "/api/surveys", headers: fr,
			body:       `{"title":"Perdu","projectId":"99","audience":"beneficiary","questions":[{"kind":"stars","text":"Note ?"}]}`,
			wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.projectId"`, `Cet élément n’existe pas (ou plus).`, `"location":"body.questions.0.kind"`,
				`Valeur non reconnue (choix possibles : scale, single, multiple, number, text).`}},
		{name: "a project and a program, in English", method: "POST", path: "/api/surveys", headers: en,
			body:       `{"title":"Les deux","projectId":"1","programId":"1","audience":"donors","questions":[{"kind":"text","text":"?"}]}`,
			wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.projectId"`, `Attach the survey to a project or to a program (one or the other).`,
				`"location":"body.audience"`}},
		{name: "a malformed project id", method: "POST", path: "/api/surveys",
			body:       `{"title":"X","projectId":"abc","audience":"beneficiary","questions":[{"kind":"text","text":"?"}]}`,
			wantStatus: 422, wantType: problemJSON, wantInBody: []string{`"location":"body.projectId"`}},
		{name: "the refused surveys saved nothing", method: "GET", path: "/api/surveys", wantStatus: 200, wantType: jsonType,
			wantInBody: []string{`"total":2`}},

		// Responses.
		{name: "a first response", method: "POST", path: "/api/surveys/1/responses",
			body:       `{"answers":[5,"« Très satisfaite »",["Budget","日本語"],3,"Merci à Élodie, « formidable » !"],"source":"paper"}`,
			wantStatus: 201, wantType: jsonType,
			wantInBody: []string{`"id":"1"`, `"surveyId":"1"`, `"number":1`, `"source":"paper"`, `"volunteerId":""`,
				`"answers":[5,"« Très satisfaite »",["Budget","日本語"],3,"Merci à Élodie, « formidable » !"]`}},
		{name: "a second, some left blank, a choice in another case", method: "POST", path: "/api/surveys/1/responses",
			body:       `{"answers":[4,"oui",[],null,"  Ольга était là  "]}`,
			wantStatus: 201, wantType: jsonType,
			wantInBody: []string{`"number":2`, `"source":"app"`, `"answers":[4,"Oui",null,null,"Ольга était là"]`}},
		{name: "a third", method: "POST", path: "/api/surveys/1/responses", body: `{"answers":[4,"« Très satisfaite »",["Démarches en ligne"],8,null]}`,
			wantStatus: 201, wantType: jsonType, wantInBody: []string{`"number":3`}},
		{name: "answers of the wrong count, in French", method: "POST", path: "/api/surveys/1/responses", headers: fr,
			body: `{"answers":[5,"Oui"]}`, wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.answers"`, `Il faut une réponse par question, dans l’ordre (5 questions)`}},
		{name: "answers of the wrong type, in English", method: "POST", path: "/api/surveys/1/responses", headers: en,
			body: `{"answers":["5",["Oui"],"Budget",null,7]}`, wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.answers.0"`, `This question expects a number.`, `"location":"body.answers.1"`,
				`This question expects one of its choices (its text).`, `"location":"body.answers.2"`,
				`This question expects a list of its choices (their texts).`, `"location":"body.answers.4"`, `This question expects a text.`}},
		{name: "a scale out of range, in French", method: "POST", path: "/api/surveys/1/responses", headers: fr,
			body: `{"answers":[6,null,null,-1,null]}`, wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.answers.0"`, `Valeur hors limites (entre 1 et 5).`, `"location":"body.answers.3"`,
				`Valeur trop petite (0 au moins).`}},
		{name: "a scale with decimals, in English", method: "POST", path: "/api/surveys/1/responses", headers: en,
			body: `{"answers":[4.5,null,null,null,null]}`, wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.answers.0"`, `A whole number is expected (no decimals).`}},
		{name: "an unknown choice, in French", method: "POST", path: "/api/surveys/1/responses", headers: fr,
			body: `{"answers":[null,"Peut-être",null,null,null]}`, wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.answers.1"`, `Valeur non reconnue (choix possibles : « Très satisfaite », Oui, Non).`}},
		{name: "an unknown choice in a list, in English", method: "POST", path: "/api/surveys/1/responses", headers: en,
			body: `{"answers":[null,null,["Budget","Cuisine"],null,null]}`, wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.answers.2"`, `Unknown value (possible choices: Budget, Démarches en ligne, 日本語).`}},
		{name: "nothing answered, in French", method: "POST", path: "/api/surveys/1/responses", headers: fr,
			body: `{"answers":[null,"",[],null,"  "]}`, wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.answers"`, `Aucune question n’a de réponse : répondez au moins à une question.`}},
		{name: "a beneficiary named, in English", method: "POST", path: "/api/surveys/1/responses", headers: en,
			body: `{"answers":[3,null,null,null,null],"volunteerId":"1","source":"fax"}`, wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.volunteerId"`, `Beneficiaries’ answers are anonymous: do not name a volunteer.`, `"location":"body.source"`}},
		{name: "an answer that is no answer at all", method: "POST", path: "/api/surveys/1/responses",
			body: `{"answers":[true,null,null,null,null]}`, wantStatus: 422, wantType: problemJSON},
		{name: "the refused responses saved nothing", method: "GET", path: "/api/surveys/1", wantStatus: 200, wantType: jsonType,
			wantInBody: []string{`"responses":3`}},
		{name: "a known volunteer answers the volunteers' survey", method: "POST", path: "/api/surveys/2/responses",
			body: `{"answers":[9,"La mission m’a appris à expliquer simplement."],"volunteerId":"1"}`, wantStatus: 201, wantType: jsonType,
			wantInBody: []string{`"volunteerId":"1"`, `"volunteerName":"Élodie Martin"`}},
		{name: "an unknown volunteer", method: "POST", path: "/api/surveys/2/responses", headers: fr,
			body: `{"answers":[9,null],"volunteerId":"42"}`, wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.volunteerId"`, `Cet élément n’existe pas (ou plus).`}},

		// Results.
		{name: "results", method: "GET", path: "/api/surveys/1/results", wantStatus: 200, wantType: jsonType,
			wantInBody: []string{`"survey":{"id":"1"`, `"responses":3`,
				`{"kind":"scale","text":"Êtes-vous satisfaite de l’accompagnement ?","count":3,"mean":4.333333333333333,"min":1,"max":5,` +
					`"distribution":[{"label":"1","count":0},{"label":"2","count":0},{"label":"3","count":0},{"label":"4","count":2},{"label":"5","count":1}],"texts":[]}`,
				`"distribution":[{"label":"« Très satisfaite »","count":2},{"label":"Oui","count":1},{"label":"Non","count":0}]`,
				`"distribution":[{"label":"Budget","count":1},{"label":"Démarches en ligne","count":1},{"label":"日本語","count":1}]`,
				`{"kind":"number","text":"Combien de séances ?","count":2,"mean":5.5,"min":0,"max":null,"distribution":[],"texts":[]}`,
				`"texts":["Ольга était là","Merci à Élodie, « formidable » !"]`}},

		// Questions are frozen from the first response; the title is not.
		{name: "a changed question, in French", method: "PUT", path: "/api/surveys/1", headers: fr,
			body:       `{"title":"Satisfaction","projectId":"1","audience":"beneficiary","questions":[{"kind":"text","text":"Un mot ?"}]}`,
			wantStatus: 409, wantType: problemJSON,
			wantInBody: []string{`Cette enquête a déjà des réponses (3) : seul son titre peut encore changer.`}},
		{name: "a changed question, in English", method: "PUT", path: "/api/surveys/1", headers: en,
			body:       `{"title":"Satisfaction","projectId":"1","audience":"beneficiary","questions":[{"kind":"text","text":"Un mot ?"}]}`,
			wantStatus: 409, wantType: problemJSON,
			wantInBody: []string{`This survey already has responses (3): only its title can still change.`}},
		{name: "a new title", method: "PUT", path: "/api/surveys/1",
			body:       replaceTitle(t, surveyBody, "Bilan 2027 des familles"),
			wantStatus: 200, wantType: jsonType, wantInBody: []string{`"title":"Bilan 2027 des familles"`, `"responses":3`}},
		{name: "invalid on saving", method: "PUT", path: "/api/surveys/2", headers: en,
			body: `{"title":"","programId":"1","audience":"volunteer","questions":[]}`, wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.title"`, `"location":"body.questions"`}},

		// Lists.
		{name: "the project's surveys", method: "GET", path: "/api/surveys?projectId=1", wantStatus: 200, wantType: jsonType,
			wantInBody: []string{`"total":1`, `"title":"Bilan 2027 des familles"`}},
		{name: "the program's surveys", method: "GET", path: "/api/surveys?programId=1", wantStatus: 200, wantType: jsonType,
			wantInBody: []string{`"total":1`, `"title":"Ce que la mission vous a apporté"`, `"responses":1`}},
		{name: "surveys of another project", method: "GET", path: "/api/surveys?projectId=42", wantStatus: 200, wantType: jsonType,
			wantInBody: []string{`{"total":0,"items":[]}`}},
		{name: "a malformed filter", method: "GET", path: "/api/surveys?programId=x", wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.programId"`}},
		{name: "the second page", method: "GET", path: "/api/surveys?limit=1&offset=1", wantStatus: 200, wantType: jsonType,
			wantInBody: []string{`"total":2`, `"title":"Bilan 2027 des familles"`}},

		// Not found.
		{name: "an unknown survey", method: "GET", path: "/api/surveys/999", wantStatus: 404, wantType: problemJSON},
		{name: "a malformed survey id", method: "GET", path: "/api/surveys/abc", wantStatus: 404, wantType: problemJSON},
		{name: "saving an unknown survey", method: "PUT", path: "/api/surveys/999", body: surveyBody, wantStatus: 404, wantType: problemJSON},
		{name: "results of an unknown survey", method: "GET", path: "/api/surveys/999/results", wantStatus: 404, wantType: problemJSON},
		{name: "responses of an unknown survey", method: "GET", path: "/api/surveys/999/responses", wantStatus: 404, wantType: problemJSON},
		{name: "a response to an unknown survey", method: "POST", path: "/api/surveys/999/responses",
			body: `{"answers":[1]}`, wantStatus: 404, wantType: problemJSON, wantInBody: []string{`Élément introuvable.`}},
		{name: "deleting an unknown response", method: "DELETE", path: "/api/surveys/1/responses/999", wantStatus: 404, wantType: problemJSON},
		{name: "deleting a response through another survey", method: "DELETE", path: "/api/surveys/2/responses/1", wantStatus: 404, wantType: problemJSON},
		{name: "deleting an unknown survey", method: "DELETE", path: "/api/surveys/999", wantStatus: 404, wantType: problemJSON},
		{name: "in the OpenAPI document", method: "GET", path: "/api/openapi.json", wantStatus: 200, wantType: "application/",
			wantInBody: []string{`/api/surveys/{id}/responses/{responseId}`, `/api/surveys/{id}/results`}},
	} {
		t.Run(sc.name, func(t *testing.T) { sc.run(t, h) })
	}

	t.Run("responses newest first, in the shape they were sent", func(t *testing.T) {
		rec := scenario{method: "GET", path: "/api/surveys/1/responses?limit=2", wantStatus: 200, wantType: jsonType}.run(t, h)
		var list SurveyResponseList
		if err := json.Unmarshal(rec.Body.Bytes(), &list); err != nil {
			t.Fatal(err)
		}
		if list.Total != 3 || len(list.Items) != 2 || list.Items[0].Number != 3 || list.Items[1].Number != 2 {
			t.Fatalf("list %+v", list)
		}
		want := []any{4.0, "« Très satisfaite »", []any{"Démarches en ligne"}, 8.0, nil}
		got := make([]any, len(list.Items[0].Answers))
		for i, a := range list.Items[0].Answers {
			got[i] = a.value
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("answers %#v", got)
		}
	})

	t.Run("a response deleted, then the survey", func(t *testing.T) {
		scenario{method: "DELETE", path: "/api/surveys/1/responses/1", wantStatus: http.StatusNoContent}.run(t, h)
		scenario{method: "GET", path: "/api/surveys/1/results", wantStatus: 200, wantType: jsonType,
			wantInBody: []string{`"responses":2`, `"mean":4,`, `"texts":["Ольга était là"]`}}.run(t, h)
		scenario{method: "DELETE", path: "/api/surveys/1", wantStatus: http.StatusNoContent}.run(t, h)
		scenario{method: "GET", path: "/api/surveys/1", wantStatus: 404, wantType: problemJSON}.run(t, h)
		scenario{method: "GET", path: "/api/surveys/1/responses", wantStatus: 404, wantType: problemJSON}.run(t, h)
		scenario{method: "GET", path: "/api/surveys", wantStatus: 200, wantType: jsonType, wantInBody: []string{`"total":1`}}.run(t, h)
	})
}

// replaceTitle gives a survey body with another title.
func replaceTitle(t *testing.T, body, title string) string {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		t.Fatal(err)
	}
	m["title"] = title
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var (
	jsonUnmarshal = json.Unmarshal
	jsonMarshal   = json.Marshal
)
