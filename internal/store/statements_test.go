package store_test

import (
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/jmoiron/sqlx"

	"hoptac/internal/store"
	"hoptac/internal/testenv"
)

// statement is one SQL statement of the store's source and where it is.
type statement struct {
	pos string
	sql string
}

// sqlStart is how a statement of the store begins. The SQL is written in
// capitals, so Go text such as error messages never matches.
var sqlStart = regexp.MustCompile(`^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|ANALYZE|SET)\s`)

// storeStatements reads the store package's source and returns every SQL
// statement in it: each string constant expression (a literal, or literals
// and constants joined with +, as a const or inline in a call) that starts
// like SQL. Nothing has to be registered, so a new statement is checked as
// soon as it is written. A statement built from run-time values would show
// up as a fragment that does not prepare, which is what it deserves.
func storeStatements(t *testing.T, dir string) []statement {
	t.Helper()
	fset := token.NewFileSet()
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	consts := map[string]ast.Expr{}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if d, ok := n.(*ast.GenDecl); ok && d.Tok == token.CONST {
				for _, spec := range d.Specs {
					vs := spec.(*ast.ValueSpec)
					for i, name := range vs.Names {
						if i < len(vs.Values) {
							consts[name.Name] = vs.Values[i]
						}
					}
				}
			}
			return true
		})
	}
	var eval func(e ast.Expr) (string, bool)
	eval = func(e ast.Expr) (string, bool) {
		switch e := e.(type) {
		case *ast.BasicLit:
			if e.Kind != token.STRING {
				return "", false
			}
			s, err := strconv.Unquote(e.Value)
			return s, err == nil
		case *ast.Ident:
			if v, ok := consts[e.Name]; ok {
				return eval(v)
			}
		case *ast.ParenExpr:
			return eval(e.X)
		case *ast.BinaryExpr:
			if e.Op != token.ADD {
				return "", false
			}
			x, ok := eval(e.X)
			if !ok {
				return "", false
			}
			y, ok := eval(e.Y)
			return x + y, ok
		}
		return "", false
	}
	var out []statement
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n.(type) {
			case *ast.BasicLit, *ast.BinaryExpr:
			default:
				return true
			}
			s, ok := eval(n.(ast.Expr))
			if !ok {
				return true // look at the parts
			}
			if sqlStart.MatchString(s) {
				out = append(out, statement{pos: fset.Position(n.Pos()).String(), sql: s})
			}
			return false // the largest constant expression is the statement
		})
	}
	return out
}

// expand writes a statement shared by the entry tables ({table}) for each.
func expand(stmts []statement) []statement {
	var out []statement
	for _, s := range stmts {
		if !strings.Contains(s.sql, "table}") { // {table}, {public_table}, {live_table}
			out = append(out, s)
			continue
		}
		for _, t := range store.EntryTables() {
			out = append(out, statement{pos: s.pos + " (" + string(t) + ")", sql: store.ForTable(s.sql, t)})
		}
	}
	return out
}

var positional = regexp.MustCompile(`\$[0-9]`)

// checkStatement asks PostgreSQL to plan one statement without running it:
// a PREPARE (the protocol's Parse) resolves every table, view, column,
// function and type. Utility statements (ANALYZE, SET), which Parse does
// not look into, run in a transaction that is rolled back.
func checkStatement(ctx context.Context, db *sqlx.DB, s statement) error {
	query := s.sql
	if !positional.MatchString(query) && strings.Contains(query, ":") {
		stmt, err := db.PrepareNamedContext(ctx, query) // as sqlx binds :name
		if err != nil {
			return err
		}
		return stmt.Close()
	}
	if strings.HasPrefix(strings.TrimSpace(query), "ANALYZE") || strings.HasPrefix(strings.TrimSpace(query), "SET") {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		defer tx.Rollback()
		_, err = tx.ExecContext(ctx, query)
		return err
	}
	stmt, err := db.PrepareContext(ctx, query)
	if err != nil {
		return err
	}
	return stmt.Close()
}

// TestEveryStatementPreparesAgainstTheSchema checks each SQL statement of
// the store against a freshly migrated database, so a query broken by a
// typo or a migration fails the suite, not a request.
func TestEveryStatementPreparesAgainstTheSchema(t *testing.T) {
	st := testenv.Store(t)
	ctx := context.Background()
	found := storeStatements(t, ".")

	t.Run("the scan finds the statements", func(t *testing.T) {
		// A scan that found nothing would pass everything.
		if len(found) < 60 {
			t.Errorf("storeStatements() found %d statements, want at least 60", len(found))
		}
		for _, want := range store.SomeStatements {
			if !slices.ContainsFunc(found, func(s statement) bool { return s.sql == want }) {
				t.Errorf("storeStatements() misses %.80q…", want)
			}
		}
	})

	t.Run("a broken statement fails", func(t *testing.T) {
		for _, bad := range []string{
			`SELECT j.titel FROM public_jobs j WHERE j.id = $1`,
			`SELECT count(*) FROM public_jobz`,
			`UPDATE jobs SET status = :status WHERE id = :id AND versio = :version`,
			`ANALYZE jobz`,
		} {
			if err := checkStatement(ctx, st.DB(), statement{sql: bad}); err == nil {
				t.Errorf("checkStatement(%q) = nil, want an error", bad)
			}
		}
	})

	all := expand(found)
	t.Logf("checking %d statements (%d in the source)", len(all), len(found))
	for _, s := range all {
		if err := checkStatement(ctx, st.DB(), s); err != nil {
			t.Errorf("%s: %v\n%s", s.pos, err, s.sql)
		}
	}
}
