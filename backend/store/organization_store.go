package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/civisphere/civisphere/backend/domain"
)

// nullID stores 0 as NULL, so that optional references satisfy their foreign keys.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

const organizationColumns = `id, kind, category, name, description, city, postcode, website, contact_name,
	contact_email, contact_phone, logo_media_type, logo_width, logo_height, logo_digest, created_at, updated_at`

// CreateOrganization inserts a validated organization with its optional logo and sets its ID.
func (s *Store) CreateOrganization(ctx context.Context, o *domain.Organization, logo *domain.Logo) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO organizations (kind, category, name, description, city,
			postcode, website, contact_name, contact_email, contact_phone, search_text, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			string(o.Kind), o.Category, o.Name, o.Description, o.City, o.Postcode, o.Website, o.ContactName,
			o.ContactEmail, o.ContactPhone, organizationSearchText(*o), formatTime(o.CreatedAt), formatTime(o.UpdatedAt))
		if err != nil {
			return fmt.Errorf("insert organization: %w", err)
		}
		if o.ID, err = res.LastInsertId(); err != nil {
			return fmt.Errorf("insert organization: %w", err)
		}
		return writeOrganizationLogo(ctx, tx, o.ID, LogoUpdate{Set: logo})
	})
}

// UpdateOrganization replaces an organization's fields (not its kind) and applies the logo update.
func (s *Store) UpdateOrganization(ctx context.Context, o domain.Organization, logo LogoUpdate) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE organizations SET category = ?, name = ?, description = ?,
			city = ?, postcode = ?, website = ?, contact_name = ?, contact_email = ?, contact_phone = ?,
			search_text = ?, updated_at = ? WHERE id = ?`,
			o.Category, o.Name, o.Description, o.City, o.Postcode, o.Website, o.ContactName, o.ContactEmail,
			o.ContactPhone, organizationSearchText(o), formatTime(o.UpdatedAt), o.ID)
		if err != nil {
			return fmt.Errorf("update organization %d: %w", o.ID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.ErrNotFound
		}
		return writeOrganizationLogo(ctx, tx, o.ID, logo)
	})
}

func writeOrganizationLogo(ctx context.Context, tx *sql.Tx, id int64, logo LogoUpdate) error {
	var err error
	switch {
	case logo.Set != nil:
		_, err = tx.ExecContext(ctx, `UPDATE organizations SET logo = ?, logo_media_type = ?, logo_width = ?,
			logo_height = ?, logo_digest = ? WHERE id = ?`,
			logo.Set.Data, logo.Set.MediaType, logo.Set.Width, logo.Set.Height, logo.Set.Digest, id)
	case logo.Remove:
		_, err = tx.ExecContext(ctx, `UPDATE organizations SET logo = NULL, logo_media_type = '', logo_width = 0,
			logo_height = 0, logo_digest = '' WHERE id = ?`, id)
	}
	if err != nil {
		return fmt.Errorf("write logo of organization %d: %w", id, err)
	}
	return nil
}

// Organization returns one organization without its logo's bytes, or domain.ErrNotFound.
func (s *Store) Organization(ctx context.Context, id int64) (domain.Organization, error) {
	o, err := scanOrganization(s.ro.QueryRowContext(ctx, `SELECT `+organizationColumns+` FROM organizations WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return o, domain.ErrNotFound
	}
	return o, err
}

// OrganizationFilter narrows the list of organizations.
type OrganizationFilter struct {
	Kind   domain.OrganizationKind // empty for both kinds
	Text   string                  // folded words the name or city must contain
	Limit  int                     // 0 for no limit
	Offset int
}

// Organizations lists organizations by name, with the total before paging.
func (s *Store) Organizations(ctx context.Context, f OrganizationFilter) ([]domain.Organization, int, error) {
	where, args := []string{"1 = 1"}, []any{}
	if f.Kind != "" {
		where = append(where, "kind = ?")
		args = append(args, string(f.Kind))
	}
	for _, word := range strings.Fields(f.Text) {
		// Organizations are few: a scan with LIKE over the folded text is instant.
		where = append(where, `search_text LIKE ? ESCAPE '\'`)
		args = append(args, "%"+likeEscape(domain.FoldText(word))+"%")
	}
	cond := strings.Join(where, " AND ")
	var total int
	if err := s.ro.QueryRowContext(ctx, `SELECT count(*) FROM organizations WHERE `+cond, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count organizations: %w", err)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.ro.QueryContext(ctx, `SELECT `+organizationColumns+` FROM organizations WHERE `+cond+
		` ORDER BY search_text, id LIMIT ? OFFSET ?`, append(args, limit, f.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("list organizations: %w", err)
	}
	defer rows.Close()
	list := []domain.Organization{}
	for rows.Next() {
		o, err := scanOrganization(rows)
		if err != nil {
			return nil, 0, err
		}
		list = append(list, o)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("list organizations: %w", err)
	}
	return list, total, nil
}

// OrganizationLogoByID returns an organization's logo with its bytes, or domain.ErrNotFound.
func (s *Store) OrganizationLogoByID(ctx context.Context, id int64) (*domain.Logo, error) {
	var logo domain.Logo
	err := s.ro.QueryRowContext(ctx, `SELECT logo, logo_media_type, logo_width, logo_height, logo_digest
		FROM organizations WHERE id = ? AND logo IS NOT NULL`, id).Scan(
		&logo.Data, &logo.MediaType, &logo.Width, &logo.Height, &logo.Digest)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("read logo of organization %d: %w", id, err)
	}
	return &logo, nil
}

func scanOrganization(row rowScanner) (domain.Organization, error) {
	var (
		o                      domain.Organization
		kind, created, updated string
		logo                   domain.LogoInfo
	)
	if err := row.Scan(&o.ID, &kind, &o.Category, &o.Name, &o.Description, &o.City, &o.Postcode, &o.Website,
		&o.ContactName, &o.ContactEmail, &o.ContactPhone, &logo.MediaType, &logo.Width, &logo.Height,
		&logo.Digest, &created, &updated); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return o, err
		}
		return o, fmt.Errorf("read organization: %w", err)
	}
	o.Kind = domain.OrganizationKind(kind)
	if logo.MediaType != "" {
		o.Logo = &logo
	}
	var err error
	if o.CreatedAt, err = parseTime(created); err != nil {
		return o, fmt.Errorf("read organization %d: created_at: %w", o.ID, err)
	}
	if o.UpdatedAt, err = parseTime(updated); err != nil {
		return o, fmt.Errorf("read organization %d: updated_at: %w", o.ID, err)
	}
	return o, nil
}

// organizationSearchText is what the list filter looks in and sorts by: name first, folded.
func organizationSearchText(o domain.Organization) string {
	return domain.FoldText(o.Name + " " + o.City)
}

// likeEscape escapes LIKE's wildcards in user text; queries using it declare ESCAPE '\'.
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

const programColumns = `id, sponsor_id, name, description, start_date, end_date, created_at, updated_at`

// CreateProgram inserts a validated program and sets its ID.
func (s *Store) CreateProgram(ctx context.Context, p *domain.Program) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO programs (sponsor_id, name, description, start_date, end_date,
			created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			p.SponsorID, p.Name, p.Description, p.StartDate, p.EndDate, formatTime(p.CreatedAt), formatTime(p.UpdatedAt))
		if err != nil {
			return fmt.Errorf("insert program: %w", err)
		}
		p.ID, err = res.LastInsertId()
		return err
	})
}

// UpdateProgram replaces a program's fields; its sponsor never changes.
func (s *Store) UpdateProgram(ctx context.Context, p domain.Program) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE programs SET name = ?, description = ?, start_date = ?, end_date = ?,
			updated_at = ? WHERE id = ?`, p.Name, p.Description, p.StartDate, p.EndDate, formatTime(p.UpdatedAt), p.ID)
		if err != nil {
			return fmt.Errorf("update program %d: %w", p.ID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.ErrNotFound
		}
		return nil
	})
}

// Program returns one program, or domain.ErrNotFound.
func (s *Store) Program(ctx context.Context, id int64) (domain.Program, error) {
	p, err := scanProgram(s.ro.QueryRowContext(ctx, `SELECT `+programColumns+` FROM programs WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return p, domain.ErrNotFound
	}
	return p, err
}

// Programs lists the programs of one sponsor (or of all when sponsorID is 0), newest first.
func (s *Store) Programs(ctx context.Context, sponsorID int64) ([]domain.Program, error) {
	rows, err := s.ro.QueryContext(ctx, `SELECT `+programColumns+` FROM programs
		WHERE ? = 0 OR sponsor_id = ? ORDER BY start_date DESC, id DESC`, sponsorID, sponsorID)
	if err != nil {
		return nil, fmt.Errorf("list programs: %w", err)
	}
	defer rows.Close()
	list := []domain.Program{}
	for rows.Next() {
		p, err := scanProgram(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list programs: %w", err)
	}
	return list, nil
}

func scanProgram(row rowScanner) (domain.Program, error) {
	var (
		p                domain.Program
		created, updated string
	)
	if err := row.Scan(&p.ID, &p.SponsorID, &p.Name, &p.Description, &p.StartDate, &p.EndDate, &created, &updated); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return p, err
		}
		return p, fmt.Errorf("read program: %w", err)
	}
	var err error
	if p.CreatedAt, err = parseTime(created); err != nil {
		return p, fmt.Errorf("read program %d: created_at: %w", p.ID, err)
	}
	if p.UpdatedAt, err = parseTime(updated); err != nil {
		return p, fmt.Errorf("read program %d: updated_at: %w", p.ID, err)
	}
	return p, nil
}

// OrganizationNames returns the names of the given organizations, for lists that show them.
func (s *Store) OrganizationNames(ctx context.Context, ids []int64) (map[int64]string, error) {
	names := make(map[int64]string, len(ids))
	if len(ids) == 0 {
		return names, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.ro.QueryContext(ctx, `SELECT id, name FROM organizations WHERE id IN (`+placeholders(len(ids))+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("read organization names: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, fmt.Errorf("read organization names: %w", err)
		}
		names[id] = name
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read organization names: %w", err)
	}
	return names, nil
}
