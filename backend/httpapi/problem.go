package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/service"
)

// problemFor turns an error from the service layer into an RFC 9457 problem in the reader's
// language. Validation problems name the field at fault as "body.<field>".
func (s *server) problemFor(ctx context.Context, err error) error {
	l := localeFrom(ctx)
	var (
		invalid *domain.ValidationError
		file    *service.FileProblem
		rule    *domain.RuleError
	)
	switch {
	case errors.As(err, &file):
		status := http.StatusUnprocessableEntity
		if file.Code == service.FileTooLarge {
			status = http.StatusRequestEntityTooLarge
		}
		detail := file.Code
		if m, ok := fileMessages[file.Code]; ok {
			detail = fill(m.in(l), file.Params)
		}
		return problem(status, detail)
	case errors.As(err, &rule):
		return problem(http.StatusConflict, ruleMessage(l, rule))
	case errors.Is(err, service.ErrIndexNotReady):
		return problem(http.StatusConflict, msgIndexNotReady.in(l))
	case errors.As(err, &invalid):
		details := make([]*huma.ErrorDetail, 0, len(invalid.Fields))
		for _, f := range invalid.Fields {
			details = append(details, &huma.ErrorDetail{Location: "body." + f.Field, Message: fieldMessage(l, f)})
		}
		return &huma.ErrorModel{
			Status: http.StatusUnprocessableEntity,
			Title:  http.StatusText(http.StatusUnprocessableEntity),
			Detail: msgInvalidInput.in(l),
			Errors: details,
		}
	case errors.Is(err, domain.ErrNotFound):
		return problem(http.StatusNotFound, msgNotFound.in(l))
	case errors.Is(err, domain.ErrForbidden):
		return problem(http.StatusForbidden, msgForbidden.in(l))
	default:
		s.log.ErrorContext(ctx, "request failed", slog.Any("error", err))
		return problem(http.StatusInternalServerError, msgInternal.in(l))
	}
}

func problem(status int, detail string) *huma.ErrorModel {
	return &huma.ErrorModel{Status: status, Title: http.StatusText(status), Detail: detail}
}

// writeProblem writes a problem outside huma (router-level 404 and 405, body limits).
func writeProblem(w http.ResponseWriter, status int, detail string) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Del("Content-Length")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(problem(status, detail)) //nolint:errcheck // the client went away
}
