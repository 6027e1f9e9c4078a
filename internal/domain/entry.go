// Package domain holds the portal's entities, their code tables and the
// rules a valid entry follows. It does no I/O and knows nothing of HTTP.
package domain

import (
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Status is an entry's place in the publishing workflow; only published
// entries are public.
type Status string

const (
	StatusDraft     Status = "draft"
	StatusPublished Status = "published"
	StatusArchived  Status = "archived"
)

// Meta holds the columns every entry type shares.
type Meta struct {
	ID             int64      `db:"id" json:"id"`
	Slug           string     `db:"slug" json:"slug"`
	Status         Status     `db:"status" json:"status"`
	ExternalID     string     `db:"external_id" json:"external_id,omitempty"`
	DepartmentCode string     `db:"department_code" json:"department"`
	ArchiveReason  string     `db:"archive_reason" json:"archive_reason,omitempty"`
	CreatedAt      time.Time  `db:"created_at" json:"created_at"`
	UpdatedAt      time.Time  `db:"updated_at" json:"updated_at"`
	PublishedAt    *time.Time `db:"published_at" json:"published_at,omitempty"`
	Version        int        `db:"version" json:"version"`
}

// Shared is the entry's shared columns: through it, code that serves every
// type reaches them on any entity (*Job, *School, …).
func (m *Meta) Shared() *Meta { return m }

// Both is the city value of an entry that concerns both cities.
const Both = "both"

// Date is a calendar date without a time of day, for fields such as
// deadlines and signing dates.
type Date = time.Time

// JSONList stores a list as a jsonb array.
type JSONList[T any] []T

// Value implements driver.Valuer.
func (l JSONList[T]) Value() (driver.Value, error) {
	if l == nil {
		return []byte("[]"), nil
	}
	return json.Marshal([]T(l))
}

// Scan implements sql.Scanner.
func (l *JSONList[T]) Scan(src any) error {
	var b []byte
	switch v := src.(type) {
	case []byte:
		b = v
	case string:
		b = []byte(v)
	case nil:
		*l = nil
		return nil
	default:
		return fmt.Errorf("JSONList: cannot scan %T", src)
	}
	return json.Unmarshal(b, (*[]T)(l))
}

// ErrNotFound is returned when an entry does not exist (or is not visible).
var ErrNotFound = errors.New("not found")
