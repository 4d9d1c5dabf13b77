package domain

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"
)

func validProfile() OrganizationProfile {
	return OrganizationProfile{
		Name:               "  Œuvre des Jardins de Besançon ",
		Address:            "12 rue de l’Église",
		Postcode:           "25000",
		City:               "Besançon",
		RegistrationNumber: "W251002233",
		Email:              "contact@jardins-besancon.fr",
		Phone:              "+33 3 81 00 00 00",
		Website:            "jardins-besancon.fr",
		SignatoryName:      "  Marie-Hélène   Dubœuf ",
		SignatoryRole:      "Présidente",
	}
}

func fieldCodes(t *testing.T, err error) map[string]string {
	t.Helper()
	if err == nil {
		return map[string]string{}
	}
	var v *ValidationError
	if !errors.As(err, &v) {
		t.Fatalf("want *ValidationError, got %T: %v", err, err)
	}
	codes := map[string]string{}
	for _, f := range v.Fields {
		codes[f.Field] = f.Code
	}
	return codes
}

func TestOrganizationProfileNormalizeAndValidate(t *testing.T) {
	p := validProfile()
	p.Normalize()
	if err := p.Validate(); err != nil {
		t.Fatalf("valid profile refused: %v", err)
	}
	if p.Name != "Œuvre des Jardins de Besançon" {
		t.Errorf("name not trimmed: %q", p.Name)
	}
	if p.Website != "https://jardins-besancon.fr" {
		t.Errorf("website not completed: %q", p.Website)
	}
	if p.SignatoryName != "Marie-Hélène Dubœuf" || p.SignatoryRole != "Présidente" {
		t.Errorf("signatory not tidied: %q, %q", p.SignatoryName, p.SignatoryRole)
	}
}

func TestSignatoryIsOptionalAndBoundedInRunes(t *testing.T) {
	p := validProfile()
	p.SignatoryName, p.SignatoryRole = "", ""
	p.Normalize()
	if err := p.Validate(); err != nil {
		t.Fatalf("a profile without signatory refused: %v", err)
	}
	// 120 letters of two bytes each fit: the limit counts what people see, not bytes.
	p.SignatoryName = strings.Repeat("é", 120)
	p.SignatoryRole = strings.Repeat("Ж", 120)
	if err := p.Validate(); err != nil {
		t.Fatalf("120 runes refused: %v", err)
	}
	p.SignatoryName += "é"
	p.SignatoryRole += "Ж"
	codes := fieldCodes(t, p.Validate())
	if codes["signatoryName"] != CodeTooLong || codes["signatoryRole"] != CodeTooLong {
		t.Errorf("121 runes: %v", codes)
	}
}

func TestOrganizationProfileValidationErrors(t *testing.T) {
	tests := []struct {
		name   string
		change func(*OrganizationProfile)
		field  string
		code   string
	}{
		{"empty name", func(p *OrganizationProfile) { p.Name = "   " }, "name", CodeRequired},
		{"name too long", func(p *OrganizationProfile) { p.Name = string(bytes.Repeat([]byte("é"), 201)) }, "name", CodeTooLong},
		{"email without at", func(p *OrganizationProfile) { p.Email = "contact.jardins.fr" }, "email", CodeInvalidEmail},
		{"email without dot in domain", func(p *OrganizationProfile) { p.Email = "contact@jardins" }, "email", CodeInvalidEmail},
		{"email with display name", func(p *OrganizationProfile) { p.Email = "Élodie <e@x.fr>" }, "email", CodeInvalidEmail},
		{"siret failing luhn", func(p *OrganizationProfile) { p.RegistrationNumber = "732 829 320 00075" }, "registrationNumber", CodeInvalidRegistration},
		{"rna too short", func(p *OrganizationProfile) { p.RegistrationNumber = "W12345" }, "registrationNumber", CodeInvalidRegistration},
		{"postcode with symbols", func(p *OrganizationProfile) { p.Postcode = "25000!" }, "postcode", CodeInvalidPostcode},
		{"phone with letters", func(p *OrganizationProfile) { p.Phone = "03 81 AB" }, "phone", CodeInvalidPhone},
		{"website ftp", func(p *OrganizationProfile) { p.Website = "ftp://x.fr" }, "website", CodeInvalidURL},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := validProfile()
			tt.change(&p)
			p.Normalize()
			codes := fieldCodes(t, p.Validate())
			if codes[tt.field] != tt.code {
				t.Errorf("field %s: got code %q, want %q (all: %v)", tt.field, codes[tt.field], tt.code, codes)
			}
		})
	}
}

func TestOrganizationProfileReportsEveryProblemAtOnce(t *testing.T) {
	p := OrganizationProfile{Email: "nope", Phone: "x"}
	p.Normalize()
	codes := fieldCodes(t, p.Validate())
	for _, f := range []string{"name", "email", "phone"} {
		if codes[f] == "" {
			t.Errorf("missing problem for %s in %v", f, codes)
		}
	}
}

func TestRegistrationNumbersAccepted(t *testing.T) {
	for _, n := range []string{"73282932000074", "732 829 320 00074", "W751234567", "W2B1234567", "35600000000001"} {
		p := validProfile()
		p.RegistrationNumber = n
		p.Normalize()
		if err := p.Validate(); err != nil {
			t.Errorf("%q refused: %v", n, err)
		}
	}
}

func encodeImage(t *testing.T, w, h int, encode func(*bytes.Buffer, image.Image) error) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	img.Set(0, 0, color.RGBA{R: 200, A: 255})
	var buf bytes.Buffer
	if err := encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestNewLogo(t *testing.T) {
	pngData := encodeImage(t, 40, 20, func(b *bytes.Buffer, i image.Image) error { return png.Encode(b, i) })
	jpegData := encodeImage(t, 40, 20, func(b *bytes.Buffer, i image.Image) error { return jpeg.Encode(b, i, nil) })
	gifData := encodeImage(t, 40, 20, func(b *bytes.Buffer, i image.Image) error { return gif.Encode(b, i, nil) })
	hugePNG := encodeImage(t, MaxLogoSide+1, 1, func(b *bytes.Buffer, i image.Image) error { return png.Encode(b, i) })

	logo, err := NewLogo(pngData)
	if err != nil || logo.MediaType != "image/png" || logo.Width != 40 || logo.Height != 20 {
		t.Fatalf("png: %+v %v", logo, err)
	}
	if logo, err := NewLogo(jpegData); err != nil || logo.MediaType != "image/jpeg" {
		t.Fatalf("jpeg: %+v %v", logo, err)
	}
	refusals := []struct {
		name string
		data []byte
		code string
	}{
		{"gif", gifData, CodeImageNotSupported},
		{"text pretending", []byte("<svg xmlns='http://www.w3.org/2000/svg'/>"), CodeImageNotSupported},
		{"empty", nil, CodeImageNotSupported},
		{"over 2 MB", append(pngData, make([]byte, MaxLogoBytes)...), CodeImageTooLarge},
		{"too many pixels", hugePNG, CodeImageTooManyPixels},
	}
	for _, r := range refusals {
		_, err := NewLogo(r.data)
		if got := fieldCodes(t, err)["logo"]; got != r.code {
			t.Errorf("%s: code %q, want %q", r.name, got, r.code)
		}
	}
}

func TestPreferencesValidate(t *testing.T) {
	if err := DefaultPreferences().Validate(); err != nil {
		t.Fatal(err)
	}
	codes := fieldCodes(t, Preferences{Locale: "de", Theme: "pink"}.Validate())
	if codes["locale"] != CodeInvalidChoice || codes["theme"] != CodeInvalidChoice {
		t.Fatalf("got %v", codes)
	}
}
