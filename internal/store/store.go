// Package store is the PostgreSQL side of the portal: all SQL lives here,
// one file per aggregate. Every write runs in one transaction.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq" // the PostgreSQL driver sqlx talks to

	"hoptac/internal/domain"
)

// ErrNotFound is returned when a row does not exist.
var ErrNotFound = domain.ErrNotFound

// ErrConflict is returned when an update names a version that is no longer
// current: someone else saved the entry first.
var ErrConflict = errors.New("entry was changed by someone else")

// ErrUnchanged is returned when a save would change nothing: PostgreSQL
// compares the whole row (migration 00010) and writes no new version.
var ErrUnchanged = errors.New("entry unchanged")

// Options bound the connection pool and every statement's run time.
type Options struct {
	MaxOpenConns     int
	StatementTimeout time.Duration
	// MaxPreSessions bounds the login form's live pre-sessions (0:
	// DefaultMaxPreSessions).
	MaxPreSessions int
	// ReadURL, when set, is a streaming replica that answers public reads
	// (PublicRead) while it is up and at most MaxReplicaLag behind (0:
	// DefaultMaxReplicaLag).
	ReadURL       string
	MaxReplicaLag time.Duration
}

// Store wraps the database handle.
type Store struct {
	db  *sqlx.DB
	dsn string // for LISTEN, which needs a connection of its own
	// maxPreSessions: see Options.MaxPreSessions.
	maxPreSessions int
	replica        *replica // nil without Options.ReadURL
}

// Open connects to PostgreSQL with a bounded pool; every session gets a
// statement_timeout so a runaway query cannot hold a connection forever.
func Open(ctx context.Context, databaseURL string, opts Options) (*Store, error) {
	dsn, err := withStatementTimeout(databaseURL, opts.StatementTimeout)
	if err != nil {
		return nil, err
	}
	pqConnector, err := pq.NewConnector(dsn)
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	// The connector marks connection failures with ErrUnavailable.
	db := sqlx.NewDb(sql.OpenDB(connector{pqConnector}), "postgres")
	if opts.MaxOpenConns > 0 {
		db.SetMaxOpenConns(opts.MaxOpenConns)
		db.SetMaxIdleConns(opts.MaxOpenConns)
	}
	db.SetConnMaxIdleTime(5 * time.Minute)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("connect to database: %w", err)
	}
	maxPre := opts.MaxPreSessions
	if maxPre <= 0 {
		maxPre = DefaultMaxPreSessions
	}
	s := &Store{db: db, dsn: dsn, maxPreSessions: maxPre}
	if opts.ReadURL != "" {
		readDSN, err := withStatementTimeout(opts.ReadURL, opts.StatementTimeout)
		if err != nil {
			db.Close()
			return nil, fmt.Errorf("read replica: %w", err)
		}
		if s.replica, err = openReplica(readDSN, pqConnector, opts.MaxOpenConns, opts.MaxReplicaLag); err != nil {
			db.Close()
			return nil, err
		}
		s.replica.watch(db)
	}
	return s, nil
}

// withStatementTimeout adds statement_timeout as a run-time parameter of
// the connection string (lib/pq passes unknown keys to the server), and a
// connect_timeout: a server that takes the connection but never answers is
// unavailable after 5 s, not never.
func withStatementTimeout(databaseURL string, d time.Duration) (string, error) {
	u, err := url.Parse(databaseURL)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return "", fmt.Errorf("DATABASE_URL must be a postgres:// URL")
	}
	q := u.Query()
	if d > 0 && q.Get("statement_timeout") == "" {
		q.Set("statement_timeout", fmt.Sprint(d.Milliseconds()))
	}
	if q.Get("connect_timeout") == "" {
		q.Set("connect_timeout", "5")
	}
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// DB exposes the handle to the packages that need raw access (migrations,
// the search worker, tests).
func (s *Store) DB() *sqlx.DB { return s.db }

// Close closes the pool.
func (s *Store) Close() error {
	if s.replica != nil {
		s.replica.close()
	}
	return s.db.Close()
}

// Ping tells whether the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

// inTx runs fn in one transaction and commits only if fn succeeds.
func (s *Store) inTx(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := tagActor(ctx, tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", translate(err))
	}
	return nil
}

// queryer is what both *sqlx.DB and *sqlx.Tx offer; reads take it so they
// can run inside or outside a transaction.
type queryer interface {
	sqlx.QueryerContext
	sqlx.ExecerContext
	Rebind(string) string
	BindNamed(string, any) (string, []any, error)
}

// selectNamed runs a named query into dest.
func selectNamed(ctx context.Context, q queryer, dest any, query string, arg any) error {
	bound, args, err := q.BindNamed(query, arg)
	if err != nil {
		return fmt.Errorf("bind: %w", err)
	}
	return sqlx.SelectContext(ctx, q, dest, bound, args...)
}

// getNamed runs a named query that returns one row into dest.
func getNamed(ctx context.Context, q queryer, dest any, query string, arg any) error {
	bound, args, err := q.BindNamed(query, arg)
	if err != nil {
		return fmt.Errorf("bind: %w", err)
	}
	err = sqlx.GetContext(ctx, q, dest, bound, args...)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return translate(err)
}

// get runs a positional query that returns one row into dest.
func get(ctx context.Context, q queryer, dest any, query string, args ...any) error {
	err := sqlx.GetContext(ctx, q, dest, query, args...)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return translate(err)
}
