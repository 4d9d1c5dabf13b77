package domain

import (
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// DocumentKind says whether a project document is a file kept by Civisphère or a link to
// something kept elsewhere (a shared folder, an online document).
type DocumentKind string

const (
	DocumentFile DocumentKind = "file"
	DocumentLink DocumentKind = "link"
)

// Limits of a project document.
const (
	// MaxDocumentBytes is the largest file a project accepts: enough for scanned minutes,
	// presentations and photos, small enough for the data folder of an office PC and its backups.
	MaxDocumentBytes = 25 << 20
	// MaxFileNameBytes keeps a file name, once downloaded, within what every file system takes
	// (255 bytes on most), with room for the " (1)" a browser adds to a repeated download.
	MaxFileNameBytes        = 200
	maxDocumentTitleRunes   = 200
	maxDocumentURLRunes     = 2000
	defaultDocumentFileName = "document"
)

// ProjectDocument is a file or a link attached to a project.
type ProjectDocument struct {
	ID        int64
	ProjectID int64
	Kind      DocumentKind
	Title     string
	// Files only: the name given back on download (sanitized), the media type read from the
	// content, the size in bytes and the name of the file on disk. The stored name is chosen by
	// Civisphère, never taken from the person's file name.
	FileName   string
	MediaType  string
	Size       int64
	StoredName string
	URL        string // links only: an http or https address
	CreatedAt  time.Time
}

// Normalize trims what people type and paste, sanitizes the file name and gives a document
// without a title the file's name or the link's address.
func (d *ProjectDocument) Normalize() {
	d.Title = collapseSpaces(strings.TrimSpace(d.Title))
	switch d.Kind {
	case DocumentFile:
		if strings.TrimSpace(d.FileName) != "" {
			d.FileName = SanitizeFileName(d.FileName)
		}
		if d.Title == "" {
			d.Title = d.FileName
		}
	case DocumentLink:
		d.URL = strings.TrimSpace(d.URL)
		if d.URL != "" && !hasURLScheme.MatchString(d.URL) {
			d.URL = "https://" + d.URL // "www.asso.fr/statuts" as people write it
		}
		if d.Title == "" {
			d.Title = cutRunes(d.URL, maxDocumentTitleRunes)
		}
	}
}

// cutRunes keeps the first max characters of s.
func cutRunes(s string, max int) string {
	n := 0
	for i := range s {
		if n == max {
			return s[:i]
		}
		n++
	}
	return s
}

// hasURLScheme recognises text that names its own scheme, as in "javascript:…", so that it is
// judged as written rather than turned into an https address.
var hasURLScheme = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:`)

// Validate checks every field. Call Normalize first. The size of a file (MaxDocumentBytes) is
// checked while it is received, before anything is kept.
func (d ProjectDocument) Validate() error {
	v := &ValidationError{}
	checkLength(v, "title", d.Title, maxDocumentTitleRunes)
	switch d.Kind {
	case DocumentFile:
		if d.FileName == "" {
			v.add("file", CodeRequired, nil)
		}
	case DocumentLink:
		if d.URL == "" {
			v.add("url", CodeRequired, nil)
		} else if !ValidLinkURL(d.URL) {
			v.add("url", CodeInvalidURL, nil)
		}
	default:
		v.add("kind", CodeInvalidChoice, map[string]any{"choices": "file, link"})
	}
	return v.orNil()
}

// ValidLinkURL tells whether s is an address a document link may point to: http or https only
// (no javascript:, data: or file: that would run or open something on click), with a host, no
// user name (https://banque.fr@ailleurs.example hides where it leads) and no spaces or
// control characters. A host without a dot is allowed: a NAS on the association's network.
func ValidLinkURL(s string) bool {
	if utf8.RuneCountInString(s) > maxDocumentURLRunes || !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) || isBidiControl(r) {
			return false
		}
	}
	u, err := url.Parse(s)
	if err != nil || u.Opaque != "" || u.User != nil {
		return false
	}
	scheme := strings.ToLower(u.Scheme)
	return (scheme == "http" || scheme == "https") && u.Hostname() != ""
}

// windowsReservedNames are the device names Windows will not take as a file name, whatever the
// extension ("con.txt" too). Superscript digits count as digits there.
var windowsReservedNames = func() map[string]bool {
	names := map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true, "CONIN$": true, "CONOUT$": true}
	for _, d := range []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³"} {
		names["COM"+d], names["LPT"+d] = true, true
	}
	return names
}()

// SanitizeFileName turns the name of an uploaded file into one that is safe to offer for
// download on any system, keeping it readable in every script ("Œuvre — procès-verbal.pdf",
// "Отчёт.docx" stay as they are). It keeps the last part of a path (old browsers send
// C:\Users\…\file.pdf), removes control and bidirectional-override characters (which can make
// "exe.pdf" look like a PDF), replaces the characters Windows refuses (<>:"|?*) with "_", removes
// "..", leading dots and trailing dots and spaces, avoids the device names of Windows (CON,
// NUL, COM1…), and shortens the name to MaxFileNameBytes without cutting a character or an
// accent from its letter, keeping the extension. A name with nothing left becomes "document".
func SanitizeFileName(name string) string {
	name = strings.ToValidUTF8(name, "_")
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return ' '
		case unicode.IsControl(r), isBidiControl(r), r == '\uFEFF':
			return -1
		case strings.ContainsRune(`<>:"|?*`, r):
			return '_'
		}
		return r
	}, name)
	name = collapseSpaces(name)
	for strings.Contains(name, "..") {
		name = strings.ReplaceAll(name, "..", ".")
	}
	name = strings.TrimLeft(name, ". ")
	name = strings.TrimRight(name, ". ")
	name = avoidReservedName(name)
	name = capFileName(name, MaxFileNameBytes)
	if name == "" {
		return defaultDocumentFileName
	}
	return name
}

// avoidReservedName adds "_" after a Windows device name: "nul.txt" becomes "nul_.txt".
func avoidReservedName(name string) string {
	base, rest, hasExt := strings.Cut(name, ".")
	base = strings.TrimRight(base, " ")
	switch {
	case !windowsReservedNames[strings.ToUpper(base)]:
		return name
	case hasExt:
		return base + "_." + rest
	default:
		return base + "_"
	}
}

// capFileName shortens name to max bytes, cutting the part before the extension. The cut never
// splits a UTF-8 sequence and never leaves a combining accent without its letter.
func capFileName(name string, max int) string {
	if len(name) <= max {
		return name
	}
	base, ext := name, ""
	if i := strings.LastIndexByte(name, '.'); i > 0 && len(name)-i <= 16 {
		base, ext = name[:i], name[i:]
	}
	keep := max - len(ext)
	cut := 0
	for i, r := range base {
		if i+utf8.RuneLen(r) > keep {
			break
		}
		cut = i + utf8.RuneLen(r)
	}
	// Step back over accents that belong to the letter just after the cut.
	for cut < len(base) && cut > 0 {
		next, _ := utf8.DecodeRuneInString(base[cut:])
		if !unicode.Is(unicode.Mn, next) && !unicode.Is(unicode.Me, next) && next != '\u200D' {
			break
		}
		_, size := utf8.DecodeLastRuneInString(base[:cut])
		cut -= size
	}
	return strings.TrimRight(base[:cut], ". ") + ext
}

// isBidiControl tells the invisible characters that reorder text (U+202E turns
// "facture‮fdp.exe" into what looks like "factureexe.pdf").
func isBidiControl(r rune) bool {
	return r == '\u061C' || r == '\u200E' || r == '\u200F' || (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069')
}
