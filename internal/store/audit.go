package store

import (
	"context"
	"encoding/json"
	"time"
)

// Change is one field's before and after in an audit entry.
type Change struct {
	From json.RawMessage `json:"from"`
	To   json.RawMessage `json:"to"`
}

// AuditEntry is one row of the audit trail.
type AuditEntry struct {
	ID             int64     `db:"id"`
	At             time.Time `db:"at"`
	UserID         *int64    `db:"user_id"`
	UserEmail      *string   `db:"user_email"`
	UserName       *string   `db:"user_name"`
	DepartmentCode *string   `db:"department_code"`
	EntityType     string    `db:"entity_type"`
	EntityID       int64     `db:"entity_id"`
	Action         string    `db:"action"`
	ChangesJSON    []byte    `db:"changes"`
	Reason         string    `db:"reason"`
}

// Changes decodes the changed fields.
func (a AuditEntry) Changes() map[string]Change {
	out := map[string]Change{}
	_ = json.Unmarshal(a.ChangesJSON, &out)
	return out
}

// AuditFilter selects audit entries for the back office. Zero values mean "any".
type AuditFilter struct {
	Paging
	EntityType string `db:"entity_type"`
	EntityID   int64  `db:"entity_id"`
	UserID     int64  `db:"user_id"`
	Action     string `db:"action"`
	City       string `db:"city"` // the acting department's city
	Department string `db:"department"`
	// From and To bound the moment (To excluded); nil is open.
	From *time.Time `db:"from"`
	To   *time.Time `db:"to"`
}

type auditRow struct {
	AuditEntry
	Total int `db:"total_count"`
}

const auditListSQL = `SELECT a.id, a.at, a.user_id, u.email AS user_email, u.name AS user_name, a.department_code,
	a.entity_type, a.entity_id, a.action, a.changes, a.reason, count(*) OVER () AS total_count
FROM audit_log a
LEFT JOIN users u ON u.id = a.user_id
LEFT JOIN departments d ON d.code = a.department_code
WHERE (:entity_type = '' OR a.entity_type = :entity_type)
  AND (:entity_id = 0 OR a.entity_id = :entity_id)
  AND (:user_id = 0 OR a.user_id = :user_id)
  AND (:action = '' OR a.action = :action)
  AND (:city = '' OR d.city_code = :city)
  AND (:department = '' OR a.department_code = :department)
  AND (CAST(:from AS timestamptz) IS NULL OR a.at >= CAST(:from AS timestamptz))
  AND (CAST(:to AS timestamptz) IS NULL OR a.at < CAST(:to AS timestamptz))
ORDER BY a.at DESC, a.id DESC
LIMIT :limit OFFSET :offset`

// AuditLog lists audit entries, newest first.
func (s *Store) AuditLog(ctx context.Context, f AuditFilter) (List[AuditEntry], error) {
	f.Paging.normalize()
	return runList(ctx, s.reader(ctx), auditListSQL, &f, &f.Paging, func(r auditRow) (AuditEntry, int) { return r.AuditEntry, r.Total })
}

// PublicHistory is an entry's change history as the public sees it: when,
// what kind of change, by which department — never which official.
type PublicHistory struct {
	At             time.Time `db:"at"`
	Action         string    `db:"action"`
	DepartmentCode *string   `db:"department_code"`
	Fields         int       `db:"fields"`
	Reason         string    `db:"reason"`
	ChangesJSON    []byte    `db:"changes"`
}

// Changes decodes the changed columns with their old and new values.
func (h PublicHistory) Changes() map[string]Change {
	out := map[string]Change{}
	_ = json.Unmarshal(h.ChangesJSON, &out)
	return out
}

// History lists the changes of one entry, oldest first.
func (s *Store) History(ctx context.Context, entityType string, id int64) ([]PublicHistory, error) {
	var out []PublicHistory
	err := s.reader(ctx).SelectContext(ctx, &out, `SELECT at, action, department_code,
		(SELECT count(*) FROM jsonb_object_keys(changes)) AS fields, reason, changes
		FROM audit_log WHERE entity_type = $1 AND entity_id = $2 ORDER BY at, id`, entityType, id)
	return out, err
}
