package importer

import (
	"context"
	"strings"
	"testing"

	"hoptac/internal/codes"
	"hoptac/internal/domain"
	"hoptac/internal/store"
	"hoptac/internal/testenv"
)

// codeTables are the migrated code tables, read once for the package.
func codeTables(t *testing.T) *codes.Tables {
	t.Helper()
	return testenv.Shared(t, "code tables", func(t testing.TB) *codes.Tables {
		st := testenv.SharedStore(t, "codes", func(testing.TB, *store.Store) {})
		tables, err := codes.Load(context.Background(), st)
		if err != nil {
			t.Fatalf("codes.Load: %v", err)
		}
		return tables
	})
}

// TestWordsPeopleWrite: every coded column takes the code and the words
// people write for it; what is ambiguous or unknown is refused with a
// message naming the candidates.
func TestWordsPeopleWrite(t *testing.T) {
	t.Parallel()
	words := newWordTables(codeTables(t))
	enum := func(o domain.Options) *choices { return optionChoices(o) }
	for _, tc := range []struct {
		column string
		cs     *choices
		in     string
		want   string   // the code; "" when refused
		cands  []string // refused as ambiguous: codes among the candidates
	}{
		{"city", words.cities, "cantho", "cantho", nil},
		{"city", words.cities, "Cần Thơ", "cantho", nil},
		{"city", words.cities, "Can Tho", "cantho", nil},
		{"city", words.cities, "can tho", "cantho", nil},
		{"city", words.cities, "TP Cần Thơ", "cantho", nil},
		{"city", words.cities, "TP. Cần Thơ", "cantho", nil},
		{"city", words.cities, "Thành phố Cần Thơ", "cantho", nil},
		{"city", words.cities, "TP.HCM", "hcm", nil},
		{"city", words.cities, "TPHCM", "hcm", nil},
		{"city", words.cities, "tp hcm", "hcm", nil},
		{"city", words.cities, "Hồ Chí Minh", "hcm", nil},
		{"city", words.cities, "Thành phố Hồ Chí Minh", "hcm", nil},
		{"city", words.cities, "Sài Gòn", "hcm", nil},
		{"city", words.cities, "Ho Chi Minh City", "hcm", nil},
		{"city", words.cities, "Hà Nội", "", nil},
		{"city", words.cities, "cả hai", "", nil},
		{"lead", words.citiesBoth, "cả hai thành phố", domain.Both, nil},
		{"lead", words.citiesBoth, "both", domain.Both, nil},
		{"ward", words.wards["hcm"], "Phường Tân Định", "26737", nil},
		{"ward", words.wards["hcm"], "Tân Định", "26737", nil},
		{"ward", words.wards["hcm"], "phuong tan dinh", "26737", nil},
		{"ward", words.wards["hcm"], "P. Tân Định", "", nil},
		{"ward", words.wards["hcm"], "26737", "26737", nil},
		{"ward", words.wards["hcm"], "Phường Tân Định, Quận 1", "26737", nil},
		{"ward", words.formerWards["hcm"], "Phường Tân Định", "", []string{"26737", "25849"}},
		{"ward", words.formerWards["hcm"], "Phường Phú Cường", "25747", nil},
		{"occupation", words.occupations, "8", "8", nil},
		{"occupation", words.occupations, "Công nhân", "8", nil},
		{"occupation", words.occupations, "Công nhân may công nghiệp", "8", nil},
		{"occupation", words.occupations, "cong nhan may", "8", nil},
		{"occupation", words.occupations, "Thợ lắp ráp và vận hành máy móc thiết bị", "8", nil},
		{"occupation", words.occupations, "Thợ lắp ráp", "8", nil},
		{"occupation", words.occupations, "8 – Thợ lắp ráp và vận hành máy móc thiết bị", "8", nil},
		{"occupation", words.occupations, "Lao động giản đơn", "9", nil},
		{"occupation", words.occupations, "Lao động phổ thông", "9", nil},
		{"occupation", words.occupations, "Thợ may", "7", nil},
		{"occupation", words.occupations, "Lao động", "", []string{"6", "7", "9"}},
		{"occupation", words.occupations, "Phi công", "", nil},
		{"industry", words.industries, "C", "C", nil},
		{"industry", words.industries, "c", "C", nil},
		{"industry", words.industries, "Công nghiệp chế biến, chế tạo", "C", nil},
		{"industry", words.industries, "cong nghiep che bien", "C", nil},
		{"industry", words.industries, "Hoạt động", "", []string{"K", "S", "U"}},
		{"employment_type", enum(domain.EmploymentTypes), "full_time", "full_time", nil},
		{"employment_type", enum(domain.EmploymentTypes), "Toàn thời gian", "full_time", nil},
		{"employment_type", enum(domain.EmploymentTypes), "toan thoi gian", "full_time", nil},
		{"employment_type", enum(domain.EmploymentTypes), "full time", "full_time", nil},
		{"employment_type", enum(domain.EmploymentTypes), "Bán thời gian", "part_time", nil},
		{"employment_type", enum(domain.EmploymentTypes), "Thời vụ", "seasonal", nil},
		{"employment_type", enum(domain.EmploymentTypes), "thời", "seasonal", nil},
		{"education", enum(domain.EducationLevels), "Đại học", "university", nil},
		{"education", enum(domain.EducationLevels), "THPT", "", nil},
		{"education", enum(domain.EducationLevels), "Tốt nghiệp THPT", "upper_secondary", nil},
		{"education", enum(domain.EducationLevels), "Tốt nghiệp", "", []string{"lower_secondary", "upper_secondary"}},
		{"school kind", enum(domain.SchoolKinds), domain.SchoolKinds[0].Label, domain.SchoolKinds[0].Code, nil},
		{"ownership", enum(domain.Ownerships), codes.Fold(domain.Ownerships[0].Label), domain.Ownerships[0].Code, nil},
		{"program level", enum(domain.ProgramLevels), domain.ProgramLevels[0].Label, domain.ProgramLevels[0].Code, nil},
		{"study mode", enum(domain.StudyModes), domain.StudyModes[0].Label, domain.StudyModes[0].Code, nil},
		{"policy kind", enum(domain.PolicyKinds), domain.PolicyKinds[0].Label, domain.PolicyKinds[0].Code, nil},
		{"policy field", enum(domain.PolicyFields), domain.PolicyFields[0].Label, domain.PolicyFields[0].Code, nil},
		{"project kind", enum(domain.ProjectKinds), domain.ProjectKinds[0].Label, domain.ProjectKinds[0].Code, nil},
		{"project stage", enum(domain.ProjectStages), domain.ProjectStages[0].Label, domain.ProjectStages[0].Code, nil},
		{"priority group", enum(domain.PriorityGroups), domain.PriorityGroups[0].Label, domain.PriorityGroups[0].Code, nil},
	} {
		t.Run(tc.column+"/"+tc.in, func(t *testing.T) {
			got, cands := tc.cs.pick(tc.in)
			if got != tc.want {
				t.Fatalf("pick(%q) = %q (candidates %v), want %q", tc.in, got, codesOf(cands), tc.want)
			}
			if tc.want != "" {
				return
			}
			if len(tc.cands) == 0 {
				if len(cands) > 0 {
					t.Fatalf("pick(%q): candidates %v, want none (unknown)", tc.in, codesOf(cands))
				}
				msg := tc.cs.unknown(tc.in, "x")
				if !strings.Contains(msg, tc.in) {
					t.Errorf("unknown(%q) = %q: does not quote the value", tc.in, msg)
				}
				return
			}
			msg := ambiguous(tc.in, cands)
			for _, want := range tc.cands {
				if !strings.Contains(strings.Join(codesOf(cands), " "), want) || !strings.Contains(msg, "("+want+")") {
					t.Errorf("pick(%q): candidates %v, message %q; want candidate %s named", tc.in, codesOf(cands), msg, want)
				}
			}
		})
	}
}

func codesOf(cs []choice) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.code
	}
	return out
}

// TestNaturalValues: money and dates as people write them.
func TestNaturalValues(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"8 triệu", 8_000_000, true},
		{"8 trieu", 8_000_000, true},
		{"8tr", 8_000_000, true},
		{"8 tr", 8_000_000, true},
		{"8,5 triệu", 8_500_000, true},
		{"8.5tr", 8_500_000, true},
		{"12 triệu đồng", 12_000_000, true},
		{"500 nghìn", 500_000, true},
		{"500k", 500_000, true},
		{"8.000.000", 8_000_000, true},
		{"8.000.000đ", 8_000_000, true},
		{"triệu", 0, false},
		{"8,1234567 triệu", 0, false},
		{"tám triệu", 0, false},
	} {
		got, ok := parseNumber(tc.in, true)
		if got != tc.want || ok != tc.ok {
			t.Errorf("parseNumber(%q, money) = %d, %v; want %d, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// TestWardMessages: a ward read without a known city is looked for in
// both cities, and the messages never leave a city's name blank.
func TestWardMessages(t *testing.T) {
	t.Parallel()
	ref := newRefData(codeTables(t))
	for _, tc := range []struct {
		in, city, want, msg string
	}{
		{"Tân Định", "", "26737", ""},
		{"Ninh Kiều", "", "31135", ""},
		{"Ninh Kiều", "hcm", "", "“Phường Ninh Kiều” thuộc TP. Cần Thơ, không thuộc TP. Hồ Chí Minh."},
		{"Không Có", "", "", "Không tìm thấy phường/xã “Không Có”: ghi tên phường/xã sau sáp nhập"},
		{"Không Có", "cantho", "", "Không tìm thấy phường/xã “Không Có” của TP. Cần Thơ:"},
	} {
		c := &rowCtx{r: &run{ref: ref}, rec: &record{cells: map[string]cell{"ward": {kind: cellText, text: tc.in}}}}
		var got *string
		c.setWard("ward", &got, tc.city)
		if tc.want != "" {
			if got == nil || *got != tc.want {
				t.Errorf("setWard(%q, city %q) = %v (problems %v), want %s", tc.in, tc.city, got, c.errs, tc.want)
			}
			continue
		}
		if msg := c.errs["ward"]; !strings.Contains(msg, tc.msg) || strings.Contains(msg, "của :") {
			t.Errorf("setWard(%q, city %q): message %q, want it to contain %q", tc.in, tc.city, msg, tc.msg)
		}
	}
}
