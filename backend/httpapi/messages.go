package httpapi

import (
	"context"
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/civisphere/civisphere/backend/domain"
)

// The API speaks the language of the person reading: problem messages follow Accept-Language
// (the UI sends its own locale), French first since most users are French.

type locale string

const (
	localeFR locale = "fr"
	localeEN locale = "en"
)

var supportedLocales = language.NewMatcher([]language.Tag{language.French, language.English})

type localeKey struct{}

func localeFromHeader(acceptLanguage string) locale {
	tags, _, err := language.ParseAcceptLanguage(acceptLanguage)
	if err != nil || len(tags) == 0 {
		return localeFR
	}
	_, index, confidence := supportedLocales.Match(tags...)
	if confidence == language.No || index == 0 {
		return localeFR
	}
	return localeEN
}

func localeFrom(ctx context.Context) locale {
	if l, ok := ctx.Value(localeKey{}).(locale); ok {
		return l
	}
	return localeFR
}

type message struct{ fr, en string }

func (m message) in(l locale) string {
	if l == localeEN {
		return m.en
	}
	return m.fr
}

// fieldMessages are the texts of domain.FieldError codes; {name} stands for Params["name"].
var fieldMessages = map[string]message{
	domain.CodeRequired:              {"Ce champ est obligatoire.", "This field is required."},
	domain.CodeTooLong:               {"Ce texte est trop long ({max} caractères au plus).", "This text is too long ({max} characters at most)."},
	domain.CodeInvalidEmail:          {"Adresse e-mail invalide (exemple : contact@association.fr).", "Invalid e-mail address (for example: contact@association.org)."},
	domain.CodeInvalidURL:            {"Adresse web invalide (exemple : https://association.fr).", "Invalid web address (for example: https://association.org)."},
	domain.CodeInvalidPostcode:       {"Code postal invalide.", "Invalid postcode."},
	domain.CodeInvalidPhone:          {"Numéro de téléphone invalide.", "Invalid phone number."},
	domain.CodeInvalidRegistration:   {"Numéro invalide : un SIRET a 14 chiffres, un numéro RNA commence par W suivi de 9 caractères.", "Invalid number: a SIRET has 14 digits, an RNA number is W followed by 9 characters."},
	domain.CodeInvalidChoice:         {"Valeur non reconnue (choix possibles : {choices}).", "Unknown value (possible choices: {choices})."},
	domain.CodeImageNotSupported:     {"Ce fichier n’est pas une image PNG ou JPEG.", "This file is not a PNG or JPEG image."},
	domain.CodeImageTooLarge:         {"L’image dépasse {maxMB} Mo.", "The image is larger than {maxMB} MB."},
	domain.CodeImageTooManyPixels:    {"L’image est trop grande ({maxSide} pixels de côté au plus).", "The image is too big ({maxSide} pixels per side at most)."},
	domain.CodeTooMany:               {"Trop d’éléments ({max} au plus).", "Too many items ({max} at most)."},
	domain.CodeInvalidLanguage:       {"Langue non reconnue : « {value} » (code ISO attendu, par exemple fr, en, ar).", "Unknown language: “{value}” (an ISO code is expected, e.g. fr, en, ar)."},
	domain.CodeOutOfRange:            {"Valeur hors limites (entre {min} et {max}).", "Value out of range (between {min} and {max})."},
	domain.CodeInvalidDate:           {"Date impossible ou illisible (exemple : 25/11/2026).", "Impossible or unreadable date (for example: 2026-11-25)."},
	domain.CodeDuplicateEmail:        {"Cette adresse e-mail est déjà celle d’un autre bénévole.", "This e-mail address already belongs to another volunteer."},
	domain.CodeDateBeforeStart:       {"La date de fin est avant la date de début.", "The end date is before the start date."},
	domain.CodeUnknownReference:      {"Cet élément n’existe pas (ou plus).", "This item does not exist (any more)."},
	domain.CodeNotASponsor:           {"Cette organisation n’est pas un mécène.", "This organization is not a sponsor."},
	domain.CodeNotAnAssociation:      {"Cette organisation n’est pas une association bénéficiaire.", "This organization is not a beneficiary association."},
	domain.CodeProgramOfOtherSponsor: {"Ce programme appartient à un autre mécène.", "This program belongs to another sponsor."},
	domain.CodeNotInTeam:             {"Cette personne ne fait pas partie de l’équipe du projet.", "This person is not in the project's team."},
	domain.CodeHoursNotPositive:      {"Indiquez un nombre d’heures supérieur à zéro.", "Enter a number of hours greater than zero."},
	domain.CodeDateInFuture:          {"Cette date est dans le futur : on saisit les heures une fois données.", "This date is in the future: hours are logged once given."},
	domain.CodeUnknownQuestion:       {"Cette question n’existe pas dans le diagnostic : « {question} ».", "The diagnostic has no such question: “{question}”."},
	// Impact surveys.
	domain.CodeProjectOrProgram:  {"Rattachez l’enquête à un projet ou à un programme (l’un ou l’autre).", "Attach the survey to a project or to a program (one or the other)."},
	domain.CodeNotWholeNumber:    {"Un nombre entier est attendu (sans virgule).", "A whole number is expected (no decimals)."},
	domain.CodeMinNotBelowMax:    {"Le maximum ({max}) doit être plus grand que le minimum ({min}).", "The maximum ({max}) must be greater than the minimum ({min})."},
	domain.CodeTooManySteps:      {"Une échelle a au plus {max} valeurs (par exemple de 1 à 5 ou de 0 à 10).", "A scale has at most {max} values (for example 1 to 5 or 0 to 10)."},
	domain.CodeTooFewChoices:     {"Proposez au moins {min} choix.", "Offer at least {min} choices."},
	domain.CodeEmptyChoice:       {"Un des choix est vide : écrivez-le ou retirez-le.", "One of the choices is empty: write it or remove it."},
	domain.CodeDuplicateChoice:   {"Le choix « {choice} » figure deux fois.", "The choice “{choice}” appears twice."},
	domain.CodeWrongAnswerCount:  {"Il faut une réponse par question, dans l’ordre ({expected} questions), null pour une question sans réponse.", "One answer per question is expected, in order ({expected} questions), null for a question not answered."},
	domain.CodeExpectedNumber:    {"Cette question attend un nombre.", "This question expects a number."},
	domain.CodeExpectedChoice:    {"Cette question attend un de ses choix (son texte).", "This question expects one of its choices (its text)."},
	domain.CodeExpectedChoices:   {"Cette question attend une liste de ses choix (leurs textes).", "This question expects a list of its choices (their texts)."},
	domain.CodeExpectedText:      {"Cette question attend un texte.", "This question expects a text."},
	domain.CodeTooSmall:          {"Valeur trop petite ({min} au moins).", "Value too small ({min} at least)."},
	domain.CodeTooLarge:          {"Valeur trop grande ({max} au plus).", "Value too large ({max} at most)."},
	domain.CodeEmptyResponse:     {"Aucune question n’a de réponse : répondez au moins à une question.", "No question is answered: answer at least one."},
	domain.CodeAnonymousAudience: {"Les réponses des bénéficiaires sont anonymes : n’indiquez pas de bénévole.", "Beneficiaries’ answers are anonymous: do not name a volunteer."},
	domain.CodeFolderNotFound:    {"Ce dossier n’existe pas (la clé USB est-elle branchée ?).", "This folder does not exist (is the USB key plugged in?)."},
	domain.CodeFolderNotWritable: {"Impossible d’écrire dans ce dossier.", "Files cannot be written in this folder."},
	domain.CodeFolderInsideData:  {"Choisissez un dossier hors du dossier de données, de préférence sur un autre disque ou une clé USB.", "Choose a folder outside the data folder, preferably on another disk or a USB key."},
	domain.CodeFolderNotAbsolute: {"Indiquez le chemin complet du dossier (par exemple E:\\Sauvegardes ou /media/cle/sauvegardes).", "Give the folder's full path (for example E:\\Backups or /media/key/backups)."},
}

var (
	msgInvalidInput    = message{"Certaines informations sont invalides : vérifiez les champs signalés.", "Some information is invalid: please check the highlighted fields."}
	msgNotFound        = message{"Élément introuvable.", "Not found."}
	msgRouteNotFound   = message{"Cette adresse de l’API n’existe pas.", "There is no such API address."}
	msgBadMethod       = message{"Cette méthode n’est pas acceptée à cette adresse.", "This method is not allowed at this address."}
	msgForbidden       = message{"Vous n’avez pas le droit de faire cela.", "You are not allowed to do this."}
	msgInternal        = message{"Une erreur interne est survenue ; rien n’a été enregistré. Réessayez, et si cela persiste, consultez le journal de l’application.", "An internal error occurred; nothing was saved. Try again, and if it persists, check the application log."}
	msgWrongHost       = message{"Cette adresse n’est pas celle du serveur Civisphère.", "This address is not the Civisphère server's."}
	msgCrossSite       = message{"Modification refusée : elle ne vient pas de l’application Civisphère.", "Change refused: it does not come from the Civisphère application."}
	msgDatabaseDamaged = message{"La base de données est endommagée : restaurez une sauvegarde depuis l’écran de récupération avant de continuer.", "The database is damaged: restore a backup from the recovery screen before going on."}
	msgAlreadyRestored = message{"Une sauvegarde vient déjà d’être restaurée : rechargez la page.", "A backup has just been restored already: reload the page."}
	msgTooLarge        = message{"Les données envoyées sont trop volumineuses ({max} Mo au plus).", "The data sent is too large ({max} MB at most)."}
)

// fieldMessage renders the message of one field problem.
func fieldMessage(l locale, f domain.FieldError) string {
	m, ok := fieldMessages[f.Code]
	if !ok {
		return f.Code
	}
	return fill(m.in(l), f.Params)
}

func fill(text string, params map[string]any) string {
	for k, v := range params {
		text = strings.ReplaceAll(text, "{"+k+"}", fmt.Sprint(v))
	}
	return text
}

// Messages of the volunteers' features.
var (
	msgIndexNotReady  = message{"La recherche est en cours de reconstruction : réessayez dans un instant pour obtenir la liste complète.", "Search is being rebuilt: try again in a moment to get the complete list."}
	msgExportFileName = message{"benevoles", "volunteers"}
	msgExportSheet    = message{"Bénévoles", "Volunteers"}
)

// fileMessages are the texts of service.FileProblem codes.
var fileMessages = map[string]message{
	"file_too_large":          {"Le fichier est trop volumineux ({maxMB} Mo au plus).", "The file is too large ({maxMB} MB at most)."},
	"file_unpacks_too_large":  {"Ce classeur se décompresse en plus de {maxMB} Mo : il n’a pas été lu. Enregistrez-le à nouveau depuis Excel ou LibreOffice, ou en CSV.", "This workbook unpacks to more than {maxMB} MB: it was not read. Save it again from Excel or LibreOffice, or as CSV."},
	"file_too_many_rows":      {"Le fichier a trop de lignes ({max} au plus) : découpez-le en plusieurs fichiers.", "The file has too many rows ({max} at most): split it into several files."},
	"file_unsupported_format": {"Ce fichier n’est pas un tableau lisible : enregistrez-le en CSV, XLSX (Excel) ou ODS (LibreOffice).", "This file is not a readable spreadsheet: save it as CSV, XLSX (Excel) or ODS (LibreOffice)."},
	"file_no_header":          {"Impossible de trouver la ligne d’en-tête (Nom, Prénom, Courriel…) dans les 20 premières lignes.", "No header row (Last name, First name, E-mail…) was found in the first 20 rows."},
	"file_empty":              {"Le fichier est vide.", "The file is empty."},
	"backup_invalid":          {"Ce fichier n’est pas une sauvegarde de Civisphère, ou il a été abîmé ou modifié : rien n’a été changé.", "This file is not a Civisphère backup, or it was damaged or altered: nothing was changed."},
	"backup_damaged":          {"La base de données de cette sauvegarde est endommagée : rien n’a été changé. Essayez une autre sauvegarde.", "The database in this backup is damaged: nothing was changed. Try another backup."},
	"backup_too_new":          {"Cette sauvegarde vient d’une version plus récente de Civisphère (schéma {found}, celle-ci connaît jusqu’au {supported}) : installez la nouvelle version pour la restaurer.", "This backup comes from a newer Civisphère (schema {found}; this one knows up to {supported}): install the newer version to restore it."},
}

var levelLabels = map[domain.SkillLevel]message{
	domain.LevelBeginner:     {"Débutant", "Beginner"},
	domain.LevelIntermediate: {"Intermédiaire", "Intermediate"},
	domain.LevelConfirmed:    {"Confirmé", "Confirmed"},
	domain.LevelExpert:       {"Expert", "Expert"},
}

var availabilityLabels = map[string]message{
	"monday": {"Lundi", "Monday"}, "tuesday": {"Mardi", "Tuesday"}, "wednesday": {"Mercredi", "Wednesday"},
	"thursday": {"Jeudi", "Thursday"}, "friday": {"Vendredi", "Friday"}, "saturday": {"Samedi", "Saturday"},
	"sunday": {"Dimanche", "Sunday"}, "evenings": {"Soirs", "Evenings"}, "weekends": {"Week-ends", "Weekends"},
	"onsite": {"Sur place", "On site"}, "remote": {"À distance", "Remote"},
}

var modeLabels = map[domain.WorkMode]message{
	domain.ModeOnSite: {"sur place", "on site"},
	domain.ModeRemote: {"à distance", "remote"},
	domain.ModeEither: {"sur place ou à distance", "on site or remote"},
}

var statusLabels = map[domain.VolunteerStatus]message{
	domain.StatusActive:   {"Actif", "Active"},
	domain.StatusArchived: {"Archivé", "Archived"},
}

var exportHeaders = struct {
	firstName, lastName, email, phone, city, postcode, skills, causes, languages, availability,
	hoursPerMonth, bio, notes, joinedOn, status, createdAt, updatedAt, consents message
}{
	firstName: message{"Prénom", "First name"}, lastName: message{"Nom", "Last name"},
	email: message{"Courriel", "E-mail"}, phone: message{"Téléphone", "Phone"}, city: message{"Ville", "City"},
	postcode: message{"Code postal", "Postcode"}, skills: message{"Compétences", "Skills"},
	causes: message{"Causes", "Causes"}, languages: message{"Langues", "Languages"},
	availability: message{"Disponibilités", "Availability"}, hoursPerMonth: message{"Heures par mois", "Hours per month"},
	bio: message{"Présentation", "Bio"}, notes: message{"Notes internes", "Internal notes"},
	joinedOn: message{"Date d’inscription", "Joined on"}, status: message{"Statut", "Status"},
	createdAt: message{"Créé le", "Created"}, updatedAt: message{"Modifié le", "Updated"},
	consents: message{"Consentements en cours", "Current consents"},
}

// consentLabels name the kinds of consent in exports and in the personal-data PDF.
var consentLabels = map[domain.ConsentKind]message{
	domain.ConsentContact:      {"être contacté(e)", "being contacted"},
	domain.ConsentSponsorNames: {"nom montré aux mécènes", "name shown to sponsors"},
	domain.ConsentPhotos:       {"photos", "photos"},
}
