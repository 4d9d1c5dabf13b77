package search

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/taxonomy"
)

// Keys stored inside the index with Batch.SetInternal, so they change atomically with the
// documents they describe.
var (
	internalLastSeq        = []byte("civisphere.lastSeq")
	internalMappingVersion = []byte("civisphere.mappingVersion")
)

// ErrMissing means there is no index at the path: it must be built.
var ErrMissing = errors.New("search index missing")

// ErrIncompatible means the index was written with another mapping: it must be rebuilt.
var ErrIncompatible = errors.New("search index built with another mapping")

// boltTimeout bounds the wait for the index's file lock: a second process opening the same data
// folder gets an error instead of hanging forever.
const boltTimeout = "2s"

// Index is the volunteers' search index in one folder.
type Index struct {
	bleve bleve.Index
	tax   *taxonomy.Taxonomy
	path  string
	// The analyzers of the mapping, resolved once: documents are built field by field.
	folded, stemmed, keyword analysis.Analyzer
}

// newIndex wraps an open Bleve index.
func newIndex(bi bleve.Index, tax *taxonomy.Taxonomy, path string) (*Index, error) {
	m := bi.Mapping()
	ix := &Index{bleve: bi, tax: tax, path: path,
		folded: m.AnalyzerNamed(analyzerFolded), stemmed: m.AnalyzerNamed(analyzerText), keyword: m.AnalyzerNamed(keyword.Name)}
	if ix.folded == nil || ix.stemmed == nil || ix.keyword == nil {
		return nil, fmt.Errorf("search index %s: analyzers missing from its mapping", path)
	}
	return ix, nil
}

// Open opens the index in path. It returns ErrMissing when there is none, ErrIncompatible when
// it was built with another mapping, and another error when it cannot be read (corrupt, locked).
// Every error means the caller should rebuild.
func Open(path string, tax *taxonomy.Taxonomy) (*Index, error) {
	if _, err := os.Stat(filepath.Join(path, "index_meta.json")); errors.Is(err, fs.ErrNotExist) {
		return nil, ErrMissing
	}
	bi, err := bleve.OpenUsing(path, map[string]any{"bolt_timeout": boltTimeout})
	if err != nil {
		return nil, fmt.Errorf("open search index %s: %w", path, err)
	}
	version, err := bi.GetInternal(internalMappingVersion)
	if err != nil {
		bi.Close()
		return nil, fmt.Errorf("open search index %s: %w", path, err)
	}
	if string(version) != mappingVersion {
		bi.Close()
		return nil, fmt.Errorf("%w (found %q, want %q)", ErrIncompatible, version, mappingVersion)
	}
	ix, err := newIndex(bi, tax, path)
	if err != nil {
		bi.Close()
		return nil, err
	}
	return ix, nil
}

// Create makes a new, empty index in path, which must not exist yet.
func Create(path string, tax *taxonomy.Taxonomy) (*Index, error) {
	m, err := newIndexMapping()
	if err != nil {
		return nil, err
	}
	bi, err := bleve.NewUsing(path, m, scorch.Name, scorch.Name, map[string]any{"bolt_timeout": boltTimeout})
	if err != nil {
		return nil, fmt.Errorf("create search index %s: %w", path, err)
	}
	if err := bi.SetInternal(internalMappingVersion, []byte(mappingVersion)); err != nil {
		bi.Close()
		return nil, fmt.Errorf("create search index %s: %w", path, err)
	}
	ix, err := newIndex(bi, tax, path)
	if err != nil {
		bi.Close()
		return nil, err
	}
	return ix, nil
}

// Path is the index folder.
func (ix *Index) Path() string { return ix.path }

// Close closes the index.
func (ix *Index) Close() error { return ix.bleve.Close() }

// LastSeq is the outbox seq of the last change applied to the index (0 for a new index).
func (ix *Index) LastSeq() (int64, error) {
	raw, err := ix.bleve.GetInternal(internalLastSeq)
	if err != nil {
		return 0, fmt.Errorf("read search index sequence: %w", err)
	}
	if len(raw) == 0 {
		return 0, nil
	}
	seq, err := strconv.ParseInt(string(raw), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("read search index sequence %q: %w", raw, err)
	}
	return seq, nil
}

// DocCount is the number of volunteers in the index.
func (ix *Index) DocCount() (uint64, error) {
	n, err := ix.bleve.DocCount()
	if err != nil {
		return 0, fmt.Errorf("count search index documents: %w", err)
	}
	return n, nil
}

// Apply indexes the given volunteers, removes the given IDs and records lastSeq, all in one
// batch: after a crash the index holds either all of it or none of it, and lastSeq says which.
//
// Durability: scorch's Batch returns only once the batch is persisted (its segment file synced
// and the root bolt file committed and synced), because unsafe_batch is left off. That is what
// lets the indexer delete the applied outbox rows right after Apply: a kill or a power cut can
// never leave the outbox pruned of changes the index does not hold on disk. (Were it to happen
// anyway, the start-up check sees the gap between the index's lastSeq and the outbox and rebuilds.)
func (ix *Index) Apply(upserts []domain.Volunteer, deletes []int64, lastSeq int64) error {
	b := ix.bleve.NewBatch()
	for _, v := range upserts {
		if err := b.IndexAdvanced(ix.volunteerDocument(v)); err != nil {
			return fmt.Errorf("index volunteer %d: %w", v.ID, err)
		}
	}
	for _, id := range deletes {
		b.Delete(docID(id))
	}
	b.SetInternal(internalLastSeq, []byte(strconv.FormatInt(lastSeq, 10)))
	if err := ix.bleve.Batch(b); err != nil {
		return fmt.Errorf("apply %d changes to the search index: %w", len(upserts)+len(deletes), err)
	}
	return nil
}
