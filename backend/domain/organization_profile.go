package domain

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"image"
	_ "image/jpeg" // registers JPEG for image.DecodeConfig
	_ "image/png"  // registers PNG for image.DecodeConfig
	"net/mail"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Limits of the association profile. The logo ends up in PDF reports, which embed PNG and JPEG.
const (
	MaxLogoBytes      = 2 * 1024 * 1024
	MaxLogoSide       = 5000 // pixels; a small file can still decode to a huge bitmap
	maxNameRunes      = 200
	maxAddressRunes   = 500
	maxCityRunes      = 120
	maxPostcodeRunes  = 12
	maxEmailRunes     = 254
	maxWebsiteRunes   = 300
	maxSignatoryRunes = 120
	minPhoneDigits    = 6
	maxPhoneDigits    = 20
	maxPhoneRunes     = 30
	siretDigits       = 14
	rnaLength         = 10
	laPosteSIREN      = "356000000" // La Poste's SIRETs do not follow the Luhn rule
	logoMediaTypePNG  = "image/png"
	logoMediaTypeJPEG = "image/jpeg"
)

// OrganizationProfile is the association that runs this installation: it heads reports and
// certificates.
type OrganizationProfile struct {
	Name               string
	Address            string
	Postcode           string
	City               string
	RegistrationNumber string // SIRET (14 digits) or RNA (W + 9 characters), stored without spaces
	Email              string
	Phone              string
	Website            string
	// SignatoryName and SignatoryRole are who signs volunteer certificates ("Marie-Hélène
	// Dubœuf", "Présidente"); both optional.
	SignatoryName string
	SignatoryRole string
	Logo          *LogoInfo // nil when there is none
	UpdatedAt     time.Time // zero until the profile is first saved
}

// LogoInfo describes the logo without carrying its bytes, which only the logo endpoint and the
// reports need.
type LogoInfo struct {
	MediaType string // image/png or image/jpeg
	Width     int
	Height    int
	Digest    string // hex SHA-256 of the bytes: changes whenever the image does (cache busting)
}

// Logo is an image checked to be a PNG or JPEG of reasonable size.
type Logo struct {
	LogoInfo
	Data []byte
}

// Normalize trims what people paste around values and puts identifiers in their canonical form.
func (p *OrganizationProfile) Normalize() {
	p.Name = strings.TrimSpace(p.Name)
	p.Address = strings.TrimSpace(p.Address)
	p.Postcode = strings.ToUpper(strings.TrimSpace(p.Postcode))
	p.City = strings.TrimSpace(p.City)
	p.RegistrationNumber = strings.ToUpper(removeSpaces(p.RegistrationNumber))
	p.Email = strings.TrimSpace(p.Email)
	p.Phone = strings.TrimSpace(p.Phone)
	p.Website = strings.TrimSpace(p.Website)
	if p.Website != "" && !strings.Contains(p.Website, "://") {
		p.Website = "https://" + p.Website
	}
	p.SignatoryName = strings.Join(strings.Fields(p.SignatoryName), " ")
	p.SignatoryRole = strings.Join(strings.Fields(p.SignatoryRole), " ")
}

// Validate checks every field and reports all problems at once. Call Normalize first.
func (p OrganizationProfile) Validate() error {
	v := &ValidationError{}
	if p.Name == "" {
		v.add("name", CodeRequired, nil)
	}
	checkLength(v, "name", p.Name, maxNameRunes)
	checkLength(v, "address", p.Address, maxAddressRunes)
	checkLength(v, "city", p.City, maxCityRunes)
	if p.Postcode != "" && !validPostcode(p.Postcode) {
		v.add("postcode", CodeInvalidPostcode, nil)
	}
	if p.RegistrationNumber != "" && !validRegistrationNumber(p.RegistrationNumber) {
		v.add("registrationNumber", CodeInvalidRegistration, nil)
	}
	if p.Email != "" && !validEmail(p.Email) {
		v.add("email", CodeInvalidEmail, nil)
	}
	if p.Phone != "" && !validPhone(p.Phone) {
		v.add("phone", CodeInvalidPhone, nil)
	}
	if p.Website != "" && !validWebsite(p.Website) {
		v.add("website", CodeInvalidURL, nil)
	}
	checkLength(v, "signatoryName", p.SignatoryName, maxSignatoryRunes)
	checkLength(v, "signatoryRole", p.SignatoryRole, maxSignatoryRunes)
	return v.orNil()
}

// NewLogo checks that data is a PNG or JPEG image within the size limits. The format is read from
// the bytes themselves, never from a file name or a declared type.
func NewLogo(data []byte) (*Logo, error) {
	v := &ValidationError{}
	if len(data) > MaxLogoBytes {
		v.add("logo", CodeImageTooLarge, map[string]any{"maxMB": MaxLogoBytes / (1024 * 1024)})
		return nil, v
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || (format != "png" && format != "jpeg") {
		v.add("logo", CodeImageNotSupported, nil)
		return nil, v
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > MaxLogoSide || cfg.Height > MaxLogoSide {
		v.add("logo", CodeImageTooManyPixels, map[string]any{"maxSide": MaxLogoSide})
		return nil, v
	}
	mediaType := logoMediaTypePNG
	if format == "jpeg" {
		mediaType = logoMediaTypeJPEG
	}
	sum := sha256.Sum256(data)
	return &Logo{
		LogoInfo: LogoInfo{MediaType: mediaType, Width: cfg.Width, Height: cfg.Height, Digest: hex.EncodeToString(sum[:])},
		Data:     data,
	}, nil
}

func checkLength(v *ValidationError, field, value string, max int) {
	if utf8.RuneCountInString(value) > max {
		v.add(field, CodeTooLong, map[string]any{"max": max})
	}
}

func removeSpaces(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '.' || r == '-' {
			return -1
		}
		return r
	}, s)
}

// validPostcode accepts the postcodes of European countries: letters, digits, spaces and dashes.
func validPostcode(s string) bool {
	if utf8.RuneCountInString(s) > maxPostcodeRunes {
		return false
	}
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r >= 'A' && r <= 'Z', r == ' ', r == '-':
		default:
			return false
		}
	}
	return digits > 0
}

// validRegistrationNumber accepts a SIRET (14 digits passing the Luhn check, as INSEE issues
// them) or an RNA number (W followed by 9 letters or digits, e.g. W751234567 or W2B1234567).
func validRegistrationNumber(s string) bool {
	if len(s) == rnaLength && s[0] == 'W' {
		for _, r := range s[1:] {
			if !(r >= '0' && r <= '9') && !(r >= 'A' && r <= 'Z') {
				return false
			}
		}
		return true
	}
	if len(s) != siretDigits {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	if strings.HasPrefix(s, laPosteSIREN) {
		sum := 0
		for _, r := range s {
			sum += int(r - '0')
		}
		return sum%5 == 0
	}
	return luhnValid(s)
}

func luhnValid(digits string) bool {
	sum := 0
	double := false
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return sum%10 == 0
}

// validEmail accepts a bare address whose domain has a dot: "a@b" is legal but always a typo here.
func validEmail(s string) bool {
	if utf8.RuneCountInString(s) > maxEmailRunes {
		return false
	}
	addr, err := mail.ParseAddress(s)
	if err != nil || addr.Address != s || addr.Name != "" {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	domain := s[at+1:]
	return at > 0 && strings.Contains(domain, ".") && !strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".")
}

func validPhone(s string) bool {
	if utf8.RuneCountInString(s) > maxPhoneRunes {
		return false
	}
	digits := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '+' && i == 0, r == ' ', r == '.', r == '-', r == '(', r == ')':
		default:
			return false
		}
	}
	return digits >= minPhoneDigits && digits <= maxPhoneDigits
}

func validWebsite(s string) bool { return validWebURL(s, maxWebsiteRunes) }

// validWebURL accepts an absolute http(s) address of a named or numbered host, without user
// name or password (those would end up on screen and in reports), of at most max characters.
func validWebURL(s string, max int) bool {
	if utf8.RuneCountInString(s) > max {
		return false
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return false
	}
	host := u.Hostname()
	return strings.Contains(host, ".") && !strings.ContainsAny(host, " _") && u.User == nil
}
