package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"

	"github.com/jmoiron/sqlx"
)

// ErrLastAdmin refuses to disable or demote the only active admin: the
// portal would have nobody left to manage accounts.
var ErrLastAdmin = errors.New("the last active admin cannot be disabled or demoted")

// AccountEdit is what an admin may change of an account.
type AccountEdit struct {
	Role           string
	City           *string // nil for admins
	DepartmentCode *string
}

const (
	lockAdminsSQL   = `SELECT id FROM users WHERE role = 'admin' AND disabled_at IS NULL ORDER BY id FOR UPDATE`
	accountByIDSQL  = `SELECT ` + userColumns + ` FROM users WHERE id = $1 FOR UPDATE`
	accountAuditSQL = `INSERT INTO audit_log (user_id, department_code, entity_type, entity_id, action, changes)
		VALUES ($1, (SELECT department_code FROM users WHERE id = $1), 'user', $2, $3, $4)`
	updateAccountSQL  = `UPDATE users SET role = $2, city = $3, department_code = $4 WHERE id = $1`
	disableAccountSQL = `UPDATE users SET disabled_at = CASE WHEN $2 THEN COALESCE(disabled_at, now()) END WHERE id = $1`
	endSessionsSQL    = `DELETE FROM sessions WHERE user_id = $1`
	insertAccountSQL  = `INSERT INTO users (email, name, role, city, department_code, password_hash, must_change_password)
		VALUES ($1, $2, $3, $4, $5, $6, true) RETURNING ` + userColumns
	setPasswordSQL = `UPDATE users SET password_hash = $2, must_change_password = false WHERE id = $1`
)

// accountTx runs fn on account id (locked, with the active admins locked
// first so two admins cannot demote each other at once) and writes the
// audit row fn returns, in one transaction.
func (s *Store) accountTx(ctx context.Context, actorID, id int64, fn func(tx *sqlx.Tx, u User, admins int) (action string, changes map[string]Change, err error)) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		var admins []int64
		if err := tx.SelectContext(ctx, &admins, lockAdminsSQL); err != nil {
			return err
		}
		var u User
		if err := tx.GetContext(ctx, &u, accountByIDSQL, id); errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		} else if err != nil {
			return err
		}
		action, changes, err := fn(tx, u, len(admins))
		if err != nil || action == "" {
			return err
		}
		return auditAccount(ctx, tx, actorID, id, action, changes)
	})
}

func auditAccount(ctx context.Context, tx *sqlx.Tx, actorID, id int64, action string, changes map[string]Change) error {
	b, err := json.Marshal(changes)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, accountAuditSQL, actorID, id, action, b)
	return translate(err)
}

func change(from, to any) Change {
	f, _ := json.Marshal(from)
	t, _ := json.Marshal(to)
	return Change{From: f, To: t}
}

// CreateAccount adds an account with a temporary password the official
// must change at first sign-in; the audit log says who made it.
func (s *Store) CreateAccount(ctx context.Context, actorID int64, u *User) error {
	u.Email = strings.ToLower(strings.TrimSpace(u.Email))
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		if err := translate(tx.GetContext(ctx, u, insertAccountSQL, u.Email, u.Name, u.Role, u.City, u.DepartmentCode, u.PasswordHash)); err != nil {
			return err
		}
		return auditAccount(ctx, tx, actorID, u.ID, "create", map[string]Change{
			"email": change(nil, u.Email), "role": change(nil, u.Role), "city": change(nil, u.City), "department_code": change(nil, u.DepartmentCode)})
	})
}

// EditAccount changes an account's role, city and department; demoting
// the last active admin is ErrLastAdmin.
func (s *Store) EditAccount(ctx context.Context, actorID, id int64, e AccountEdit) error {
	return s.accountTx(ctx, actorID, id, func(tx *sqlx.Tx, u User, admins int) (string, map[string]Change, error) {
		if u.Role == "admin" && e.Role != "admin" && u.DisabledAt == nil && admins <= 1 {
			return "", nil, ErrLastAdmin
		}
		changes := map[string]Change{}
		if u.Role != e.Role {
			changes["role"] = change(u.Role, e.Role)
		}
		if deref(u.City) != deref(e.City) {
			changes["city"] = change(u.City, e.City)
		}
		if deref(u.DepartmentCode) != deref(e.DepartmentCode) {
			changes["department_code"] = change(u.DepartmentCode, e.DepartmentCode)
		}
		if len(changes) == 0 {
			return "", nil, nil
		}
		if _, err := tx.ExecContext(ctx, updateAccountSQL, id, e.Role, e.City, e.DepartmentCode); err != nil {
			return "", nil, translate(err)
		}
		return "update", changes, nil
	})
}

// SetAccountDisabled disables an account (ending its sessions) or enables
// it again; disabling the last active admin is ErrLastAdmin.
func (s *Store) SetAccountDisabled(ctx context.Context, actorID, id int64, disabled bool) error {
	return s.accountTx(ctx, actorID, id, func(tx *sqlx.Tx, u User, admins int) (string, map[string]Change, error) {
		if (u.DisabledAt != nil) == disabled {
			return "", nil, nil
		}
		if disabled && u.Role == "admin" && admins <= 1 {
			return "", nil, ErrLastAdmin
		}
		if _, err := tx.ExecContext(ctx, disableAccountSQL, id, disabled); err != nil {
			return "", nil, err
		}
		if disabled {
			if _, err := tx.ExecContext(ctx, endSessionsSQL, id); err != nil {
				return "", nil, err
			}
			return "disable", nil, nil
		}
		return "enable", nil, nil
	})
}

// SetPassword replaces an account's password (and its temporary flag),
// audited as a change of the account by its owner.
func (s *Store) SetPassword(ctx context.Context, id int64, hash string) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx, setPasswordSQL, id, hash); err != nil {
			return err
		}
		return auditAccount(ctx, tx, id, id, "update", map[string]Change{"password": change("…", "…")})
	})
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
