package store

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"
)

// Actor is who makes a change: an official's user id and department. The
// audit trigger reads them from the transaction; without one, the change is
// recorded as the system's (the demo seed, migrations).
type Actor struct {
	UserID         int64
	DepartmentCode string
}

type actorKey struct{}

// WithActor marks every write made with ctx as made by a.
func WithActor(ctx context.Context, a Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorFrom returns the actor of ctx, if any.
func ActorFrom(ctx context.Context) (Actor, bool) {
	a, ok := ctx.Value(actorKey{}).(Actor)
	return a, ok
}

// tagActor tells the audit trigger who acts in this transaction.
func tagActor(ctx context.Context, tx *sqlx.Tx) error {
	a, ok := ActorFrom(ctx)
	if !ok {
		return nil
	}
	user := ""
	if a.UserID > 0 {
		user = fmt.Sprint(a.UserID)
	}
	_, err := tx.ExecContext(ctx, `SELECT set_config('hoptac.user_id', $1, true), set_config('hoptac.department', $2, true)`,
		user, a.DepartmentCode)
	if err != nil {
		return fmt.Errorf("tag actor: %w", err)
	}
	return nil
}
