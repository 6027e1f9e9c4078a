package importer_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"hoptac/internal/domain"
	"hoptac/internal/importer"
	"hoptac/internal/store"
	"hoptac/internal/testenv"
)

var ctx = context.Background()

// result is one import of the fixture data set (two CSV files, one XLSX
// workbook or one JSON Lines file) reduced to what must agree.
type result struct {
	created, updated, unchanged int
	rejected                    []rejection
	ignoredColumns              []string
	ignoredSheets               []string
}

// rejection is a rejected row's problem with the row's entry type.
type rejection struct {
	typ     string
	line    int
	column  string
	message string
}

func (r rejection) String() string {
	return fmt.Sprintf("%s line %d [%s] %s", r.typ, r.line, r.column, r.message)
}

func collect(res *result) func(importer.RowResult) {
	return func(row importer.RowResult) {
		for _, e := range row.Errors {
			res.rejected = append(res.rejected, rejection{row.Type, e.Line, e.Column, e.Message})
		}
	}
}

func (res *result) add(rep importer.Report) {
	res.created += rep.Created
	res.updated += rep.Updated
	res.unchanged += rep.Unchanged
	res.ignoredColumns = append(res.ignoredColumns, rep.IgnoredColumns...)
	res.ignoredSheets = append(res.ignoredSheets, rep.IgnoredSheets...)
}

// importDataset imports the fixture data set in one format.
func importDataset(t *testing.T, st *store.Store, format importer.Format, opts importer.Options) result {
	t.Helper()
	var res result
	opts.OnRow = collect(&res)
	var paths []string
	switch format {
	case importer.CSV:
		paths = []string{"testdata/companies.csv", "testdata/jobs.csv"}
	case importer.JSONL:
		paths = []string{"testdata/dataset.jsonl"}
	case importer.XLSX:
		paths = []string{datasetXLSX(t)}
	}
	for _, p := range paths {
		rep, err := importer.ImportFile(ctx, st, p, opts)
		if err != nil {
			t.Fatalf("ImportFile(%s) = %v", p, err)
		}
		if got := rep.RejectedRows(); got != countRows(rep.Rejected) {
			t.Errorf("RejectedRows() = %d, want %d", got, countRows(rep.Rejected))
		}
		res.add(rep)
	}
	return res
}

func countRows(errs []importer.RowError) int {
	lines := map[string]bool{}
	for _, e := range errs {
		lines[fmt.Sprint(e.Sheet, e.Line)] = true
	}
	return len(lines)
}

// datasetXLSX writes the CSV fixtures as one workbook, the way a
// spreadsheet program would: whole numbers as number cells (tax codes lose
// their leading zero), ISO dates as date cells, an instructions sheet first
// and the jobs sheet (named in Vietnamese) before the companies one.
func datasetXLSX(t *testing.T) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "Hướng dẫn"); err != nil {
		t.Fatal(err)
	}
	_ = f.SetCellStr("Hướng dẫn", "A1", "Mỗi trang là một loại mục; dòng đầu là tên cột.")
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		t.Fatal(err)
	}
	integer := regexp.MustCompile(`^-?[0-9]+$`)
	isoDate := regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
	for _, s := range []struct{ sheet, file string }{{"Việc làm", "testdata/jobs.csv"}, {"companies", "testdata/companies.csv"}} {
		if _, err := f.NewSheet(s.sheet); err != nil {
			t.Fatal(err)
		}
		raw, err := os.ReadFile(s.file)
		if err != nil {
			t.Fatal(err)
		}
		cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))))
		cr.Comma = ';'
		records, err := cr.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for i, rec := range records {
			for j, v := range rec {
				if v == "" {
					continue
				}
				cellName, _ := excelize.CoordinatesToCellName(j+1, i+1)
				switch {
				case i > 0 && integer.MatchString(v):
					n, _ := strconv.Atoi(v)
					err = f.SetCellInt(s.sheet, cellName, int64(n))
				case i > 0 && isoDate.MatchString(v):
					d, _ := time.Parse("2006-01-02", v)
					if err = f.SetCellValue(s.sheet, cellName, d); err == nil {
						err = f.SetCellStyle(s.sheet, cellName, cellName, dateStyle)
					}
				default:
					err = f.SetCellStr(s.sheet, cellName, v)
				}
				if err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	path := filepath.Join(t.TempDir(), "dataset.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// wantRejected is every bad row of the data set: the line differs by
// format (the CSV description spans two lines; JSON Lines has no header
// and holds both types), the column and the message do not.
func wantRejected(format importer.Format) []rejection {
	type bad struct {
		typ              string
		csv, xlsx, jsonl int
		column, message  string
		refCSV, refXLSX  int // "trùng với dòng N": the first occurrence
		refJSONL         int
	}
	list := []bad{
		{"company", 4, 4, 3, "tax_code", "Mã số thuế không đúng (sai chữ số kiểm tra). Vui lòng kiểm tra lại.", 0, 0, 0},
		{"company", 6, 6, 5, "tax_code", "Mã số thuế trùng với dòng %d trong cùng tệp.", 2, 2, 1},
		{"job", 5, 4, 9, "company_tax_code", "Không tìm thấy doanh nghiệp có mã số thuế 1800555669: hãy nhập doanh nghiệp trước (ở trang, tệp hoặc dòng trước).", 0, 0, 0},
		{"job", 6, 5, 10, "positions", "Số lượng cần tuyển phải lớn hơn 0.", 0, 0, 0},
		{"job", 7, 6, 11, "wage_max", "Lương tối đa phải lớn hơn hoặc bằng lương tối thiểu.", 0, 0, 0},
		{"job", 8, 7, 12, "deadline", "Ngày “31/02/2026” không hợp lệ: dùng dạng 31/12/2025 hoặc 2025-12-31.", 0, 0, 0},
		{"job", 9, 8, 13, "employment_type", "Giá trị “cả ngày lẫn đêm” không có trong danh sách: Toàn thời gian (full_time); Bán thời gian (part_time); Thời vụ (seasonal); Theo hợp đồng (contract).", 0, 0, 0},
		{"job", 11, 10, 14, "external_id", "Mã tham chiếu trùng với dòng %d trong cùng tệp.", 2, 2, 7},
		{"job", 12, 11, 15, "title", "Dòng không phải UTF-8 hợp lệ: hãy lưu tệp với bảng mã UTF-8 (Unicode) rồi nhập lại.", 0, 0, 0},
		{"job", 13, 12, 16, "occupation", "Không tìm thấy nhóm nghề VSCO “X”: ghi tên (có hoặc không dấu) hoặc mã (1, 2, 3, 4, 5, 6, 7, 8, 9, 0); danh sách có trong tệp mẫu.", 0, 0, 0},
		{"job", 13, 12, 16, "education", "Giá trị “tiến sĩ” không có trong danh sách: Không yêu cầu (none); Tốt nghiệp THCS (lower_secondary); Tốt nghiệp THPT (upper_secondary); Sơ cấp nghề (so_cap); Trung cấp; Cao đẳng; Đại học (university).", 0, 0, 0},
	}
	out := make([]rejection, len(list))
	for i, b := range list {
		line, ref := b.csv, b.refCSV
		switch format {
		case importer.XLSX:
			line, ref = b.xlsx, b.refXLSX
		case importer.JSONL:
			line, ref = b.jsonl, b.refJSONL
		}
		msg := b.message
		if ref != 0 {
			msg = fmt.Sprintf(msg, ref)
		}
		out[i] = rejection{b.typ, line, b.column, msg}
	}
	return out
}

func sameRejections(t *testing.T, label string, got, want []rejection) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d problems, want %d:\n got %v\nwant %v", label, len(got), len(want), got, want)
		return
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%s: problem %d = %v\nwant %v", label, i, got[i], want[i])
		}
	}
}

// dump is the imported data as text, to compare formats and imports.
func dump(t *testing.T, st *store.Store) string {
	t.Helper()
	var companies, jobs []string
	if err := st.DB().SelectContext(ctx, &companies, `SELECT concat_ws('|', external_id, tax_code, name, industry_code, address,
		COALESCE(ward_code, '-'), city, COALESCE(employees::text, '-'), website, phone, email, description, status, department_code, version)
		FROM companies ORDER BY external_id`); err != nil {
		t.Fatal(err)
	}
	if err := st.DB().SelectContext(ctx, &jobs, `SELECT concat_ws('|', j.external_id, c.tax_code, j.title, j.occupation_code, j.positions,
		COALESCE(j.wage_min::text, '-'), COALESCE(j.wage_max::text, '-'), j.employment_type, j.education, j.experience_years,
		j.work_address, COALESCE(j.ward_code, '-'), j.city, j.requirements, j.benefits, j.description,
		COALESCE(j.deadline::text, '-'), j.contact, array_to_string(j.priority_groups, ','), j.status, j.department_code, j.version)
		FROM jobs j JOIN companies c ON c.id = j.company_id ORDER BY j.external_id`); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, row := range append(companies, jobs...) {
		b.WriteString(row + "\n")
	}
	return b.String()
}

const wantDump = `DN-001|0312345673|Công ty TNHH May mặc Phú Thịnh|C|Lô 24, KCN Tân Tạo|27457|hcm|3200|https://phuthinh.example.vn|028 3750 1234|tuyendung@phuthinh.example.vn|Sản xuất hàng may mặc xuất khẩu; đào tạo nghề may miễn phí.|draft|hcm-sonv|1
DN-002|1800123450|Công ty Cổ phần Thủy sản Tây Đô Xanh|C|KCN Trà Nóc 1|31174|cantho|3800||0292 384 1111||Chế biến cá tra xuất khẩu.|draft|cantho-sonv|1
DN-004|0309998880|Công ty Cổ phần Logistics Cát Lái Xanh|H|1295B Nguyễn Thị Định|-|hcm|650|||||draft|hcm-sonv|1
VL-001|0312345673|Công nhân may công nghiệp|7|20|7000000|9500000|full_time|lower_secondary|0|Lô 24, KCN Tân Tạo|27457|hcm|Sức khỏe tốt|Thưởng tháng 13|Làm việc theo chuyền.
Ca ngày, nghỉ Chủ nhật.|2026-12-31|Phòng nhân sự 028 3750 1234|disabled,veteran|draft|hcm-sonv|1
VL-002|1800123450|Công nhân chế biến thủy sản|9|50|-|-|seasonal|none|0||31174|cantho|||Ca sáng|2026-06-30|||draft|cantho-sonv|1
VL-010|0309998880|Kế toán kho|4|1|10000000|15000000|contract|cao_dang|3|1295B Nguyễn Thị Định|26740|hcm|Tốt nghiệp cao đẳng kế toán|Bảo hiểm đầy đủ||2026-09-30|ketoan@catlai.example.vn|poor_household|draft|hcm-sonv|1
`

// TestImportDataset: the same data set as CSV (BOM, ";"), XLSX and JSON
// Lines lands the same good rows, reports every bad row with its line and
// column, and a second import changes nothing.
func TestImportDataset(t *testing.T) {
	t.Parallel()
	for _, format := range []importer.Format{importer.CSV, importer.XLSX, importer.JSONL} {
		t.Run(format.String(), func(t *testing.T) {
			st := testenv.Store(t)
			first := importDataset(t, st, format, importer.Options{})
			if first.created != 6 || first.updated != 0 || first.unchanged != 0 {
				t.Errorf("first import: created %d, updated %d, unchanged %d; want 6, 0, 0", first.created, first.updated, first.unchanged)
			}
			sameRejections(t, "first import", first.rejected, wantRejected(format))
			if got := strings.Join(first.ignoredColumns, ","); got != "ghi_chu,status" {
				t.Errorf("ignored columns = %q, want ghi_chu,status (each once)", got)
			}
			if format == importer.XLSX && strings.Join(first.ignoredSheets, ",") != "Hướng dẫn" {
				t.Errorf("ignored sheets = %q, want the instructions sheet", first.ignoredSheets)
			}
			if got := dump(t, st); got != wantDump {
				t.Errorf("imported data:\n%s\nwant:\n%s", got, wantDump)
			}

			audits := testenv.Count(t, st, `SELECT count(*) FROM audit_log`)
			outbox := testenv.Count(t, st, `SELECT count(*) FROM search_outbox`)
			if audits != 6 {
				t.Errorf("audit_log has %d rows after the first import, want 6 (one per created entry)", audits)
			}
			second := importDataset(t, st, format, importer.Options{})
			if second.created != 0 || second.updated != 0 || second.unchanged != 6 {
				t.Errorf("re-import: created %d, updated %d, unchanged %d; want 0, 0, 6", second.created, second.updated, second.unchanged)
			}
			sameRejections(t, "re-import", second.rejected, wantRejected(format))
			if got := testenv.Count(t, st, `SELECT count(*) FROM audit_log`); got != audits {
				t.Errorf("re-import wrote %d audit rows, want none", got-audits)
			}
			if got := testenv.Count(t, st, `SELECT count(*) FROM search_outbox`); got != outbox {
				t.Errorf("re-import queued %d search updates, want none", got-outbox)
			}
			if got := dump(t, st); got != wantDump {
				t.Errorf("data after re-import:\n%s\nwant:\n%s", got, wantDump)
			}
		})
	}
}

// TestImportScope: an editor of Cần Thơ imports only Cần Thơ rows; the
// others are rejected with a Vietnamese message and nothing is written for
// them.
func TestImportScope(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	existing := testenv.NewCompany(t, st, 7, "hcm", domain.StatusPublished)
	t1, t2 := testenv.TaxCode(t, 1000), testenv.TaxCode(t, 2000)
	lines := []string{
		`{"type":"company","external_id":"S-1","tax_code":"` + t1 + `","name":"Công ty A","industry":"C","city":"hcm"}`,
		`{"type":"company","external_id":"S-2","tax_code":"` + t2 + `","name":"Công ty B","industry":"C","city":"cantho"}`,
		`{"type":"job","external_id":"SJ-1","company_tax_code":"` + existing.TaxCode + `","title":"Thợ may","occupation":7,"positions":1,"employment_type":"full_time","education":"none"}`,
		`{"type":"job","external_id":"SJ-2","company_tax_code":"` + t2 + `","title":"Thợ may","occupation":7,"positions":1,"employment_type":"full_time","education":"none"}`,
		`{"type":"policy","external_id":"SP-1","title":"Chương trình chung","kind":"program","field":"employment","city":"both"}`,
		`{"type":"job","external_id":"SJ-3","company_tax_code":"` + t2 + `","title":"Thợ may ở TP.HCM","occupation":7,"positions":1,"employment_type":"full_time","education":"none","city":"hcm"}`,
		// an existing TP.HCM company cannot be moved to Cần Thơ by its editor
		`{"type":"company","tax_code":"` + existing.TaxCode + `","name":"Đổi tên","industry":"C","city":"cantho"}`,
	}
	actor := store.WithActor(ctx, store.Actor{DepartmentCode: "cantho-sonv"})
	var res result
	rep, err := importer.Import(actor, st, strings.NewReader(strings.Join(lines, "\n")), importer.JSONL, importer.Options{
		AllowCity: func(city string) bool { return city == "cantho" },
		OnRow:     collect(&res),
	})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Created != 2 || rep.Updated != 0 || rep.RejectedRows() != 5 {
		t.Errorf("report = %+v; want 2 created, 5 rejected", rep)
	}
	hcm := "Bạn không có quyền nhập dữ liệu của TP. Hồ Chí Minh."
	both := "Bạn không có quyền nhập dữ liệu của cả hai thành phố (chỉ quản trị viên được nhập mục chung của hai thành phố)."
	sameRejections(t, "scope", res.rejected, []rejection{
		{"company", 1, "city", hcm},
		{"job", 3, "city", hcm},
		{"policy", 5, "city", both},
		{"job", 6, "city", hcm},
		{"company", 7, "city", hcm},
	})
	if got := testenv.Count(t, st, `SELECT count(*) FROM companies WHERE external_id IN ('S-1')`) + testenv.Count(t, st, `SELECT count(*) FROM jobs WHERE external_id IN ('SJ-1', 'SJ-3')`) +
		testenv.Count(t, st, `SELECT count(*) FROM policies`); got != 0 {
		t.Errorf("%d out-of-scope entries written, want none", got)
	}
	if got := testenv.Count(t, st, `SELECT count(*) FROM companies WHERE id = $1 AND name = $2 AND version = 1`, existing.ID, existing.Name); got != 1 {
		t.Error("the TP.HCM company was changed by a Cần Thơ import")
	}
	if got := testenv.Count(t, st, `SELECT count(*) FROM audit_log WHERE department_code = 'cantho-sonv'`); got != 2 {
		t.Errorf("audit rows of the import = %d, want 2 (S-2, SJ-2)", got)
	}
}

// TestImportDryRun: a dry run reports what an import would do — including
// a job whose company is new in the same file — and writes nothing.
func TestImportDryRun(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	existing := testenv.NewCompany(t, st, 1, "hcm", domain.StatusDraft)
	newTax := testenv.TaxCode(t, 5000)
	data := strings.Join([]string{
		`{"type":"company","tax_code":"` + existing.TaxCode + `","name":"Tên mới","industry":"C","city":"hcm"}`,
		`{"type":"company","external_id":"DR-1","tax_code":"` + newTax + `","name":"Công ty mới","industry":"F","city":"cantho"}`,
		`{"type":"job","external_id":"DRJ-1","company_tax_code":"` + newTax + `","title":"Thợ hồ","occupation":7,"positions":3,"employment_type":"seasonal","education":"none"}`,
		`{"type":"job","external_id":"DRJ-2","company_tax_code":"` + newTax + `","title":"Thợ điện","occupation":7,"positions":0,"employment_type":"seasonal","education":"none"}`,
		`{"type":"company","tax_code":"` + existing.TaxCode + `","name":"` + existing.Name + `","industry":"C","city":"hcm","employees":100}`,
	}, "\n")
	audits := testenv.Count(t, st, `SELECT count(*) FROM audit_log`)
	before := dump(t, st)

	var res result
	rep, err := importer.Import(ctx, st, strings.NewReader(data), importer.JSONL, importer.Options{DryRun: true, Publish: true, OnRow: collect(&res)})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Would || rep.Created != 2 || rep.Updated != 1 || rep.Unchanged != 0 || rep.RejectedRows() != 2 {
		t.Errorf("dry run = %+v; want would: 2 created, 1 updated, 2 rejected", rep)
	}
	sameRejections(t, "dry run", res.rejected, []rejection{
		{"job", 4, "positions", "Số lượng cần tuyển phải lớn hơn 0."},
		{"company", 5, "tax_code", "Mã số thuế trùng với dòng 1 trong cùng tệp."},
	})
	if got := testenv.Count(t, st, `SELECT count(*) FROM audit_log`); got != audits {
		t.Errorf("dry run wrote %d audit rows", got-audits)
	}
	if got := dump(t, st); got != before {
		t.Errorf("dry run changed the data:\n%s\nwas:\n%s", got, before)
	}

	// The real import does what the dry run said.
	real, err := importer.Import(ctx, st, strings.NewReader(data), importer.JSONL, importer.Options{Publish: true})
	if err != nil {
		t.Fatal(err)
	}
	if real.Would || real.Created != rep.Created || real.Updated != rep.Updated || real.RejectedRows() != rep.RejectedRows() {
		t.Errorf("import = %+v; the dry run said %+v", real, rep)
	}
	if got := testenv.Count(t, st, `SELECT count(*) FROM jobs j JOIN companies c ON c.id = j.company_id WHERE j.external_id = 'DRJ-1' AND c.tax_code = $1 AND j.status = 'published'`, newTax); got != 1 {
		t.Error("the job of the new company did not land published")
	}
}

// TestImportPublish: --publish publishes new entries and existing drafts;
// without it existing entries keep their status.
func TestImportPublish(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	rep, err := importer.ImportFile(ctx, st, "testdata/companies.csv", importer.Options{Type: "company"})
	if err != nil || rep.Created != 3 {
		t.Fatalf("import = %+v, %v; want 3 created", rep, err)
	}
	rep, err = importer.ImportFile(ctx, st, "testdata/companies.csv", importer.Options{Type: "companies", Publish: true})
	if err != nil || rep.Updated != 3 || rep.Unchanged != 0 {
		t.Fatalf("import --publish = %+v, %v; want 3 updated (published)", rep, err)
	}
	if got := testenv.Count(t, st, `SELECT count(*) FROM companies WHERE status = 'published' AND published_at IS NOT NULL`); got != 3 {
		t.Errorf("%d companies published, want 3", got)
	}
	if got := testenv.Count(t, st, `SELECT count(*) FROM audit_log WHERE action = 'publish'`); got != 3 {
		t.Errorf("%d publish audit rows, want 3", got)
	}
	for _, publish := range []bool{true, false} {
		rep, err = importer.ImportFile(ctx, st, "testdata/companies.csv", importer.Options{Type: "company", Publish: publish})
		if err != nil || rep.Unchanged != 3 || rep.Updated != 0 {
			t.Errorf("re-import (publish %v) = %+v, %v; want 3 unchanged", publish, rep, err)
		}
	}
	if got := testenv.Count(t, st, `SELECT count(*) FROM companies WHERE status = 'published'`); got != 3 {
		t.Errorf("re-import without --publish changed the status of %d companies", 3-got)
	}
}

// TestImportAllTypes: every entry type imports, lands with the department
// competent for it, and re-imports unchanged; a CSV of commitments with
// JSON cells updates one.
func TestImportAllTypes(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	tax := testenv.TaxCode(t, 3000)
	data := strings.Join([]string{
		`{"type":"policy","external_id":"CT-2024","title":"Chương trình hợp tác lao động TP.HCM – Cần Thơ","kind":"program","field":"employment","doc_number":"123/CTr-UBND","issuer":"UBND hai thành phố","issued_on":"28/06/2024","effective_from":"2024-07-01","effective_to":null,"summary":"Hợp tác","body":"# Nội dung\n\n- Việc làm","source_url":"https://example.gov.vn/ct","city":"both"}`,
		`{"type":"policy","external_id":"CS-1","title":"Hỗ trợ học nghề","kind":"policy","field":"vocational","city":"hcm"}`,
		`{"type":"policy","external_id":"CS-2","title":"Trợ giúp xã hội","kind":"guidance","field":"social","city":"cantho"}`,
		`{"type":"company","tax_code":"` + tax + `","name":"Công ty Xây dựng","industry":"F","ward":"Tân Tạo","city":"hcm","employees":"1,200"}`,
		`{"type":"job","external_id":"J-1","company_tax_code":"` + tax + `","title":"Thợ hồ","occupation":7,"positions":10,"wage_min":"8.000.000 đ","wage_max":"Thỏa thuận","employment_type":"Thời vụ","education":"none","priority_groups":["meritorious"]}`,
		`{"type":"school","external_id":"TR-1","code":"CDKT","name":"Trường Cao đẳng Kỹ thuật","kind":"cao_dang","ownership":"public","city":"cantho","ward":"31201","founded_year":1999,"accredited":"có","seeks_partners":true}`,
		`{"type":"program","external_id":"NG-1","school_city":"cantho","school_code":"CDKT","name":"Hàn","level":"trung_cap","duration_months":18,"tuition_vnd":"0","quota":40,"intake":"Tháng 9","mode":"full_time","support":"Miễn học phí cho bộ đội xuất ngũ"}`,
		`{"type":"project","external_id":"DA-1","title":"Trung tâm dịch vụ việc làm","organization":"Sở Nội vụ","kind":"employment","field":"Việc làm","city":"cantho","budget_vnd":5000000000,"start_on":"2025-01-01","end_on":"2026-12-31","stage":"seeking_partners"}`,
		`{"type":"commitment","external_id":"NV-1","program_external_id":"CT-2024","title":"Tổ chức sàn giao dịch việc làm","lead":"both","progress":"in_progress","due_on":"2025-12-31","sort_order":1,"departments":["hcm-sonv","cantho-sonv"],"weight":2}`,
		`{"type":"commitment","external_id":"NV-2","program_external_id":"CS-1","title":"Sai chương trình","lead":"hcm"}`,
	}, "\n")
	var res result
	rep, err := importer.Import(ctx, st, strings.NewReader(data), importer.JSONL, importer.Options{OnRow: collect(&res)})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Created != 9 || rep.RejectedRows() != 1 {
		t.Fatalf("import = %+v; want 9 created, 1 rejected", rep)
	}
	sameRejections(t, "all types", res.rejected, []rejection{
		{"commitment", 10, "program_external_id", "Mục “CS-1” là chính sách, không phải một chương trình hợp tác."},
	})
	checkImportedDrafts(t, st)
	checkImportedValues(t, st, tax)

	audits := testenv.Count(t, st, `SELECT count(*) FROM audit_log`)
	rep, err = importer.Import(ctx, st, strings.NewReader(data), importer.JSONL, importer.Options{})
	if err != nil || rep.Unchanged != 9 || rep.Created+rep.Updated != 0 {
		t.Errorf("re-import = %+v, %v; want 9 unchanged", rep, err)
	}
	checkCommitmentCSVUpdatesOnce(t, st)
	if got := testenv.Count(t, st, `SELECT count(*) FROM audit_log`); got != audits+1 {
		t.Errorf("%d audit rows written, want 1 (the commitment update)", got-audits)
	}
}

// checkImportedDrafts: each entry of TestImportAllTypes is a draft of the
// department competent for it.
func checkImportedDrafts(t *testing.T, st *store.Store) {
	t.Helper()
	for _, c := range []struct{ table, key, dept string }{
		{"policies", "CT-2024", "hcm-sonv"}, {"policies", "CS-1", "hcm-sogddt"}, {"policies", "CS-2", "cantho-soyt"},
		{"jobs", "J-1", "hcm-sonv"}, {"schools", "TR-1", "cantho-sogddt"}, {"programs", "NG-1", "cantho-sogddt"},
		{"projects", "DA-1", "cantho-sonv"}, {"commitments", "NV-1", "hcm-sonv"},
	} {
		if got := testenv.Count(t, st, `SELECT count(*) FROM `+c.table+` WHERE external_id = $1 AND department_code = $2 AND status = 'draft'`, c.key, c.dept); got != 1 {
			t.Errorf("%s %s: not a draft of %s", c.table, c.key, c.dept)
		}
	}
}

// checkImportedValues: the cells of TestImportAllTypes were read as meant
// (a ward by name, "1,200", "8.000.000 đ", "Thỏa thuận", "Thời vụ").
func checkImportedValues(t *testing.T, st *store.Store, tax string) {
	t.Helper()
	c, err := st.CompanyByTaxCode(ctx, tax)
	if err != nil || c.WardCode == nil || *c.WardCode != "27457" || c.Employees == nil || *c.Employees != 1200 {
		t.Errorf("company = %+v, %v; want ward 27457 (Tân Tạo), 1200 employees", c, err)
	}
	j, err := store.ByExternalID[domain.Job](ctx, st, "J-1")
	if err != nil || *j.WageMin != 8000000 || j.WageMax != nil || j.EmploymentType != "seasonal" || j.City != "hcm" || j.CompanyID != c.ID {
		t.Errorf("job = %+v, %v", j, err)
	}
	m, err := store.ByExternalID[domain.Commitment](ctx, st, "NV-1")
	if err != nil || m.Lead != "both" || len(m.Departments) != 2 || m.Weight == nil || *m.Weight != 2 {
		t.Errorf("commitment = %+v, %v", m, err)
	}
}

// checkCommitmentCSVUpdatesOnce: the same commitment from a spreadsheet,
// with one more responsible body, updates it once and then is unchanged.
func checkCommitmentCSVUpdatesOnce(t *testing.T, st *store.Store) {
	t.Helper()
	commitments := "external_id,program_external_id,title,lead,progress,due_on,sort_order,departments,weight\n" +
		`NV-1,CT-2024,Tổ chức sàn giao dịch việc làm,both,in_progress,31/12/2025,1,hcm-sonv;cantho-sonv;cantho-sogddt,2` + "\n"
	for i, want := range []string{"updated", "unchanged"} {
		rep, err := importer.Import(ctx, st, strings.NewReader(commitments), importer.CSV, importer.Options{Type: "commitments"})
		if err != nil || (want == "updated") != (rep.Updated == 1) || (want == "unchanged") != (rep.Unchanged == 1) || len(rep.Rejected) > 0 {
			t.Errorf("commitments CSV import %d = %+v, %v; want %s", i+1, rep, err, want)
		}
	}
}

// TestImportActor: every write is audited as the importing official.
func TestImportActor(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	city := "cantho"
	u := store.User{Email: "bien.tap@cantho.gov.vn", Name: "Biên tập viên", Role: "editor", City: &city, PasswordHash: "x"}
	if err := st.CreateUser(ctx, &u); err != nil {
		t.Fatal(err)
	}
	actor := store.WithActor(ctx, store.Actor{UserID: u.ID, DepartmentCode: "cantho-sonv"})
	csvData := "\ufeffexternal_id;tax_code;name;industry;city\nA-1;" + testenv.TaxCode(t, 4000) + ";Công ty Một;C;cantho\n"
	rep, err := importer.Import(actor, st, strings.NewReader(csvData), importer.CSV, importer.Options{Type: "company"})
	if err != nil || rep.Created != 1 {
		t.Fatalf("import = %+v, %v", rep, err)
	}
	if got := testenv.Count(t, st, `SELECT count(*) FROM audit_log WHERE user_id = $1 AND action = 'create' AND entity_type = 'company'`, u.ID); got != 1 {
		t.Errorf("%d audit rows by the official, want 1", got)
	}
}

// TestImportReadProblems: broken rows are reported and skipped; a file that
// cannot be read at all is an error.
func TestImportReadProblems(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	tax := testenv.TaxCode(t, 6000)
	jsonl := strings.Join([]string{
		`{"type":"company","tax_code":"` + tax + `","name":"Công ty","industry":"C","city":"cantho"}`,
		`{"type":"company", "name": `,
		`["not", "an", "object"]`,
		`{"type":"companyy","name":"x"}`,
		`{"name":"no type"}`,
	}, "\n")
	var res result
	rep, err := importer.Import(ctx, st, strings.NewReader(jsonl), importer.JSONL, importer.Options{OnRow: collect(&res)})
	if err != nil || rep.Created != 1 || rep.RejectedRows() != 4 {
		t.Fatalf("import = %+v, %v; want 1 created, 4 rejected", rep, err)
	}
	for i, want := range []struct {
		line   int
		column string
		msg    string
	}{
		{2, "", "Dòng không phải JSON hợp lệ"},
		{3, "", "Dòng không phải JSON hợp lệ"},
		{4, "type", "Loại mục companyy không có trong danh sách"},
		{5, "type", "Thiếu loại mục (type)"},
	} {
		if i >= len(res.rejected) || res.rejected[i].line != want.line || res.rejected[i].column != want.column || !strings.HasPrefix(res.rejected[i].message, want.msg) {
			t.Errorf("problem %d = %v, want line %d [%s] %s…", i, res.rejected, want.line, want.column, want.msg)
		}
	}

	// CSV: an unterminated quote is reported on its line; comma delimiter;
	// a company without a type is an error, not a panic.
	csvData := "tax_code,name,industry,city\n" + testenv.TaxCode(t, 7000) + ",Công ty \"Hai\" x,C,hcm\n" + testenv.TaxCode(t, 8000) + ",Công ty Ba,C,hcm\n"
	res = result{}
	rep, err = importer.Import(ctx, st, strings.NewReader(csvData), importer.CSV, importer.Options{Type: "company", OnRow: collect(&res)})
	if err != nil || rep.Created != 1 || rep.RejectedRows() != 1 || res.rejected[0].line != 2 {
		t.Errorf("CSV with a bad quote = %+v, %v, %v; want line 2 rejected, line 3 created", rep, err, res.rejected)
	}
	// Without a type, the header tells it; a header naming no type's
	// columns is refused.
	if rep, err := importer.Import(ctx, st, strings.NewReader(csvData), importer.CSV, importer.Options{DryRun: true}); err != nil || rep.Unchanged != 1 {
		t.Errorf("CSV of companies without a type = %+v, %v; want read as companies", rep, err)
	}
	if _, err := importer.Import(ctx, st, strings.NewReader("mã;tên\n1;2\n"), importer.CSV, importer.Options{}); !errors.Is(err, importer.ErrNoType) {
		t.Errorf("CSV without a type nor known columns: %v, want ErrNoType", err)
	}
	if _, err := importer.Import(ctx, st, strings.NewReader("\xff\xfet\x00a\x00x\x00"), importer.CSV, importer.Options{Type: "job"}); err == nil || !strings.Contains(err.Error(), "UTF-16") {
		t.Errorf("a UTF-16 CSV: %v, want an error saying so", err)
	}
	if _, err := importer.Import(ctx, st, strings.NewReader("mã;tên\n1;2\n"), importer.CSV, importer.Options{Type: "job"}); err == nil || !strings.Contains(err.Error(), "no column") {
		t.Errorf("a CSV header with no known column: %v, want an error", err)
	}
	if _, err := importer.Import(ctx, st, strings.NewReader("not a zip"), importer.XLSX, importer.Options{}); err == nil {
		t.Error("a broken XLSX file: no error")
	}
	if _, err := importer.ImportFile(ctx, st, filepath.Join(t.TempDir(), "missing.csv"), importer.Options{}); err == nil {
		t.Error("a missing file: no error")
	}
	if _, err := importer.ImportFile(ctx, st, "testdata/companies.txt", importer.Options{}); err == nil {
		t.Error("an unknown extension: no error")
	}
}

// TestImportProgress: a progress bar counts the bytes read.
func TestImportProgress(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	var bar bytes.Buffer
	rep, err := importer.ImportFile(ctx, st, "testdata/jobs.csv", importer.Options{Progress: &bar, DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Rows() != 11 || !strings.Contains(bar.String(), "100%") {
		t.Errorf("rows = %d, progress output %q; want 11 rows (the blank one skipped) and a finished bar", rep.Rows(), bar.String())
	}
}

// TestImportKeys: rows find their entry by external_id, else by natural
// key; a column the file lacks keeps its stored value; keys that disagree
// with the database are reported, not overwritten.
func TestImportKeys(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	a := testenv.NewCompany(t, st, 1, "hcm", domain.StatusPublished)
	b := testenv.NewCompany(t, st, 2, "hcm", domain.StatusPublished)
	run := func(lines ...string) (importer.Report, []rejection) {
		t.Helper()
		var res result
		rep, err := importer.Import(ctx, st, strings.NewReader(strings.Join(lines, "\n")), importer.JSONL, importer.Options{OnRow: collect(&res)})
		if err != nil {
			t.Fatal(err)
		}
		return rep, res.rejected
	}

	// The tax code finds A, which gets the external_id; employees (not in
	// the row) keep their value, the name changes, the status stays.
	rep, rej := run(`{"type":"company","external_id":"K-1","tax_code":"` + a.TaxCode + `","name":"Tên mới của A"}`)
	if rep.Updated != 1 || len(rej) > 0 {
		t.Fatalf("update by tax code = %+v %v", rep, rej)
	}
	got, err := store.ByExternalID[domain.Company](ctx, st, "K-1")
	if err != nil || got.ID != a.ID || got.Name != "Tên mới của A" || got.Employees == nil || *got.Employees != *a.Employees ||
		got.Status != domain.StatusPublished || got.IndustryCode != "C" {
		t.Errorf("company = %+v, %v", got, err)
	}
	// Found by external_id, a row only naming the key is unchanged.
	if rep, rej = run(`{"type":"company","external_id":"K-1"}`); rep.Unchanged != 1 || len(rej) > 0 {
		t.Errorf("key only = %+v %v; want unchanged", rep, rej)
	}

	rep, rej = run(
		`{"type":"company","external_id":"K-2","tax_code":"`+a.TaxCode+`","name":"A"}`,
		`{"type":"company","external_id":"K-1","tax_code":"`+b.TaxCode+`","name":"A"}`,
		`{"type":"job","title":"Không có mã tham chiếu","company_tax_code":"`+a.TaxCode+`"}`,
		`{"type":"job","external_id":"J-1","company_tax_code":"`+a.TaxCode+`","title":"Thợ may","occupation":7,"positions":"1.000","employment_type":"full_time","education":"none","ward":"Phường Ninh Kiều"}`,
	)
	sameRejections(t, "keys", rej, []rejection{
		{"company", 1, "external_id", "Doanh nghiệp có mã số thuế " + a.TaxCode + " đã có mã tham chiếu “K-1”, khác với “K-2” trong tệp."},
		{"company", 2, "tax_code", "Mã số thuế " + b.TaxCode + " đã thuộc một doanh nghiệp khác."},
		{"job", 3, "external_id", "Vui lòng nhập mã tham chiếu (external_id): nhờ mã này, nhập lại tệp sẽ cập nhật đúng mục thay vì tạo bản trùng."},
		{"job", 4, "ward", "“Phường Ninh Kiều” thuộc TP. Cần Thơ, không thuộc TP. Hồ Chí Minh."},
	})
	if rep.Created+rep.Updated != 0 {
		t.Errorf("report = %+v; want nothing written", rep)
	}
}

// TestApplyForm: a back-office form is read by the rules of a row.
func TestApplyForm(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	c := testenv.NewCompany(t, st, 1, "cantho", domain.StatusPublished)
	var j domain.Job
	errs, err := importer.ApplyForm(ctx, st, nil, "job", &j, map[string]string{
		"title": "Thợ hàn", "company_tax_code": c.TaxCode, "occupation": "7", "positions": "12",
		"wage_min": "8.000.000", "wage_max": "", "employment_type": "full_time", "education": "none",
		"city": "cantho", "ward": "31201", "deadline": "31/12/2026", "priority_groups": "disabled;veteran",
	})
	if err != nil || len(errs) > 0 {
		t.Fatalf("ApplyForm = %v, %v", errs, err)
	}
	if j.CompanyID != c.ID || j.Positions != 12 || *j.WageMin != 8000000 || j.WageMax != nil || *j.WardCode != "31201" ||
		j.Deadline.Format("2006-01-02") != "2026-12-31" || strings.Join(j.PriorityGroups, ",") != "disabled,veteran" {
		t.Errorf("job = %+v", j)
	}
	errs, err = importer.ApplyForm(ctx, st, nil, "job", &j, map[string]string{"positions": "0", "ward": "26740", "deadline": "hôm nay"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range errs {
		got = append(got, e.Column+": "+e.Message)
	}
	want := []string{
		"positions: Số lượng cần tuyển phải lớn hơn 0.",
		"ward: Phường/xã Phường Sài Gòn (26740) không thuộc TP. Cần Thơ.",
		"deadline: Ngày “hôm nay” không hợp lệ: dùng dạng 31/12/2025 hoặc 2025-12-31.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if _, err := importer.ApplyForm(ctx, st, nil, "job", &domain.Company{}, nil); err == nil {
		t.Error("ApplyForm with the wrong entity: no error")
	}
}

// TestImportAnalyzesAfterABigImport: an import that writes at least
// AnalyzeAfter rows refreshes the planner's statistics (pg_class.reltuples
// stays -1 until a table is first analysed); a smaller one leaves them.
func TestImportAnalyzesAfterABigImport(t *testing.T) {
	t.Parallel()
	reltuples := func(st *store.Store) float64 {
		t.Helper()
		var n float64
		if err := st.DB().Get(&n, `SELECT reltuples FROM pg_class WHERE oid = 'jobs'::regclass`); err != nil {
			t.Fatal(err)
		}
		return n
	}
	small := testenv.Store(t)
	importDataset(t, small, importer.CSV, importer.Options{})
	if n := reltuples(small); n >= 0 {
		t.Errorf("files of one row (below %d) analysed the tables: reltuples %v", importer.DefaultAnalyzeAfter, n)
	}
	big := testenv.Store(t)
	importDataset(t, big, importer.CSV, importer.Options{AnalyzeAfter: 1}) // a file per type, a row each
	if n := reltuples(big); n < 1 {
		t.Errorf("after an import of AnalyzeAfter rows, reltuples of jobs = %v, want the rows counted", n)
	}
}
