package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"strings"
	"syscall"

	"github.com/lib/pq"
)

// ConstraintError is a write the database refused because the data broke
// one of its rules. It carries codes, not words: the rule's name, the table
// and column, and what kind of rule it is. kind.Explain turns it into the
// field to blame and a Vietnamese message.
type ConstraintError struct {
	Constraint string // the rule's name in the schema (companies_tax_code_key)
	Table      string
	Field      string // the column, as the table names it
	Rule       Rule
	Err        error
}

// Rule is what kind of rule a write broke.
type Rule string

const (
	RuleUnique     Rule = "unique"
	RuleForeignKey Rule = "foreign_key"
	RuleNotNull    Rule = "not_null"
	RuleCheck      Rule = "check"
	RuleTooLong    Rule = "too_long" // a <table>_<column>_length CHECK (migration 00007)
	RuleBadText    Rule = "bad_text" // NUL or text that is not UTF-8
)

func (e *ConstraintError) Error() string {
	return "constraint " + e.Constraint + " (" + string(e.Rule) + ") on " + e.Table + "." + e.Field + ": " + e.Err.Error()
}

func (e *ConstraintError) Unwrap() error { return e.Err }

// translate turns a PostgreSQL integrity violation into a ConstraintError;
// any other error is returned unchanged.
func translate(err error) error {
	var pqErr *pq.Error
	if err == nil || !errors.As(err, &pqErr) {
		return err
	}
	switch pqErr.Code {
	case "22021", "22P05": // character_not_in_repertoire, untranslatable_character: NUL or not UTF-8
		return &ConstraintError{Constraint: string(pqErr.Code), Table: pqErr.Table, Field: pqErr.Column, Rule: RuleBadText, Err: err}
	}
	if pqErr.Code.Class() != "23" {
		return err
	}
	ce := &ConstraintError{Constraint: pqErr.Constraint, Table: pqErr.Table, Field: fieldOf(pqErr), Err: err}
	switch pqErr.Code.Name() {
	case "unique_violation":
		ce.Rule = RuleUnique
	case "foreign_key_violation":
		ce.Rule = RuleForeignKey
	case "not_null_violation":
		ce.Rule = RuleNotNull
	default:
		ce.Rule = RuleCheck
		if column, ok := strings.CutSuffix(strings.TrimPrefix(pqErr.Constraint, pqErr.Table+"_"), "_length"); ok {
			ce.Rule, ce.Field = RuleTooLong, column
		}
	}
	return ce
}

// fieldOf guesses the column from the error or PostgreSQL's default
// constraint names: <table>_<column>_{key,fkey,check}.
func fieldOf(e *pq.Error) string {
	if e.Column != "" {
		return e.Column
	}
	name := strings.TrimPrefix(e.Constraint, e.Table+"_")
	for _, suffix := range []string{"_key", "_fkey", "_check"} {
		name = strings.TrimSuffix(name, suffix)
	}
	return name
}

// ErrUnavailable is wrapped around every error that says the database
// cannot answer right now (refused, reset, shutting down, starting up, a
// statement past its timeout): the web app answers 503 and asks to retry,
// the workers wait.
var ErrUnavailable = errors.New("database unavailable")

type unavailableError struct{ err error }

func (e *unavailableError) Error() string   { return "database unavailable: " + e.err.Error() }
func (e *unavailableError) Unwrap() []error { return []error{ErrUnavailable, e.err} }

// unavailable marks err with ErrUnavailable when it is a connection
// failure; any other error is returned unchanged.
func unavailable(err error) error {
	if err == nil || errors.Is(err, ErrUnavailable) || !connectionFailure(err) {
		return err
	}
	return &unavailableError{err}
}

func connectionFailure(err error) bool {
	var pqErr *pq.Error
	if errors.As(err, &pqErr) {
		switch {
		case pqErr.Code.Class() == "08", // connection_exception
			pqErr.Code == "57P01", // admin_shutdown
			pqErr.Code == "57P02", // crash_shutdown
			pqErr.Code == "57P03", // cannot_connect_now: starting up or shutting down
			pqErr.Code == "53300": // too_many_connections
			return true
		case pqErr.Code == "57014" && strings.Contains(pqErr.Message, "statement timeout"):
			// The server is too busy to answer within DB_STATEMENT_TIMEOUT:
			// for the visitor, as unavailable as a server that is down.
			return true
		}
		return false
	}
	var opErr *net.OpError
	switch {
	case errors.Is(err, driver.ErrBadConn), errors.As(err, &opErr),
		errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE),
		errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return true
	}
	return strings.Contains(err.Error(), "connection refused")
}

// connector hands database/sql connections whose failures to reach the
// server carry ErrUnavailable, whichever query or file they come from.
type connector struct{ driver.Connector }

func (c connector) Connect(ctx context.Context) (driver.Conn, error) {
	dc, err := c.Connector.Connect(ctx)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			// The server did not answer in time: that too is an outage.
			return nil, &unavailableError{err}
		}
		return nil, unavailable(err)
	}
	if _, ok := dc.(pqConn); !ok {
		return dc, nil // another driver version: no marking, but no loss either
	}
	return &conn{Conn: dc}, nil
}

// pqConn is what lib/pq's connection offers beyond driver.Conn; conn
// passes every call through and marks connection failures.
type pqConn interface {
	driver.Conn
	driver.ConnBeginTx
	driver.ConnPrepareContext
	driver.QueryerContext
	driver.ExecerContext
	driver.Pinger
	driver.SessionResetter
	driver.Validator
	driver.NamedValueChecker
}

type conn struct {
	driver.Conn
	// keep, when set, says whether the connection still goes to the right
	// server (replica.go); down is told when it fails to reach its server.
	keep func() bool
	down func()
}

func (c *conn) pq() pqConn { return c.Conn.(pqConn) }

// fail marks a connection failure as ErrUnavailable. On a connection to
// the read replica (down set) it also tells down and says the connection
// is bad, so database/sql runs the read again on a new connection, which
// goes to the primary: the visitor never sees the replica fail.
func (c *conn) fail(err error) error {
	err = unavailable(err)
	if c.down != nil && errors.Is(err, ErrUnavailable) {
		c.down()
		return driver.ErrBadConn
	}
	return err
}

func (c *conn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	tx, err := c.pq().BeginTx(ctx, opts)
	if err != nil {
		return nil, c.fail(err)
	}
	return txn{tx}, nil
}

func (c *conn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	st, err := c.pq().PrepareContext(ctx, query)
	return st, c.fail(err)
}

func (c *conn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	rows, err := c.pq().QueryContext(ctx, query, args)
	return rows, c.fail(err)
}

func (c *conn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	res, err := c.pq().ExecContext(ctx, query, args)
	return res, c.fail(err)
}

func (c *conn) Ping(ctx context.Context) error { return c.fail(c.pq().Ping(ctx)) }

// ResetSession and CheckNamedValue answer database/sql itself, which
// compares their errors (driver.ErrBadConn, driver.ErrSkip): unchanged,
// but for a connection that no longer goes to the right server, which is
// bad: the pool drops it and opens another.
func (c *conn) ResetSession(ctx context.Context) error {
	if c.keep != nil && !c.keep() {
		return driver.ErrBadConn
	}
	return c.pq().ResetSession(ctx)
}
func (c *conn) IsValid() bool                               { return c.pq().IsValid() && (c.keep == nil || c.keep()) }
func (c *conn) CheckNamedValue(nv *driver.NamedValue) error { return c.pq().CheckNamedValue(nv) }

type txn struct{ driver.Tx }

func (t txn) Commit() error   { return unavailable(t.Tx.Commit()) }
func (t txn) Rollback() error { return unavailable(t.Tx.Rollback()) }
