// Package backup reads and writes Civisphère's backup archives and decides which ones to keep.
//
// A backup is one .zip file holding manifest.json, civisphere.db (a consistent snapshot of the
// database, never a copy of the live file) and documents/... (the projects' files). The
// manifest lists the size and SHA-256 of every other member: a backup read back from a USB key
// is untrusted input, and reading checks every byte against it, refuses a member that the
// manifest does not list, a path that would leave the destination folder, and sizes beyond
// sane limits. The package does no SQL: the caller gives the database snapshot as a file.
package backup

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// FormatVersion is the version of the archive layout this package writes and reads.
const FormatVersion = 1

// Member names inside an archive.
const (
	ManifestMember  = "manifest.json"
	DatabaseMember  = "civisphere.db"
	DocumentsPrefix = "documents/"
)

// Reason says why a backup was taken.
type Reason string

// Reasons.
const (
	ReasonDaily     Reason = "daily"     // the automatic backup of the day
	ReasonManual    Reason = "manual"    // someone asked for it; kept until deleted
	ReasonMigration Reason = "migration" // before the database schema was upgraded
	ReasonImport    Reason = "import"    // before a volunteer import was written
	ReasonRestore   Reason = "restore"   // the state replaced by a restore
)

// Reasons lists every reason, for validation and documentation.
var Reasons = []Reason{ReasonDaily, ReasonManual, ReasonMigration, ReasonImport, ReasonRestore}

// Valid tells whether r is a known reason.
func (r Reason) Valid() bool {
	for _, known := range Reasons {
		if r == known {
			return true
		}
	}
	return false
}

// Member is one file of the archive as the manifest records it.
type Member struct {
	Path   string `json:"path"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// Manifest describes a backup.
type Manifest struct {
	Format        int            `json:"format"`
	AppVersion    string         `json:"appVersion"`
	SchemaVersion int            `json:"schemaVersion"`
	CreatedAt     time.Time      `json:"createdAt"`
	Reason        Reason         `json:"reason"`
	Counts        map[string]int `json:"counts"`
	Members       []Member       `json:"members"`
}

// Info is a backup file and what its manifest says.
type Info struct {
	Name     string
	Path     string
	Size     int64 // of the .zip file
	Manifest Manifest
}

// Limits bound what reading an archive accepts.
type Limits struct {
	MaxDatabaseBytes int64 // the database member
	MaxDocumentBytes int64 // each document
	MaxTotalBytes    int64 // all members together
	MaxMembers       int
	MaxManifestBytes int64
}

// DefaultLimits are generous for an association's data and still stop a crafted archive from
// filling the disk.
func DefaultLimits() Limits {
	return Limits{
		MaxDatabaseBytes: 16 << 30,
		MaxDocumentBytes: 64 << 20, // above the largest document the app accepts
		MaxTotalBytes:    64 << 30,
		MaxMembers:       500_000,
		MaxManifestBytes: 128 << 20,
	}
}

// ErrInvalid wraps every refusal of an archive's content: it is not a Civisphère backup, or it
// was damaged or tampered with.
var ErrInvalid = errors.New("not a valid Civisphère backup")

func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, args...))
}

// nameTimeLayout is the time in backup file names: UTC, sortable, without characters Windows
// forbids in file names.
const nameTimeLayout = "2006-01-02T150405Z"

var namePattern = regexp.MustCompile(`^civisphere-(\d{4}-\d{2}-\d{2}T\d{6}Z)-([a-z]+)(?:-(\d{1,4}))?\.zip$`)

// FileName is the name of a backup taken at t for reason, e.g.
// civisphere-2026-11-26T101500Z-daily.zip; n > 1 tells apart backups taken in the same second.
func FileName(t time.Time, reason Reason, n int) string {
	suffix := ""
	if n > 1 {
		suffix = "-" + strconv.Itoa(n)
	}
	return "civisphere-" + t.UTC().Format(nameTimeLayout) + "-" + string(reason) + suffix + ".zip"
}

// ParseName reads the time and reason out of a backup file name. Only names this package makes
// are accepted, which also keeps any path syntax out of names given by clients.
func ParseName(name string) (time.Time, Reason, bool) {
	m := namePattern.FindStringSubmatch(name)
	if m == nil {
		return time.Time{}, "", false
	}
	t, err := time.Parse(nameTimeLayout, m[1])
	reason := Reason(m[2])
	if err != nil || !reason.Valid() {
		return time.Time{}, "", false
	}
	return t, reason, true
}

// Source is what goes into a backup.
type Source struct {
	Database  string // a snapshot file of the database
	Documents string // the documents folder; missing means no documents
}

// Write writes a backup of src into dir and returns it. The archive is written under a
// temporary name, flushed to disk and only then renamed to its final name: a file with a
// backup's name is always complete. The manifest's Format and Members are filled here.
// progress, when given, is called with the bytes written so far and the total.
func Write(ctx context.Context, dir string, m Manifest, src Source, progress func(done, total int64)) (Info, error) {
	if !m.Reason.Valid() {
		return Info{}, fmt.Errorf("write backup: unknown reason %q", m.Reason)
	}
	tmpName, m, err := writeTemp(ctx, dir, m, src, progress)
	if err != nil {
		return Info{}, err
	}
	defer os.Remove(tmpName) //nolint:errcheck // gone once renamed; a leftover otherwise
	for n := 1; n < 1000; n++ {
		name := FileName(m.CreatedAt, m.Reason, n)
		final := filepath.Join(dir, name)
		if err := placeNew(tmpName, final); errors.Is(err, fs.ErrExist) {
			continue
		} else if err != nil {
			return Info{}, fmt.Errorf("write backup: %w", err)
		}
		return finished(final, m)
	}
	return Info{}, fmt.Errorf("write backup: too many backups at %s", m.CreatedAt)
}

// WriteFile writes a backup of src to the file path, which must not exist yet, through a
// temporary file in the same folder (`civisphere backup --out FILE`).
func WriteFile(ctx context.Context, path string, m Manifest, src Source, progress func(done, total int64)) (Info, error) {
	if !m.Reason.Valid() {
		return Info{}, fmt.Errorf("write backup: unknown reason %q", m.Reason)
	}
	if _, err := os.Stat(path); err == nil {
		return Info{}, fmt.Errorf("write backup: %s already exists; choose another name", path)
	}
	tmpName, m, err := writeTemp(ctx, filepath.Dir(path), m, src, progress)
	if err != nil {
		return Info{}, err
	}
	defer os.Remove(tmpName) //nolint:errcheck // gone once renamed; a leftover otherwise
	if err := placeNew(tmpName, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return Info{}, fmt.Errorf("write backup: %s already exists; choose another name", path)
		}
		return Info{}, fmt.Errorf("write backup: %w", err)
	}
	return finished(path, m)
}

// placeNew gives the complete temporary file its final name, never replacing a file there. A
// hard link fails when the name is taken; file systems without links (FAT on a USB key) get a
// rename after a check.
func placeNew(tmpName, final string) error {
	err := os.Link(tmpName, final)
	if err == nil {
		return os.Remove(tmpName)
	}
	if errors.Is(err, fs.ErrExist) {
		return err
	}
	if _, statErr := os.Stat(final); statErr == nil {
		return fs.ErrExist
	}
	return os.Rename(tmpName, final)
}

func finished(final string, m Manifest) (Info, error) {
	syncFolder(filepath.Dir(final))
	st, err := os.Stat(final)
	if err != nil {
		return Info{}, fmt.Errorf("write backup: %w", err)
	}
	return Info{Name: filepath.Base(final), Path: final, Size: st.Size(), Manifest: m}, nil
}

// writeTemp writes the archive to a temporary file in dir, flushed to disk, and returns its
// name and the completed manifest.
func writeTemp(ctx context.Context, dir string, m Manifest, src Source, progress func(done, total int64)) (string, Manifest, error) {
	m.Format = FormatVersion
	m.CreatedAt = m.CreatedAt.UTC().Truncate(time.Second)
	m.Members = nil
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", m, fmt.Errorf("write backup: %w", err)
	}
	files, total, err := listSource(src)
	if err != nil {
		return "", m, fmt.Errorf("write backup: %w", err)
	}
	tmp, err := os.CreateTemp(dir, ".civisphere-*.zip.tmp")
	if err != nil {
		return "", m, fmt.Errorf("write backup: %w", err)
	}
	fail := func(err error) (string, Manifest, error) {
		tmp.Close()
		os.Remove(tmp.Name()) //nolint:errcheck // a partial archive is worthless
		return "", m, err
	}
	zw := zip.NewWriter(tmp)
	var written int64
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return fail(err)
		}
		member, err := addMember(zw, f, func(n int64) {
			written += n
			if progress != nil {
				progress(written, total)
			}
		})
		if err != nil {
			return fail(fmt.Errorf("write backup: %w", err))
		}
		m.Members = append(m.Members, member)
	}
	manifest, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fail(fmt.Errorf("write backup manifest: %w", err))
	}
	w, err := zw.Create(ManifestMember)
	if err == nil {
		_, err = w.Write(manifest)
	}
	if err == nil {
		err = zw.Close()
	}
	if err == nil {
		err = tmp.Sync()
	}
	if err != nil {
		return fail(fmt.Errorf("write backup: %w", err))
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name()) //nolint:errcheck // idem
		return "", m, fmt.Errorf("write backup: %w", err)
	}
	return tmp.Name(), m, nil
}

type sourceFile struct {
	path   string // on disk
	member string // in the archive
	size   int64
}

// listSource lists the database and every regular file of the documents folder. Hidden files
// (uploads still being received) are left out.
func listSource(src Source) ([]sourceFile, int64, error) {
	st, err := os.Stat(src.Database)
	if err != nil {
		return nil, 0, fmt.Errorf("database snapshot: %w", err)
	}
	files := []sourceFile{{path: src.Database, member: DatabaseMember, size: st.Size()}}
	total := st.Size()
	if src.Documents == "" {
		return files, total, nil
	}
	err = filepath.WalkDir(src.Documents, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == src.Documents {
				return filepath.SkipDir
			}
			return err
		}
		if strings.HasPrefix(d.Name(), ".") && p != src.Documents {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(src.Documents, p)
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		files = append(files, sourceFile{path: p, member: DocumentsPrefix + filepath.ToSlash(rel), size: info.Size()})
		total += info.Size()
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("documents: %w", err)
	}
	sort.Slice(files[1:], func(i, j int) bool { return files[1+i].member < files[1+j].member })
	return files, total, nil
}

func addMember(zw *zip.Writer, f sourceFile, counted func(int64)) (Member, error) {
	in, err := os.Open(f.path)
	if err != nil {
		return Member{}, err
	}
	defer in.Close()
	w, err := zw.CreateHeader(&zip.FileHeader{Name: f.member, Method: zip.Deflate, Modified: time.Now().UTC()})
	if err != nil {
		return Member{}, err
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(w, h, countWriter(counted)), in)
	if err != nil {
		return Member{}, fmt.Errorf("%s: %w", f.member, err)
	}
	return Member{Path: f.member, Size: n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

// errWriter remembers the error of the writer it wraps.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	n, err := e.w.Write(p)
	if err != nil {
		e.err = err
	}
	return n, err
}

type countWriter func(int64)

func (c countWriter) Write(p []byte) (int, error) {
	c(int64(len(p)))
	return len(p), nil
}

// ReadManifest reads and checks the manifest of the backup at p, without checking the other
// members (Extract does).
func ReadManifest(p string, limits Limits) (Info, error) {
	zr, err := zip.OpenReader(p)
	if err != nil {
		return Info{}, invalid("%s: %v", filepath.Base(p), err)
	}
	defer zr.Close()
	m, err := readManifest(&zr.Reader, limits)
	if err != nil {
		return Info{}, err
	}
	st, err := os.Stat(p)
	if err != nil {
		return Info{}, fmt.Errorf("read backup: %w", err)
	}
	return Info{Name: filepath.Base(p), Path: p, Size: st.Size(), Manifest: m}, nil
}

func readManifest(zr *zip.Reader, limits Limits) (Manifest, error) {
	var mf *zip.File
	for _, f := range zr.File {
		if f.Name == ManifestMember {
			if mf != nil {
				return Manifest{}, invalid("two manifests")
			}
			mf = f
		}
	}
	if mf == nil {
		return Manifest{}, invalid("no %s", ManifestMember)
	}
	rc, err := mf.Open()
	if err != nil {
		return Manifest{}, invalid("manifest: %v", err)
	}
	defer rc.Close()
	raw, err := io.ReadAll(io.LimitReader(rc, limits.MaxManifestBytes+1))
	if err != nil {
		return Manifest{}, invalid("manifest: %v", err)
	}
	if int64(len(raw)) > limits.MaxManifestBytes {
		return Manifest{}, invalid("manifest larger than %d bytes", limits.MaxManifestBytes)
	}
	var m Manifest
	if err := json.Unmarshal(raw, &m); err != nil {
		return Manifest{}, invalid("manifest: %v", err)
	}
	if m.Format != FormatVersion {
		return Manifest{}, invalid("archive format %d, this version reads %d", m.Format, FormatVersion)
	}
	if !m.Reason.Valid() {
		return Manifest{}, invalid("unknown reason %q", m.Reason)
	}
	if len(m.Members) > limits.MaxMembers {
		return Manifest{}, invalid("%d members, at most %d", len(m.Members), limits.MaxMembers)
	}
	seen := make(map[string]bool, len(m.Members))
	var total int64
	hasDB := false
	for _, mem := range m.Members {
		if err := checkMemberPath(mem.Path); err != nil {
			return Manifest{}, err
		}
		if seen[mem.Path] {
			return Manifest{}, invalid("%q listed twice", mem.Path)
		}
		seen[mem.Path] = true
		limit := limits.MaxDocumentBytes
		if mem.Path == DatabaseMember {
			limit, hasDB = limits.MaxDatabaseBytes, true
		}
		if mem.Size < 0 || mem.Size > limit {
			return Manifest{}, invalid("%q: size %d beyond the limit of %d bytes", mem.Path, mem.Size, limit)
		}
		total += mem.Size
		if total > limits.MaxTotalBytes {
			return Manifest{}, invalid("more than %d bytes in all", limits.MaxTotalBytes)
		}
		if len(mem.SHA256) != 64 {
			return Manifest{}, invalid("%q: no SHA-256", mem.Path)
		}
	}
	if !hasDB {
		return Manifest{}, invalid("no database")
	}
	return m, nil
}

// checkMemberPath accepts only the database and plain relative paths under documents/: no
// absolute path, no "..", no backslash, drive letter or control character (zip slip).
func checkMemberPath(p string) error {
	if p == DatabaseMember {
		return nil
	}
	rest, ok := strings.CutPrefix(p, DocumentsPrefix)
	if !ok || rest == "" {
		return invalid("unexpected member %q", p)
	}
	if path.Clean(p) != p || strings.ContainsAny(p, `\:`) || path.IsAbs(p) {
		return invalid("member %q has an unsafe path", p)
	}
	for _, part := range strings.Split(rest, "/") {
		if part == "" || part == "." || part == ".." {
			return invalid("member %q has an unsafe path", p)
		}
		for _, r := range part {
			if r < 0x20 || r == 0x7f {
				return invalid("member %q has an unsafe path", p)
			}
		}
	}
	return nil
}

// Extract checks the backup at p and writes its database to destDir/civisphere.db and its
// documents under destDir/documents. destDir must be empty or missing. Every member is checked
// against the manifest (listed, same size, same SHA-256); on any refusal the error wraps
// ErrInvalid and destDir may hold part of the content: the caller removes it.
func Extract(ctx context.Context, p, destDir string, limits Limits, progress func(done, total int64)) (Manifest, error) {
	zr, err := zip.OpenReader(p)
	if err != nil {
		return Manifest{}, invalid("%s: %v", filepath.Base(p), err)
	}
	defer zr.Close()
	m, err := readManifest(&zr.Reader, limits)
	if err != nil {
		return Manifest{}, err
	}
	want := make(map[string]Member, len(m.Members))
	var total int64
	for _, mem := range m.Members {
		want[mem.Path] = mem
		total += mem.Size
	}
	if entries, err := os.ReadDir(destDir); err == nil && len(entries) > 0 {
		return Manifest{}, fmt.Errorf("extract backup: %s is not empty", destDir)
	}
	if err := os.MkdirAll(filepath.Join(destDir, "documents"), 0o700); err != nil {
		return Manifest{}, fmt.Errorf("extract backup: %w", err)
	}
	var done int64
	extracted := make(map[string]bool, len(m.Members))
	for _, f := range zr.File {
		if f.Name == ManifestMember {
			continue
		}
		if err := ctx.Err(); err != nil {
			return Manifest{}, err
		}
		if f.Mode().IsDir() && strings.HasPrefix(f.Name, DocumentsPrefix) {
			continue
		}
		mem, ok := want[f.Name]
		if !ok {
			return Manifest{}, invalid("member %q is not in the manifest", f.Name)
		}
		if extracted[f.Name] {
			return Manifest{}, invalid("member %q appears twice", f.Name)
		}
		extracted[f.Name] = true
		target := filepath.Join(destDir, filepath.FromSlash(f.Name))
		if err := extractMember(f, mem, target, func(n int64) {
			done += n
			if progress != nil {
				progress(done, total)
			}
		}); err != nil {
			return Manifest{}, err
		}
	}
	for _, mem := range m.Members {
		if !extracted[mem.Path] {
			return Manifest{}, invalid("member %q of the manifest is missing", mem.Path)
		}
	}
	return m, nil
}

func extractMember(f *zip.File, mem Member, target string, counted func(int64)) error {
	if err := os.MkdirAll(filepath.Dir(target), 0o700); err != nil {
		return fmt.Errorf("extract %s: %w", mem.Path, err)
	}
	rc, err := f.Open()
	if err != nil {
		return invalid("%s: %v", mem.Path, err)
	}
	defer rc.Close()
	out, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("extract %s: %w", mem.Path, err)
	}
	h := sha256.New()
	// Errors of the file written are ours (disk full); any other error is the archive's.
	dst := &errWriter{w: out}
	// One byte more than announced is enough to tell that the member lies about its size.
	n, err := io.Copy(io.MultiWriter(dst, h, countWriter(counted)), io.LimitReader(rc, mem.Size+1))
	if err == nil {
		err = out.Sync()
		dst.err = err
	}
	if closeErr := out.Close(); err == nil {
		err, dst.err = closeErr, closeErr
	}
	if err != nil {
		if dst.err == nil {
			return invalid("%s: %v", mem.Path, err)
		}
		return fmt.Errorf("extract %s: %w", mem.Path, err)
	}
	if n != mem.Size {
		return invalid("%s: %d bytes, the manifest says %d", mem.Path, n, mem.Size)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != mem.SHA256 {
		return invalid("%s: its content does not match the manifest (damaged or altered)", mem.Path)
	}
	return nil
}

// Copy copies the backup file at src into dir under the same name, through a temporary file
// flushed to disk before its rename (the second folder: a USB key, another disk).
func Copy(ctx context.Context, src, dir string) error {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("copy backup: %w", err)
	}
	defer in.Close()
	tmp, err := os.CreateTemp(dir, ".civisphere-*.zip.tmp")
	if err != nil {
		return fmt.Errorf("copy backup to %s: %w", dir, err)
	}
	_, err = io.Copy(tmp, readerWithContext(ctx, in))
	if err == nil {
		err = tmp.Sync()
	}
	if closeErr := tmp.Close(); err == nil {
		err = closeErr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), filepath.Join(dir, filepath.Base(src)))
	}
	if err != nil {
		os.Remove(tmp.Name()) //nolint:errcheck // a partial copy is worthless
		return fmt.Errorf("copy backup to %s: %w", dir, err)
	}
	syncFolder(dir)
	return nil
}

type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

func readerWithContext(ctx context.Context, r io.Reader) io.Reader { return ctxReader{ctx, r} }

// syncFolder makes a rename in folder survive a power cut; Windows cannot sync a folder (NTFS
// journals the rename itself), so failing is not an error.
func syncFolder(folder string) {
	if f, err := os.Open(folder); err == nil {
		f.Sync() //nolint:errcheck // best effort, see above
		f.Close()
	}
}
