package importer

import (
	"strings"

	"github.com/civisphere/civisphere/backend/domain"
)

// Field is the volunteer field a column is imported into.
type Field string

// The fields a column can be mapped to. The values are the names the API and the UI use.
const (
	FieldIgnore        Field = ""
	FieldFirstName     Field = "firstName"
	FieldLastName      Field = "lastName"
	FieldFullName      Field = "fullName" // "Élodie Martin" or "MARTIN Élodie", split into first and last name
	FieldEmail         Field = "email"
	FieldPhone         Field = "phone"
	FieldCity          Field = "city"
	FieldPostcode      Field = "postcode"
	FieldSkills        Field = "skills" // several skills, each with an optional level: "Comptabilité (expert), Graphisme"
	FieldLevel         Field = "level"  // one level for the skills of the row that have none of their own
	FieldCauses        Field = "causes"
	FieldLanguages     Field = "languages"
	FieldAvailability  Field = "availability" // free text: "mardi et jeudi soir, 10h/mois, à distance"
	FieldHoursPerMonth Field = "hoursPerMonth"
	FieldMode          Field = "mode" // présentiel, distanciel, les deux
	FieldBio           Field = "bio"
	FieldNotes         Field = "notes"
	FieldJoinedOn      Field = "joinedOn"
)

// Fields lists every mappable field in the order of the volunteer form, for the mapping
// drop-down lists.
var Fields = []Field{
	FieldFirstName, FieldLastName, FieldFullName, FieldEmail, FieldPhone, FieldPostcode, FieldCity,
	FieldSkills, FieldLevel, FieldCauses, FieldLanguages, FieldAvailability, FieldHoursPerMonth,
	FieldMode, FieldBio, FieldNotes, FieldJoinedOn,
}

// MultiColumn tells the fields that may be read from several columns ("Compétence 1",
// "Compétence 2"): Parse joins the values of every column mapped to them. Any other field
// fills one column.
func (f Field) MultiColumn() bool {
	switch f {
	case FieldSkills, FieldCauses, FieldLanguages, FieldAvailability:
		return true
	}
	return false
}

// fieldName is a stand-in for the ambiguous titles "Nom" and "Name": the last name when the
// sheet also has a first-name column, the full name otherwise.
const fieldName Field = "\x00name"

// headerNames are the column titles of real files, folded with domain.FoldText ("Prénom",
// "PRENOM", "prénom :" all fold to "prenom"). A title matches exactly, or starts with one of
// prefixHeaderNames ("Téléphone portable", "Mode (présentiel/distanciel)").
var headerNames = map[string]Field{}

// prefixHeaderNames match the start of a longer title, word by word.
var prefixHeaderNames = map[string]Field{}

func init() {
	exact := map[Field][]string{
		fieldName:          {"nom", "name", "noms", "names"},
		FieldFirstName:     {"prenom", "prenoms", "first name", "firstname", "given name", "forename", "prenom usuel"},
		FieldLastName:      {"nom de famille", "last name", "lastname", "surname", "family name", "nom d usage", "nom de naissance", "nom patronymique"},
		FieldFullName:      {"nom complet", "nom et prenom", "nom et prenoms", "nom prenom", "prenom nom", "prenom et nom", "full name", "fullname", "identite", "benevole", "volunteer", "volunteer name", "nom du benevole", "nom de la benevole", "nom du de la benevole", "nom et prenom du benevole"},
		FieldEmail:         {"email", "e mail", "emails", "e mails", "courriel", "courriels", "mail", "mel", "adresse mail", "adresse e mail", "adresse email", "adresse electronique", "adresse courriel", "email address", "e mail address", "mail address", "adresse de courriel"},
		FieldPhone:         {"telephone", "tel", "portable", "mobile", "phone", "gsm", "telephone portable", "tel portable", "tel mobile", "telephone mobile", "numero de telephone", "n de telephone", "no de telephone", "num tel", "phone number", "mobile phone", "cell phone", "cellphone", "telephone number"},
		FieldCity:          {"ville", "commune", "city", "town", "localite", "ville de residence", "commune de residence", "lieu de residence"},
		FieldPostcode:      {"code postal", "cp", "postcode", "post code", "postal code", "zip", "zip code", "zipcode", "code post", "c p"},
		FieldSkills:        {"competences", "competence", "skills", "skill", "savoir faire", "savoirs faire", "domaines d expertise", "domaine d expertise", "domaines de competence", "domaines de competences", "domaine de competence", "expertise", "expertises", "competences proposees", "competences offertes", "talents", "areas of expertise", "expertise areas"},
		FieldLevel:         {"niveau", "level", "niveau de competence", "niveau de competences", "niveau d expertise", "skill level", "niveau global"},
		FieldCauses:        {"causes", "cause", "causes soutenues", "causes preferees", "causes defendues", "causes d engagement", "centres d interet", "centre d interet", "interets", "interests", "thematiques", "themes", "supported causes"},
		FieldLanguages:     {"langues", "langue", "langues parlees", "langue parlee", "langues etrangeres", "languages", "language", "spoken languages", "languages spoken"},
		FieldAvailability:  {"disponibilites", "disponibilite", "availability", "availabilities", "dispo", "dispos", "creneaux", "creneaux disponibles"},
		FieldHoursPerMonth: {"heures par mois", "heures mois", "h mois", "heures mensuelles", "nombre d heures par mois", "nb d heures par mois", "nb heures par mois", "hours per month", "hours month", "monthly hours", "temps disponible par mois"},
		FieldMode:          {"mode", "modalite", "modalites", "mode d intervention", "mode d engagement", "presentiel distanciel", "presentiel ou distanciel", "sur place ou a distance", "work mode", "remote or on site", "on site or remote"},
		FieldBio:           {"bio", "biographie", "presentation", "parcours", "cv", "about", "a propos", "profil", "parcours professionnel", "experience", "experiences", "description"},
		FieldNotes:         {"notes", "note", "remarques", "remarque", "commentaire", "commentaires", "observations", "observation", "comments", "comment", "remarks", "notes internes", "infos", "informations"},
		FieldJoinedOn:      {"date d inscription", "date inscription", "inscrit le", "inscrite le", "inscrit e le", "date d adhesion", "date adhesion", "membre depuis", "benevole depuis", "joined", "joined on", "date joined", "member since", "volunteer since", "registration date", "date d entree", "date d arrivee"},
	}
	prefix := map[Field][]string{
		FieldFirstName:     {"prenom"},
		FieldLastName:      {"nom de famille", "last name", "surname"},
		FieldFullName:      {"nom complet", "nom et prenom", "nom prenom", "prenom nom", "prenom et nom", "full name"},
		FieldEmail:         {"email", "e mail", "courriel", "adresse mail", "adresse e mail", "adresse email", "mail"},
		FieldPhone:         {"telephone", "tel", "portable", "mobile", "phone", "gsm", "numero de telephone"},
		FieldCity:          {"ville", "commune", "city", "town"},
		FieldPostcode:      {"code postal", "postcode", "postal code", "zip"},
		FieldSkills:        {"competences", "competence", "skills", "savoir faire", "domaines d expertise", "domaines de competence"},
		FieldLevel:         {"niveau de competence", "skill level"},
		FieldCauses:        {"causes", "centres d interet"},
		FieldLanguages:     {"langues", "languages"},
		FieldAvailability:  {"disponibilites", "disponibilite", "availability", "dispo"},
		FieldHoursPerMonth: {"heures par mois", "heures mois", "hours per month", "nombre d heures par mois"},
		FieldMode:          {"mode", "modalite", "presentiel", "distanciel"},
		FieldBio:           {"bio", "presentation", "parcours"},
		FieldNotes:         {"notes", "remarques", "commentaire", "commentaires", "observations", "comments"},
		FieldJoinedOn:      {"date d inscription", "date d adhesion", "inscrit le", "inscrite le", "membre depuis", "joined", "date joined", "member since"},
	}
	for field, names := range exact {
		for _, n := range names {
			headerNames[n] = field
		}
	}
	for field, names := range prefix {
		for _, n := range names {
			prefixHeaderNames[n] = field
		}
	}
}

// headerField tells which field a column title names, or FieldIgnore. "Nom" and "Name" give
// fieldName, which GuessMapping resolves.
func headerField(title string) Field {
	folded := domain.FoldText(title)
	if folded == "" {
		return FieldIgnore
	}
	if f, ok := headerNames[folded]; ok {
		return f
	}
	// The longest known start wins: "nom de famille (usage)" is a last name, not a name.
	words := strings.Split(folded, " ")
	for n := len(words) - 1; n >= 1; n-- {
		if f, ok := prefixHeaderNames[strings.Join(words[:n], " ")]; ok {
			return f
		}
	}
	return FieldIgnore
}

// GuessMapping proposes a field for each header cell: FieldIgnore when the title is unknown, and
// each field at most once (the first column wins). "Nom" is the last name when a first-name
// column exists and the full name otherwise.
func GuessMapping(header []string) []Field {
	mapping := make([]Field, len(header))
	used := map[Field]bool{}
	var names []int
	for i, title := range header {
		f := headerField(title)
		switch {
		case f == FieldIgnore:
		case f == fieldName:
			names = append(names, i)
		case !used[f]:
			mapping[i] = f
			used[f] = true
		}
	}
	for _, i := range names {
		switch {
		case used[FieldFirstName] && !used[FieldLastName] && !used[FieldFullName]:
			mapping[i] = FieldLastName
			used[FieldLastName] = true
		case !used[FieldFirstName] && !used[FieldLastName] && !used[FieldFullName]:
			mapping[i] = FieldFullName
			used[FieldFullName] = true
		}
	}
	return mapping
}
