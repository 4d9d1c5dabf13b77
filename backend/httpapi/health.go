package httpapi

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"
)

// HealthOutput tells that the server answers and which version it is.
type HealthOutput struct {
	Body struct {
		Status  string `json:"status" enum:"ok" doc:"Always ok when the server answers"`
		Version string `json:"version" doc:"Civisphère version" example:"0.1.0"`
	}
}

func registerHealth(api huma.API, version string) {
	huma.Register(api, huma.Operation{
		OperationID: "getHealth",
		Method:      http.MethodGet,
		Path:        "/api/health",
		Summary:     "Server health and version",
		Tags:        []string{"system"},
	}, func(context.Context, *struct{}) (*HealthOutput, error) {
		out := &HealthOutput{}
		out.Body.Status = "ok"
		out.Body.Version = version
		return out, nil
	})
}
