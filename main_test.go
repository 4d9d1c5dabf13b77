package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/store"
)

func TestVersionAndUnknownCommand(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"version"}, &out, &errOut); code != 0 || !strings.Contains(out.String(), version) {
		t.Fatalf("version: code %d, out %q", code, out.String())
	}
	out.Reset()
	if code := run([]string{"frobnicate"}, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), `unknown command "frobnicate"`) {
		t.Fatalf("unknown: code %d, err %q", code, errOut.String())
	}
	errOut.Reset()
	if code := run([]string{"serve", "--port", "1"}, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "-port") {
		t.Fatalf("bad flag: code %d, err %q", code, errOut.String())
	}
}

func TestDataDirPrecedence(t *testing.T) {
	flagDir := filepath.Join(t.TempDir(), "Données Élodie")
	envDir := t.TempDir()
	t.Setenv("CIVISPHERE_DATA", envDir)
	if got := resolveDataDir(flagDir); got != flagDir {
		t.Errorf("flag: got %s", got)
	}
	if got := resolveDataDir(""); got != envDir {
		t.Errorf("env: got %s", got)
	}
	t.Setenv("CIVISPHERE_DATA", "")
	if got := resolveDataDir(""); filepath.Base(got) != "Civisphere" {
		t.Errorf("default: got %s", got)
	}
}

func TestInstanceIDDependsOnDataFolder(t *testing.T) {
	a, b := instanceID("/data/a"), instanceID("/data/b")
	if a == b || a != instanceID("/data/a") {
		t.Fatalf("ids %s %s", a, b)
	}
}

func TestServeRefusesABusyPort(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	var out, errOut bytes.Buffer
	code := run([]string{"serve", "--addr", l.Addr().String(), "--data", t.TempDir()}, &out, &errOut)
	if code != 1 || !strings.Contains(errOut.String(), "cannot listen") {
		t.Fatalf("code %d, err %q", code, errOut.String())
	}
}

func TestDisplayAddr(t *testing.T) {
	for addr, want := range map[string]string{"127.0.0.1:8080": "127.0.0.1:8080", "0.0.0.0:9000": "127.0.0.1:9000", "[::1]:80": "127.0.0.1:80"} {
		tcp, err := net.ResolveTCPAddr("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		if got := displayAddr(tcp); got != want {
			t.Errorf("%s: got %s, want %s", addr, got, want)
		}
	}
}

func TestLoopbackHosts(t *testing.T) {
	loop, _ := net.ResolveTCPAddr("tcp", "127.0.0.1:8080")
	hosts := loopbackHosts(loop)
	for _, want := range []string{"127.0.0.1:8080", "localhost:8080", "[::1]:8080"} {
		if !slices.Contains(hosts, want) {
			t.Errorf("%s not allowed: %v", want, hosts)
		}
	}
	open, _ := net.ResolveTCPAddr("tcp", "0.0.0.0:8080")
	if loopbackHosts(open) != nil {
		t.Error("a server open to the network must answer any host name")
	}
}

func TestDemoFillsAnEmptyFolderOnlyAndReindexRebuilds(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Démo Besançon")
	var out, errOut bytes.Buffer
	if code := run([]string{"demo", "--volunteers", "120", "--seed", "7", "--projects", "7", "--data", dir}, &out, &errOut); code != 0 {
		t.Fatalf("demo: code %d, err %q", code, errOut.String())
	}
	if !strings.Contains(out.String(), "120 volunteers, 7 projects and 2000 hour entries added") {
		t.Errorf("demo output %q", out.String())
	}
	env, err := openEnvironment(context.Background(), dir, io.Discard, false)
	if err != nil {
		t.Fatal(err)
	}
	projects, total, err := env.projects.List(context.Background(), domain.LocalAdmin(), store.ProjectFilter{})
	hours, hoursErr := env.hours.List(context.Background(), domain.LocalAdmin(), store.HourFilter{Statuses: []domain.HourStatus{domain.HoursApproved}})
	env.close()
	// Half of the projects are under way with hours, most of them approved.
	if hoursErr != nil || hours.Totals.Entries < 1000 || hours.Totals.Entries > 2000 || hours.Totals.ValueCents == 0 {
		t.Errorf("demo hours: %+v, %v", hours.Totals, hoursErr)
	}
	if err != nil || total != 7 || len(projects[0].Skills) == 0 || projects[0].OrganizationName == "" {
		t.Fatalf("demo projects: %d, %v, first %+v", total, err, projects)
	}
	errOut.Reset()
	if code := run([]string{"demo", "--volunteers", "10", "--data", dir}, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "already holds 120 volunteers") {
		t.Fatalf("second demo: code %d, err %q", code, errOut.String())
	}
	out.Reset()
	if code := run([]string{"reindex", "--data", dir}, &out, &errOut); code != 0 || !strings.Contains(out.String(), "Search index rebuilt") {
		t.Fatalf("reindex: code %d, out %q, err %q", code, out.String(), errOut.String())
	}
	if code := run([]string{"demo", "--volunteers", "0", "--data", dir}, &out, &errOut); code != 2 {
		t.Fatalf("zero volunteers: code %d", code)
	}
}
