package httpapi

import "testing"

// While the index is rebuilt, searches answer completely from the database and say so.
func TestSearchAnswersFromTheDatabaseWhileTheIndexIsRebuilt(t *testing.T) {
	h, _ := newTestHandlerIndexed(t, false)
	for _, sc := range []scenario{
		{name: "index state", method: "GET", path: "/api/search/index", wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"state":"rebuilding"`}},
		{name: "create", method: "POST", path: "/api/volunteers",
			body:       `{"firstName":"Élodie","lastName":"Martin","email":"elodie@example.fr","city":"Besançon","skills":[{"name":"compta","level":"confirmé"}],"bio":"Œuvre pour les associations."}`,
			wantStatus: 201, wantType: "application/json"},
		{name: "create another", method: "POST", path: "/api/volunteers",
			body:       `{"firstName":"Ольга","lastName":"Петрова","city":"Strasbourg","skills":[{"name":"Traduction russe","level":"expert"}],"languages":["ru"]}`,
			wantStatus: 201, wantType: "application/json"},
		{name: "synonym, folded", method: "GET", path: "/api/volunteers?q=ACCOUNTING",
			wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"total":1`, `"firstName":"Élodie"`, `"complete":true`, `"source":"database"`, `"state":"rebuilding"`,
				`"value":"Besançon","label":"Besançon","count":1`, `"text":"Comptabilité","match":true`}},
		{name: "œ typed oe in the bio, prefix", method: "GET", path: "/api/volunteers?q=oeuv",
			wantStatus: 200, wantType: "application/json", wantInBody: []string{`"total":1`, `"lastName":"Martin"`}},
		{name: "Cyrillic name", method: "GET", path: "/api/volunteers?q=ольга",
			wantStatus: 200, wantType: "application/json", wantInBody: []string{`"total":1`, `"lastName":"Петрова"`}},
		{name: "filters", method: "GET", path: "/api/volunteers?language=ru&city=strasbourg&level=expert",
			wantStatus: 200, wantType: "application/json", wantInBody: []string{`"total":1`, `"lastName":"Петрова"`}},
		{name: "everyone in name order", method: "GET", path: "/api/volunteers?limit=1&offset=1",
			wantStatus: 200, wantType: "application/json", wantInBody: []string{`"total":2`, `"lastName":"Петрова"`}},
		{name: "every word is a prefix", method: "GET", path: "/api/volunteers?q=marti%20",
			wantStatus: 200, wantType: "application/json", wantInBody: []string{`"total":1`, `"source":"database"`}},
		{name: "bad parameters still refused", method: "GET", path: "/api/volunteers?status=lost",
			wantStatus: 422, wantType: problemJSON},
		{name: "export is complete", method: "GET", path: "/api/volunteers/export.csv?q=compta",
			wantStatus: 200, wantType: "text/csv", wantInBody: []string{"Martin"}},
	} {
		t.Run(sc.name, func(t *testing.T) { sc.run(t, h) })
	}
}
