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

	"hoptac/internal/domain"
)

// ConstraintError is a write the database refused because the data broke
// one of its rules. Field names the form field to blame and Message says
// what is wrong in Vietnamese, ready for the user.
type ConstraintError struct {
	Constraint string
	Field      string
	Message    string
	Err        error
}

func (e *ConstraintError) Error() string {
	return "constraint " + e.Constraint + " on " + e.Field + ": " + e.Err.Error()
}

func (e *ConstraintError) Unwrap() error { return e.Err }

// fieldLabels names fields in the messages below.
var fieldLabels = map[string]string{
	"tax_code":         "Mã số thuế",
	"external_id":      "Mã tham chiếu (external_id)",
	"city":             "Thành phố",
	"ward_code":        "Phường/xã",
	"industry":         "Ngành kinh tế (VSIC)",
	"occupation":       "Nhóm nghề (VSCO)",
	"company_id":       "Doanh nghiệp",
	"school_id":        "Trường",
	"policy_id":        "Chương trình hợp tác",
	"department_code":  "Cơ quan công bố",
	"positions":        "Số lượng cần tuyển",
	"wage_min":         "Lương tối thiểu",
	"wage_max":         "Lương tối đa",
	"employees":        "Số lao động",
	"founded_year":     "Năm thành lập",
	"duration_months":  "Thời gian đào tạo",
	"tuition_vnd":      "Học phí",
	"quota":            "Chỉ tiêu",
	"budget_vnd":       "Kinh phí",
	"experience_years": "Số năm kinh nghiệm",
	"code":             "Mã trường",
}

func label(field string) string {
	if l, ok := fieldLabels[field]; ok {
		return l
	}
	return "Giá trị"
}

// specialConstraints are the named rules whose message is not generic.
var specialConstraints = map[string]ConstraintError{
	"companies_tax_code_key":         {Field: "tax_code", Message: "Mã số thuế này đã có doanh nghiệp khác sử dụng."},
	"schools_city_code_key":          {Field: "code", Message: "Mã trường này đã có trong thành phố."},
	"jobs_wage_range_check":          {Field: "wage_max", Message: "Lương tối đa phải lớn hơn hoặc bằng lương tối thiểu."},
	"policies_effective_range_check": {Field: "effective_to", Message: "Ngày hết hiệu lực phải sau ngày có hiệu lực."},
	"projects_date_range_check":      {Field: "end_on", Message: "Ngày kết thúc phải sau ngày bắt đầu."},
	"companies_industry_fkey":        {Field: "industry", Message: "Ngành kinh tế (VSIC) không có trong danh mục."},
	"jobs_occupation_fkey":           {Field: "occupation", Message: "Nhóm nghề (VSCO) không có trong danh mục."},
	"commitments_policy_is_program":  {Field: "program", Message: "Nhiệm vụ phải thuộc một chương trình hợp tác."},
	"companies_ward_city_fkey":       {Field: "ward", Message: "Phường/xã không thuộc thành phố đã chọn."},
	"jobs_ward_city_fkey":            {Field: "ward", Message: "Phường/xã không thuộc thành phố đã chọn."},
	"schools_ward_city_fkey":         {Field: "ward", Message: "Phường/xã không thuộc thành phố đã chọn."},
	"programs_school_id_fkey":        {Field: "school", Message: "Trường đào tạo không tồn tại."},
	"companies_tax_code_check":       {Field: "tax_code", Message: "Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số."},
}

// translate turns a PostgreSQL integrity violation into a ConstraintError;
// any other error is returned unchanged.
func translate(err error) error {
	var pqErr *pq.Error
	if err == nil || !errors.As(err, &pqErr) {
		return err
	}
	switch pqErr.Code {
	case "22021", "22P05": // character_not_in_repertoire, untranslatable_character: NUL or not UTF-8
		return &ConstraintError{Constraint: string(pqErr.Code), Field: pqErr.Column, Message: domain.MsgBadText, Err: err}
	}
	if pqErr.Code.Class() != "23" {
		return err
	}
	name := pqErr.Constraint
	if special, ok := specialConstraints[name]; ok {
		special.Constraint, special.Err = name, err
		return &special
	}
	if ce, ok := lengthConstraint(pqErr, err); ok {
		return ce
	}
	field := fieldOf(pqErr)
	ce := &ConstraintError{Constraint: name, Field: field, Err: err}
	switch pqErr.Code.Name() {
	case "unique_violation":
		ce.Message = label(field) + " đã được sử dụng cho một mục khác."
	case "foreign_key_violation":
		ce.Message = label(field) + " không có trong danh mục hoặc không tồn tại."
	case "not_null_violation":
		ce.Message = "Vui lòng nhập " + strings.ToLower(label(field)) + "."
	default:
		ce.Message = label(field) + " không hợp lệ."
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

// lengthConstraint explains a <table>_<column>_length CHECK of
// migrations/00007_text_limits.sql with the limit domain.TextLimits holds.
func lengthConstraint(e *pq.Error, err error) (*ConstraintError, bool) {
	column, ok := strings.CutSuffix(strings.TrimPrefix(e.Constraint, e.Table+"_"), "_length")
	if !ok || e.Code.Name() != "check_violation" {
		return nil, false
	}
	ce := &ConstraintError{Constraint: e.Constraint, Field: column, Err: err}
	for _, t := range domain.EntryTypes {
		if t.Plural == e.Table {
			if max, ok := domain.TextLimits[t.Name][column]; ok {
				ce.Message = domain.TooLongMessage(max)
				return ce, true
			}
		}
	}
	ce.Message = "Nội dung quá dài."
	return ce, true
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

type conn struct{ driver.Conn }

func (c *conn) pq() pqConn { return c.Conn.(pqConn) }

func (c *conn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	tx, err := c.pq().BeginTx(ctx, opts)
	if err != nil {
		return nil, unavailable(err)
	}
	return txn{tx}, nil
}

func (c *conn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	st, err := c.pq().PrepareContext(ctx, query)
	return st, unavailable(err)
}

func (c *conn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	rows, err := c.pq().QueryContext(ctx, query, args)
	return rows, unavailable(err)
}

func (c *conn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	res, err := c.pq().ExecContext(ctx, query, args)
	return res, unavailable(err)
}

func (c *conn) Ping(ctx context.Context) error { return unavailable(c.pq().Ping(ctx)) }

// ResetSession and CheckNamedValue answer database/sql itself, which
// compares their errors (driver.ErrBadConn, driver.ErrSkip): unchanged.
func (c *conn) ResetSession(ctx context.Context) error      { return c.pq().ResetSession(ctx) }
func (c *conn) IsValid() bool                               { return c.pq().IsValid() }
func (c *conn) CheckNamedValue(nv *driver.NamedValue) error { return c.pq().CheckNamedValue(nv) }

type txn struct{ driver.Tx }

func (t txn) Commit() error   { return unavailable(t.Tx.Commit()) }
func (t txn) Rollback() error { return unavailable(t.Tx.Rollback()) }
