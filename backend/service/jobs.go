package service

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"sync"
	"time"
)

// Job states.
const (
	JobRunning   = "running"
	JobDone      = "done"
	JobFailed    = "failed"
	JobCancelled = "cancelled"
)

// Progress is how far a long piece of work has got. Phase names a step the UI can translate
// ("reading", "checking", "saving", "indexing").
type Progress struct {
	Phase string
	Done  int
	Total int
}

// JobSnapshot is the state of a job at one moment.
type JobSnapshot struct {
	ID       string
	Kind     string
	State    string
	Progress Progress
	Result   any   // set when State is JobDone
	Err      error // set when State is JobFailed
	Started  time.Time
	Finished time.Time
}

// Jobs runs long work (imports, rebuilds) in the background so that the UI can show progress
// and offer to cancel. Finished jobs are kept for a while for the UI to collect their result.
type Jobs struct {
	mu   sync.Mutex
	jobs map[string]*job
	now  func() time.Time
	ctx  context.Context // cancelled at shutdown
}

type job struct {
	snap   JobSnapshot
	cancel context.CancelFunc
}

// keepFinishedJobs is how long a finished job's result stays available.
const keepFinishedJobs = time.Hour

// NewJobs returns an empty job registry whose jobs stop when ctx ends.
func NewJobs(ctx context.Context, now func() time.Time) *Jobs {
	return &Jobs{jobs: map[string]*job{}, now: now, ctx: ctx}
}

// Start runs work in a goroutine and returns its ID at once.
func (j *Jobs) Start(kind string, work func(ctx context.Context, report func(Progress)) (any, error)) string {
	id := newJobID()
	ctx, cancel := context.WithCancel(j.ctx)
	j.mu.Lock()
	j.forgetOld()
	j.jobs[id] = &job{snap: JobSnapshot{ID: id, Kind: kind, State: JobRunning, Started: j.now()}, cancel: cancel}
	j.mu.Unlock()
	go func() {
		defer cancel()
		result, err := work(ctx, func(p Progress) {
			j.mu.Lock()
			j.jobs[id].snap.Progress = p
			j.mu.Unlock()
		})
		j.mu.Lock()
		defer j.mu.Unlock()
		s := &j.jobs[id].snap
		s.Finished = j.now()
		switch {
		case errors.Is(err, context.Canceled):
			s.State = JobCancelled
		case err != nil:
			s.State, s.Err = JobFailed, err
		default:
			s.State, s.Result = JobDone, result
		}
	}()
	return id
}

// Get returns a job's state.
func (j *Jobs) Get(id string) (JobSnapshot, bool) {
	j.mu.Lock()
	defer j.mu.Unlock()
	jb, ok := j.jobs[id]
	if !ok {
		return JobSnapshot{}, false
	}
	return jb.snap, true
}

// Cancel asks a running job to stop; the work sees its context cancelled and undoes what it
// started (an import's transaction is rolled back).
func (j *Jobs) Cancel(id string) bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	jb, ok := j.jobs[id]
	if !ok {
		return false
	}
	jb.cancel()
	return true
}

func (j *Jobs) forgetOld() {
	for id, jb := range j.jobs {
		if jb.snap.State != JobRunning && j.now().Sub(jb.snap.Finished) > keepFinishedJobs {
			delete(j.jobs, id)
		}
	}
}

func newJobID() string {
	var b [12]byte
	rand.Read(b[:]) //nolint:errcheck // crypto/rand.Read never fails on supported platforms
	return hex.EncodeToString(b[:])
}
