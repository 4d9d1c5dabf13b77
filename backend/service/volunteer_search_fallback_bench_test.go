package service

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/civisphere/civisphere/backend/demo"
	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/store"
	"github.com/civisphere/civisphere/backend/taxonomy"
)

// fallbackBench times searches answered from the database, as they are while the index is
// rebuilt: plain queries, with facets as the search page asks, and with a skill filter.
func fallbackBench(b *testing.B, ctx context.Context, indexer *VolunteerIndexer, svc *Volunteers, queries []string, metrics map[string]float64) {
	indexer.mu.Lock()
	saved := indexer.status
	indexer.status = IndexStatus{State: IndexRebuilding}
	indexer.mu.Unlock()
	defer func() {
		indexer.mu.Lock()
		indexer.status = saved
		indexer.mu.Unlock()
	}()
	admin := domain.LocalAdmin()
	queries = queries[:min(40, len(queries))]
	search := func(p SearchParams) time.Duration {
		t := time.Now()
		res, err := svc.Search(ctx, admin, p)
		if err != nil {
			b.Fatal(err)
		}
		if res.Source != SourceDatabase {
			b.Fatalf("source %q", res.Source)
		}
		return time.Since(t)
	}
	// The first search reads and prepares the whole file; the next ones reuse it until a write.
	svc.fallback.drop()
	metrics["search.databaseFirstMs"] = ms(search(SearchParams{Text: queries[0] + " ", Limit: 20, Facets: true, Locale: "fr"}))
	metrics["search.databaseP50Ms"], metrics["search.databaseP95Ms"] = percentiles(queries, func(q string) time.Duration {
		return search(SearchParams{Text: q + " ", Limit: 20, Facets: true, Locale: "fr"})
	})
	_, metrics["search.databaseSkillP95Ms"] = percentiles(queries, func(string) time.Duration {
		return search(SearchParams{Skills: []string{"accounting"}, Limit: 20, Facets: true, Locale: "fr"})
	})
	_, metrics["search.databaseAllP95Ms"] = percentiles(queries[:10], func(string) time.Duration {
		return search(SearchParams{Limit: 20, Facets: true, Locale: "fr"})
	})
}

// BenchmarkSearchDatabaseFallback100k is the database fallback alone on 100,000 generated
// volunteers, without building an index: quicker to run than the whole 100,000 benchmark (which
// measures the same figures). Set CIVISPHERE_BENCH_100K=1.
func BenchmarkSearchDatabaseFallback100k(b *testing.B) {
	if os.Getenv("CIVISPHERE_BENCH_100K") == "" {
		b.Skip("set CIVISPHERE_BENCH_100K=1 to run the 100,000-volunteer benchmark")
	}
	ctx := context.Background()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	tax := taxonomy.Builtin()
	dir := os.Getenv("CIVISPHERE_BENCH_DATA") // a folder kept from an earlier run is reused
	if dir == "" {
		dir = b.TempDir()
	}
	st, err := store.Open(ctx, filepath.Join(dir, "civisphere.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	indexer := NewVolunteerIndexer(st, tax, filepath.Join(dir, "index", "volunteers"), log)
	svc := NewVolunteers(st, tax, indexer, time.Now, log)
	if n, err := st.CountVolunteers(ctx); err != nil {
		b.Fatal(err)
	} else if n == 0 {
		if err := svc.AddDemoVolunteers(ctx, domain.LocalAdmin(), benchVolunteers, benchSeed, nil); err != nil {
			b.Fatal(err)
		}
	}
	var plain []string
	for _, q := range demo.Queries(benchSeed, tax, benchQueries) {
		if q.Kind != "typo" && q.Kind != "prefix" {
			plain = append(plain, q.Text)
		}
	}
	metrics := map[string]float64{}
	b.ResetTimer()
	fallbackBench(b, ctx, indexer, svc, plain, metrics)
	for k, v := range metrics {
		b.ReportMetric(v, k)
	}
}
