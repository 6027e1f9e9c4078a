package web

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/domain"
	"hoptac/internal/i18n"
	"hoptac/internal/vn"
)

// The bounds of every query string, on every page and API, checked by
// checkQuery before any handler runs.
const (
	maxParams      = 64  // parameters in one query string
	maxParamKeyLen = 64  // bytes of a parameter's name
	maxParamLen    = 500 // characters of a parameter's value
)

// checkQuery refuses a query string that no handler should have to read:
// a name or value with a NUL byte or that is not UTF-8 once decoded (%ff,
// %c3, %00), an over-long value, too many parameters. The answer is a 400:
// a Vietnamese page, or {"error": …} under /api. Handlers may then trust
// that every c.Query value is bounded text.
func checkQuery(c *fiber.Ctx) error {
	args := c.Context().QueryArgs()
	if args.Len() > maxParams {
		return inputError(fmt.Sprintf("Địa chỉ có quá nhiều tham số (tối đa %d).", maxParams))
	}
	problem := ""
	args.VisitAll(func(key, value []byte) {
		switch {
		case problem != "":
		case !domain.GoodText(string(key)) || !domain.GoodText(string(value)):
			problem = "Địa chỉ có ký tự không hợp lệ (ký tự NUL hoặc không phải UTF-8). Vui lòng kiểm tra lại từ khóa hoặc bộ lọc."
		case len(key) > maxParamKeyLen:
			problem = "Tên tham số trong địa chỉ quá dài."
		case utf8.RuneCount(value) > maxParamLen:
			problem = fmt.Sprintf("Giá trị “%s” quá dài: tối đa %d ký tự.", key, maxParamLen)
		}
	})
	if problem != "" {
		return inputError(problem)
	}
	return c.Next()
}

// userError is a 400 whose message was written for the person who sent
// the request; the error handler shows it as it is.
type userError struct{ msg string }

func (e *userError) Error() string { return "bad request: " + e.msg }

func inputError(msg string) error { return &userError{msg: msg} }

// params reads list filters from the query string. A value that makes no
// sense is dropped with a Vietnamese note for the page, never a 500.
type params struct {
	c        *fiber.Ctx
	l        *loc // the page's language; nil: Vietnamese
	Problems []string
}

// problem adds a note in the page's language; label is a message id or
// Vietnamese text.
func (p *params) problem(id, label string) {
	lang := "vi"
	if p.l != nil {
		lang = p.l.Lang
	}
	p.Problems = append(p.Problems, i18n.T(lang, id, "Label", i18n.T(lang, label)))
}

func newParams(c *fiber.Ctx) *params { return &params{c: c} }

// maxQueryLen bounds free text so a pasted essay cannot slow a query down.
const maxQueryLen = 200

func (p *params) text(name string) string {
	v := strings.Join(strings.Fields(p.c.Query(name)), " ")
	if len(v) > maxQueryLen {
		// Cutting bytes may split a letter; drop the broken tail.
		v = strings.ToValidUTF8(v[:maxQueryLen], "")
	}
	return v
}

func (p *params) code(name, label string, valid func(string) bool) string {
	v := strings.TrimSpace(p.c.Query(name))
	if v == "" {
		return ""
	}
	if !valid(v) {
		p.problem("problem.bad_value", label)
		return ""
	}
	return v
}

func (p *params) option(name, label string, opts domain.Options) string {
	return p.code(name, label, opts.Has)
}

func (p *params) amount(name, label string) int64 {
	v := strings.TrimSpace(p.c.Query(name))
	if v == "" {
		return 0
	}
	if n, ok := millions(v); ok {
		return n
	}
	// People type 8.000.000 or 8,000,000 as often as 8000000.
	v = strings.NewReplacer(".", "", ",", "", " ", "").Replace(v)
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		p.problem("problem.bad_amount", label)
		return 0
	}
	return n
}

// millionsPattern is an amount in millions as people type it: "8 triệu",
// "8tr", "7,5 tr" (folded).
var millionsPattern = regexp.MustCompile(`^(\d{1,4})(?:[.,](\d))?\s*(?:trieu|tr)(?:\s*dong)?$`)

// millions reads "8 triệu" or "8tr" as 8000000.
func millions(v string) (int64, bool) {
	m := millionsPattern.FindStringSubmatch(vn.Fold(v))
	if m == nil {
		return 0, false
	}
	n, _ := strconv.ParseInt(m[1], 10, 64)
	tenth := int64(0)
	if m[2] != "" {
		tenth, _ = strconv.ParseInt(m[2], 10, 64)
	}
	return n*1_000_000 + tenth*100_000, true
}

func (p *params) flag(name string) bool {
	switch p.c.Query(name) {
	case "1", "true", "on", "yes":
		return true
	}
	return false
}

func (p *params) page() int {
	v := strings.TrimSpace(p.c.Query("page"))
	if v == "" {
		return 1
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 100000 {
		p.problem("problem.bad_page", "")
		return 1
	}
	return n
}

// parseRef splits "123-cong-nhan-may" into its id and slug.
func parseRef(ref string) (int64, string, bool) {
	idPart, slug, _ := strings.Cut(ref, "-")
	id, err := strconv.ParseInt(idPart, 10, 64)
	if err != nil || id <= 0 {
		return 0, "", false
	}
	return id, slug, true
}

func (p *params) id(name, label string) int64 {
	v := strings.TrimSpace(p.c.Query(name))
	if v == "" {
		return 0
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 1 {
		p.Problems = append(p.Problems, "“"+label+"” phải là mã số nguyên dương nên bộ lọc này đã được bỏ qua.")
		return 0
	}
	return n
}
