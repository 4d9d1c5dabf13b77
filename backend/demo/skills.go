package demo

import (
	"math"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/taxonomy"
)

// skillInfo is a taxonomy skill with what the generator needs to write about it.
type skillInfo struct {
	skill  taxonomy.Skill
	fr     string // the French name as a coordinator types it: "Comptabilité"
	lower  string // the French name inside a sentence: "comptabilité", "UX design"
	domain int
	men    string // a job title for a man ("comptable", "chef de projet"), "" when none is known
	women  string // the same for a woman ("comptable", "cheffe de projet")
}

// skillModel groups the taxonomy's skills by domain, with Zipf-like popularity: the first skills
// of a domain (the taxonomy lists the usual ones first) are common, the last ones rare, and so are
// the domains.
type skillModel struct {
	skills  []skillInfo
	domains []skillDomain
	domainW weighted
}

type skillDomain struct {
	skills []int // indexes into skillModel.skills, in taxonomy order
	w      weighted
}

func newSkillModel(tax *taxonomy.Taxonomy) *skillModel {
	m := &skillModel{}
	if tax == nil {
		return m
	}
	order := map[string]int{}
	for _, d := range tax.Domains() {
		if _, ok := order[d.ID]; !ok {
			order[d.ID] = len(order)
		}
	}
	// Domains named by skills but missing from the domain list come after the listed ones.
	for _, s := range tax.Skills() {
		if _, ok := order[s.Domain]; !ok {
			order[s.Domain] = len(order)
		}
	}
	m.domains = make([]skillDomain, len(order))
	for _, s := range tax.Skills() {
		d := order[s.Domain]
		men, women := jobTitles(s)
		m.domains[d].skills = append(m.domains[d].skills, len(m.skills))
		m.skills = append(m.skills, skillInfo{
			skill: s, fr: s.Name.FR, lower: activityName(s), domain: d, men: men, women: women,
		})
	}
	// Drop domains without skills, keeping the order.
	kept := m.domains[:0]
	for _, d := range m.domains {
		if len(d.skills) > 0 {
			d.w = zipf(len(d.skills), 1.0, 1)
			kept = append(kept, d)
		}
	}
	m.domains = kept
	for di, d := range m.domains {
		for _, si := range d.skills {
			m.skills[si].domain = di
		}
	}
	dw := make([]float64, len(m.domains))
	for i, d := range m.domains {
		// Bigger domains hold more people; earlier domains (the usual needs of associations) a
		// little more.
		dw[i] = math.Pow(float64(len(d.skills)), 0.7) / (1 + 0.08*float64(i))
	}
	m.domainW = newWeighted(dw)
	return m
}

// popular draws a skill by its overall popularity.
func (m *skillModel) popular(r *rand.Rand) int {
	d := m.domains[m.domainW.pick(r)]
	return d.skills[d.w.pick(r)]
}

// activityName is the skill as an activity inside a sentence ("en comptabilité"). When the
// taxonomy names the skill after the person ("Écrivain public", "Traiteur"), a synonym naming the
// activity is used instead ("en rédaction de courriers", "en service traiteur").
func activityName(s taxonomy.Skill) string {
	name := inSentence(s.Name.FR, s.Name.EN)
	if titleGender(name) == notJob {
		return name
	}
	for _, syn := range s.Synonyms {
		if len(syn) >= 4 && looksFrenchLower(syn) && titleGender(syn) == notJob &&
			!anyEnglish(strings.Fields(syn)) {
			return syn
		}
	}
	return name
}

// commonWords are words French and English share that are still common nouns, so a skill name
// starting with one of them is lower-cased inside a sentence.
var commonWords = map[string]bool{
	"communication": true, "management": true, "marketing": true, "design": true, "coaching": true,
	"mentoring": true, "audit": true, "budget": true, "administration": true, "animation": true,
	"illustration": true, "production": true, "documentation": true, "formation": true,
	"information": true, "architecture": true, "photo": true, "video": true, "web": true, "data": true,
	"sport": true, "art": true, "musique": true, "yoga": true, "logistique": true, "podcast": true,
	"accessibilite": true, "organisation": true, "gestion": true, "direction": true, "relations": true,
	"facilitation": true, "traduction": true, "mediation": true, "recherche": true,
}

// inSentence writes a skill name the way it reads in the middle of a French sentence: common
// nouns lower-cased ("en comptabilité", "en gestion de projet"), acronyms and brand names kept
// ("en UX design", "en SEO", "en Excel").
func inSentence(fr, en string) string {
	first, _, _ := strings.Cut(fr, " ")
	r, size := utf8.DecodeRuneInString(first)
	if !unicode.IsUpper(r) || size == len(first) {
		return fr
	}
	for _, c := range first[size:] {
		if unicode.IsUpper(c) || unicode.IsDigit(c) {
			return fr // an acronym or a brand: SEO, WordPress, 3D
		}
	}
	folded := domain.FoldText(fr)
	if fr == en && !strings.ContainsAny(fr, " -") && !commonWords[folded] &&
		!hasAnySuffix(folded, "tion", "ing", "ment", "ique", "isme", "ie") {
		return fr // one word, the same in both languages and not a common noun: a brand (Excel)
	}
	return string(unicode.ToLower(r)) + fr[size:]
}

// notJobs are French words with a job-like ending that do not name a person.
var notJobs = map[string]bool{
	"tableur": true, "serveur": true, "moteur": true, "secteur": true, "couleur": true, "valeur": true,
	"ordinateur": true, "vecteur": true, "erreur": true, "hauteur": true, "largeur": true,
	"longueur": true, "chaleur": true, "fleur": true, "liste": true, "piste": true, "papier": true,
	"fichier": true, "dossier": true, "metier": true, "atelier": true, "chantier": true,
	"calendrier": true, "courrier": true, "clavier": true, "cahier": true, "panier": true,
	"quartier": true, "sentier": true, "grenier": true, "escalier": true, "levier": true,
	"soutien": true, "entretien": true, "maintien": true, "lien": true, "bien": true,
	"quotidien": true, "salaire": true, "solaire": true, "webinaire": true, "seminaire": true,
	"inventaire": true, "questionnaire": true, "formulaire": true, "horaire": true, "annuaire": true,
	"vocabulaire": true, "dictionnaire": true, "glossaire": true, "commentaire": true,
	"itineraire": true, "budgetaire": true, "sanitaire": true, "alimentaire": true,
	"humanitaire": true, "solidaire": true, "communautaire": true, "documentaire": true,
	"scolaire": true, "parascolaire": true, "partenaire": true, "volontaire": true,
	"beneficiaire": true, "anniversaire": true, "durable": true, "rentable": true,
	"restaurant": true, "montant": true, "volant": true, "courant": true, "instant": true,
	"enfant": true, "important": true, "migrant": true, "accountant": true, "grant": true,
	"tenue": true, "plante": true, "vente": true, "attente": true, "interieur": true,
	"exterieur": true, "superieur": true, "premier": true, "premiere": true, "entier": true,
	"dernier": true, "ancien": true, "ancienne": true, "mobilier": true, "immobilier": true,
	"foncier": true, "financier": true, "financiere": true, "aide": true, "vide": true,
	"contraste": true, "collecte": true, "enquete": true, "eolien": true, "eolienne": true,
}

// englishWords mark a synonym as English even when it is written in lower case.
var englishWords = map[string]bool{
	"support": true, "writer": true, "manager": true, "officer": true, "designer": true,
	"developer": true, "engineer": true, "worker": true, "care": true, "and": true, "of": true,
	"the": true, "for": true, "leader": true, "owner": true, "master": true, "tester": true,
	"trainer": true, "buyer": true, "sustainable": true, "renewable": true, "available": true,
}

// jobWords are job names the suffix rules miss, with their other gender.
var jobWords = map[string]struct {
	g     gender
	other string
}{
	"médecin": {epicene, "médecin"}, "coach": {epicene, "coach"}, "peintre": {epicene, "peintre"},
	"guide": {epicene, "guide"}, "maçon": {masculine, "maçonne"}, "maçonne": {feminine, "maçon"},
	"boulanger": {masculine, "boulangère"}, "boulangère": {feminine, "boulanger"},
	"commercial": {masculine, "commerciale"}, "commerciale": {feminine, "commercial"},
	"chargé": {masculine, "chargée"}, "chargée": {feminine, "chargé"},
	"attaché": {masculine, "attachée"}, "attachée": {feminine, "attaché"},
	"délégué": {masculine, "déléguée"}, "déléguée": {feminine, "délégué"},
	"employé": {masculine, "employée"}, "employée": {feminine, "employé"},
	"agent": {masculine, "agente"}, "agente": {feminine, "agent"},
	"hôte": {masculine, "hôtesse"}, "hôtesse": {feminine, "hôte"},
	"écrivain": {masculine, "écrivaine"}, "écrivaine": {feminine, "écrivain"},
	"docteur": {masculine, "docteure"}, "docteure": {feminine, "docteur"},
	"ingénieur": {masculine, "ingénieure"}, "ingénieure": {feminine, "ingénieur"},
	"professeur": {masculine, "professeure"}, "professeure": {feminine, "professeur"},
	"chef": {masculine, "cheffe"}, "cheffe": {feminine, "chef"},
	"mentor": {epicene, "mentor"},
}

type gender int

const (
	notJob gender = iota - 1
	epicene
	masculine
	feminine
)

// jobTitles finds, among the French synonyms of a skill, the name of the person who practises it
// ("comptable", "graphiste", "chef de projet" / "cheffe de projet"), in both genders. Either may
// be empty when the taxonomy offers none and none can be derived safely; the bio then says
// "spécialiste en …".
func jobTitles(s taxonomy.Skill) (men, women string) {
	type candidate struct {
		text string
		g    gender
	}
	var cands []candidate
	for _, syn := range s.Synonyms {
		if !looksFrenchLower(syn) || strings.EqualFold(syn, s.Name.FR) {
			continue
		}
		words := strings.Fields(syn)
		if len(words) > 4 || anyEnglish(words) {
			continue
		}
		if g := titleGender(syn); g != notJob {
			cands = append(cands, candidate{syn, g})
		}
	}
	if len(cands) == 0 {
		return "", ""
	}
	first := cands[0]
	partner := func(want gender) string {
		for _, c := range cands[1:] {
			if c.g == want && sameRoot(c.text, first.text) {
				return c.text
			}
		}
		return switchGender(first.text, want)
	}
	switch first.g {
	case masculine:
		return first.text, partner(feminine)
	case feminine:
		return partner(masculine), first.text
	}
	return first.text, first.text
}

func anyEnglish(words []string) bool {
	for _, w := range words {
		if englishWords[w] {
			return true
		}
	}
	return false
}

// sameRoot tells whether two titles are forms of the same one: "directeur financier" and
// "directrice financière".
func sameRoot(a, b string) bool {
	fa, fb := domain.FoldText(a), domain.FoldText(b)
	n := 0
	for n < len(fa) && n < len(fb) && fa[n] == fb[n] {
		n++
	}
	return n >= 4 && len(strings.Fields(a)) == len(strings.Fields(b))
}

// titleGender tells the gender a job title is written in, or notJob.
func titleGender(title string) gender {
	head, rest, _ := strings.Cut(title, " ")
	g := jobGender(head)
	if g != epicene || rest == "" || restIsInvariant(rest) {
		return g
	}
	// An epicene noun followed by an adjective that agrees: "analyste financier", "juriste
	// associative".
	for _, w := range strings.Fields(rest) {
		switch wordAgreement(w) {
		case masculine:
			return masculine
		case feminine:
			return feminine
		}
	}
	return epicene
}

// jobGender tells the gender a job noun is written in, or notJob.
func jobGender(word string) gender {
	if j, ok := jobWords[word]; ok {
		return j.g
	}
	f := domain.FoldText(word)
	if notJobs[f] || strings.Contains(f, " ") {
		return notJob
	}
	last, lastRaw := f, word
	if i := strings.LastIndexByte(word, '-'); i >= 0 {
		lastRaw = word[i+1:] // expert-comptable is read on "comptable"
		last = domain.FoldText(lastRaw)
		if notJobs[last] {
			return notJob
		}
	}
	switch {
	case hasAnySuffix(last, "iste", "yste", "aste", "able", "logue", "graphe", "itecte", "aire", "eute"),
		strings.HasSuffix(lastRaw, "ète"):
		return epicene
	case hasAnySuffix(last, "euse", "trice", "ienne", "iere", "ante", "eure"):
		return feminine
	case hasAnySuffix(last, "eur", "ien", "ier", "eiller", "ant"):
		return masculine
	}
	return notJob
}

// wordAgreement tells whether an adjective is visibly masculine or feminine, or epicene
// ("juridique", "web", "vélo").
func wordAgreement(w string) gender {
	f := domain.FoldText(w)
	switch {
	case f == "publique":
		return feminine
	case f == "public":
		return masculine
	case strings.HasSuffix(w, "ité"), f == "sante":
		return epicene // nouns: "responsable qualité", "agent de sécurité"
	case strings.HasSuffix(w, "ée"), hasAnySuffix(f, "ale", "elle", "ive", "euse", "iere", "ienne", "ante", "ente", "aine", "ise"):
		return feminine
	case strings.HasSuffix(w, "é"), hasAnySuffix(f, "al", "el", "if", "eux", "ier", "ien", "ais", "ois", "ant", "ent", "ain", "eur"):
		return masculine
	}
	return epicene
}

func hasAnySuffix(s string, suffixes ...string) bool {
	for _, suf := range suffixes {
		if strings.HasSuffix(s, suf) && len(s) > len(suf)+1 {
			return true
		}
	}
	return false
}

// looksFrenchLower accepts lower-case words of letters (accents included), hyphens, apostrophes
// and spaces: synonyms such as "PAO", "C++" or "Excel" are not job titles.
func looksFrenchLower(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		switch {
		case r == ' ' || r == '-' || r == '\'' || r == '’':
		case unicode.IsLetter(r) && unicode.IsLower(r):
		default:
			return false
		}
	}
	return true
}

// switchGender turns a job title into the other gender when the rule is clear: "développeur web"
// → "développeuse web", "formateur" → "formatrice", "technicien" → "technicienne", "chef de
// projet" → "cheffe de projet", and back. It returns "" when other words would have to agree too
// ("assistant social").
func switchGender(title string, to gender) string {
	head, rest, _ := strings.Cut(title, " ")
	if rest != "" && !restIsInvariant(rest) {
		return ""
	}
	out := ""
	if j, ok := jobWords[head]; ok {
		if j.g != to && j.g != epicene {
			out = j.other
		}
	} else if to == feminine {
		out = feminize(head)
	} else {
		out = masculinize(head)
	}
	if out == "" {
		return ""
	}
	if rest != "" {
		out += " " + rest
	}
	return out
}

// restIsInvariant tells whether the words after the head of a title stay the same in both
// genders: a complement ("de projet", "d'orientation") or epicene words ("système", "web").
func restIsInvariant(rest string) bool {
	words := strings.Fields(rest)
	switch words[0] {
	case "de", "du", "des", "en", "aux", "au", "à", "pour":
		return true
	}
	if strings.HasPrefix(words[0], "d'") || strings.HasPrefix(words[0], "d’") {
		return true
	}
	for _, w := range words {
		if wordAgreement(w) != epicene {
			return false
		}
	}
	return true
}

func feminize(w string) string {
	switch {
	case strings.HasSuffix(w, "ateur"), strings.HasSuffix(w, "cteur"), strings.HasSuffix(w, "iteur"),
		strings.HasSuffix(w, "uteur"):
		return strings.TrimSuffix(w, "eur") + "rice"
	case strings.HasSuffix(w, "eur"):
		return strings.TrimSuffix(w, "eur") + "euse"
	case strings.HasSuffix(w, "ien"):
		return w + "ne"
	case strings.HasSuffix(w, "ier"):
		return strings.TrimSuffix(w, "ier") + "ière"
	case strings.HasSuffix(w, "eiller"):
		return strings.TrimSuffix(w, "er") + "ère"
	case strings.HasSuffix(w, "ant"):
		return w + "e"
	}
	return ""
}

func masculinize(w string) string {
	switch {
	case strings.HasSuffix(w, "trice"):
		return strings.TrimSuffix(w, "rice") + "eur"
	case strings.HasSuffix(w, "euse"):
		return strings.TrimSuffix(w, "euse") + "eur"
	case strings.HasSuffix(w, "ienne"):
		return strings.TrimSuffix(w, "ne")
	case strings.HasSuffix(w, "ière"):
		return strings.TrimSuffix(w, "ière") + "ier"
	case strings.HasSuffix(w, "eillère"):
		return strings.TrimSuffix(w, "ère") + "er"
	case strings.HasSuffix(w, "eure"):
		return strings.TrimSuffix(w, "e")
	case strings.HasSuffix(w, "ante"):
		return strings.TrimSuffix(w, "e")
	}
	return ""
}
