package web

import (
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/domain"
)

// params reads list filters from the query string. A value that makes no
// sense is dropped with a Vietnamese note for the page, never a 500.
type params struct {
	c        *fiber.Ctx
	Problems []string
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
		p.Problems = append(p.Problems, "Giá trị “"+label+"” không hợp lệ nên bộ lọc này đã được bỏ qua.")
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
	// People type 8.000.000 or 8,000,000 as often as 8000000.
	v = strings.NewReplacer(".", "", ",", "", " ", "").Replace(v)
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		p.Problems = append(p.Problems, "“"+label+"” phải là một số không âm nên bộ lọc này đã được bỏ qua.")
		return 0
	}
	return n
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
		p.Problems = append(p.Problems, "Số trang không hợp lệ; đang hiển thị trang đầu.")
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
