package backup

import (
	"fmt"
	"sort"
	"time"
)

// Policy says how many automatic backups to keep: the newest of each of the last Daily days,
// Weekly ISO weeks and Monthly months that have backups.
type Policy struct {
	Daily, Weekly, Monthly int
}

// DefaultPolicy keeps 7 daily, 4 weekly and 12 monthly backups.
var DefaultPolicy = Policy{Daily: 7, Weekly: 4, Monthly: 12}

// Entry is a backup as thinning sees it.
type Entry struct {
	Name      string
	CreatedAt time.Time
	Reason    Reason
}

// Thin returns the backups to delete under policy. Manual backups are kept until someone
// deletes them, and the newest backup is always kept. Every other backup (daily, before a
// migration, an import or a restore) counts alike: walking from the newest, the newest backup
// of each day is kept until policy.Daily days are covered, likewise for ISO weeks and months
// (one backup may count for all three). Days are counted among those that have backups, not on
// the calendar: an installation opened once a month keeps its last backups instead of losing
// them all for being old. Days, weeks and months are those of loc (the computer's time zone).
func Thin(entries []Entry, policy Policy, loc *time.Location) []Entry {
	sorted := append([]Entry(nil), entries...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if !sorted[i].CreatedAt.Equal(sorted[j].CreatedAt) {
			return sorted[i].CreatedAt.After(sorted[j].CreatedAt)
		}
		return sorted[i].Name > sorted[j].Name
	})
	keep := make([]bool, len(sorted))
	var automatic []int
	for i, e := range sorted {
		if e.Reason == ReasonManual {
			keep[i] = true
		} else {
			automatic = append(automatic, i)
		}
	}
	if len(sorted) > 0 {
		keep[0] = true
	}
	keepNewestPer := func(count int, bucket func(time.Time) string) {
		seen := map[string]bool{}
		for _, i := range automatic {
			if len(seen) >= count {
				return
			}
			b := bucket(sorted[i].CreatedAt.In(loc))
			if !seen[b] {
				seen[b] = true
				keep[i] = true
			}
		}
	}
	keepNewestPer(policy.Daily, func(t time.Time) string { return t.Format("2006-01-02") })
	keepNewestPer(policy.Weekly, func(t time.Time) string {
		y, w := t.ISOWeek()
		return fmt.Sprintf("%d-W%02d", y, w)
	})
	keepNewestPer(policy.Monthly, func(t time.Time) string { return t.Format("2006-01") })
	var remove []Entry
	for i, e := range sorted {
		if !keep[i] {
			remove = append(remove, e)
		}
	}
	return remove
}
