package store

import (
	"context"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
)

const backupSettingsKey = "backups"

// backupSettingsRow is the stored JSON form of the backup settings.
type backupSettingsRow struct {
	SecondFolder string `json:"secondFolder"`
}

// BackupSettings returns the backup settings (none saved: no second folder).
func (s *Store) BackupSettings(ctx context.Context) (domain.BackupSettings, error) {
	var row backupSettingsRow
	if _, err := s.readSetting(ctx, backupSettingsKey, &row); err != nil {
		return domain.BackupSettings{}, err
	}
	return domain.BackupSettings{SecondFolder: row.SecondFolder}, nil
}

// SaveBackupSettings replaces the backup settings.
func (s *Store) SaveBackupSettings(ctx context.Context, b domain.BackupSettings, now time.Time) error {
	return s.writeSetting(ctx, backupSettingsKey, backupSettingsRow{SecondFolder: b.SecondFolder}, now)
}
