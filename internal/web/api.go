package web

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/cors"
	"github.com/gofiber/fiber/v2/middleware/etag"

	"hoptac/internal/domain"
	"hoptac/internal/kind"
	"hoptac/internal/store"
)

// The read API: every kind's public entries, by the filters of its list
// page, and every code list. No key is needed; anyone may read it from any
// origin. Routes are built from the registry, so a new kind has its API.

// apiCORS lets any site read the API from a browser (GET only: the API
// changes nothing).
func apiCORS() fiber.Handler {
	return cors.New(cors.Config{AllowOrigins: "*", AllowMethods: "GET,HEAD", ExposeHeaders: "ETag"})
}

// apiETag answers a revalidation with 304 when the answer's ETag, a hash
// of its body, has not changed.
func apiETag() fiber.Handler { return etag.New(etag.Config{Weak: true}) }

func (s *server) apiRoutes(app *fiber.App, api fiber.Router) {
	for _, k := range kind.All {
		api.Get("/"+k.Type().Plural, s.apiList(k))
		api.Get("/"+k.Type().Plural+"/:id", s.apiEntry(k))
	}
	api.Get("/codes", s.apiCodeLists)
	api.Get("/codes/:list", s.apiCodes)
	app.Get("/api/openapi.json", s.openAPI)
}

// apiList lists one kind's public entries by a list page's filters; items
// are the store's entries (*domain.Job, …) for the kind's Values.
type apiList func(ctx context.Context, p *params, pg func(*store.Paging)) (items []any, total int, err error)

// apiOf makes a kind's apiList from its store list and its page's filters.
func apiOf[F any, PF interface {
	*F
	Pager() *store.Paging
}, T any](list func(context.Context, F) (store.List[T], error), filter func(*params) F) apiList {
	return func(ctx context.Context, p *params, pg func(*store.Paging)) ([]any, int, error) {
		f := filter(p)
		pg(PF(&f).Pager())
		l, err := list(ctx, f)
		if err != nil {
			return nil, 0, err
		}
		items := make([]any, len(l.Items))
		for i := range l.Items {
			items[i] = &l.Items[i]
		}
		return items, l.Total, nil
	}
}

// API page sizes: a harvester takes 100 at a time, the store's cap.
const (
	apiDefaultPerPage = 50
	apiMaxPerPage     = store.MaxPerPage
)

// badRequest answers 400 {"error": …}.
func badRequest(c *fiber.Ctx, msg string, problems ...string) error {
	body := fiber.Map{"error": msg}
	if len(problems) > 0 {
		body["problems"] = problems
	}
	return c.Status(fiber.StatusBadRequest).JSON(body)
}

// apiPaging reads page size, cursor and updated_since, the API's own
// parameters.
func apiPaging(c *fiber.Ctx) (perPage int, after int64, since *time.Time, problem string) {
	perPage = apiDefaultPerPage
	if v := c.Query("per_page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > apiMaxPerPage {
			return 0, 0, nil, "per_page phải là số từ 1 đến " + strconv.Itoa(apiMaxPerPage) + "."
		}
		perPage = n
	}
	if v := c.Query("after"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 0 {
			return 0, 0, nil, "after phải là mã số (số nguyên không âm) của mục cuối trang trước."
		}
		if c.Query("page") != "" {
			return 0, 0, nil, "Dùng page hoặc after, không dùng cả hai."
		}
		after = n
	}
	if v := c.Query("updated_since"); v != "" {
		t, err := time.Parse(time.RFC3339Nano, v)
		if err != nil {
			return 0, 0, nil, "updated_since phải là thời điểm RFC 3339, ví dụ 2026-01-31T08:00:00Z."
		}
		since = &t
	}
	return perPage, after, since, ""
}

// apiList answers GET /api/v1/{plural}: a page of public entries in id
// order, so pages stay put while entries are added; next is the page
// after it by cursor (after=<last id>), which costs the same however deep;
// updated_since keeps those changed since a harvester's last visit.
func (s *server) apiList(k kind.Entry) fiber.Handler {
	return func(c *fiber.Ctx) error {
		perPage, after, since, problem := apiPaging(c)
		if problem != "" {
			return badRequest(c, problem)
		}
		p := newParams(c)
		items, total, err := s.pages[k.Type().Name].api(c.UserContext(), p, func(pg *store.Paging) {
			pg.PerPage, pg.AfterID, pg.UpdatedSince, pg.ByID = perPage, after, since, true
		})
		if len(p.Problems) > 0 {
			return badRequest(c, "Tham số không hợp lệ: "+strings.Join(p.Problems, " "), p.Problems...)
		}
		if err != nil {
			return err
		}
		page := 1
		if v := c.Query("page"); v != "" {
			page, _ = strconv.Atoi(v) // checked by the filter's p.page()
		}
		r := s.recorder(k, s.baseURL(c))
		b := make([]byte, 0, 4096)
		b = append(b, `{"total":`...)
		if total < 0 { // a cursor page: not counted (runByID)
			b = append(b, `null,"page":null`...)
		} else {
			b = strconv.AppendInt(b, int64(total), 10)
			b = append(b, `,"page":`...)
			b = strconv.AppendInt(b, int64(page), 10)
		}
		b = append(b, `,"per_page":`...)
		b = strconv.AppendInt(b, int64(perPage), 10)
		b = append(b, `,"pages":`...)
		if total < 0 {
			b = append(b, "null"...)
		} else {
			b = strconv.AppendInt(b, int64((total+perPage-1)/perPage), 10)
		}
		b = append(b, `,"items":[`...)
		for i, e := range items {
			if i > 0 {
				b = append(b, ',')
			}
			vals := k.Values(e)
			b = r.appendJSON(b, k.MetaOf(e).ID, vals)
		}
		b = append(b, `],"next":`...)
		if len(items) == perPage {
			next := queryValues(c)
			next.Del("page")
			next.Set("after", strconv.FormatInt(k.MetaOf(items[len(items)-1]).ID, 10))
			b = appendValue(b, r.base+c.Path()+"?"+next.Encode())
		} else {
			b = append(b, "null"...)
		}
		b = append(b, '}')
		c.Type("json", "utf-8")
		return c.Send(b)
	}
}

// apiEntry answers GET /api/v1/{plural}/{id}: a public entry, 410 with the
// public reason for an archived one, else 404.
func (s *server) apiEntry(k kind.Entry) fiber.Handler {
	return func(c *fiber.Ctx) error {
		id, err := strconv.ParseInt(c.Params("id"), 10, 64)
		if err != nil || id <= 0 {
			return badRequest(c, "Mã số phải là số nguyên dương.")
		}
		ctx := c.UserContext()
		var body []byte
		r := s.recorder(k, s.baseURL(c))
		err = k.PublicRows(ctx, s.store, store.PublicSelection{IDs: []int64{id}}, func(id int64, vals []any) error {
			body = r.appendJSON(nil, id, vals)
			return nil
		})
		if err != nil {
			return err
		}
		if body != nil {
			c.Type("json", "utf-8")
			return c.Send(body)
		}
		h, err := k.Head(ctx, s.store, id)
		if errors.Is(err, store.ErrNotFound) {
			return c.Status(fiber.StatusNotFound).JSON(fiber.Map{"error": "Không có mục này."})
		}
		if err != nil {
			return err
		}
		if h.Meta.Status == domain.StatusArchived {
			return c.Status(fiber.StatusGone).JSON(fiber.Map{"gone": true, "id": id, "reason": h.Meta.ArchiveReason,
				"updated_at": h.Meta.UpdatedAt.UTC().Format(time.RFC3339)})
		}
		// A draft, or an entry whose parent is not public: not public.
		return c.Status(fiber.StatusNotFound).JSON(fiber.Map{"error": "Không có mục này."})
	}
}

// apiCodeLists answers GET /api/v1/codes: the code lists there are.
func (s *server) apiCodeLists(c *fiber.Ctx) error {
	type list struct {
		Name string `json:"name"`
		Doc  string `json:"description"`
		URL  string `json:"url"`
	}
	out := []list{}
	for _, n := range kind.CodeListNames() {
		out = append(out, list{n, kind.CodeLists[n].Doc, s.baseURL(c) + "/api/v1/codes/" + n})
	}
	return c.JSON(fiber.Map{"lists": out})
}

// apiCodes answers GET /api/v1/codes/{list}: its codes with labels.
func (s *server) apiCodes(c *fiber.Ctx) error {
	l, ok := kind.CodeLists[c.Params("list")]
	if !ok {
		return c.Status(fiber.StatusNotFound).JSON(fiber.Map{"error": "Không có bảng mã này. Xem /api/v1/codes."})
	}
	return c.JSON(fiber.Map{"name": l.Name, "description": l.Doc, "items": l.Codes(s.catalog)})
}
