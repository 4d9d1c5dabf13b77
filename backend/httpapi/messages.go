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
	domain.CodeRequired:            {"Ce champ est obligatoire.", "This field is required."},
	domain.CodeTooLong:             {"Ce texte est trop long ({max} caractères au plus).", "This text is too long ({max} characters at most)."},
	domain.CodeInvalidEmail:        {"Adresse e-mail invalide (exemple : contact@association.fr).", "Invalid e-mail address (for example: contact@association.org)."},
	domain.CodeInvalidURL:          {"Adresse web invalide (exemple : https://association.fr).", "Invalid web address (for example: https://association.org)."},
	domain.CodeInvalidPostcode:     {"Code postal invalide.", "Invalid postcode."},
	domain.CodeInvalidPhone:        {"Numéro de téléphone invalide.", "Invalid phone number."},
	domain.CodeInvalidRegistration: {"Numéro invalide : un SIRET a 14 chiffres, un numéro RNA commence par W suivi de 9 caractères.", "Invalid number: a SIRET has 14 digits, an RNA number is W followed by 9 characters."},
	domain.CodeInvalidChoice:       {"Valeur non reconnue (choix possibles : {choices}).", "Unknown value (possible choices: {choices})."},
	domain.CodeImageNotSupported:   {"Ce fichier n’est pas une image PNG ou JPEG.", "This file is not a PNG or JPEG image."},
	domain.CodeImageTooLarge:       {"L’image dépasse {maxMB} Mo.", "The image is larger than {maxMB} MB."},
	domain.CodeImageTooManyPixels:  {"L’image est trop grande ({maxSide} pixels de côté au plus).", "The image is too big ({maxSide} pixels per side at most)."},
}

var (
	msgInvalidInput  = message{"Certaines informations sont invalides : vérifiez les champs signalés.", "Some information is invalid: please check the highlighted fields."}
	msgNotFound      = message{"Élément introuvable.", "Not found."}
	msgRouteNotFound = message{"Cette adresse de l’API n’existe pas.", "There is no such API address."}
	msgBadMethod     = message{"Cette méthode n’est pas acceptée à cette adresse.", "This method is not allowed at this address."}
	msgForbidden     = message{"Vous n’avez pas le droit de faire cela.", "You are not allowed to do this."}
	msgInternal      = message{"Une erreur interne est survenue ; rien n’a été enregistré. Réessayez, et si cela persiste, consultez le journal de l’application.", "An internal error occurred; nothing was saved. Try again, and if it persists, check the application log."}
	msgWrongHost     = message{"Cette adresse n’est pas celle du serveur Civisphère.", "This address is not the Civisphère server's."}
	msgCrossSite     = message{"Modification refusée : elle ne vient pas de l’application Civisphère.", "Change refused: it does not come from the Civisphère application."}
	msgTooLarge      = message{"Les données envoyées sont trop volumineuses ({max} Mo au plus).", "The data sent is too large ({max} MB at most)."}
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
