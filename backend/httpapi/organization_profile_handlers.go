package httpapi

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/service"
)

// OrganizationProfile is the association running this installation, as the API shows it.
type OrganizationProfile struct {
	Name               string `json:"name" doc:"Name of the association" example:"Œuvre des Jardins de Besançon"`
	Address            string `json:"address" doc:"Street address, possibly on several lines"`
	Postcode           string `json:"postcode" example:"25000"`
	City               string `json:"city" example:"Besançon"`
	RegistrationNumber string `json:"registrationNumber" doc:"SIRET (14 digits) or RNA number (W + 9 characters), without spaces; empty if not given"`
	Email              string `json:"email" doc:"Contact e-mail address" example:"contact@association.fr"`
	Phone              string `json:"phone"`
	Website            string `json:"website" example:"https://association.fr"`
	SignatoryName      string `json:"signatoryName" doc:"Who signs volunteer certificates; empty if not given" example:"Marie-Hélène Dubœuf"`
	SignatoryRole      string `json:"signatoryRole" doc:"The signatory's role in the association; empty if not given" example:"Présidente"`
	LogoURL            string `json:"logoUrl" doc:"URL of the logo image, changing whenever the logo does; empty when there is no logo"`
	UpdatedAt          string `json:"updatedAt" doc:"When the profile was last saved (RFC 3339); empty when it never was"`
}

// OrganizationProfileUpdate is the whole profile form. Fields left out count as empty.
type OrganizationProfileUpdate struct {
	Name               string `json:"name" required:"false" doc:"Required by validation; a missing name is reported on this field"`
	Address            string `json:"address" required:"false"`
	Postcode           string `json:"postcode" required:"false"`
	City               string `json:"city" required:"false"`
	RegistrationNumber string `json:"registrationNumber" required:"false" doc:"SIRET or RNA number; spaces, dots and dashes are ignored"`
	Email              string `json:"email" required:"false"`
	Phone              string `json:"phone" required:"false"`
	Website            string `json:"website" required:"false" doc:"https:// is added when no scheme is given"`
	SignatoryName      string `json:"signatoryName" required:"false" doc:"Who signs volunteer certificates, at most 120 characters"`
	SignatoryRole      string `json:"signatoryRole" required:"false" doc:"The signatory's role (Présidente, Directeur…), at most 120 characters"`
	Logo               []byte `json:"logo,omitempty" required:"false" doc:"A new logo: the bytes of a PNG or JPEG file of at most 2 MB, base64-encoded. Leave out to keep the current logo."`
	RemoveLogo         bool   `json:"removeLogo,omitempty" required:"false" doc:"Remove the current logo (ignored when logo is given)"`
}

type organizationProfileOutput struct {
	Body OrganizationProfile
}

type organizationProfileInput struct {
	Body OrganizationProfileUpdate
}

type logoInput struct {
	Version string `query:"v" doc:"The version logoUrl carries; with it the image may be cached for good"`
}

type logoOutput struct {
	ContentType  string `header:"Content-Type"`
	CacheControl string `header:"Cache-Control"`
	Body         []byte
}

const logoPath = "/api/settings/organization/logo"

// The form carries the logo as base64 (4/3 of its size) next to the text fields.
const maxProfileBodyBytes = maxRequestBytes

func (s *server) registerOrganizationProfile(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "getOrganizationProfile",
		Method:      http.MethodGet,
		Path:        "/api/settings/organization",
		Summary:     "The association's profile",
		Tags:        []string{"settings"},
	}, func(ctx context.Context, _ *struct{}) (*organizationProfileOutput, error) {
		p, err := s.settings.OrganizationProfile(ctx, actorFrom(ctx))
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &organizationProfileOutput{Body: profileToAPI(p)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID:  "updateOrganizationProfile",
		Method:       http.MethodPut,
		Path:         "/api/settings/organization",
		Summary:      "Save the association's profile",
		Description:  "Validates the whole form and saves all of it or nothing. Every invalid field is reported in `errors`, located as `body.<field>`.",
		Tags:         []string{"settings"},
		MaxBodyBytes: maxProfileBodyBytes,
		Errors:       []int{http.StatusUnprocessableEntity, http.StatusRequestEntityTooLarge},
	}, func(ctx context.Context, in *organizationProfileInput) (*organizationProfileOutput, error) {
		b := in.Body
		p, err := s.settings.UpdateOrganizationProfile(ctx, actorFrom(ctx), service.ProfileUpdate{
			Profile: domain.OrganizationProfile{
				Name: b.Name, Address: b.Address, Postcode: b.Postcode, City: b.City,
				RegistrationNumber: b.RegistrationNumber, Email: b.Email, Phone: b.Phone, Website: b.Website,
				SignatoryName: b.SignatoryName, SignatoryRole: b.SignatoryRole,
			},
			Logo:       b.Logo,
			RemoveLogo: b.RemoveLogo,
		})
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &organizationProfileOutput{Body: profileToAPI(p)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "getOrganizationLogo",
		Method:      http.MethodGet,
		Path:        logoPath,
		Summary:     "The association's logo image",
		Tags:        []string{"settings"},
		Responses: map[string]*huma.Response{
			"200": {
				Description: "The logo",
				Content: map[string]*huma.MediaType{
					"image/png":  {Schema: &huma.Schema{Type: "string", Format: "binary"}},
					"image/jpeg": {Schema: &huma.Schema{Type: "string", Format: "binary"}},
				},
			},
		},
		Errors: []int{http.StatusNotFound},
	}, func(ctx context.Context, in *logoInput) (*logoOutput, error) {
		logo, err := s.settings.OrganizationLogo(ctx, actorFrom(ctx))
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		// logoUrl changes with the image, so the URL of the current version may be cached for
		// good; any other URL is revalidated so that it never shows a stale logo.
		cache := "no-cache"
		if in.Version != "" && in.Version == logoVersion(logo.LogoInfo) {
			cache = "private, max-age=31536000, immutable"
		}
		return &logoOutput{ContentType: logo.MediaType, CacheControl: cache, Body: logo.Data}, nil
	})
}

func profileToAPI(p domain.OrganizationProfile) OrganizationProfile {
	out := OrganizationProfile{
		Name: p.Name, Address: p.Address, Postcode: p.Postcode, City: p.City,
		RegistrationNumber: p.RegistrationNumber, Email: p.Email, Phone: p.Phone, Website: p.Website,
		SignatoryName: p.SignatoryName, SignatoryRole: p.SignatoryRole,
	}
	if p.Logo != nil {
		out.LogoURL = logoPath + "?v=" + logoVersion(*p.Logo)
	}
	if !p.UpdatedAt.IsZero() {
		out.UpdatedAt = p.UpdatedAt.UTC().Format(time.RFC3339)
	}
	return out
}

func logoVersion(l domain.LogoInfo) string {
	const n = 16 // 64 bits of the SHA-256: plenty to tell one logo from the next
	if len(l.Digest) < n {
		return l.Digest
	}
	return l.Digest[:n]
}
