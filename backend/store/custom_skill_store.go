package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
)

// CustomSkill is a skill people typed that the taxonomy does not know, with how many
// volunteers offer it.
type CustomSkill struct {
	ID         string
	Name       string
	Volunteers int
	CreatedAt  time.Time
}

// CustomSkills lists the custom skills, most used first.
func (s *Store) CustomSkills(ctx context.Context) ([]CustomSkill, error) {
	rows, err := s.ro.QueryContext(ctx, `
		SELECT c.id, c.name, c.created_at, count(vs.volunteer_id)
		FROM custom_skills c LEFT JOIN volunteer_skills vs ON vs.skill_id = c.id
		GROUP BY c.id ORDER BY count(vs.volunteer_id) DESC, c.name`)
	if err != nil {
		return nil, fmt.Errorf("list custom skills: %w", err)
	}
	defer rows.Close()
	var out []CustomSkill
	for rows.Next() {
		var (
			c       CustomSkill
			created string
		)
		if err := rows.Scan(&c.ID, &c.Name, &created, &c.Volunteers); err != nil {
			return nil, fmt.Errorf("list custom skills: %w", err)
		}
		if c.CreatedAt, err = parseTime(created); err != nil {
			return nil, fmt.Errorf("custom skill %s: %w", c.ID, err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// MergeSkill rewrites every profile that offers the custom skill from so that it offers into
// instead (keeping the higher level when a profile had both), then forgets from. It returns
// how many profiles changed; each is queued for the search index in the same transaction.
func (s *Store) MergeSkill(ctx context.Context, from, into, intoName string, now time.Time) (int, error) {
	if !domain.IsCustomSkill(from) {
		return 0, fmt.Errorf("merge skill %q: only custom skills can be merged away", from)
	}
	var changed int
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var exists int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM custom_skills WHERE id = ?`, from).Scan(&exists); err != nil {
			return fmt.Errorf("merge skill %q: %w", from, err)
		}
		if exists == 0 {
			return domain.ErrNotFound
		}
		if domain.IsCustomSkill(into) {
			if _, err := tx.ExecContext(ctx, `INSERT INTO custom_skills (id, name, created_at) VALUES (?, ?, ?)
				ON CONFLICT (id) DO NOTHING`, into, intoName, formatTime(now)); err != nil {
				return fmt.Errorf("merge skill %q: %w", from, err)
			}
		}
		ids, err := volunteersWithSkill(ctx, tx, from)
		if err != nil {
			return err
		}
		changed = len(ids)
		// The level kept is the higher of the two when a profile had both skills.
		if _, err := tx.ExecContext(ctx, `
			UPDATE volunteer_skills AS target SET level = source.level
			FROM volunteer_skills AS source
			WHERE target.skill_id = ? AND source.skill_id = ? AND source.volunteer_id = target.volunteer_id
			  AND `+levelRank("source.level")+` > `+levelRank("target.level"), into, from); err != nil {
			return fmt.Errorf("merge skill %q into %q: %w", from, into, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM volunteer_skills WHERE skill_id = ?
			AND volunteer_id IN (SELECT volunteer_id FROM volunteer_skills WHERE skill_id = ?)`, from, into); err != nil {
			return fmt.Errorf("merge skill %q into %q: %w", from, into, err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE volunteer_skills SET skill_id = ? WHERE skill_id = ?`, into, from); err != nil {
			return fmt.Errorf("merge skill %q into %q: %w", from, into, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM custom_skills WHERE id = ?`, from); err != nil {
			return fmt.Errorf("merge skill %q into %q: %w", from, into, err)
		}
		for _, id := range ids {
			if _, err := tx.ExecContext(ctx, `UPDATE volunteers SET updated_at = ? WHERE id = ?`, formatTime(now), id); err != nil {
				return fmt.Errorf("merge skill %q into %q: %w", from, into, err)
			}
			if err := enqueueIndexChange(ctx, tx, id); err != nil {
				return err
			}
		}
		return nil
	})
	return changed, err
}

func volunteersWithSkill(ctx context.Context, tx *sql.Tx, skillID string) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT volunteer_id FROM volunteer_skills WHERE skill_id = ?`, skillID)
	if err != nil {
		return nil, fmt.Errorf("find volunteers with skill %q: %w", skillID, err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("find volunteers with skill %q: %w", skillID, err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// levelRank is an SQL expression ranking a level column as domain.SkillLevel.Rank does.
func levelRank(column string) string {
	return `(CASE ` + column + ` WHEN 'beginner' THEN 1 WHEN 'intermediate' THEN 2 WHEN 'confirmed' THEN 3 WHEN 'expert' THEN 4 ELSE 0 END)`
}
