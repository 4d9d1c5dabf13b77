package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/importer"
	"github.com/civisphere/civisphere/backend/service"
)

const importPath = "/api/imports/volunteers"

// maxUploadBytes is the largest import file accepted, plus room for the multipart envelope.
var maxUploadBytes = importer.DefaultLimits().MaxFileBytes + 1<<20

// ImportRowError is a problem with one row of an imported file.
type ImportRowError struct {
	Row     int    `json:"row" doc:"Row number as the spreadsheet program shows it"`
	Column  string `json:"column" doc:"Header of the column at fault; empty for the whole row"`
	Field   string `json:"field" doc:"The volunteer field at fault"`
	Code    string `json:"code"`
	Message string `json:"message" doc:"In the reader's language"`
	Value   string `json:"value" doc:"The cell as read, shortened"`
}

// ImportColumn is a column of the file and the field it fills ("" when ignored).
type ImportColumn struct {
	Header string `json:"header"`
	Field  string `json:"field"`
}

// ImportPreviewRow is one of the first rows of the file, as read.
type ImportPreviewRow struct {
	Row   int      `json:"row"`
	Cells []string `json:"cells"`
}

// ImportResult says what an import found and did (for a dry run: would do).
type ImportResult struct {
	Rows      int                `json:"rows" doc:"Data rows in the file (blank rows not counted)"`
	Valid     int                `json:"valid" doc:"Rows without problems"`
	Created   int                `json:"created" doc:"New volunteers"`
	Updated   int                `json:"updated" doc:"Volunteers already on file (same e-mail; without one, same name, city and phone) that were updated"`
	Merged    int                `json:"merged" doc:"Rows that repeat a person seen earlier in the file, merged into that person"`
	Skipped   int                `json:"skipped" doc:"Rows not imported"`
	Applied   bool               `json:"applied" doc:"Whether anything was written"`
	Errors    []ImportRowError   `json:"errors"`
	Format    string             `json:"format" enum:"csv,xlsx,ods"`
	Encoding  string             `json:"encoding,omitempty"`
	Delimiter string             `json:"delimiter,omitempty"`
	Sheet     string             `json:"sheet,omitempty"`
	HeaderRow int                `json:"headerRow"`
	Columns   []ImportColumn     `json:"columns"`
	Preview   []ImportPreviewRow `json:"preview"`
	Fields    []string           `json:"fields" doc:"Every field a column can be mapped to"`
	// MultiColumnFields lets the UI offer a field for a second column without taking it from
	// the first.
	MultiColumnFields []string `json:"multiColumnFields" doc:"Fields that may fill several columns, whose values are joined (skills, causes…)"`
}

type importInput struct {
	DryRun       bool `query:"dryRun" doc:"Only check the file and count what would change"`
	AllOrNothing bool `query:"allOrNothing" doc:"Import nothing when any row has a problem (by default valid rows are imported and the others skipped)"`
	RawBody      multipart.Form
}

// Job is long work running in the background.
type Job struct {
	ID       string        `json:"id"`
	Kind     string        `json:"kind" enum:"import,impactReport"`
	State    string        `json:"state" enum:"running,done,failed,cancelled"`
	Phase    string        `json:"phase" doc:"reading, checking, saving, indexing"`
	Done     int           `json:"done"`
	Total    int           `json:"total"`
	Result   *ImportResult `json:"result,omitempty" doc:"When done"`
	Error    string        `json:"error,omitempty" doc:"When failed, in the reader's language"`
	Download string        `json:"download,omitempty" doc:"When done and the job wrote a document: where to fetch it"`
	Started  string        `json:"started"`
	Finished string        `json:"finished,omitempty"`
}

type jobOutput struct {
	Body Job
}

type acceptedJobOutput struct {
	Location string `header:"Location"`
	Body     Job
}

func (s *server) registerImports(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID:  "importVolunteers",
		Method:       http.MethodPost,
		Path:         importPath,
		Summary:      "Import volunteers from a CSV, XLSX or ODS file",
		Description:  "Multipart form: `file` (the spreadsheet) and optionally `mapping` (a JSON array giving the field of each column, \"\" to ignore one; the guessed mapping is used when left out). With dryRun=true nothing is written and the answer previews the file. Otherwise valid rows are imported in one transaction (all of them or nothing).",
		Tags:         []string{"imports"},
		MaxBodyBytes: maxUploadBytes,
		Errors:       []int{http.StatusUnprocessableEntity, http.StatusRequestEntityTooLarge},
	}, func(ctx context.Context, in *importInput) (*struct{ Body ImportResult }, error) {
		data, name, opts, err := readImportForm(in)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		rep, err := s.volunteers.ImportVolunteers(ctx, actorFrom(ctx), data, name, opts, nil)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &struct{ Body ImportResult }{Body: importResultToAPI(ctx, rep)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID:   "startVolunteerImport",
		Method:        http.MethodPost,
		Path:          importPath + "/jobs",
		Summary:       "Import volunteers in the background",
		Description:   "Same form as POST " + importPath + ", but answers at once with a job to follow (GET /api/jobs/{id}) and to cancel (DELETE /api/jobs/{id}).",
		Tags:          []string{"imports"},
		MaxBodyBytes:  maxUploadBytes,
		DefaultStatus: http.StatusAccepted,
		Errors:        []int{http.StatusUnprocessableEntity, http.StatusRequestEntityTooLarge},
	}, func(ctx context.Context, in *importInput) (*acceptedJobOutput, error) {
		data, name, opts, err := readImportForm(in)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		actor := actorFrom(ctx)
		id := s.jobs.Start("import", func(jobCtx context.Context, report func(service.Progress)) (any, error) {
			return s.volunteers.ImportVolunteers(jobCtx, actor, data, name, opts, report)
		})
		snap, _ := s.jobs.Get(id)
		return &acceptedJobOutput{Location: "/api/jobs/" + id, Body: s.jobToAPI(ctx, snap)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "getJob",
		Method:      http.MethodGet,
		Path:        "/api/jobs/{id}",
		Summary:     "Progress and result of background work",
		Tags:        []string{"jobs"},
		Errors:      []int{http.StatusNotFound},
	}, func(ctx context.Context, in *struct {
		ID string `path:"id"`
	}) (*jobOutput, error) {
		snap, ok := s.jobs.Get(in.ID)
		if !ok {
			return nil, s.problemFor(ctx, domain.ErrNotFound)
		}
		return &jobOutput{Body: s.jobToAPI(ctx, snap)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "cancelJob",
		Method:      http.MethodDelete,
		Path:        "/api/jobs/{id}",
		Summary:     "Cancel background work",
		Description: "An import cancelled before it is saved changes nothing.",
		Tags:        []string{"jobs"},
		Errors:      []int{http.StatusNotFound},
	}, func(ctx context.Context, in *struct {
		ID string `path:"id"`
	}) (*jobOutput, error) {
		if !s.jobs.Cancel(in.ID) {
			return nil, s.problemFor(ctx, domain.ErrNotFound)
		}
		snap, _ := s.jobs.Get(in.ID)
		return &jobOutput{Body: s.jobToAPI(ctx, snap)}, nil
	})
}

// readImportForm takes the file and the options out of the multipart form. The file is read
// into memory (it is at most MaxFileBytes) so that a background job outlives the request.
func readImportForm(in *importInput) ([]byte, string, service.ImportOptions, error) {
	form := &in.RawBody
	// The router parsed the form into temporary files it never removes; the bytes are in
	// memory once read, so the files go now (on Windows, before they pile up in %TEMP%).
	defer form.RemoveAll() //nolint:errcheck // temporary files; nothing to tell the client
	opts := service.ImportOptions{DryRun: in.DryRun, AllOrNothing: in.AllOrNothing}
	files := form.File["file"]
	if len(files) == 0 {
		return nil, "", opts, &domain.ValidationError{Fields: []domain.FieldError{{Field: "file", Code: domain.CodeRequired}}}
	}
	fh := files[0]
	if fh.Size > importer.DefaultLimits().MaxFileBytes {
		return nil, "", opts, &service.FileProblem{Code: service.FileTooLarge,
			Params: map[string]any{"maxMB": importer.DefaultLimits().MaxFileBytes >> 20}, Err: importer.ErrTooLarge}
	}
	f, err := fh.Open()
	if err != nil {
		return nil, "", opts, fmt.Errorf("open uploaded file: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, "", opts, fmt.Errorf("read uploaded file: %w", err)
	}
	if raw := form.Value["mapping"]; len(raw) > 0 && raw[0] != "" {
		var fields []string
		if err := json.Unmarshal([]byte(raw[0]), &fields); err != nil {
			return nil, "", opts, &domain.ValidationError{Fields: []domain.FieldError{{Field: "mapping", Code: domain.CodeInvalidChoice,
				Params: map[string]any{"choices": "[\"firstName\", \"lastName\", …]"}}}}
		}
		opts.Mapping = make([]importer.Field, len(fields))
		for i, f := range fields {
			opts.Mapping[i] = importer.Field(f)
		}
	}
	return data, fh.Filename, opts, nil
}

func importResultToAPI(ctx context.Context, rep service.ImportReport) ImportResult {
	l := localeFrom(ctx)
	out := ImportResult{
		Rows: rep.Rows, Valid: rep.Valid, Created: rep.Created, Updated: rep.Updated, Merged: rep.Merged,
		Skipped: rep.Skipped, Applied: rep.Applied, Errors: make([]ImportRowError, 0, len(rep.Errors)),
		Format: rep.Format, Encoding: rep.Encoding, Delimiter: rep.Delimiter, Sheet: rep.Sheet,
		HeaderRow: rep.HeaderRow, Columns: make([]ImportColumn, 0, len(rep.Columns)),
		Preview: make([]ImportPreviewRow, 0, len(rep.Preview)), Fields: make([]string, 0, len(importer.Fields)),
		MultiColumnFields: []string{},
	}
	for _, e := range rep.Errors {
		msg := fieldMessage(l, domain.FieldError{Field: e.Field, Code: e.Code, Params: e.Params})
		out.Errors = append(out.Errors, ImportRowError{Row: e.Row, Column: e.Column, Field: e.Field, Code: e.Code, Message: msg, Value: e.Value})
	}
	for _, c := range rep.Columns {
		out.Columns = append(out.Columns, ImportColumn{Header: c.Header, Field: string(c.Field)})
	}
	for _, r := range rep.Preview {
		out.Preview = append(out.Preview, ImportPreviewRow{Row: r.Number, Cells: r.Cells})
	}
	for _, f := range importer.Fields {
		out.Fields = append(out.Fields, string(f))
		if f.MultiColumn() {
			out.MultiColumnFields = append(out.MultiColumnFields, string(f))
		}
	}
	return out
}

func (s *server) jobToAPI(ctx context.Context, snap service.JobSnapshot) Job {
	out := Job{
		ID: snap.ID, Kind: snap.Kind, State: snap.State, Phase: snap.Progress.Phase, Done: snap.Progress.Done,
		Total: snap.Progress.Total, Started: snap.Started.UTC().Format(time.RFC3339),
	}
	if !snap.Finished.IsZero() {
		out.Finished = snap.Finished.UTC().Format(time.RFC3339)
	}
	if rep, ok := snap.Result.(service.ImportReport); ok {
		r := importResultToAPI(ctx, rep)
		out.Result = &r
	}
	if _, ok := snap.Result.(GeneratedFile); ok && snap.State == service.JobDone {
		out.Download = "/api/jobs/" + snap.ID + "/file"
	}
	if snap.Err != nil {
		out.Error = s.errorMessage(ctx, snap.Err)
	}
	return out
}

// errorMessage is the message problemFor would give, for errors reported inside a job.
func (s *server) errorMessage(ctx context.Context, err error) string {
	var model *huma.ErrorModel
	if errors.As(s.problemFor(ctx, err), &model) {
		if len(model.Errors) > 0 {
			return model.Errors[0].Message
		}
		return model.Detail
	}
	return err.Error()
}
