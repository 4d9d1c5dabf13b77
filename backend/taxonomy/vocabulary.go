package taxonomy

import (
	"strings"
	"sync"

	"github.com/civisphere/civisphere/backend/domain"
)

// vocabEntry is one cause or language: its code, its names and the other ways people write it.
type vocabEntry struct {
	code     string
	name     Label
	synonyms []string
}

// terms are the code, both names, then the synonyms.
func (e vocabEntry) terms() []string {
	out := make([]string, 0, 3+len(e.synonyms))
	out = append(out, e.code, e.name.FR, e.name.EN)
	return append(out, e.synonyms...)
}

// vocabulary is a fixed list of entries with a lexicon over their terms.
type vocabulary struct {
	entries []vocabEntry
	byCode  map[string]int
	terms   *lexicon
}

func newVocabulary(entries []vocabEntry) *vocabulary {
	v := &vocabulary{entries: entries, byCode: make(map[string]int, len(entries)), terms: newLexicon(len(entries) * 8)}
	for i, e := range entries {
		v.byCode[e.code] = i
		for _, term := range e.terms() {
			v.terms.add(term, i)
		}
	}
	return v
}

func (v *vocabulary) label(code string) Label {
	if i, ok := v.byCode[code]; ok {
		return v.entries[i].name
	}
	return Label{FR: code, EN: code}
}

func (v *vocabulary) match(text string) (string, bool) {
	i, ok := v.terms.lookup(text)
	if !ok {
		return "", false
	}
	return v.entries[i].code, true
}

// causeEntries name every cause of domain.Causes, in the same order.
var causeEntries = []vocabEntry{
	{"education", Label{FR: "Éducation", EN: "Education"},
		[]string{"enseignement", "école", "school", "scolarité", "éducation populaire", "alphabétisation", "literacy"}},
	{"health", Label{FR: "Santé", EN: "Health"},
		[]string{"médical", "medical", "soins", "healthcare", "maladie", "illness", "recherche médicale", "medical research"}},
	{"environment", Label{FR: "Environnement", EN: "Environment"},
		[]string{"écologie", "ecology", "climat", "climate", "biodiversité", "biodiversity", "nature", "transition écologique", "protection de l'environnement", "développement durable", "sustainability"}},
	{"solidarity", Label{FR: "Solidarité et lutte contre la pauvreté", EN: "Solidarity and poverty relief"},
		[]string{"solidarité", "lutte contre la pauvreté", "pauvreté", "poverty", "précarité", "exclusion", "lutte contre l'exclusion", "action sociale", "aide alimentaire", "fight against poverty"}},
	{"culture", Label{FR: "Culture", EN: "Arts and culture"},
		[]string{"arts", "art", "arts et culture", "musique", "music", "théâtre", "theatre", "cinéma", "cinema"}},
	{"sport", Label{FR: "Sport", EN: "Sport"},
		[]string{"sports", "activité physique", "physical activity", "sport pour tous"}},
	{"employment", Label{FR: "Emploi et insertion", EN: "Employment and work integration"},
		[]string{"emploi", "employment", "insertion", "insertion professionnelle", "chômage", "unemployment", "retour à l'emploi", "employabilité", "employability", "IAE", "jobs"}},
	{"disability", Label{FR: "Handicap", EN: "Disability"},
		[]string{"disabilities", "personnes handicapées", "personnes en situation de handicap", "situation de handicap", "accessibilité", "accessibility"}},
	{"humanRights", Label{FR: "Droits humains", EN: "Human rights"},
		[]string{"droits de l'homme", "droits fondamentaux", "lutte contre les discriminations", "discriminations", "égalité", "equality", "droits des femmes", "women's rights", "égalité femmes-hommes", "gender equality"}},
	{"animals", Label{FR: "Protection animale", EN: "Animal welfare"},
		[]string{"animaux", "animal", "protection des animaux", "bien-être animal", "cause animale", "animal protection"}},
	{"childhood", Label{FR: "Enfance et jeunesse", EN: "Children and youth"},
		[]string{"enfance", "jeunesse", "enfants", "children", "youth", "jeunes", "young people", "protection de l'enfance", "child protection", "petite enfance"}},
	{"elderly", Label{FR: "Personnes âgées", EN: "Older people"},
		[]string{"seniors", "aînés", "elderly people", "vieillesse", "grand âge", "ageing", "aging", "isolement des personnes âgées"}},
	{"housing", Label{FR: "Logement", EN: "Housing"},
		[]string{"sans-abri", "SDF", "sans domicile fixe", "sans-abrisme", "homelessness", "homeless", "mal-logement", "hébergement", "hébergement d'urgence"}},
	{"international", Label{FR: "Solidarité internationale", EN: "International solidarity"},
		[]string{"humanitaire", "humanitarian", "aide humanitaire", "humanitarian aid", "coopération internationale", "aide au développement", "international development", "international"}},
	{"citizenship", Label{FR: "Citoyenneté", EN: "Citizenship"},
		[]string{"démocratie", "democracy", "engagement citoyen", "civic engagement", "participation citoyenne", "civisme", "vie locale"}},
	{"heritage", Label{FR: "Patrimoine", EN: "Heritage"},
		[]string{"patrimoine culturel", "cultural heritage", "monuments historiques", "monuments", "histoire locale", "local history", "patrimoine naturel"}},
}

var causes = sync.OnceValue(func() *vocabulary { return newVocabulary(causeEntries) })

// CauseLabel gives the French and English names of a cause of domain.Causes; an unknown cause is
// named by its ID.
func CauseLabel(c domain.Cause) Label { return causes().label(string(c)) }

// MatchCause maps what people type or import ("écologie", "Droits de l'homme", "sans-abri",
// "humanitaire") to a cause, ignoring case, accents and plural endings. It accepts the IDs,
// both labels and common variants in either language.
func MatchCause(text string) (domain.Cause, bool) {
	code, ok := causes().match(text)
	return domain.Cause(code), ok
}

// languageEntries are the languages the app names, in display order: French and English, the
// other European languages, the regional languages of France, the languages of the main migrant
// communities (Africa, the Middle East, Asia), then sign languages. Codes are ISO 639-1 where
// one exists, ISO 639-2/3 otherwise ("ber", "kab", "fsl", "bfi"); synonyms include the ISO 639-2
// codes spreadsheets often carry ("fra", "eng", "ara").
var languageEntries = []vocabEntry{
	{"fr", Label{FR: "Français", EN: "French"}, []string{"fra", "fre", "langue française", "french language"}},
	{"en", Label{FR: "Anglais", EN: "English"}, []string{"eng", "langue anglaise", "english language"}},
	{"es", Label{FR: "Espagnol", EN: "Spanish"}, []string{"spa", "castillan", "castilian", "español"}},
	{"de", Label{FR: "Allemand", EN: "German"}, []string{"deu", "ger", "deutsch"}},
	{"it", Label{FR: "Italien", EN: "Italian"}, []string{"ita", "italiano"}},
	{"pt", Label{FR: "Portugais", EN: "Portuguese"}, []string{"por", "português", "portugais du Brésil", "brazilian portuguese"}},
	{"nl", Label{FR: "Néerlandais", EN: "Dutch"}, []string{"nld", "dut", "flamand", "flemish", "hollandais", "nederlands"}},
	{"pl", Label{FR: "Polonais", EN: "Polish"}, []string{"pol", "polski"}},
	{"ro", Label{FR: "Roumain", EN: "Romanian"}, []string{"ron", "rum", "română", "moldave"}},
	{"el", Label{FR: "Grec", EN: "Greek"}, []string{"ell", "gre", "grec moderne", "modern greek", "ελληνικά"}},
	{"sv", Label{FR: "Suédois", EN: "Swedish"}, []string{"swe", "svenska"}},
	{"da", Label{FR: "Danois", EN: "Danish"}, []string{"dan", "dansk"}},
	{"fi", Label{FR: "Finnois", EN: "Finnish"}, []string{"fin", "suomi"}},
	{"no", Label{FR: "Norvégien", EN: "Norwegian"}, []string{"nor", "norsk"}},
	{"cs", Label{FR: "Tchèque", EN: "Czech"}, []string{"ces", "cze", "čeština"}},
	{"hu", Label{FR: "Hongrois", EN: "Hungarian"}, []string{"hun", "magyar"}},
	{"bg", Label{FR: "Bulgare", EN: "Bulgarian"}, []string{"bul", "български"}},
	{"hr", Label{FR: "Croate", EN: "Croatian"}, []string{"hrv", "hrvatski"}},
	{"sr", Label{FR: "Serbe", EN: "Serbian"}, []string{"srp", "srpski", "српски"}},
	{"sq", Label{FR: "Albanais", EN: "Albanian"}, []string{"sqi", "alb", "shqip"}},
	{"ru", Label{FR: "Russe", EN: "Russian"}, []string{"rus", "русский"}},
	{"uk", Label{FR: "Ukrainien", EN: "Ukrainian"}, []string{"ukr", "українська"}},
	{"tr", Label{FR: "Turc", EN: "Turkish"}, []string{"tur", "türkçe"}},
	{"br", Label{FR: "Breton", EN: "Breton"}, []string{"bre", "brezhoneg"}},
	{"eu", Label{FR: "Basque", EN: "Basque"}, []string{"eus", "baq", "euskara"}},
	{"ca", Label{FR: "Catalan", EN: "Catalan"}, []string{"cat", "català"}},
	{"oc", Label{FR: "Occitan", EN: "Occitan"}, []string{"oci", "provençal"}},
	{"co", Label{FR: "Corse", EN: "Corsican"}, []string{"cos", "corsu"}},
	{"ar", Label{FR: "Arabe", EN: "Arabic"}, []string{"ara", "arabe littéraire", "arabe dialectal", "arabe maghrébin", "darija", "العربية"}},
	{"ber", Label{FR: "Berbère (tamazight)", EN: "Berber (Tamazight)"}, []string{"berbère", "berber", "tamazight", "amazigh", "amazighe", "tachelhit", "chleuh", "tarifit"}},
	{"kab", Label{FR: "Kabyle", EN: "Kabyle"}, []string{"taqbaylit"}},
	{"he", Label{FR: "Hébreu", EN: "Hebrew"}, []string{"heb", "iw", "עברית"}},
	{"fa", Label{FR: "Persan (farsi)", EN: "Persian (Farsi)"}, []string{"fas", "per", "persan", "persian", "farsi", "dari", "فارسی"}},
	{"ps", Label{FR: "Pachto", EN: "Pashto"}, []string{"pus", "pashto", "pashtu", "pachtou"}},
	{"ku", Label{FR: "Kurde", EN: "Kurdish"}, []string{"kur", "kurmandji", "kurmanji", "sorani"}},
	{"hy", Label{FR: "Arménien", EN: "Armenian"}, []string{"hye", "arm", "հայերեն"}},
	{"ka", Label{FR: "Géorgien", EN: "Georgian"}, []string{"kat", "geo", "ქართული"}},
	{"wo", Label{FR: "Wolof", EN: "Wolof"}, []string{"wol"}},
	{"bm", Label{FR: "Bambara", EN: "Bambara"}, []string{"bam", "bamanankan"}},
	{"ff", Label{FR: "Peul (fulfulde)", EN: "Fula (Fulfulde)"}, []string{"ful", "peul", "pulaar", "fulfulde", "fula", "fulani"}},
	{"ln", Label{FR: "Lingala", EN: "Lingala"}, []string{"lin"}},
	{"sw", Label{FR: "Swahili", EN: "Swahili"}, []string{"swa", "kiswahili"}},
	{"so", Label{FR: "Somali", EN: "Somali"}, []string{"som"}},
	{"ti", Label{FR: "Tigrigna", EN: "Tigrinya"}, []string{"tir", "tigrinya"}},
	{"am", Label{FR: "Amharique", EN: "Amharic"}, []string{"amh"}},
	{"mg", Label{FR: "Malgache", EN: "Malagasy"}, []string{"mlg", "malagasy"}},
	{"ht", Label{FR: "Créole haïtien", EN: "Haitian Creole"}, []string{"hat", "kreyòl", "kreyol ayisyen"}},
	{"hi", Label{FR: "Hindi", EN: "Hindi"}, []string{"hin", "हिन्दी"}},
	{"ur", Label{FR: "Ourdou", EN: "Urdu"}, []string{"urd", "urdu"}},
	{"bn", Label{FR: "Bengali", EN: "Bengali"}, []string{"ben", "bangla", "bengalais"}},
	{"ta", Label{FR: "Tamoul", EN: "Tamil"}, []string{"tam", "tamil"}},
	{"zh", Label{FR: "Chinois", EN: "Chinese"}, []string{"zho", "chi", "mandarin", "chinois mandarin", "putonghua", "cantonais", "cantonese", "中文"}},
	{"vi", Label{FR: "Vietnamien", EN: "Vietnamese"}, []string{"vie", "tiếng việt", "tieng viet"}},
	{"ja", Label{FR: "Japonais", EN: "Japanese"}, []string{"jpn", "日本語"}},
	{"ko", Label{FR: "Coréen", EN: "Korean"}, []string{"kor", "한국어"}},
	{"fsl", Label{FR: "Langue des signes française (LSF)", EN: "French Sign Language"}, []string{"LSF", "langue des signes", "langue des signes française", "sign language", "French Sign Language (LSF)"}},
	{"bfi", Label{FR: "Langue des signes britannique (BSL)", EN: "British Sign Language (BSL)"}, []string{"BSL", "langue des signes britannique", "British Sign Language"}},
}

var languages = sync.OnceValue(func() *vocabulary { return newVocabulary(languageEntries) })

// Languages lists the codes of the languages the app names, in display order: French and
// English first, then the other European languages, the regional languages of France, the
// languages of the main migrant communities, and sign languages last.
func Languages() []string {
	out := make([]string, len(languageEntries))
	for i, e := range languageEntries {
		out[i] = e.code
	}
	return out
}

// LanguageLabel gives the French and English names of a language code ("ar" → "Arabe"/"Arabic",
// "fsl" → "Langue des signes française (LSF)"/"French Sign Language"). A code the app does not
// know is named by itself.
func LanguageLabel(code string) Label {
	return languages().label(strings.ToLower(strings.TrimSpace(code)))
}

// MatchLanguage maps what people type or import to a language code: ISO codes ("FR", "ara"),
// names in French or English ("Anglais", "arabic", "Mandarin", "langue des signes", "LSF") and the
// labels themselves, ignoring case and accents. A level written after the name is ignored
// ("Anglais courant", "Espagnol (B2)", "arabe langue maternelle").
func MatchLanguage(text string) (string, bool) {
	v := languages()
	if code, ok := v.match(text); ok {
		return code, true
	}
	words := strings.Fields(domain.FoldText(text))
	kept := words[:0]
	for _, w := range words {
		if !proficiencyWords[w] {
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 {
		return "", false
	}
	if code, ok := v.match(strings.Join(kept, " ")); ok {
		return code, true
	}
	// "langue arabe", "arabe langue maternelle": the word "langue" itself says nothing.
	named := kept[:0]
	for _, w := range kept {
		if w != "langue" && w != "language" {
			named = append(named, w)
		}
	}
	if len(named) == 0 {
		return "", false
	}
	return v.match(strings.Join(named, " "))
}

// proficiencyWords are the folded words that describe how well someone speaks a language, which
// people often write next to its name.
var proficiencyWords = map[string]bool{
	"courant": true, "courante": true, "couramment": true, "bilingue": true, "bilingual": true,
	"natif": true, "native": true, "maternel": true, "maternelle": true, "mother": true, "tongue": true,
	"notions": true, "notion": true, "scolaire": true, "debutant": true, "debutante": true,
	"intermediaire": true, "avance": true, "avancee": true, "confirme": true, "confirmee": true,
	"fluent": true, "fluently": true, "basic": true, "basics": true, "beginner": true,
	"intermediate": true, "advanced": true, "niveau": true, "level": true, "lu": true,
	"ecrit": true, "parle": true, "written": true, "spoken": true, "bon": true, "bonne": true,
	"tres": true, "good": true, "very": true, "professionnel": true, "professional": true,
	"a1": true, "a2": true, "b1": true, "b2": true, "c1": true, "c2": true,
}
