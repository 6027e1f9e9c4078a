package web

import (
	"encoding/json"
	"sort"
	"strings"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/kind"
)

// The OpenAPI 3.1 document of the API, built from the registry: each
// kind's paths and its entry schema come from its columns, so the document
// cannot forget a field or a kind. TestOpenAPIDescribesEveryRoute and
// TestAPIResponsesMatchOpenAPI hold it to the router and to real answers.

type obj = map[string]any

// apiParam is one query parameter of a list: the list page's filters, as
// each kind's pages give them (kindPages.apiParams); every list also takes
// page, per_page and updated_since.
type apiParam struct {
	name, doc, typ, codes string
}

// The read API's filters that several lists and the search share.
var (
	qParam    = apiParam{"q", "Từ khóa.", "string", ""}
	cityParam = apiParam{"city", "Thành phố.", "string", "cities"}
	wardParam = apiParam{"ward", "Phường, xã.", "string", "wards"}
)

// searchParams are /api/v1/search's (searchQuery).
var searchParams = []apiParam{
	qParam, {"type", "Loại mục (job, company, …).", "string", ""},
	cityParam, {"industry", "Ngành.", "string", "industries"},
	{"occupation", "Nhóm nghề.", "string", "occupations"}, {"education", "Trình độ.", "string", "education"},
	{"level", "Trình độ đào tạo.", "string", "program_levels"}, {"stage", "Giai đoạn dự án.", "string", "project_stages"},
	{"wage_min", "Lương từ (đồng/tháng).", "integer", ""}, {"sort", "newest hoặc wage.", "string", ""},
	{"page", "Trang (từ 1).", "integer", ""}, {"per_page", "Số kết quả một trang (1–50).", "integer", ""},
}

func queryParam(p apiParam) obj {
	doc := p.doc
	if p.codes != "" {
		doc += " Mã: /api/v1/codes/" + p.codes + "."
	}
	return obj{"name": p.name, "in": "query", "required": false, "description": doc, "schema": obj{"type": p.typ}}
}

func ref(name string) obj { return obj{"$ref": "#/components/schemas/" + name} }

func jsonContent(schema obj) obj {
	return obj{"application/json": obj{"schema": schema}}
}

func response(desc string, schema obj) obj {
	return obj{"description": desc, "content": jsonContent(schema)}
}

var errorResponse = response("Tham số sai hoặc không có mục này.", ref("Error"))

// columnSchema is a column's JSON schema in the API's entry objects.
func columnSchema(c kind.Column) obj {
	s := obj{"description": c.Doc}
	switch c.Type {
	case "text":
		s["type"] = "string"
	case "integer":
		s["type"] = []string{"integer", "null"}
	case "parent":
		s["type"] = "integer"
	case "boolean":
		s["type"] = "boolean"
	case "date":
		s["type"], s["format"] = []string{"string", "null"}, "date"
	case "datetime":
		s["type"], s["format"] = []string{"string", "null"}, "date-time"
	case "code":
		s["anyOf"] = []obj{ref("Code"), {"type": "null"}}
		s["description"] = c.Doc + " Mã: /api/v1/codes/" + c.Codes + "."
	case "codes":
		s["type"], s["items"] = "array", ref("Code")
		s["description"] = c.Doc + " Mã: /api/v1/codes/" + c.Codes + "."
	case "json":
		s["type"], s["items"] = "array", jsonItemSchema(c.Items)
	}
	return s
}

// jsonItemSchema is the object of a json column's list: its keys are
// text, but for flags and nested lists (a ledger update's evidence).
func jsonItemSchema(items []kind.Column) obj {
	props, req := obj{}, []string{}
	for _, it := range items {
		p := obj{"type": "string", "description": it.Doc}
		switch it.Type {
		case "boolean":
			p["type"] = "boolean"
		case "json":
			p["type"], p["items"] = "array", jsonItemSchema(it.Items)
		}
		props[it.Name] = p
		if !strings.HasSuffix(it.Name, "_url") && it.Type != "boolean" {
			req = append(req, it.Name)
		}
	}
	return obj{"type": "object", "properties": props, "required": req}
}

// entrySchema is one kind's entry object, key for key as appendJSON
// writes it.
func entrySchema(k kind.Entry) obj {
	props := obj{
		"url":     obj{"type": "string", "format": "uri", "description": "Trang của mục trên cổng."},
		"api_url": obj{"type": "string", "format": "uri", "description": "Mục này trong API."},
	}
	required := []string{"url", "api_url"}
	for _, c := range k.Columns() {
		props[c.Name] = columnSchema(c)
		required = append(required, c.Name)
		if c.Type == "parent" {
			props[parentKey(c)+"_url"] = obj{"type": "string", "format": "uri", "description": "Mục cha trong API."}
			required = append(required, parentKey(c)+"_url")
		}
	}
	sort.Strings(required)
	return obj{"type": "object", "description": k.Type().LabelVI, "properties": props, "required": required, "additionalProperties": false}
}

func schemaName(k kind.Entry) string {
	n := k.Type().Name
	return strings.ToUpper(n[:1]) + n[1:]
}

// openAPIDocument is the whole document; servers is the public base.
func (s *server) openAPIDocument(base string) obj {
	paging := []obj{
		queryParam(apiParam{"page", "Trang (từ 1); các trang xếp theo mã số tăng dần nên không xê dịch khi có mục mới.", "integer", ""}),
		queryParam(apiParam{"per_page", "Số mục một trang (1–100, mặc định 50).", "integer", ""}),
		queryParam(apiParam{"after", "Con trỏ: các mục có mã số lớn hơn (mã số cuối trang trước); thay cho page, nhanh như nhau ở mọi độ sâu. Xem next.", "integer", ""}),
		queryParam(apiParam{"updated_since", "Chỉ các mục sửa từ thời điểm này (RFC 3339), để lấy phần thay đổi.", "string", ""}),
	}
	schemas := obj{
		"Error": obj{"type": "object", "required": []string{"error"}, "properties": obj{
			"error": obj{"type": "string"}, "problems": obj{"type": "array", "items": obj{"type": "string"}}}},
		"Gone": obj{"type": "object", "required": []string{"gone", "id", "reason", "updated_at"}, "additionalProperties": false, "properties": obj{
			"gone": obj{"const": true}, "id": obj{"type": "integer"},
			"reason":     obj{"type": "string", "description": "Lý do gỡ, được công khai."},
			"updated_at": obj{"type": "string", "format": "date-time"}}},
		"Code": obj{"type": "object", "required": []string{"code", "vi", "en"}, "additionalProperties": false, "properties": obj{
			"code": obj{"type": "string"}, "vi": obj{"type": "string"}, "en": obj{"type": "string"}}},
		"CodeList": obj{"type": "object", "required": []string{"name", "description", "items"}, "additionalProperties": false, "properties": obj{
			"name": obj{"type": "string"}, "description": obj{"type": "string"}, "items": obj{"type": "array", "items": ref("Code")}}},
		"CodeLists": obj{"type": "object", "required": []string{"lists"}, "additionalProperties": false, "properties": obj{
			"lists": obj{"type": "array", "items": obj{"type": "object", "required": []string{"name", "description", "url"}, "properties": obj{
				"name": obj{"type": "string"}, "description": obj{"type": "string"}, "url": obj{"type": "string", "format": "uri"}}}}}},
		"SearchResult": obj{"type": "object", "required": []string{"hits", "total", "page", "per_page"}, "properties": obj{
			"hits": obj{"type": "array", "items": obj{"type": "object", "required": []string{"type", "id", "title", "url"}, "properties": obj{
				"type": obj{"type": "string"}, "id": obj{"type": "integer"}, "title": obj{"type": "string"},
				"subtitle": obj{"type": "string"}, "url": obj{"type": "string"},
				"cities":    obj{"type": []string{"array", "null"}, "items": obj{"type": "string"}},
				"highlight": obj{"type": "object", "additionalProperties": obj{"type": "string"}},
				"wage_min":  obj{"type": "integer"}, "wage_max": obj{"type": "integer"}, "deadline_ts": obj{"type": "integer"}}}},
			"total": obj{"type": "integer"}, "page": obj{"type": "integer"}, "per_page": obj{"type": "integer"},
			"facets":   obj{"type": []string{"object", "null"}, "additionalProperties": obj{"type": "object", "additionalProperties": obj{"type": "integer"}}},
			"degraded": obj{"type": "boolean"}}},
	}
	paths := obj{
		"/api/openapi.json": obj{"get": obj{"operationId": "openapi", "summary": "Tài liệu OpenAPI này.",
			"responses": obj{"200": obj{"description": "OpenAPI 3.1.", "content": jsonContent(obj{"type": "object"})}}}},
		"/api/v1/search": obj{"get": obj{"operationId": "search", "summary": "Tìm kiếm mọi loại mục, như trang /tim-kiem.",
			"parameters": paramList(searchParams),
			"responses":  obj{"200": response("Một trang kết quả.", ref("SearchResult")), "400": errorResponse}}},
		"/api/v1/ledger/summary": obj{"get": obj{"operationId": "ledgerSummary", "summary": "Tổng hợp tiến độ các nhiệm vụ hợp tác, như trang /hop-tac và /thong-ke.",
			"responses": obj{"200": response("Số nhiệm vụ và tỷ lệ theo tình trạng.", obj{"type": "object", "required": []string{"summary", "as_of"},
				"properties": obj{"as_of": obj{"type": "string", "format": "date"}, "summary": obj{"type": "object", "required": []string{"total", "by_status", "weighted_done_percent"},
					"properties": obj{"total": obj{"type": "integer"}, "weighted_done_percent": obj{"type": "integer"},
						"by_status": obj{"type": "array", "items": obj{"type": "object", "required": []string{"status", "label", "count", "percent"},
							"properties": obj{"status": obj{"type": "string"}, "label": obj{"type": "string"}, "count": obj{"type": "integer"}, "percent": obj{"type": "integer"}}}}}}}})}}},
		"/api/v1/codes": obj{"get": obj{"operationId": "codeLists", "summary": "Các bảng mã.",
			"responses": obj{"200": response("Các bảng mã.", ref("CodeLists"))}}},
		"/api/v1/codes/{list}": obj{"get": obj{"operationId": "codes", "summary": "Một bảng mã, nhãn tiếng Việt và tiếng Anh.",
			"parameters": []obj{{"name": "list", "in": "path", "required": true, "schema": obj{"type": "string", "enum": kind.CodeListNames()}}},
			"responses":  obj{"200": response("Bảng mã.", ref("CodeList")), "404": errorResponse}}},
	}
	for _, k := range kind.All {
		t, name := k.Type(), schemaName(k)
		schemas[name] = entrySchema(k)
		schemas[name+"List"] = obj{"type": "object", "required": []string{"total", "page", "per_page", "pages", "items", "next"}, "additionalProperties": false,
			"properties": obj{
				"total":    obj{"type": []string{"integer", "null"}, "description": "Số mục khớp bộ lọc; null ở trang lấy bằng after (không đếm lại)."},
				"page":     obj{"type": []string{"integer", "null"}, "description": "Trang; null ở trang lấy bằng after."},
				"per_page": obj{"type": "integer"},
				"pages":    obj{"type": []string{"integer", "null"}}, "items": obj{"type": "array", "items": ref(name)},
				"next": obj{"type": []string{"string", "null"}, "format": "uri", "description": "Trang sau theo con trỏ after; null ở trang cuối."}}}
		paths["/api/v1/"+t.Plural] = obj{"get": obj{"operationId": "list" + name, "summary": t.LabelVI + " đã công bố, theo bộ lọc của trang " + t.Path + ".",
			"parameters": append(paramList(s.pages[t.Name].apiParams), paging...),
			"responses":  obj{"200": response("Một trang, xếp theo mã số.", ref(name+"List")), "400": errorResponse}}}
		paths["/api/v1/"+t.Plural+"/{id}"] = obj{"get": obj{"operationId": "get" + name, "summary": "Một mục " + t.LabelVI + ".",
			"parameters": []obj{{"name": "id", "in": "path", "required": true, "schema": obj{"type": "integer", "minimum": 1}}},
			"responses": obj{"200": response("Mục đã công bố.", ref(name)), "400": errorResponse, "404": errorResponse,
				"410": response("Mục đã gỡ, với lý do công khai.", ref("Gone"))}}}
	}
	if base == "" {
		base = "/"
	}
	return obj{
		"openapi": "3.1.0",
		"info": obj{"title": "Hợp tác Lao động – API dữ liệu mở", "version": "1",
			"description": "Đọc mọi mục đã công bố, không cần khóa. Dữ liệu theo giấy phép CC BY 4.0; xem /du-lieu-mo.",
			"license":     obj{"name": "CC BY 4.0", "identifier": "CC-BY-4.0"}},
		"jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
		"servers":           []obj{{"url": base}},
		"paths":             paths,
		"components":        obj{"schemas": schemas},
	}
}

func paramList(ps []apiParam) []obj {
	out := make([]obj, len(ps))
	for i, p := range ps {
		out[i] = queryParam(p)
	}
	return out
}

// openAPI answers GET /api/openapi.json.
func (s *server) openAPI(c *fiber.Ctx) error {
	b, err := json.Marshal(s.openAPIDocument(s.publicURL))
	if err != nil {
		return err
	}
	c.Type("json", "utf-8")
	return c.Send(b)
}
