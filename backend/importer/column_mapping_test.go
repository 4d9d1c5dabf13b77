package importer

import (
	"reflect"
	"testing"
)

func TestHeaderField(t *testing.T) {
	tests := map[Field][]string{
		FieldFirstName: {"Prénom", "PRENOM", "prénom :", "Prenom", "First name", "First Name", "Firstname", "Given name", "Prénom usuel"},
		FieldLastName:  {"Nom de famille", "NOM DE FAMILLE", "Last name", "Surname", "Family name", "Nom d'usage"},
		FieldFullName:  {"Nom complet", "Nom et prénom", "NOM Prénom", "Prénom Nom", "Nom & prénom", "Full name", "Bénévole"},
		FieldEmail:     {"Courriel", "E-mail", "Email", "e-mail", "Mail", "Adresse mail", "Adresse e-mail", "Adresse électronique", "E-mail (perso)", "Courriel*"},
		FieldPhone:     {"Téléphone", "Tél", "Tél.", "Tel.", "TEL", "Portable", "Mobile", "Phone", "GSM", "Téléphone portable", "N° de téléphone", "Phone number"},
		FieldCity:      {"Ville", "Commune", "City", "Town", "Ville de résidence", "Localité"},
		FieldPostcode:  {"Code postal", "CP", "C.P.", "Postcode", "ZIP", "Zip code", "Postal code", "Code postal (5 chiffres)"},
		FieldSkills:    {"Compétences", "Compétence", "Skills", "Savoir-faire", "Domaines d'expertise", "Expertise", "Compétences proposées", "Compétences principales"},
		FieldLevel:     {"Niveau", "Level", "Niveau de compétence", "Skill level"},
		FieldCauses:    {"Causes", "Causes soutenues", "Centres d'intérêt", "Interests", "Thématiques"},
		FieldLanguages: {"Langues", "Langues parlées", "Languages", "Langue"},
		FieldAvailability: {
			"Disponibilités", "Disponibilité", "Availability", "Dispo", "Disponibilités (jours, horaires)",
		},
		FieldHoursPerMonth: {"Heures par mois", "Heures/mois", "Hours per month", "Nombre d'heures par mois", "H/mois"},
		FieldMode:          {"Mode", "Mode (Présentiel/Distanciel…)", "Présentiel / distanciel", "Modalité"},
		FieldBio:           {"Bio", "Présentation", "Parcours", "CV", "Biographie"},
		FieldNotes:         {"Notes", "Remarques", "Commentaire", "Commentaires", "Observations", "Comments"},
		FieldJoinedOn:      {"Date d'inscription", "Inscrit le", "Inscrit(e) le", "Date d'adhésion", "Membre depuis", "Joined", "Date joined", "Member since"},
		fieldName:          {"Nom", "NOM", "nom :", "Name", "Noms"},
		FieldIgnore:        {"", "Adresse", "Date de naissance", "N°", "Niveau d'études", "Statut", "Numéro d'adhérent", "Nomenclature", "Mailing"},
	}
	for want, titles := range tests {
		for _, title := range titles {
			if got := headerField(title); got != want {
				t.Errorf("headerField(%q) = %q, want %q", title, got, want)
			}
		}
	}
}

func TestGuessMapping(t *testing.T) {
	tests := []struct {
		header []string
		want   []Field
	}{
		{
			[]string{"Nom", "Prénom", "Courriel", "Tél.", "Code postal", "Ville", "Compétences", "Niveau", "Disponibilités", "Heures/mois", "Langues", "Causes soutenues", "Date d'inscription", "Remarques"},
			[]Field{FieldLastName, FieldFirstName, FieldEmail, FieldPhone, FieldPostcode, FieldCity, FieldSkills, FieldLevel, FieldAvailability, FieldHoursPerMonth, FieldLanguages, FieldCauses, FieldJoinedOn, FieldNotes},
		},
		{
			[]string{"First name", "Last name", "Email", "Phone", "Postal code", "City", "Skills", "Level", "Availability", "Hours per month", "Languages", "Causes", "Joined", "Notes"},
			[]Field{FieldFirstName, FieldLastName, FieldEmail, FieldPhone, FieldPostcode, FieldCity, FieldSkills, FieldLevel, FieldAvailability, FieldHoursPerMonth, FieldLanguages, FieldCauses, FieldJoinedOn, FieldNotes},
		},
		// A single name column holds the full name.
		{[]string{"Nom", "E-mail", "Compétences"}, []Field{FieldFullName, FieldEmail, FieldSkills}},
		{[]string{"Name", "Email"}, []Field{FieldFullName, FieldEmail}},
		// "Nom" before "Prénom" is still the last name.
		{[]string{"Name", "First name"}, []Field{FieldLastName, FieldFirstName}},
		// Each field once: the first column wins; unknown columns are ignored.
		{[]string{"Courriel", "Adresse", "E-mail 2", "Téléphone fixe", "Portable"}, []Field{FieldEmail, FieldIgnore, FieldIgnore, FieldPhone, FieldIgnore}},
		{[]string{"Nom complet", "Nom"}, []Field{FieldFullName, FieldIgnore}},
		{[]string{"Prénom", "Nom de famille", "Nom"}, []Field{FieldFirstName, FieldLastName, FieldIgnore}},
		{[]string{}, []Field{}},
	}
	for _, tc := range tests {
		if got := GuessMapping(tc.header); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("GuessMapping(%q)\n got %q\nwant %q", tc.header, got, tc.want)
		}
	}
}

func TestFieldsListsEveryField(t *testing.T) {
	seen := map[Field]bool{}
	for _, f := range Fields {
		if f == FieldIgnore || seen[f] {
			t.Errorf("Fields holds %q twice or empty", f)
		}
		seen[f] = true
	}
	if len(Fields) != 17 {
		t.Errorf("%d fields, want 17", len(Fields))
	}
}
