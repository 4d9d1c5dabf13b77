package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
)

// Run with `make bench`: the figures go to bench-results.json.

func BenchmarkOpenFreshDatabase(b *testing.B) {
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		s, err := Open(ctx, filepath.Join(b.TempDir(), "civisphere.db"))
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

func BenchmarkOpenExistingDatabase(b *testing.B) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "civisphere.db")
	s, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	s.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s, err := Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// A durable commit (synchronous=FULL) of the whole profile: the cost of "nothing is lost".
func BenchmarkSaveOrganizationProfile(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "civisphere.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	p := domain.OrganizationProfile{Name: "Œuvre des Jardins de Besançon", City: "Besançon", UpdatedAt: time.Now()}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := s.SaveOrganizationProfile(ctx, p, LogoUpdate{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadOrganizationProfile(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "civisphere.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if err := s.SaveOrganizationProfile(ctx, domain.OrganizationProfile{Name: "Asso", UpdatedAt: time.Now()}, LogoUpdate{}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := s.OrganizationProfile(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
}
