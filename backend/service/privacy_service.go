package service

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"sync"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/store"
)

// Privacy holds the use cases of personal data (GDPR): everything held on a person as a
// document (access and portability, art. 15 and 20), erasure (art. 17) with a ledger that
// survives the restore of an older backup, the retention of inactive people's data (art.
// 5(1)(e)), the audit log, and the summary the association shows about what it holds.
type Privacy struct {
	store      *store.Store
	volunteers *Volunteers
	index      *VolunteerIndexer
	dataDir    string
	now        func() time.Time
	log        *slog.Logger

	// eraseMu makes erasures one at a time: each appends to the ledger file and rewrites the
	// search index.
	eraseMu sync.Mutex

	// OnErased are called once people are erased from the database and the index, with their
	// ledger entries: the backups take them out of their archives there. Set before use.
	OnErased []func(context.Context, []domain.Erasure)
}

func (p *Privacy) notifyErased(ctx context.Context, erased []domain.Erasure) {
	if len(erased) == 0 {
		return
	}
	for _, fn := range p.OnErased {
		fn(ctx, erased)
	}
}

// ErasureLedgerFile is the ledger of erasures in the data folder, one JSON object per line.
const ErasureLedgerFile = "erasures.jsonl"

// NewPrivacy returns the personal-data use cases on the data folder dataDir.
func NewPrivacy(st *store.Store, volunteers *Volunteers, index *VolunteerIndexer, dataDir string, now func() time.Time, log *slog.Logger) *Privacy {
	return &Privacy{store: st, volunteers: volunteers, index: index, dataDir: dataDir, now: now, log: log}
}

func (p *Privacy) ledgerPath() string { return filepath.Join(p.dataDir, ErasureLedgerFile) }

// PrivacySummary is what the data-protection page shows beside its fixed text: live counts,
// the retention period and where the data lives.
type PrivacySummary struct {
	Counts          store.PrivacyCounts
	RetentionMonths int
	AuditMonths     int
	DataDir         string
	Database        string
	IndexDir        string
	LedgerFile      string
	BackupsDir      string // erasures reach the backups too (Backups.ScrubErased)
}

// Summary gathers the figures of the data-protection summary.
func (p *Privacy) Summary(ctx context.Context, actor domain.Actor) (PrivacySummary, error) {
	if !actor.CanReadVolunteers() {
		return PrivacySummary{}, fmt.Errorf("read the data-protection summary: %w", domain.ErrForbidden)
	}
	counts, err := p.store.PrivacyCounts(ctx)
	if err != nil {
		return PrivacySummary{}, err
	}
	r, err := p.store.Retention(ctx)
	if err != nil {
		return PrivacySummary{}, err
	}
	return PrivacySummary{Counts: counts, RetentionMonths: r.Months, AuditMonths: domain.AuditRetentionMonths,
		DataDir: p.dataDir, Database: p.store.Path(), IndexDir: p.index.dir, LedgerFile: p.ledgerPath(), BackupsDir: BackupsFolder(p.dataDir)}, nil
}

// Retention returns the retention period of inactive people's data.
func (p *Privacy) Retention(ctx context.Context, actor domain.Actor) (domain.Retention, error) {
	if !actor.CanReadVolunteers() {
		return domain.Retention{}, fmt.Errorf("read the retention period: %w", domain.ErrForbidden)
	}
	return p.store.Retention(ctx)
}

// SetRetention changes the retention period; it is a setting of the installation, for admins.
func (p *Privacy) SetRetention(ctx context.Context, actor domain.Actor, r domain.Retention) (domain.Retention, error) {
	if !actor.CanManageSettings() {
		return domain.Retention{}, fmt.Errorf("change the retention period: %w", domain.ErrForbidden)
	}
	if err := r.Validate(); err != nil {
		return domain.Retention{}, err
	}
	now := p.now().UTC()
	var none int64
	if err := p.store.SaveRetention(withAudit(ctx, now, actor, domain.AuditRetentionChanged, &none, fmt.Sprintf("months=%d", r.Months)), r, now); err != nil {
		return domain.Retention{}, err
	}
	return r, nil
}
