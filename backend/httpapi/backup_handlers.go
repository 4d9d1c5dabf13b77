package httpapi

import (
	"context"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/civisphere/civisphere/backend/backup"
	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/service"
)

// Backup is one backup of the data folder.
type Backup struct {
	Name          string         `json:"name" doc:"File name; also the backup's identifier"`
	CreatedAt     string         `json:"createdAt" doc:"RFC 3339"`
	Reason        string         `json:"reason" enum:"daily,manual,migration,import,restore" doc:"Why it was taken: the daily backup, on request, before a schema upgrade, before an import, or the state a restore replaced"`
	SizeBytes     int64          `json:"sizeBytes"`
	SchemaVersion int            `json:"schemaVersion" doc:"Database schema version of the backup"`
	AppVersion    string         `json:"appVersion" doc:"Version of Civisphère that took it"`
	Counts        map[string]int `json:"counts" doc:"Rows of the main tables: volunteers, organizations, projects, hour_entries, project_documents, surveys"`
	Location      string         `json:"location" enum:"main,second,both" doc:"In the data folder, in the second folder only, or in both"`
}

// BackupList is every backup, newest first.
type BackupList struct {
	Total int      `json:"total"`
	Items []Backup `json:"items"`
}

// RestoreResult says what a restore did.
type RestoreResult struct {
	Restored       string `json:"restored" doc:"The backup put in place"`
	PreviousBackup Backup `json:"previousBackup" doc:"The backup of the state the restore replaced: restoring it undoes the restore"`
}

// BackupSettings are the backup choices of the installation.
type BackupSettings struct {
	SecondFolder        string `json:"secondFolder" maxLength:"1000" doc:"A folder on another disk or a USB key that receives a copy of every backup; empty for none"`
	Folder              string `json:"folder,omitempty" readOnly:"true" doc:"Where backups are kept in the data folder"`
	LastAutomaticBackup string `json:"lastAutomaticBackup,omitempty" readOnly:"true" doc:"RFC 3339 time of the newest automatic backup"`
}

type backupName struct {
	Name string `path:"name" maxLength:"100" doc:"A backup's file name, as listed"`
}

func backupToAPI(b service.BackupInfo) Backup {
	counts := b.Counts
	if counts == nil {
		counts = map[string]int{}
	}
	return Backup{Name: b.Name, CreatedAt: b.CreatedAt.UTC().Format(time.RFC3339), Reason: string(b.Reason), SizeBytes: b.SizeBytes,
		SchemaVersion: b.SchemaVersion, AppVersion: b.AppVersion, Counts: counts, Location: b.Location}
}

func backupSettingsToAPI(v service.BackupSettingsView) BackupSettings {
	out := BackupSettings{SecondFolder: v.SecondFolder, Folder: v.Folder}
	if !v.LastAutomaticBackup.IsZero() {
		out.LastAutomaticBackup = v.LastAutomaticBackup.UTC().Format(time.RFC3339)
	}
	return out
}

func (s *server) registerBackups(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "createBackup", Method: http.MethodPost, Path: "/api/backups",
		Summary:     "Back up now",
		Description: "Writes a consistent backup of the database (SQLite's VACUUM INTO, never a file copy) and the projects' documents into one archive, copied to the second folder when one is set. The app goes on serving meanwhile.",
		Tags:        []string{"backups"}, DefaultStatus: http.StatusCreated,
		Errors: []int{http.StatusForbidden, http.StatusConflict},
	}, func(ctx context.Context, _ *struct{}) (*struct{ Body Backup }, error) {
		b, err := s.backups.Create(ctx, actorFrom(ctx), backup.ReasonManual, nil)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &struct{ Body Backup }{Body: backupToAPI(b)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "listBackups", Method: http.MethodGet, Path: "/api/backups",
		Summary: "Backups of the data folder and of the second folder", Tags: []string{"backups"},
		Errors: []int{http.StatusForbidden},
	}, func(ctx context.Context, _ *struct{}) (*struct{ Body BackupList }, error) {
		list, err := s.backups.List(ctx, actorFrom(ctx))
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		out := BackupList{Total: len(list), Items: make([]Backup, 0, len(list))}
		for _, b := range list {
			out.Items = append(out.Items, backupToAPI(b))
		}
		return &struct{ Body BackupList }{Body: out}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "restoreBackup", Method: http.MethodPost, Path: "/api/backups/{name}/restore",
		Summary:     "Restore a backup",
		Description: "Backs up the current state first, checks every byte of the backup and its database's integrity, then puts its database and documents in place while the app runs and rebuilds the search index in the background. A damaged or foreign file changes nothing (422).",
		Tags:        []string{"backups"},
		Errors:      []int{http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *backupName) (*struct{ Body RestoreResult }, error) {
		before, err := s.backups.Restore(ctx, actorFrom(ctx), in.Name, nil)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &struct{ Body RestoreResult }{Body: RestoreResult{Restored: in.Name, PreviousBackup: backupToAPI(before)}}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "downloadBackup", Method: http.MethodGet, Path: "/api/backups/{name}/file",
		Summary: "Download a backup", Tags: []string{"backups"},
		Errors: []int{http.StatusForbidden, http.StatusNotFound},
		Responses: map[string]*huma.Response{"200": {Description: "The backup archive", Content: map[string]*huma.MediaType{
			"application/zip": {Schema: &huma.Schema{Type: "string", Format: "binary"}}}}},
	}, func(ctx context.Context, in *backupName) (*huma.StreamResponse, error) {
		f, size, err := s.backups.Open(ctx, actorFrom(ctx), in.Name)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &huma.StreamResponse{Body: func(hctx huma.Context) {
			defer f.Close()
			hctx.SetHeader("Content-Type", "application/zip")
			hctx.SetHeader("Content-Disposition", contentDisposition(in.Name))
			hctx.SetHeader("Content-Length", strconv.FormatInt(size, 10))
			hctx.SetHeader("Cache-Control", "no-store")
			if _, err := io.Copy(hctx.BodyWriter(), f); err != nil {
				s.log.WarnContext(ctx, "backup download cut short", "name", in.Name, "err", err)
			}
		}}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "deleteBackup", Method: http.MethodDelete, Path: "/api/backups/{name}",
		Summary:     "Delete a manual backup",
		Description: "Automatic backups are thinned by the app (7 daily, 4 weekly, 12 monthly) and cannot be deleted by hand (409).",
		Tags:        []string{"backups"}, DefaultStatus: http.StatusNoContent,
		Errors: []int{http.StatusForbidden, http.StatusNotFound, http.StatusConflict},
	}, func(ctx context.Context, in *backupName) (*struct{}, error) {
		if err := s.backups.Delete(ctx, actorFrom(ctx), in.Name); err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &struct{}{}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "getBackupSettings", Method: http.MethodGet, Path: "/api/settings/backups",
		Summary: "Backup settings", Tags: []string{"settings", "backups"}, Errors: []int{http.StatusForbidden},
	}, func(ctx context.Context, _ *struct{}) (*struct{ Body BackupSettings }, error) {
		v, err := s.backups.Settings(ctx, actorFrom(ctx))
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &struct{ Body BackupSettings }{Body: backupSettingsToAPI(v)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "updateBackupSettings", Method: http.MethodPut, Path: "/api/settings/backups",
		Summary:     "Save the backup settings",
		Description: "The second folder must exist, accept files and lie outside the data folder.",
		Tags:        []string{"settings", "backups"}, MaxBodyBytes: maxPreferencesBodyBytes,
		Errors: []int{http.StatusForbidden, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct{ Body BackupSettings }) (*struct{ Body BackupSettings }, error) {
		v, err := s.backups.UpdateSettings(ctx, actorFrom(ctx), domain.BackupSettings{SecondFolder: in.Body.SecondFolder})
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &struct{ Body BackupSettings }{Body: backupSettingsToAPI(v)}, nil
	})
}
