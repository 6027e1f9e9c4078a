package seed

// Generate builds a large, realistic data set of N entries for benchmarks
// and load tests (`hoptac seed --size 100000`). It reuses the demo data's
// vocabulary (job templates, trades, company descriptions, names) and the
// real wards of both cities, and is deterministic: the same size and the
// same now give the same entries.

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"hoptac/internal/domain"
	"hoptac/internal/store"
	"hoptac/internal/vn"
)

// GeneratedMetaKey is the site_meta key Generate sets: "incomplete:N" while
// it writes, N once every entry is in.
const GeneratedMetaKey = "generated_size"

// MinGenerateSize is the smallest data set Generate makes.
const MinGenerateSize = 10

// generateBatch is how many rows one transaction of Generate writes.
const generateBatch = 2000

// Counts is how many entries of each type a generated data set has.
type Counts struct {
	Companies, Jobs, Schools, Programs, Policies, Projects int
}

// Total is the number of entries.
func (c Counts) Total() int {
	return c.Companies + c.Jobs + c.Schools + c.Programs + c.Policies + c.Projects
}

func (c Counts) String() string {
	return fmt.Sprintf("jobs %d, companies %d, programs %d, schools %d, policies %d, projects %d (total %d)",
		c.Jobs, c.Companies, c.Programs, c.Schools, c.Policies, c.Projects, c.Total())
}

// splitSize shares size out: about 70 % jobs, 15 % companies, 8 %
// programs, 2 % schools, 2.5 % policies and 2.5 % projects.
func splitSize(size int) Counts {
	c := Counts{
		Companies: max(1, size*15/100),
		Schools:   max(1, size*2/100),
		Programs:  size * 8 / 100,
		Policies:  size * 25 / 1000,
		Projects:  size * 25 / 1000,
	}
	c.Jobs = size - c.Companies - c.Schools - c.Programs - c.Policies - c.Projects
	return c
}

// Generate writes a data set of size published entries in transactions of
// generateBatch rows. It refuses to run twice on one database: the data
// set is marked by GeneratedMetaKey. It returns what it wrote.
func Generate(ctx context.Context, st *store.Store, size int, now time.Time) (Counts, error) {
	if size < MinGenerateSize {
		return Counts{}, fmt.Errorf("seed: a generated data set has at least %d entries", MinGenerateSize)
	}
	wards, err := st.Wards(ctx, "")
	if err != nil {
		return Counts{}, fmt.Errorf("seed: read wards: %w", err)
	}
	g, err := buildGenerated(size, now, wards)
	if err != nil {
		return Counts{}, err
	}
	// Check everything before the first transaction.
	if err := g.validate(); err != nil {
		return Counts{}, err
	}

	err = st.Batch(ctx, func(b *store.Batch) error {
		if err := b.LockMeta(ctx, GeneratedMetaKey); err != nil {
			return fmt.Errorf("seed: lock %s: %w", GeneratedMetaKey, err)
		}
		switch v, err := b.Meta(ctx, GeneratedMetaKey); {
		case err == nil && strings.HasPrefix(v, "incomplete:"):
			return fmt.Errorf("seed: an earlier generation of %s entries did not finish; start again on an empty database", strings.TrimPrefix(v, "incomplete:"))
		case err == nil:
			return fmt.Errorf("seed: a generated data set of %s entries is already in this database; start again on an empty database", v)
		case !errors.Is(err, store.ErrNotFound):
			return fmt.Errorf("seed: read %s: %w", GeneratedMetaKey, err)
		}
		return b.SetMeta(ctx, GeneratedMetaKey, "incomplete:"+strconv.Itoa(size))
	})
	if err != nil {
		return Counts{}, err
	}

	if err := g.write(ctx, st); err != nil {
		return Counts{}, err
	}
	// Without fresh statistics the planner takes the tables for empty and
	// the reindex's joins take minutes.
	if err := st.AnalyzeEntries(ctx); err != nil {
		return Counts{}, fmt.Errorf("seed: analyze: %w", err)
	}
	if err := st.Batch(ctx, func(b *store.Batch) error {
		return b.SetMeta(ctx, GeneratedMetaKey, strconv.Itoa(size))
	}); err != nil {
		return Counts{}, fmt.Errorf("seed: set %s: %w", GeneratedMetaKey, err)
	}
	return g.counts(), nil
}

// generated is a generated data set in memory; relations are indexes into
// the parent slice, as in dataset.
type generated struct{ entries }

func (g *generated) counts() Counts {
	return Counts{Companies: len(g.companies), Jobs: len(g.jobs), Schools: len(g.schools),
		Programs: len(g.programs), Policies: len(g.policies), Projects: len(g.projects)}
}

// validate checks every entry and relation, like dataset.validate.
func (g *generated) validate() error { return g.each(context.Background(), checking()) }

// write inserts the data set, parents first, generateBatch rows per
// transaction.
func (g *generated) write(ctx context.Context, st *store.Store) error {
	return g.each(ctx, pass{
		rows: func(n int, row func(*store.Batch, int) error) error { return inChunks(ctx, st, n, row) },
		// validate has checked every entry.
		visit: func(_, _ string, _ func() domain.FieldErrors, insert func() error) error { return insert() },
	})
}

// each takes the data set through p in the order it is written.
func (g *generated) each(ctx context.Context, p pass) error {
	if err := g.employersAndSchools(ctx, p); err != nil {
		return err
	}
	if _, err := each(ctx, p, "policy", g.policies, nil, create); err != nil {
		return err
	}
	_, err := each(ctx, p, "project", g.projects, nil, create)
	return err
}

// inChunks calls insert for 0…n-1, generateBatch calls per transaction.
//
// It refreshes the planner's statistics after the 1st, 4th and 16th
// chunk: the triggers' plans (search_docs, audit) are cached per
// connection when first run, on a table that looks empty, and a plan made
// then scans the whole table for every row; ANALYZE invalidates them. At
// 100,000 entries this is the difference between 20 minutes and 4.
func inChunks(ctx context.Context, st *store.Store, n int, insert func(b *store.Batch, i int) error) error {
	for chunk, from := 1, 0; from < n; chunk, from = chunk+1, from+generateBatch {
		to := min(from+generateBatch, n)
		if err := st.Batch(ctx, func(b *store.Batch) error {
			for i := from; i < to; i++ {
				if err := insert(b, i); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			return err
		}
		if (chunk == 1 || chunk == 4 || chunk == 16) && to < n {
			if err := st.AnalyzeEntries(ctx); err != nil {
				return fmt.Errorf("seed: analyze: %w", err)
			}
		}
	}
	return nil
}

// ---- building ----

// generateRand is the generator's one source of randomness, fixed so two
// runs build the same data set.
func generateRand() *rand.Rand { return rand.New(rand.NewPCG(2025, 701)) }

// genWard is a ward with what the generator derives from it.
type genWard struct {
	domain.Ward
	place    string // the name without "Phường", "Xã", "Đặc khu"
	province string // the former province for tax codes and area codes: "", "binhduong", "brvt", "soctrang", "haugiang"
}

// formerProvince tells which merged province a ward was part of.
func formerProvince(former string) string {
	switch {
	case strings.Contains(former, "Bình Dương"):
		return "binhduong"
	case strings.Contains(former, "Bà Rịa"):
		return "brvt"
	case strings.Contains(former, "Sóc Trăng"):
		return "soctrang"
	case strings.Contains(former, "Hậu Giang"):
		return "haugiang"
	}
	return ""
}

// Tax code prefixes (the province a company registered in) and telephone
// area codes, by city and former province.
var (
	taxPrefix = map[string]string{"hcm": "03", "cantho": "18", "binhduong": "37", "brvt": "35", "soctrang": "22", "haugiang": "63"}
	areaCodes = map[string]string{"hcm": "028", "cantho": "0292", "binhduong": "0274", "brvt": "0254", "soctrang": "0299", "haugiang": "0293"}
	cityLabel = map[string]string{"hcm": "TP. Hồ Chí Minh", "cantho": "TP. Cần Thơ"}
	cityName  = map[string]string{"hcm": "Thành phố Hồ Chí Minh", "cantho": "Thành phố Cần Thơ"}
	provCode  = map[string]string{"hcm": "79", "cantho": "92"}
)

func (w genWard) region() string {
	if w.province != "" {
		return w.province
	}
	return w.CityCode
}

// fullAddress is street, ward and city as written in contact texts.
func fullAddress(street string, w genWard) string {
	return street + ", " + w.Name + ", " + cityLabel[w.CityCode]
}

// genProfile is a kind of employer: a key of jobProfiles with its VSIC
// section, words of company names and how common it is in each city.
type genProfile struct {
	profile        string
	industry       string
	trades         []string
	hcm, cantho    int // weights
	factory        bool
	minEmp, maxEmp int
}

var genProfiles = []genProfile{
	{"garment", "C", []string{"May mặc", "May xuất khẩu", "Dệt may", "Thời trang"}, 12, 8, true, 150, 8000},
	{"footwear", "C", []string{"Giày da", "Giày dép", "Túi xách và Giày da"}, 7, 2, true, 300, 15000},
	{"electronics", "C", []string{"Điện tử", "Linh kiện Điện tử", "Công nghệ Điện tử"}, 9, 3, true, 150, 6000},
	{"seafood", "C", []string{"Thủy sản", "Chế biến Thủy sản", "Thực phẩm", "Hải sản"}, 4, 14, true, 150, 5000},
	{"rice", "C", []string{"Lương thực", "Gạo", "Nông sản"}, 1, 8, true, 40, 1200},
	{"logistics", "H", []string{"Logistics", "Vận tải", "Giao nhận Vận tải", "Kho vận"}, 9, 6, false, 30, 1500},
	{"retail", "G", []string{"Thương mại", "Siêu thị", "Bán lẻ", "Thương mại – Dịch vụ"}, 10, 8, false, 20, 3000},
	{"hotel", "I", []string{"Khách sạn", "Du lịch", "Nhà hàng – Khách sạn", "Du lịch – Dịch vụ"}, 7, 6, false, 20, 600},
	{"construction", "F", []string{"Xây dựng", "Đầu tư Xây dựng", "Xây lắp", "Kỹ thuật Xây dựng"}, 9, 7, false, 30, 1500},
	{"software", "J", []string{"Phần mềm", "Công nghệ Thông tin", "Giải pháp Số", "Công nghệ"}, 8, 3, false, 15, 800},
	{"hospital", "Q", []string{"Bệnh viện Đa khoa", "Y tế", "Phòng khám Đa khoa"}, 5, 4, false, 30, 1200},
	{"mechanical", "C", []string{"Cơ khí", "Cơ khí Chính xác", "Kết cấu Thép"}, 7, 4, true, 40, 2000},
	{"aquaculture", "A", []string{"Nuôi trồng Thủy sản", "Giống Thủy sản", "Thủy sản"}, 1, 8, false, 10, 300},
	{"plastics", "C", []string{"Bao bì", "Nhựa", "Bao bì Nhựa"}, 5, 2, true, 40, 800},
}

// Brand names are two Sino-Vietnamese words, as most Vietnamese firms have.
var (
	brandFirst  = []string{"Phú", "Tân", "Hưng", "Thành", "Minh", "Đại", "Kim", "Thiên", "Trường", "Gia", "Vạn", "An", "Bình", "Phước", "Hoàng", "Việt", "Nam", "Đông", "Tây", "Sao", "Hòa", "Quốc", "Thuận", "Hải", "Long", "Mỹ", "Phương", "Nhật", "Toàn", "Hồng"}
	brandSecond = []string{"Thịnh", "Phát", "Hưng", "Lợi", "Long", "Thành", "An", "Phúc", "Việt", "Nam", "Tiến", "Minh", "Khang", "Đạt", "Hòa", "Sơn", "Hải", "Lộc", "Quang", "Vinh", "Tín", "Nghĩa", "Mai", "Á"}
	regionWord  = map[string][]string{
		"hcm":    {"Sài Gòn", "Miền Nam", "Phương Nam", "Đông Nam Bộ", "Bình Dương", "Vũng Tàu"},
		"cantho": {"Tây Đô", "Cửu Long", "Mekong", "Miền Tây", "Sông Hậu", "Sóc Trăng"},
	}
	streets = map[string][]string{
		"hcm": {"Nguyễn Văn Linh", "Võ Văn Ngân", "Cách Mạng Tháng Tám", "Lê Văn Việt", "Kinh Dương Vương", "Quang Trung",
			"Phạm Văn Đồng", "Nguyễn Thị Thập", "Đại lộ Bình Dương", "Nguyễn Trãi", "Điện Biên Phủ", "Lê Lợi", "Hùng Vương",
			"Trường Chinh", "Âu Cơ", "Lũy Bán Bích", "Tân Kỳ Tân Quý", "Xa lộ Hà Nội", "Nguyễn Ảnh Thủ", "Tỉnh lộ 10",
			"Yersin", "Phú Lợi", "Nguyễn An Ninh", "Đường 27 Tháng 4", "Thống Nhất", "Huỳnh Tấn Phát"},
		"cantho": {"Đường 30 Tháng 4", "Đường 3 Tháng 2", "Nguyễn Văn Cừ", "Trần Hưng Đạo", "Mậu Thân", "Cách Mạng Tháng Tám",
			"Võ Văn Kiệt", "Hùng Vương", "Lê Hồng Phong", "Quốc lộ 91", "Quốc lộ 1A", "Trần Hoàng Na", "Nguyễn Trãi",
			"Lê Duẩn", "Phú Lợi", "Trần Văn Khéo", "Hòa Bình", "Quốc lộ 61"},
	}
	industrialParks = map[string][]string{
		"hcm": {"Khu công nghiệp Tân Tạo", "Khu công nghiệp Vĩnh Lộc", "Khu công nghiệp Tân Bình", "Khu công nghiệp Hiệp Phước",
			"Khu công nghiệp Lê Minh Xuân", "Khu chế xuất Tân Thuận", "Khu chế xuất Linh Trung 1", "Khu công nghiệp VSIP",
			"Khu công nghiệp Sóng Thần", "Khu công nghiệp Mỹ Phước", "Khu công nghiệp Phú Mỹ I", "Khu Công nghệ cao"},
		"cantho": {"Khu công nghiệp Trà Nóc 1", "Khu công nghiệp Trà Nóc 2", "Khu công nghiệp Hưng Phú", "Khu công nghiệp Thốt Nốt",
			"Khu công nghiệp Tân Phú Thạnh", "Khu công nghiệp An Nghiệp", "Khu công nghiệp Sông Hậu"},
	}
	employerExtras = []string{
		"Có xe đưa rước công nhân và nhà ăn ca.",
		"Đào tạo nghề miễn phí cho lao động mới, có lương trong thời gian học việc.",
		"Có nhà trẻ cho con công nhân và ký túc xá cho lao động ở xa.",
		"Ưu tiên tuyển lao động từ Cần Thơ và các tỉnh Đồng bằng sông Cửu Long theo Chương trình hợp tác.",
		"Đạt danh hiệu doanh nghiệp vì người lao động.",
		"Liên kết đào tạo với các trường cao đẳng, trung cấp trong khu vực.",
		"Thường xuyên tuyển dụng trong năm.",
	}
)

// street is a street address (no ward, no city) for an employer or school.
func street(r *rand.Rand, city string, factory bool) string {
	if factory && r.IntN(5) < 2 {
		return fmt.Sprintf("Lô %c%d, %s", 'A'+rune(r.IntN(8)), between(r, 1, 40), pick(r, industrialParks[city]))
	}
	if r.IntN(5) == 0 {
		return fmt.Sprintf("Số %d Đường số %d", between(r, 1, 350), between(r, 1, 30))
	}
	return fmt.Sprintf("Số %d %s", between(r, 1, 900), pick(r, streets[city]))
}

// weighted picks an index by weight.
func weighted(r *rand.Rand, weights []int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := r.IntN(total)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}

// logBetween is a whole number spread evenly on a log scale in [lo, hi]:
// many small employers, a few very large ones.
func logBetween(r *rand.Rand, lo, hi int) int {
	v := math.Exp(math.Log(float64(lo)) + r.Float64()*(math.Log(float64(hi))-math.Log(float64(lo))))
	return int(v)
}

// genBuilder carries what the parts of a generated data set share.
type genBuilder struct {
	r       *rand.Rand
	now     time.Time
	wards   map[string][]genWard // by city, in code order
	domains map[string]int       // web domains handed out, to keep them distinct
	taxUsed map[string]bool
}

func (gb *genBuilder) city() string {
	if gb.r.IntN(100) < 64 {
		return "hcm"
	}
	return "cantho"
}

func (gb *genBuilder) ward(city string) genWard { return pick(gb.r, gb.wards[city]) }

// webDomain makes base distinct by appending a number when it is taken.
func (gb *genBuilder) webDomain(base, tld string) string {
	gb.domains[base+tld]++
	if n := gb.domains[base+tld]; n > 1 {
		return base + strconv.Itoa(n) + tld
	}
	return base + tld
}

// compact is a name as a web domain label: "Phú Thịnh" → "phuthinh".
func compact(s string) string { return strings.ReplaceAll(vn.Slug(s), "-", "") }

// buildGenerated makes a data set of size entries in the given wards. It
// depends on nothing else: the same size, now and wards give the same data.
func buildGenerated(size int, now time.Time, wards []domain.Ward) (generated, error) {
	gb := &genBuilder{r: generateRand(), now: now, wards: map[string][]genWard{}, domains: map[string]int{}, taxUsed: map[string]bool{}}
	sorted := slices.Clone(wards)
	slices.SortFunc(sorted, func(a, b domain.Ward) int { return strings.Compare(a.Code, b.Code) })
	for _, w := range sorted {
		place := w.Name
		for _, unit := range []string{"Phường ", "Xã ", "Đặc khu "} {
			place = strings.TrimPrefix(place, unit)
		}
		gb.wards[w.CityCode] = append(gb.wards[w.CityCode], genWard{Ward: w, place: place, province: formerProvince(w.FormerUnits)})
	}
	for _, city := range []string{"hcm", "cantho"} {
		if len(gb.wards[city]) == 0 {
			return generated{}, fmt.Errorf("seed: no wards of %s: run the migrations first", city)
		}
	}
	// Keep clear of the demo employers' tax codes, so both data sets fit
	// in one database.
	for _, c := range build(now).companies {
		gb.taxUsed[c.TaxCode] = true
	}

	n := splitSize(size)
	var g generated
	var specs []companySpec
	var places []genWard
	g.companies, specs, places = gb.companies(n.Companies)
	g.jobs = gb.jobs(n.Jobs, g.companies, specs, places)
	var trades [][]string
	g.schools, trades = gb.schools(n.Schools)
	g.programs = gb.programs(n.Programs, g.schools, trades)
	g.policies = gb.policies(n.Policies)
	g.projects = gb.projects(n.Projects, g.companies, g.schools)
	return g, nil
}

// descriptionsByProfile are the demo employers' descriptions, by profile.
func descriptionsByProfile() map[string][]string {
	out := map[string][]string{}
	for _, s := range companySpecs {
		switch {
		case s.branchOf >= 0:
		case s.draft: // its second sentence is about the draft
			first, _, _ := strings.Cut(s.description, ". ")
			out[s.profile] = append(out[s.profile], strings.TrimSuffix(first, ".")+".")
		default:
			out[s.profile] = append(out[s.profile], s.description)
		}
	}
	return out
}

// companies makes n published employers; about one in twenty-five is a
// branch of an earlier one. It also returns, per company, the spec that
// makeJob reads (profile, employees) and its ward. Addresses are full here
// (job contact texts quote them) and cut to the street at the end.
func (gb *genBuilder) companies(n int) ([]domain.Company, []companySpec, []genWard) {
	r := gb.r
	descs := descriptionsByProfile()
	out := make([]domain.Company, 0, n)
	specs := make([]companySpec, 0, n)
	places := make([]genWard, 0, n)
	branches := map[int]int{}
	weights := map[string][]int{}
	for _, p := range genProfiles {
		weights["hcm"] = append(weights["hcm"], p.hcm)
		weights["cantho"] = append(weights["cantho"], p.cantho)
	}
	for i := 0; i < n; i++ {
		city := gb.city()
		w := gb.ward(city)
		var c domain.Company
		var spec companySpec
		if i >= 10 && r.IntN(25) == 0 {
			// A branch of an earlier (non-branch) employer in the same city.
			p := r.IntN(i)
			for specs[p].branchOf >= 0 {
				p = specs[p].branchOf
			}
			parent := out[p]
			city = parent.City
			w = gb.ward(city)
			branches[p]++
			spec = companySpec{profile: specs[p].profile, employees: logBetween(r, 30, max(31, specs[p].employees/2)), branchOf: p}
			c = domain.Company{
				TaxCode:      parent.TaxCode + "-" + pad(branches[p], 3),
				Name:         "Chi nhánh " + parent.Name + " tại " + w.place,
				IndustryCode: parent.IndustryCode,
				Website:      parent.Website,
				Email:        "chinhanh" + strconv.Itoa(branches[p]) + "." + parent.Email,
				Description:  "Chi nhánh của " + parent.Name + " tại " + w.Name + ". " + parent.Description,
			}
		} else {
			p := genProfiles[weighted(r, weights[city])]
			legal := "Công ty TNHH"
			switch k := r.IntN(20); {
			case k < 8:
				legal = "Công ty Cổ phần"
			case k == 8:
				legal = "Công ty TNHH Một thành viên"
			}
			brand := pick(r, brandFirst) + " " + pick(r, brandSecond)
			name := legal + " " + pick(r, p.trades) + " " + brand
			if r.IntN(6) == 0 {
				name += " " + pick(r, regionWord[city])
			}
			web := gb.webDomain(compact(brand)+compact(strings.Fields(p.trades[0])[0]), ".vn")
			employees := logBetween(r, p.minEmp, p.maxEmp)
			spec = companySpec{profile: p.profile, employees: employees, branchOf: -1}
			desc := pick(r, descs[p.profile])
			desc += fmt.Sprintf(" Quy mô khoảng %s lao động.", vn.GroupDigits(int64(employees)))
			if r.IntN(2) == 0 {
				desc += " " + pick(r, employerExtras)
			}
			c = domain.Company{
				TaxCode:      newTaxCode(r, taxPrefix[w.region()], gb.taxUsed),
				Name:         name,
				IndustryCode: p.industry,
				Website:      "https://" + web,
				Email:        "tuyendung@" + web,
				Description:  desc,
			}
		}
		factory := false
		for _, p := range genProfiles {
			if p.profile == spec.profile {
				factory = p.factory
			}
		}
		c.ExternalID = "gen-company-" + pad(i+1, 6)
		c.IndustryVersion = "VSIC2018"
		c.Address = fullAddress(street(r, city, factory), w)
		c.WardCode = ptr(w.Code)
		c.City = city
		c.Employees = ptr(spec.employees)
		c.Phone = landline(r, areaCodes[w.region()])
		t := randomMoment(r, at(2024, time.July, 8, 8, 0), gb.now.AddDate(0, 0, -7))
		if spec.branchOf >= 0 && t.Before(*out[spec.branchOf].PublishedAt) {
			t = out[spec.branchOf].PublishedAt.AddDate(0, 0, 14)
		}
		published(&c.Meta, city, areaLabour, t, gb.now)
		out = append(out, c)
		specs = append(specs, spec)
		places = append(places, w)
	}
	return out, specs, places
}

// jobs makes n published openings; large employers post more of them.
func (gb *genBuilder) jobs(n int, companies []domain.Company, specs []companySpec, places []genWard) []seedJob {
	r := gb.r
	type contact struct{ person, phone string }
	contacts := make([]contact, len(companies))
	for i := range companies {
		contacts[i] = contact{person(r), mobile(r)}
	}
	pools := map[string][]jobTemplate{}
	for profile, own := range jobProfiles {
		pools[profile] = append(slices.Clone(own), officeJobs...)
	}
	day := today(gb.now)
	out := make([]seedJob, 0, n)
	for i := 0; i < n; i++ {
		// The product of two uniforms favours low indexes: a few employers
		// post many openings, most post a few.
		ci := int(float64(len(companies)) * r.Float64() * r.Float64())
		c, s := companies[ci], specs[ci]
		var t jobTemplate
		if r.IntN(5) < 2 {
			t = jobProfiles[s.profile][0]
		} else {
			t = pick(r, pools[s.profile])
		}
		j := makeJob(r, t, s, c, ci, contacts[ci].person, contacts[ci].phone)
		j.ExternalID = "gen-job-" + pad(i+1, 6)
		switch k := r.IntN(20); {
		case k < 2:
			j.Title = "Tuyển gấp " + lowerFirst(j.Title)
		case k < 4:
			j.Title += " – " + places[ci].Name
		case k == 4 && t.factory:
			j.Title += " (làm ca đêm)"
		case k == 5 && j.ExperienceYears == 0:
			j.Title += " (không yêu cầu kinh nghiệm)"
		}
		switch k := r.IntN(100); {
		case k < 15:
			j.WageMin, j.WageMax = nil, nil
		case k < 20:
			j.WageMax = nil
		}
		if r.IntN(5) == 0 {
			addPriorityGroups(r, &j.Job)
		}
		var pub time.Time
		switch k := r.IntN(100); {
		case k < 5: // the deadline has passed
			deadline := day.AddDate(0, 0, -between(r, 1, 60))
			j.Deadline = &deadline
			pub = randomMoment(r, deadline.AddDate(0, 0, -75), deadline.AddDate(0, 0, -20))
		case k < 10: // recruiting all year round
			j.Deadline = nil
			j.Description += " Công ty tuyển dụng thường xuyên trong năm."
			pub = randomMoment(r, *c.PublishedAt, gb.now.AddDate(0, 0, -1))
		default:
			deadline := day.AddDate(0, 0, between(r, 2, 90))
			j.Deadline = &deadline
			pub = randomMoment(r, gb.now.AddDate(0, 0, -75), gb.now.AddDate(0, 0, -1))
		}
		if pub.Before(*c.PublishedAt) {
			pub = c.PublishedAt.Add(2 * time.Hour)
		}
		published(&j.Meta, j.City, areaLabour, pub, gb.now)
		j.WorkAddress = streetPart(j.WorkAddress)
		out = append(out, j)
	}
	for i := range companies {
		companies[i].Address = streetPart(companies[i].Address)
	}
	return out
}

// schoolKind is a kind of vocational school: how it is named, coded and
// which levels it teaches.
type schoolKind struct {
	kind, abbr string
	names      []string
	levels     []string
	weight     int
}

var schoolKinds = []schoolKind{
	{"cao_dang", "CD", []string{"Trường Cao đẳng Kỹ thuật", "Trường Cao đẳng Công nghệ", "Trường Cao đẳng Kinh tế – Kỹ thuật",
		"Trường Cao đẳng Nghề", "Trường Cao đẳng Y tế", "Trường Cao đẳng Du lịch", "Trường Cao đẳng Bách khoa"},
		[]string{"cao_dang", "cao_dang", "trung_cap", "so_cap"}, 3},
	{"trung_cap", "TC", []string{"Trường Trung cấp Nghề", "Trường Trung cấp Kỹ thuật – Nghiệp vụ", "Trường Trung cấp Du lịch – Khách sạn",
		"Trường Trung cấp Kinh tế – Kỹ thuật", "Trường Trung cấp Kỹ thuật – Nông nghiệp"},
		[]string{"trung_cap", "trung_cap", "so_cap"}, 3},
	{"trung_tam", "TT", []string{"Trung tâm Giáo dục nghề nghiệp", "Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên",
		"Trung tâm Dạy nghề và Hỗ trợ nông dân"}, []string{"so_cap"}, 3},
	{"other", "CS", []string{"Cơ sở đào tạo nghề"}, []string{"so_cap"}, 1},
}

// tradeNames are the trades of tradeCatalog in a fixed order.
func tradeNames() []string { return slices.Sorted(maps.Keys(tradeCatalog)) }

// schools makes n published vocational schools and the trades each teaches.
func (gb *genBuilder) schools(n int) ([]domain.School, [][]string) {
	r := gb.r
	all := tradeNames()
	weights := make([]int, len(schoolKinds))
	for i, k := range schoolKinds {
		weights[i] = k.weight
	}
	seen := map[string]bool{}
	out := make([]domain.School, 0, n)
	trades := make([][]string, 0, n)
	for i := 0; i < n; i++ {
		city := gb.city()
		w := gb.ward(city)
		k := schoolKinds[weighted(r, weights)]
		prefix := pick(r, k.names)
		ownership := "public"
		switch {
		case k.kind == "other":
			ownership = "private"
		case r.IntN(10) < 4:
			ownership = "private"
		case k.kind != "trung_tam" && r.IntN(10) == 0:
			ownership = "foreign"
		}
		place := w.place
		if ownership != "public" {
			place = pick(r, brandFirst) + " " + pick(r, brandSecond)
		}
		name := prefix + " " + place
		if seen[name] {
			name = prefix + " " + pick(r, brandFirst) + " " + pick(r, brandSecond) + " " + w.place
		}
		seen[name] = true

		var mine []string
		for _, idx := range r.Perm(len(all))[:between(r, 3, 8)] {
			mine = append(mine, all[idx])
		}
		web := gb.webDomain(initials(prefix)+compact(place), ".edu.vn")
		s := domain.School{
			Meta:          domain.Meta{ExternalID: "gen-school-" + pad(i+1, 6)},
			Code:          provCode[city] + "-" + k.abbr + "-" + pad(i+1, 5),
			Name:          name,
			Kind:          k.kind,
			Ownership:     ownership,
			Address:       street(r, city, false),
			WardCode:      ptr(w.Code),
			City:          city,
			Website:       "https://" + web,
			Phone:         landline(r, areaCodes[w.region()]),
			Email:         "tuyensinh@" + web,
			Accredited:    r.IntN(10) < 6,
			SeeksPartners: r.IntN(10) < 3,
		}
		if r.IntN(10) < 6 {
			s.FoundedYear = ptr(between(r, 1975, 2022))
		}
		owner := map[string]string{"public": "công lập", "private": "tư thục", "foreign": "có vốn đầu tư nước ngoài"}[ownership]
		s.Description = fmt.Sprintf("%s %s tại %s, %s; đào tạo %s.", domain.SchoolKinds.Label(k.kind), owner, w.Name,
			cityName[city], strings.ToLower(strings.Join(mine, ", ")))
		if s.SeeksPartners {
			s.Description += " Trường tìm doanh nghiệp hợp tác đào tạo, nhận học viên thực tập và tuyển dụng sau tốt nghiệp."
		}
		t := randomMoment(r, at(2024, time.July, 15, 8, 0), gb.now.AddDate(0, 0, -30))
		published(&s.Meta, city, areaEducation, t, gb.now)
		out = append(out, s)
		trades = append(trades, mine)
	}
	return out, trades
}

// initials are the lower-case ASCII initials of a name: "Trường Cao đẳng Kỹ thuật" → "tcdkt".
func initials(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(vn.Fold(s)) {
		if c := w[0]; c >= 'a' && c <= 'z' {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// programs makes n published training programs at the given schools.
func (gb *genBuilder) programs(n int, schools []domain.School, trades [][]string) []seedProgram {
	r := gb.r
	levels := map[string][]string{}
	for _, k := range schoolKinds {
		levels[k.kind] = k.levels
	}
	out := make([]seedProgram, 0, n)
	for i := 0; i < n; i++ {
		si := r.IntN(len(schools))
		s := schools[si]
		name := pick(r, trades[si])
		level := pick(r, levels[s.Kind])
		p := domain.Program{
			Meta:  domain.Meta{ExternalID: "gen-training-" + pad(i+1, 6)},
			Name:  name,
			Level: level,
			City:  s.City,
		}
		setTerms(r, &p, s.Kind)
		t := randomMoment(r, s.PublishedAt.AddDate(0, 0, 1), s.PublishedAt.AddDate(0, 0, 120))
		published(&p.Meta, s.City, areaEducation, t, gb.now)
		out = append(out, seedProgram{Program: p, school: si})
	}
	return out
}

// policyTemplate is a kind of document a department publishes. In title
// and summary, %[1]s is the place, %[2]d the year, %[3]d a month.
type policyTemplate struct {
	kind, field, abbr string
	title, summary    string
}

var policyTemplates = []policyTemplate{
	{"announcement", "employment", "TB", "Thông báo tổ chức phiên giao dịch việc làm tháng %[3]d/%[2]d tại %[1]s",
		"Phiên giao dịch việc làm tháng %[3]d/%[2]d tại %[1]s với sự tham gia của các doanh nghiệp may mặc, điện tử, thủy sản, logistics; người lao động được tư vấn, phỏng vấn trực tiếp và giới thiệu việc làm miễn phí."},
	{"policy", "employment", "KH", "Kế hoạch kết nối cung – cầu lao động giữa Thành phố Hồ Chí Minh và Thành phố Cần Thơ năm %[2]d",
		"Kế hoạch đưa lao động của %[1]s đến làm việc tại các khu công nghiệp, chia sẻ thông tin thị trường lao động và tổ chức phiên giao dịch việc làm liên thông năm %[2]d."},
	{"guidance", "employment", "HD", "Hướng dẫn hồ sơ hưởng trợ cấp thất nghiệp và hỗ trợ học nghề năm %[2]d",
		"Hướng dẫn người lao động tại %[1]s chuẩn bị hồ sơ đề nghị hưởng trợ cấp thất nghiệp, hỗ trợ học nghề và tư vấn, giới thiệu việc làm."},
	{"announcement", "vocational", "TB", "Thông báo tuyển sinh đào tạo nghề cho lao động nông thôn năm %[2]d tại %[1]s",
		"Tuyển sinh các lớp sơ cấp và đào tạo dưới 3 tháng (may công nghiệp, điện dân dụng, nuôi trồng thủy sản, kỹ thuật chế biến món ăn) cho lao động nông thôn, người thuộc hộ nghèo, hộ cận nghèo tại %[1]s."},
	{"policy", "vocational", "KH", "Kế hoạch đào tạo nghề cho bộ đội xuất ngũ và người khuyết tật năm %[2]d",
		"Đặt hàng đào tạo nghề năm %[2]d cho bộ đội xuất ngũ, người khuyết tật và thanh niên tại %[1]s; hỗ trợ học phí, tiền ăn và tiền đi lại theo quy định."},
	{"guidance", "vocational", "HD", "Hướng dẫn liên kết đào tạo giữa cơ sở giáo dục nghề nghiệp và doanh nghiệp năm %[2]d",
		"Hướng dẫn các trường cao đẳng, trung cấp và trung tâm giáo dục nghề nghiệp tại %[1]s ký kết hợp đồng đào tạo theo đơn đặt hàng của doanh nghiệp."},
	{"policy", "meritorious", "KH", "Kế hoạch thăm, tặng quà người có công với cách mạng nhân dịp kỷ niệm Ngày Thương binh – Liệt sĩ 27/7/%[2]d",
		"Tổ chức thăm, tặng quà gia đình chính sách, người có công với cách mạng tại %[1]s; rà soát, sửa chữa nhà tình nghĩa và chăm lo đời sống thân nhân liệt sĩ."},
	{"guidance", "meritorious", "HD", "Hướng dẫn hồ sơ giải quyết chế độ ưu đãi người có công với cách mạng năm %[2]d",
		"Hướng dẫn trình tự, thủ tục và hồ sơ công nhận, giải quyết chế độ ưu đãi người có công và thân nhân tại %[1]s."},
	{"announcement", "social", "TB", "Thông báo chi trả trợ cấp xã hội hằng tháng tháng %[3]d/%[2]d tại %[1]s",
		"Lịch chi trả trợ cấp xã hội hằng tháng cho người cao tuổi, người khuyết tật và trẻ em có hoàn cảnh đặc biệt tại %[1]s qua tài khoản hoặc tại điểm chi trả."},
	{"policy", "social", "KH", "Kế hoạch thực hiện chính sách trợ giúp xã hội và giảm nghèo bền vững năm %[2]d",
		"Kế hoạch năm %[2]d về trợ giúp xã hội, hỗ trợ sinh kế cho hộ nghèo, hộ cận nghèo và người khuyết tật tại %[1]s."},
	{"guidance", "labour", "HD", "Hướng dẫn đăng ký nội quy lao động và thỏa ước lao động tập thể năm %[2]d",
		"Hướng dẫn doanh nghiệp tại %[1]s đăng ký nội quy lao động, báo cáo tình hình sử dụng lao động và thực hiện thỏa ước lao động tập thể."},
	{"policy", "labour", "KH", "Kế hoạch kiểm tra việc thực hiện pháp luật lao động tại doanh nghiệp năm %[2]d",
		"Kiểm tra việc thực hiện hợp đồng lao động, tiền lương, bảo hiểm xã hội và an toàn, vệ sinh lao động tại doanh nghiệp trên địa bàn %[1]s năm %[2]d."},
}

var policyBodyParts = map[string][]string{
	"Đối tượng": {
		"- Người lao động có nhu cầu tìm việc làm, học nghề.\n- Doanh nghiệp, hợp tác xã có nhu cầu tuyển dụng lao động.",
		"- Người có công với cách mạng và thân nhân.\n- Người thuộc hộ nghèo, hộ cận nghèo, người khuyết tật.",
		"- Lao động nông thôn, bộ đội xuất ngũ, thanh niên chưa có việc làm.\n- Cơ sở giáo dục nghề nghiệp trên địa bàn.",
	},
	"Nội dung": {
		"1. Rà soát, lập danh sách đối tượng.\n2. Tổ chức thực hiện theo từng quý.\n3. Báo cáo kết quả về Sở trước ngày 15 của tháng cuối quý.",
		"1. Phổ biến chính sách tại phường, xã.\n2. Tiếp nhận hồ sơ trực tuyến trên Cổng dịch vụ công.\n3. Giải quyết hồ sơ trong thời hạn quy định.",
		"1. Phối hợp với các doanh nghiệp sử dụng nhiều lao động.\n2. Kết nối với Trung tâm Dịch vụ việc làm hai thành phố.\n3. Đánh giá, sơ kết giữa năm.",
	},
	"Tổ chức thực hiện": {
		"Ủy ban nhân dân các phường, xã, đặc khu chủ trì triển khai tại địa phương; định kỳ báo cáo kết quả về Sở.",
		"Trung tâm Dịch vụ việc làm chủ trì, phối hợp với các cơ sở giáo dục nghề nghiệp và doanh nghiệp thực hiện.",
		"Các phòng chuyên môn thuộc Sở theo dõi, hướng dẫn; kinh phí thực hiện từ dự toán ngân sách năm và nguồn xã hội hóa.",
	},
}

// departmentNames are the publishing bodies' names, by department code suffix.
var departmentNames = map[string]string{
	"soldtbxh": "Sở Lao động – Thương binh và Xã hội", "sonv": "Sở Nội vụ", "sogddt": "Sở Giáo dục và Đào tạo", "soyt": "Sở Y tế",
}

var departmentAbbr = map[string]string{"soldtbxh": "SLĐTBXH", "sonv": "SNV", "sogddt": "SGDĐT", "soyt": "SYT"}

// policies makes n published policies, guidance documents and announcements.
func (gb *genBuilder) policies(n int) []domain.Policy {
	r := gb.r
	out := make([]domain.Policy, 0, n)
	for i := 0; i < n; i++ {
		tpl := pick(r, policyTemplates)
		city := gb.city()
		if r.IntN(5) == 0 {
			city = domain.Both
		}
		var place string
		switch city {
		case domain.Both:
			place = "Thành phố Hồ Chí Minh và Thành phố Cần Thơ"
		default:
			if r.IntN(2) == 0 {
				place = gb.ward(city).Name + ", " + cityName[city]
			} else {
				place = cityName[city]
			}
		}
		t := randomMoment(r, at(2024, time.July, 1, 8, 0), gb.now.AddDate(0, 0, -1))
		t = notAfter(t, gb.now)
		year, month := t.Year(), int(t.Month())
		p := domain.Policy{
			Meta:    domain.Meta{ExternalID: "gen-policy-" + pad(i+1, 6)},
			Title:   fmt.Sprintf(tpl.title, place, year, month),
			Kind:    tpl.kind,
			Field:   tpl.field,
			Summary: fmt.Sprintf(tpl.summary, place, year, month),
			City:    city,
		}
		published(&p.Meta, city, fieldArea(tpl.field), t, gb.now)
		dept := p.DepartmentCode[strings.Index(p.DepartmentCode, "-")+1:]
		issuerCity := city
		if city == domain.Both {
			issuerCity = "hcm"
		}
		p.Issuer = departmentNames[dept] + " " + cityName[issuerCity]
		p.DocNumber = fmt.Sprintf("%d/%s-%s", between(r, 1, 4500), tpl.abbr, departmentAbbr[dept])
		p.IssuedOn = ptr(time.Date(year, t.Month(), t.Day(), 0, 0, 0, 0, time.UTC))
		p.EffectiveFrom = p.IssuedOn
		if tpl.kind != "announcement" {
			p.EffectiveTo = ptr(time.Date(year, time.December, 31, 0, 0, 0, 0, time.UTC))
		}
		var body []string
		for _, section := range []string{"Đối tượng", "Nội dung", "Tổ chức thực hiện"} {
			body = append(body, "## "+section+"\n\n"+pick(r, policyBodyParts[section]))
		}
		p.Body = strings.Join(body, "\n\n")
		site := map[string]string{"hcm": "https://hochiminhcity.gov.vn/van-ban/", "cantho": "https://cantho.gov.vn/van-ban/"}[issuerCity]
		p.SourceURL = site + vn.Slug(p.Title) + "-" + strconv.Itoa(i+1)
		out = append(out, p)
	}
	return out
}

// projectTemplate is a kind of project; %[1]s is a trade or field, %[2]s the place.
type projectTemplate struct {
	kind, field, title, description string
}

var projectTemplates = []projectTemplate{
	{"training", "Giáo dục nghề nghiệp", "Đào tạo nghề %[1]s gắn với giải quyết việc làm tại %[2]s",
		"Đào tạo nghề %[1]s cho thanh niên, bộ đội xuất ngũ và lao động nông thôn tại %[2]s; doanh nghiệp cam kết tuyển dụng sau đào tạo. Dự án tìm doanh nghiệp đồng tài trợ thiết bị thực hành và nhận học viên thực tập."},
	{"investment", "Nhà ở công nhân", "Đầu tư ký túc xá công nhân tại %[2]s",
		"Xây dựng ký túc xá cho công nhân các khu công nghiệp tại %[2]s, dành một phần chỗ ở cho lao động đến từ Đồng bằng sông Cửu Long. Tìm nhà đầu tư góp vốn theo hình thức hợp tác kinh doanh."},
	{"investment", "Giáo dục nghề nghiệp", "Xưởng thực hành %[1]s đạt chuẩn quốc tế tại %[2]s",
		"Đầu tư xưởng thực hành nghề %[1]s cho các trường cao đẳng, trung cấp tại %[2]s; tìm nhà đầu tư thiết bị và doanh nghiệp đặt hàng đào tạo."},
	{"employment", "Việc làm", "Kết nối việc làm cho lao động %[2]s tại các khu công nghiệp",
		"Tư vấn, tuyển chọn và đưa lao động của %[2]s đến làm việc tại doanh nghiệp có nhà ở cho công nhân; ưu tiên ngành %[1]s."},
	{"social_security", "Bảo trợ xã hội", "Mô hình chăm sóc người cao tuổi dựa vào cộng đồng tại %[2]s",
		"Thành lập câu lạc bộ liên thế hệ tự giúp nhau, chăm sóc tại nhà người cao tuổi cô đơn, người cao tuổi là người có công tại %[2]s."},
	{"social_security", "Người có công", "Sửa chữa nhà tình nghĩa cho gia đình người có công tại %[2]s",
		"Xây mới và sửa chữa nhà tình nghĩa cho gia đình người có công với cách mạng tại %[2]s; vận động doanh nghiệp đóng góp Quỹ Đền ơn đáp nghĩa."},
	{"ngo", "Việc làm cho người khuyết tật", "Hỗ trợ sinh kế và việc làm cho người khuyết tật tại %[2]s",
		"Đào tạo nghề %[1]s, tin học và giới thiệu việc làm cho người khuyết tật tại %[2]s; tìm đối tác tài trợ và doanh nghiệp nhận lao động."},
	{"ngo", "Giảm nghèo bền vững", "Nước sạch và sinh kế cho hộ nghèo tại %[2]s",
		"Lắp đặt hệ thống lọc nước hộ gia đình và hỗ trợ sinh kế cho hộ nghèo, hộ cận nghèo tại %[2]s; tìm nhà tài trợ và doanh nghiệp bao tiêu sản phẩm."},
}

var projectOrganizations = []string{
	"Trung tâm Dịch vụ việc làm", "Hội Liên hiệp Phụ nữ", "Thành đoàn", "Hội Nông dân", "Hội Người cao tuổi",
	"Quỹ Bảo trợ trẻ em", "Hội Bảo trợ Người khuyết tật và Trẻ mồ côi", "Liên đoàn Lao động",
}

// projects makes n published projects seeking partners, run by generated
// employers and schools or by organisations of the city.
func (gb *genBuilder) projects(n int, companies []domain.Company, schools []domain.School) []domain.Project {
	r := gb.r
	trades := tradeNames()
	out := make([]domain.Project, 0, n)
	for i := 0; i < n; i++ {
		tpl := pick(r, projectTemplates)
		city := gb.city()
		w := gb.ward(city)
		var org string
		switch k := r.IntN(3); {
		case k == 0 && (tpl.kind == "investment" || tpl.kind == "employment"):
			c := companies[r.IntN(len(companies))]
			org, city = c.Name, c.City
			w = gb.ward(city)
		case k == 0 && tpl.kind == "training":
			s := schools[r.IntN(len(schools))]
			org, city = s.Name, s.City
			w = gb.ward(city)
		default:
			org = pick(r, projectOrganizations) + " " + w.Name
		}
		trade := strings.ToLower(pick(r, trades))
		place := w.Name + ", " + cityLabel[city]
		p := domain.Project{
			Meta:         domain.Meta{ExternalID: "gen-project-" + pad(i+1, 6)},
			Title:        fmt.Sprintf(tpl.title, trade, place),
			Organization: org,
			Kind:         tpl.kind,
			Field:        tpl.field,
			City:         city,
			Stage:        pick(r, []string{"proposed", "seeking_partners", "seeking_partners", "ongoing", "completed"}),
			Description:  fmt.Sprintf(tpl.description, trade, place),
			Contact:      fmt.Sprintf("%s, ĐT %s", person(r), mobile(r)),
		}
		p.Contact = strings.ToUpper(p.Contact[:1]) + p.Contact[1:]
		budget := int64(logBetween(r, 300, 300_000)) * 1_000_000 // 0.3–300 tỷ đồng
		p.BudgetVND = &budget
		start := time.Date(between(r, 2024, 2027), time.Month(between(r, 1, 12)), 1, 0, 0, 0, 0, time.UTC)
		end := start.AddDate(between(r, 1, 3), between(r, 0, 11), -1)
		p.StartOn, p.EndOn = &start, &end
		t := randomMoment(r, at(2024, time.July, 1, 8, 0), gb.now.AddDate(0, 0, -1))
		published(&p.Meta, city, areaLabour, t, gb.now)
		out = append(out, p)
	}
	return out
}
