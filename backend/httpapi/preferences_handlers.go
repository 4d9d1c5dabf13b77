package httpapi

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/civisphere/civisphere/backend/domain"
)

// Preferences are the UI language and theme of the installation.
type Preferences struct {
	Locale string `json:"locale" enum:"fr,en," doc:"Interface language; empty follows the system"`
	Theme  string `json:"theme" enum:"system,light,dark" doc:"Colour theme; system follows the operating system"`
}

type preferencesBody struct {
	Body Preferences
}

const maxPreferencesBodyBytes = 16 << 10

func (s *server) registerPreferences(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "getPreferences",
		Method:      http.MethodGet,
		Path:        "/api/settings/preferences",
		Summary:     "Interface preferences",
		Tags:        []string{"settings"},
	}, func(ctx context.Context, _ *struct{}) (*preferencesBody, error) {
		p, err := s.settings.Preferences(ctx, actorFrom(ctx))
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &preferencesBody{Body: Preferences{Locale: p.Locale, Theme: p.Theme}}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID:  "updatePreferences",
		Method:       http.MethodPut,
		Path:         "/api/settings/preferences",
		Summary:      "Save interface preferences",
		Tags:         []string{"settings"},
		MaxBodyBytes: maxPreferencesBodyBytes,
		Errors:       []int{http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *preferencesBody) (*preferencesBody, error) {
		p, err := s.settings.UpdatePreferences(ctx, actorFrom(ctx), domain.Preferences{Locale: in.Body.Locale, Theme: in.Body.Theme})
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &preferencesBody{Body: Preferences{Locale: p.Locale, Theme: p.Theme}}, nil
	})
}
