package seed

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"hoptac/internal/domain"
	"hoptac/internal/vn"
)

// companySpec is one employer of the demo data set. Tax codes are made at
// build time from the seeded random source; a branch reuses its parent's
// ten digits with a three-digit suffix.
type companySpec struct {
	name, slug, industry, profile string
	city, ward, address           string
	areaCode                      string // telephone area code
	employees, jobs               int
	description                   string
	branchOf                      int // index of the parent company, or -1
	draft                         bool
}

// The demo employers: 15 per city, among them one branch per city and one
// draft in TP. Hồ Chí Minh. jobs adds up to 160.
var companySpecs = []companySpec{
	// TP. Hồ Chí Minh (wards of the former Bình Dương and Bà Rịa – Vũng Tàu included).
	{name: "Công ty TNHH May mặc Phú Thịnh", slug: "phuthinh", industry: "C", profile: "garment",
		city: "hcm", ward: "27457", address: "Lô 24–26, Đường số 3, Khu công nghiệp Tân Tạo, Phường Tân Tạo, TP. Hồ Chí Minh",
		areaCode: "028", employees: 3200, jobs: 10, branchOf: -1,
		description: "Sản xuất hàng may mặc xuất khẩu (áo sơ mi, quần tây, áo khoác) sang Hoa Kỳ, EU và Nhật Bản với 42 chuyền may; đào tạo nghề may miễn phí cho lao động mới."},
	{name: "Công ty TNHH Giày da Tân Hưng Phát", slug: "tanhungphat", industry: "C", profile: "footwear",
		city: "hcm", ward: "25978", address: "Số 268 Đại lộ Bình Dương, Phường Thuận An, TP. Hồ Chí Minh",
		areaCode: "0274", employees: 11500, jobs: 10, branchOf: -1,
		description: "Sản xuất giày thể thao và giày da xuất khẩu; một trong những doanh nghiệp sử dụng nhiều lao động nhất khu vực Thuận An, có nhà trẻ và xe đưa rước công nhân."},
	{name: "Công ty TNHH Điện tử Sao Việt", slug: "saovietelec", industry: "C", profile: "electronics",
		city: "hcm", ward: "26842", address: "Lô I-3, Đường D1, Khu Công nghệ cao, Phường Tăng Nhơn Phú, TP. Hồ Chí Minh",
		areaCode: "028", employees: 4200, jobs: 9, branchOf: -1,
		description: "Sản xuất bo mạch điện tử và linh kiện cho thiết bị gia dụng, ô tô; dây chuyền SMT tự động, phòng đào tạo kỹ thuật viên nội bộ."},
	{name: "Công ty TNHH Linh kiện Điện tử Linh Trung", slug: "linhkienlinhtrung", industry: "C", profile: "electronics",
		city: "hcm", ward: "26800", address: "Đường số 12, Khu chế xuất Linh Trung 1, Phường Linh Xuân, TP. Hồ Chí Minh",
		areaCode: "028", employees: 2600, jobs: 7, branchOf: -1,
		description: "Lắp ráp cuộn cảm, biến áp và cáp tín hiệu cho thiết bị điện tử xuất khẩu."},
	{name: "Công ty Cổ phần Thực phẩm Nam Phong", slug: "namphongfood", industry: "C", profile: "seafood",
		city: "hcm", ward: "27478", address: "Lô P5, Đường số 14, Khu chế xuất Tân Thuận, Phường Tân Thuận, TP. Hồ Chí Minh",
		areaCode: "028", employees: 1800, jobs: 7, branchOf: -1,
		description: "Chế biến thủy sản và thực phẩm đông lạnh xuất khẩu; nguyên liệu cá tra, tôm thu mua từ Cần Thơ, Sóc Trăng và Hậu Giang."},
	{name: "Công ty Cổ phần Logistics Cát Lái Xanh", slug: "catlaixanh", industry: "H", profile: "logistics",
		city: "hcm", ward: "27112", address: "Số 1295B Nguyễn Thị Định, Phường Cát Lái, TP. Hồ Chí Minh",
		areaCode: "028", employees: 650, jobs: 5, branchOf: -1,
		description: "Dịch vụ kho bãi, vận tải container và thủ tục hải quan tại cảng Cát Lái; tuyến xe tải định kỳ Thành phố Hồ Chí Minh – Cần Thơ."},
	{name: "Công ty Cổ phần Siêu thị Gia Đình Việt", slug: "giadinhviet", industry: "G", profile: "retail",
		city: "hcm", ward: "27343", address: "Số 190 Hồng Bàng, Phường Chợ Lớn, TP. Hồ Chí Minh",
		areaCode: "028", employees: 2100, jobs: 7, branchOf: -1,
		description: "Chuỗi 48 siêu thị và cửa hàng tiện lợi tại Thành phố Hồ Chí Minh và các tỉnh Đồng bằng sông Cửu Long."},
	{name: "Công ty TNHH Khách sạn Sông Sài Gòn", slug: "khachsansongsaigon", industry: "I", profile: "hotel",
		city: "hcm", ward: "26740", address: "Số 8 Tôn Đức Thắng, Phường Sài Gòn, TP. Hồ Chí Minh",
		areaCode: "028", employees: 450, jobs: 4, branchOf: -1,
		description: "Khách sạn 4 sao 210 phòng và hệ thống nhà hàng ven sông; nhận sinh viên thực tập ngành du lịch, khách sạn."},
	{name: "Công ty Cổ phần Xây dựng Thuận Phát", slug: "xaydungthuanphat", industry: "F", profile: "construction",
		city: "hcm", ward: "27487", address: "Số 102 Đường số 17, Phường Tân Mỹ, TP. Hồ Chí Minh",
		areaCode: "028", employees: 900, jobs: 5, branchOf: -1,
		description: "Thi công công trình dân dụng, nhà xưởng công nghiệp và hạ tầng kỹ thuật tại khu vực phía Nam."},
	{name: "Công ty Cổ phần Phần mềm Sao Mai Số", slug: "saomaiso", industry: "J", profile: "software",
		city: "hcm", ward: "26977", address: "Tầng 7, Số 31 Đường Trường Sơn, Phường Tân Sơn Hòa, TP. Hồ Chí Minh",
		areaCode: "028", employees: 380, jobs: 5, branchOf: -1,
		description: "Phát triển phần mềm quản lý doanh nghiệp, ứng dụng di động và dịch vụ chuyển đổi số cho cơ quan nhà nước."},
	{name: "Công ty Cổ phần Bệnh viện Đa khoa An Phúc", slug: "benhvienanphuc", industry: "Q", profile: "hospital",
		city: "hcm", ward: "27442", address: "Số 86 Đường số 7, Phường Bình Tân, TP. Hồ Chí Minh",
		areaCode: "028", employees: 750, jobs: 5, branchOf: -1,
		description: "Bệnh viện đa khoa tư nhân 250 giường, khám chữa bệnh bảo hiểm y tế; liên kết đào tạo thực hành với các trường cao đẳng y tế."},
	{name: "Công ty TNHH Cơ khí Chính xác Phú Mỹ", slug: "cokhiphumy", industry: "C", profile: "mechanical",
		city: "hcm", ward: "26704", address: "Đường số 5, Khu công nghiệp Phú Mỹ I, Phường Phú Mỹ, TP. Hồ Chí Minh",
		areaCode: "0254", employees: 1200, jobs: 5, branchOf: -1,
		description: "Gia công kết cấu thép, chi tiết máy chính xác phục vụ ngành dầu khí, cảng biển và công nghiệp nặng."},
	{name: "Công ty Cổ phần Du lịch Biển Vũng Tàu Xanh", slug: "vungtauxanh", industry: "I", profile: "hotel",
		city: "hcm", ward: "26506", address: "Số 28 Quang Trung, Phường Vũng Tàu, TP. Hồ Chí Minh",
		areaCode: "0254", employees: 280, jobs: 3, branchOf: -1,
		description: "Khu nghỉ dưỡng và nhà hàng hải sản ven biển; tuyển lao động thời vụ vào mùa cao điểm du lịch."},
	{name: "Chi nhánh Công ty TNHH May mặc Phú Thịnh tại Thủ Dầu Một", slug: "phuthinh", industry: "C", profile: "garment",
		city: "hcm", ward: "25747", address: "Số 120 Đường Yersin, Phường Thủ Dầu Một, TP. Hồ Chí Minh",
		areaCode: "0274", employees: 1500, jobs: 6, branchOf: 0,
		description: "Xưởng may thứ hai của Công ty TNHH May mặc Phú Thịnh, chuyên hàng dệt kim và đồ thể thao."},
	{name: "Công ty TNHH Bao bì Nhựa Tân Phú", slug: "baobitanphu", industry: "C", profile: "plastics",
		city: "hcm", ward: "27460", address: "Số 65 Đường số 1, Phường An Lạc, TP. Hồ Chí Minh",
		areaCode: "028", employees: 240, jobs: 2, branchOf: -1, draft: true,
		description: "Sản xuất bao bì nhựa, màng ghép phức hợp cho ngành thực phẩm. Hồ sơ đang chờ bổ sung giấy phép môi trường."},

	// TP. Cần Thơ (wards of the former Sóc Trăng and Hậu Giang included).
	{name: "Công ty Cổ phần Thủy sản Tây Đô Xanh", slug: "taydoxanh", industry: "C", profile: "seafood",
		city: "cantho", ward: "31174", address: "Lô 2–14, Khu công nghiệp Trà Nóc 1, Phường Thới An Đông, TP. Cần Thơ",
		areaCode: "0292", employees: 3800, jobs: 9, branchOf: -1,
		description: "Nuôi và chế biến cá tra fillet đông lạnh xuất khẩu sang hơn 40 quốc gia; vùng nuôi đạt chứng nhận ASC tại Cần Thơ và Hậu Giang."},
	{name: "Công ty TNHH Chế biến Thủy sản Hậu Giang Phát", slug: "haugiangphat", industry: "C", profile: "seafood",
		city: "cantho", ward: "31360", address: "Lô B3, Khu công nghiệp Tân Phú Thạnh, Xã Thạnh Xuân, TP. Cần Thơ",
		areaCode: "0293", employees: 2400, jobs: 7, branchOf: -1,
		description: "Chế biến tôm và cá đông lạnh, sản phẩm giá trị gia tăng; ký túc xá cho công nhân ở xa."},
	{name: "Công ty Cổ phần Lương thực Mekong Vàng", slug: "mekongvang", industry: "C", profile: "rice",
		city: "cantho", ward: "31207", address: "Khu công nghiệp Thốt Nốt, Phường Thốt Nốt, TP. Cần Thơ",
		areaCode: "0292", employees: 650, jobs: 5, branchOf: -1,
		description: "Xay xát, lau bóng và xuất khẩu gạo thơm; liên kết bao tiêu lúa với hợp tác xã tại Cần Thơ và Sóc Trăng."},
	{name: "Công ty TNHH May xuất khẩu Hưng Phú", slug: "mayhungphu", industry: "C", profile: "garment",
		city: "cantho", ward: "31201", address: "Lô 10A, Khu công nghiệp Hưng Phú, Phường Hưng Phú, TP. Cần Thơ",
		areaCode: "0292", employees: 1900, jobs: 7, branchOf: -1,
		description: "May gia công quần áo xuất khẩu cho các nhãn hàng châu Âu; nhận lao động chưa có tay nghề và đào tạo tại chỗ."},
	{name: "Công ty TNHH May mặc Sóc Trăng Phát", slug: "soctrangphat", industry: "C", profile: "garment",
		city: "cantho", ward: "31507", address: "Số 105 Lê Hồng Phong, Phường Sóc Trăng, TP. Cần Thơ",
		areaCode: "0299", employees: 1400, jobs: 6, branchOf: -1,
		description: "May đồng phục và hàng dệt kim; tạo việc làm cho lao động nông thôn và đồng bào Khmer tại khu vực Sóc Trăng."},
	{name: "Công ty Cổ phần Nuôi trồng Thủy sản Phong Điền", slug: "thuysanphongdien", industry: "A", profile: "aquaculture",
		city: "cantho", ward: "31299", address: "Ấp Nhơn Lộc 1, Xã Phong Điền, TP. Cần Thơ",
		areaCode: "0292", employees: 120, jobs: 2, branchOf: -1,
		description: "Nuôi cá tra giống và cá thương phẩm theo tiêu chuẩn VietGAP; chuyển giao kỹ thuật cho hộ nuôi."},
	{name: "Công ty TNHH Tôm giống Mỹ Xuyên", slug: "tomgiongmyxuyen", industry: "A", profile: "aquaculture",
		city: "cantho", ward: "31684", address: "Ấp Châu Thành, Phường Mỹ Xuyên, TP. Cần Thơ",
		areaCode: "0299", employees: 85, jobs: 2, branchOf: -1,
		description: "Sản xuất tôm sú, tôm thẻ chân trắng giống sạch bệnh cho vùng nuôi ven biển."},
	{name: "Công ty Cổ phần Điện tử Tây Nam", slug: "dientutaynam", industry: "C", profile: "electronics",
		city: "cantho", ward: "31174", address: "Lô 27, Khu công nghiệp Trà Nóc 1, Phường Thới An Đông, TP. Cần Thơ",
		areaCode: "0292", employees: 1100, jobs: 6, branchOf: -1,
		description: "Lắp ráp thiết bị điện, đèn LED và bộ điều khiển điện tử; vệ tinh của các doanh nghiệp điện tử tại Khu Công nghệ cao Thành phố Hồ Chí Minh."},
	{name: "Công ty Cổ phần Siêu thị Ninh Kiều", slug: "sieuthininhkieu", industry: "G", profile: "retail",
		city: "cantho", ward: "31135", address: "Số 52 Đường 30 Tháng 4, Phường Ninh Kiều, TP. Cần Thơ",
		areaCode: "0292", employees: 600, jobs: 5, branchOf: -1,
		description: "Siêu thị tổng hợp và 12 cửa hàng thực phẩm tươi sống tại Cần Thơ, Hậu Giang, Sóc Trăng."},
	{name: "Công ty TNHH Vận tải và Logistics Cái Cui", slug: "logisticscaicui", industry: "H", profile: "logistics",
		city: "cantho", ward: "31186", address: "Số 18 Quốc lộ 1A, Phường Cái Răng, TP. Cần Thơ",
		areaCode: "0292", employees: 380, jobs: 4, branchOf: -1,
		description: "Vận tải hàng hóa đường bộ, đường thủy nội địa và kho lạnh gần cảng Cái Cui; tuyến vận chuyển thủy sản đi cảng Cát Lái."},
	{name: "Công ty TNHH Khách sạn Bến Ninh Kiều", slug: "khachsanbenninhkieu", industry: "I", profile: "hotel",
		city: "cantho", ward: "31120", address: "Số 25 Trần Văn Khéo, Phường Cái Khế, TP. Cần Thơ",
		areaCode: "0292", employees: 260, jobs: 3, branchOf: -1,
		description: "Khách sạn 3 sao và nhà hàng ẩm thực miền Tây; phục vụ khách du lịch chợ nổi Cái Răng."},
	{name: "Công ty Cổ phần Xây dựng Hậu Giang", slug: "xaydunghaugiang", industry: "F", profile: "construction",
		city: "cantho", ward: "31321", address: "Số 9 Trần Hưng Đạo, Phường Vị Thanh, TP. Cần Thơ",
		areaCode: "0293", employees: 540, jobs: 4, branchOf: -1,
		description: "Thi công cầu đường, kè chống sạt lở và công trình dân dụng tại khu vực Hậu Giang, Cần Thơ."},
	{name: "Công ty TNHH Phần mềm Cần Thơ Số", slug: "canthoso", industry: "J", profile: "software",
		city: "cantho", ward: "31147", address: "Tầng 4, Số 160 Đường 30 Tháng 4, Phường Tân An, TP. Cần Thơ",
		areaCode: "0292", employees: 150, jobs: 3, branchOf: -1,
		description: "Gia công phần mềm, phát triển ứng dụng quản lý nông nghiệp và truy xuất nguồn gốc nông sản."},
	{name: "Công ty Cổ phần Bệnh viện Đa khoa Nam Sông Hậu", slug: "namsonghau", industry: "Q", profile: "hospital",
		city: "cantho", ward: "31168", address: "Số 120 Cách Mạng Tháng Tám, Phường Bình Thủy, TP. Cần Thơ",
		areaCode: "0292", employees: 420, jobs: 4, branchOf: -1,
		description: "Bệnh viện đa khoa tư nhân 150 giường; khám chữa bệnh bảo hiểm y tế cho người dân khu vực Bình Thủy, Ô Môn."},
	{name: "Chi nhánh Công ty Cổ phần Thủy sản Tây Đô Xanh tại Sóc Trăng", slug: "taydoxanh", industry: "C", profile: "seafood",
		city: "cantho", ward: "31510", address: "Số 8 Trần Hưng Đạo, Phường Phú Lợi, TP. Cần Thơ",
		areaCode: "0299", employees: 900, jobs: 3, branchOf: 15,
		description: "Nhà máy chế biến tôm đông lạnh của Công ty Cổ phần Thủy sản Tây Đô Xanh tại khu vực Sóc Trăng."},
}

// buildCompanies makes the employers with valid, unique tax codes.
func buildCompanies(r *rand.Rand, now time.Time) []domain.Company {
	used := map[string]bool{}
	out := make([]domain.Company, 0, len(companySpecs))
	branches := map[int]int{}
	for i, s := range companySpecs {
		var tax string
		if s.branchOf >= 0 {
			branches[s.branchOf]++
			tax = out[s.branchOf].TaxCode + "-" + pad(branches[s.branchOf], 3)
		} else {
			prefix := "03"
			if s.city == "cantho" {
				prefix = "18"
			}
			tax = newTaxCode(r, prefix, used)
		}
		c := domain.Company{
			Meta:            domain.Meta{ExternalID: "demo-company-" + pad(i+1, 3)},
			TaxCode:         tax,
			Name:            s.name,
			IndustryVersion: "VSIC2018",
			IndustryCode:    s.industry,
			Address:         s.address,
			WardCode:        ptr(s.ward),
			City:            s.city,
			Employees:       ptr(s.employees),
			Website:         "https://" + s.slug + ".vn",
			Phone:           landline(r, s.areaCode),
			Email:           "tuyendung@" + s.slug + ".vn",
			Description:     s.description,
		}
		if s.draft {
			draft(&c.Meta, s.city, areaLabour, now)
		} else {
			t := randomMoment(r, at(2024, time.July, 8, 8, 0), at(2026, time.August, 31, 17, 0))
			if s.branchOf >= 0 && out[s.branchOf].PublishedAt != nil && t.Before(*out[s.branchOf].PublishedAt) {
				t = out[s.branchOf].PublishedAt.AddDate(0, 0, 21)
			}
			published(&c.Meta, s.city, areaLabour, t, now)
		}
		out = append(out, c)
	}
	return out
}

// newTaxCode makes a ten-digit tax code starting with prefix whose check
// digit is right and which is not in used yet.
func newTaxCode(r *rand.Rand, prefix string, used map[string]bool) string {
	for {
		first9 := prefix
		for len(first9) < 9 {
			first9 += string(rune('0' + r.IntN(10)))
		}
		check, ok := vn.TaxCodeCheckDigit(first9)
		if !ok {
			continue
		}
		code := first9 + string(check)
		if used[code] {
			continue
		}
		used[code] = true
		return code
	}
}

// landline is a Vietnamese fixed-line number in the given area: eleven
// digits in all, written in groups.
func landline(r *rand.Rand, area string) string {
	rest := 11 - len(area) // subscriber digits: 8 after 028, 7 after 0292
	digits := fmt.Sprint(3 + r.IntN(4))
	for len(digits) < rest {
		digits += fmt.Sprint(r.IntN(10))
	}
	if rest == 8 {
		return area + " " + digits[:4] + " " + digits[4:]
	}
	return area + " " + digits[:3] + " " + digits[3:]
}

// mobile is a Vietnamese mobile number.
func mobile(r *rand.Rand) string {
	prefixes := []string{"090", "091", "093", "094", "096", "097", "098", "077", "079", "083", "085", "086", "088", "070", "076"}
	digits := ""
	for len(digits) < 7 {
		digits += fmt.Sprint(r.IntN(10))
	}
	return pick(r, prefixes) + " " + digits[:3] + " " + digits[3:]
}

var (
	familyNames = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Trương", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lâm", "Châu"}
	femaleNames = []string{"Thị Thu Hà", "Ngọc Lan", "Thị Mỹ Linh", "Thanh Thảo", "Thị Kim Ngân", "Bích Trâm", "Thị Hồng Nhung", "Minh Thư", "Thị Diễm My", "Ngọc Hân"}
	maleNames   = []string{"Văn Hùng", "Minh Tuấn", "Quốc Bảo", "Thanh Phong", "Hoàng Nam", "Văn Lợi", "Tấn Phát", "Đức Thắng", "Hữu Nghĩa", "Công Danh"}
)

// person is a contact person with the Vietnamese form of address.
func person(r *rand.Rand) string {
	if r.IntN(3) > 0 {
		return "chị " + pick(r, familyNames) + " " + pick(r, femaleNames)
	}
	return "anh " + pick(r, familyNames) + " " + pick(r, maleNames)
}

// jobTemplate is a kind of opening an employer of some profile posts.
type jobTemplate struct {
	title, vsco, edu string
	wage             [2]int // range of the lower wage, million VND a month
	spread           int    // the upper wage is up to this many millions above
	positions        [2]int
	experience       [2]int
	types            []string
	factory          bool // shop-floor work: factory benefits, large intakes
	requirements     string
	description      string
}

func ft() []string { return []string{"full_time"} }

// jobProfiles lists openings by employer profile; the first one is the
// employer's main job.
var jobProfiles = map[string][]jobTemplate{
	"garment": {
		{"Công nhân may công nghiệp", "8", "lower_secondary", [2]int{7, 9}, 3, [2]int{40, 250}, [2]int{0, 1}, ft(), true,
			"Biết may máy 1 kim là lợi thế; chưa biết nghề được đào tạo miễn phí và hưởng lương trong thời gian học việc.",
			"May hoàn chỉnh các công đoạn sản phẩm (áo sơ mi, quần tây, áo khoác) theo phân công của tổ trưởng chuyền."},
		{"Công nhân cắt vải", "7", "lower_secondary", [2]int{7, 8}, 3, [2]int{5, 30}, [2]int{0, 2}, ft(), true,
			"Cẩn thận, đọc được sơ đồ cắt; ưu tiên người đã làm tại xưởng cắt.",
			"Trải vải, cắt bán thành phẩm theo sơ đồ, đánh số và bó hàng chuyển lên chuyền may."},
		{"Nhân viên kiểm hàng (QC) may mặc", "3", "upper_secondary", [2]int{8, 10}, 3, [2]int{3, 15}, [2]int{1, 2}, ft(), true,
			"Có kinh nghiệm kiểm hàng may mặc xuất khẩu; nắm tiêu chuẩn AQL.",
			"Kiểm tra chất lượng bán thành phẩm và thành phẩm trên chuyền, ghi nhận lỗi và phối hợp sửa hàng."},
		{"Tổ trưởng chuyền may", "3", "trung_cap", [2]int{11, 14}, 4, [2]int{1, 4}, [2]int{3, 5}, ft(), true,
			"Đã làm tổ trưởng hoặc tổ phó chuyền may từ 2 năm; biết cân đối chuyền.",
			"Quản lý chuyền 30–40 công nhân, phân công công đoạn, bảo đảm năng suất và chất lượng."},
		{"Công nhân ủi, đóng gói", "9", "none", [2]int{6, 7}, 2, [2]int{10, 60}, [2]int{0, 0}, ft(), true,
			"Không yêu cầu kinh nghiệm, được hướng dẫn tại chỗ.",
			"Ủi thành phẩm, gấp xếp, gắn thẻ bài và đóng thùng theo yêu cầu khách hàng."},
		{"Thợ sửa máy may công nghiệp", "7", "so_cap", [2]int{9, 12}, 4, [2]int{2, 6}, [2]int{1, 3}, ft(), true,
			"Sửa được máy 1 kim, máy vắt sổ, máy kansai; có chứng chỉ sơ cấp nghề là lợi thế.",
			"Bảo trì, sửa chữa, điều chỉnh máy may trên chuyền; lắp đặt cữ gá theo mã hàng mới."},
		{"Nhân viên kế hoạch sản xuất", "4", "cao_dang", [2]int{9, 12}, 4, [2]int{1, 3}, [2]int{1, 3}, ft(), false,
			"Sử dụng thành thạo Excel; ưu tiên biết tiếng Anh giao tiếp.",
			"Lập kế hoạch sản xuất theo đơn hàng, theo dõi nguyên phụ liệu và tiến độ giao hàng."},
	},
	"footwear": {
		{"Công nhân sản xuất giày", "8", "none", [2]int{7, 9}, 3, [2]int{80, 300}, [2]int{0, 0}, ft(), true,
			"Từ 18 đến 40 tuổi, không yêu cầu kinh nghiệm.",
			"Làm việc tại các công đoạn chặt, may, gò, ráp đế và hoàn thiện giày theo dây chuyền."},
		{"Công nhân may mũ giày", "8", "lower_secondary", [2]int{7, 9}, 3, [2]int{30, 200}, [2]int{0, 1}, ft(), true,
			"Biết may là lợi thế; người chưa biết được đào tạo 2 tuần có lương.",
			"May mũ giày thể thao trên máy trụ, máy 1 kim theo mẫu."},
		{"Công nhân gò ráp đế giày", "8", "lower_secondary", [2]int{8, 9}, 3, [2]int{20, 120}, [2]int{0, 1}, ft(), true,
			"Sức khỏe tốt, chịu được môi trường có mùi keo (được trang bị bảo hộ).",
			"Gò mũ giày, quét keo và ép đế theo quy trình."},
		{"Nhân viên an toàn, vệ sinh lao động", "3", "cao_dang", [2]int{10, 13}, 3, [2]int{1, 2}, [2]int{1, 3}, ft(), false,
			"Có chứng chỉ huấn luyện an toàn, vệ sinh lao động; tốt nghiệp chuyên ngành bảo hộ lao động, môi trường hoặc kỹ thuật.",
			"Huấn luyện, kiểm tra an toàn lao động, phòng cháy chữa cháy tại các xưởng sản xuất."},
		{"Phiên dịch tiếng Trung", "2", "university", [2]int{14, 20}, 5, [2]int{1, 3}, [2]int{1, 3}, ft(), false,
			"Tiếng Trung HSK 5 trở lên; ưu tiên đã làm phiên dịch trong nhà máy.",
			"Phiên dịch cho chuyên gia kỹ thuật tại xưởng, dịch tài liệu quy trình sản xuất."},
		{"Thợ bảo trì máy sản xuất giày", "7", "trung_cap", [2]int{9, 13}, 4, [2]int{2, 8}, [2]int{1, 3}, ft(), true,
			"Tốt nghiệp trung cấp cơ điện, điện công nghiệp hoặc cơ khí.",
			"Bảo trì máy chặt, máy ép đế, lò sấy; xử lý sự cố điện, khí nén trên dây chuyền."},
	},
	"electronics": {
		{"Công nhân lắp ráp linh kiện điện tử", "8", "upper_secondary", [2]int{7, 9}, 3, [2]int{30, 200}, [2]int{0, 0}, ft(), true,
			"Mắt tốt (không mù màu), khéo tay, làm việc trong phòng sạch.",
			"Lắp ráp, hàn và kiểm tra ngoại quan linh kiện điện tử trong phòng sạch."},
		{"Kỹ thuật viên điện tử", "3", "cao_dang", [2]int{9, 13}, 4, [2]int{3, 15}, [2]int{0, 2}, ft(), true,
			"Tốt nghiệp cao đẳng điện tử, điện tử công nghiệp; đọc được sơ đồ mạch.",
			"Kiểm tra, sửa lỗi bo mạch, vận hành thiết bị đo kiểm trên dây chuyền."},
		{"Kỹ sư tự động hóa", "2", "university", [2]int{16, 22}, 6, [2]int{1, 3}, [2]int{2, 5}, ft(), false,
			"Tốt nghiệp đại học tự động hóa, cơ điện tử; lập trình PLC, robot công nghiệp.",
			"Thiết kế, cải tiến dây chuyền tự động, lập trình PLC và robot lắp ráp."},
		{"Kỹ thuật viên bảo trì dây chuyền SMT", "3", "cao_dang", [2]int{10, 14}, 4, [2]int{2, 6}, [2]int{1, 3}, ft(), true,
			"Có kinh nghiệm vận hành hoặc bảo trì máy SMT, máy in kem hàn.",
			"Cài đặt chương trình, bảo trì định kỳ và xử lý sự cố máy gắp đặt linh kiện."},
		{"Nhân viên kiểm tra chất lượng (QC) linh kiện", "3", "cao_dang", [2]int{8, 11}, 3, [2]int{3, 10}, [2]int{0, 2}, ft(), true,
			"Biết sử dụng thiết bị đo cơ bản; cẩn thận, tỉ mỉ.",
			"Kiểm tra linh kiện đầu vào và thành phẩm theo tiêu chuẩn IPC, lập báo cáo chất lượng."},
		{"Thợ điện công nghiệp", "7", "trung_cap", [2]int{9, 12}, 4, [2]int{2, 6}, [2]int{1, 3}, ft(), true,
			"Tốt nghiệp trung cấp điện công nghiệp; có chứng chỉ an toàn điện.",
			"Vận hành, bảo trì hệ thống điện nhà xưởng, tủ điện và hệ thống chiếu sáng."},
	},
	"seafood": {
		{"Công nhân chế biến thủy sản", "7", "none", [2]int{6, 8}, 3, [2]int{40, 250}, [2]int{0, 0}, []string{"full_time", "seasonal"}, true,
			"Không yêu cầu kinh nghiệm, được hướng dẫn tại chỗ; chịu được môi trường lạnh (được trang bị bảo hộ).",
			"Sơ chế, phân cỡ, xếp khuôn tôm cá trong phân xưởng lạnh theo quy trình HACCP."},
		{"Công nhân fillet cá tra", "7", "none", [2]int{7, 9}, 3, [2]int{20, 150}, [2]int{0, 1}, ft(), true,
			"Ưu tiên người đã biết fillet cá; lương theo sản phẩm.",
			"Fillet, lạng da, chỉnh hình miếng cá tra đạt tiêu chuẩn xuất khẩu."},
		{"Công nhân vận hành máy cấp đông", "8", "so_cap", [2]int{8, 11}, 3, [2]int{3, 10}, [2]int{0, 2}, ft(), true,
			"Có chứng chỉ vận hành máy lạnh công nghiệp là lợi thế.",
			"Vận hành tủ đông tiếp xúc, băng chuyền IQF, kho lạnh; ghi nhật ký vận hành."},
		{"Nhân viên KCS", "3", "trung_cap", [2]int{8, 11}, 3, [2]int{2, 8}, [2]int{0, 2}, ft(), true,
			"Tốt nghiệp trung cấp trở lên ngành chế biến thủy sản, công nghệ thực phẩm.",
			"Kiểm soát chất lượng nguyên liệu, bán thành phẩm và thành phẩm; giám sát vệ sinh an toàn thực phẩm."},
		{"Thợ cơ điện lạnh", "7", "trung_cap", [2]int{9, 13}, 4, [2]int{2, 5}, [2]int{1, 3}, ft(), true,
			"Tốt nghiệp trung cấp kỹ thuật máy lạnh và điều hòa không khí hoặc điện công nghiệp.",
			"Bảo trì hệ thống lạnh NH3, máy nén, dàn ngưng và hệ thống điện nhà máy."},
		{"Công nhân đóng gói thành phẩm", "9", "none", [2]int{6, 7}, 2, [2]int{10, 80}, [2]int{0, 0}, []string{"full_time", "seasonal"}, true,
			"Không yêu cầu kinh nghiệm.",
			"Cân, đóng túi, đóng thùng và dán nhãn sản phẩm đông lạnh."},
		{"Nhân viên chứng từ xuất nhập khẩu", "3", "university", [2]int{10, 14}, 4, [2]int{1, 2}, [2]int{1, 3}, ft(), false,
			"Tốt nghiệp đại học ngoại thương, logistics; tiếng Anh đọc hiểu tốt.",
			"Lập bộ chứng từ xuất khẩu, làm thủ tục hải quan, theo dõi lịch tàu."},
	},
	"rice": {
		{"Công nhân vận hành máy xay xát, lau bóng gạo", "8", "lower_secondary", [2]int{7, 9}, 3, [2]int{5, 20}, [2]int{0, 2}, []string{"full_time", "seasonal"}, true,
			"Sức khỏe tốt; biết vận hành máy xay xát là lợi thế.",
			"Vận hành dây chuyền xay xát, lau bóng, tách màu và đóng bao gạo."},
		{"Công nhân bốc xếp", "9", "none", [2]int{7, 10}, 3, [2]int{10, 40}, [2]int{0, 0}, []string{"seasonal", "full_time"}, true,
			"Sức khỏe tốt, chịu được công việc nặng; lương theo sản lượng.",
			"Bốc xếp lúa, gạo thành phẩm tại kho và bến ghe."},
		{"Nhân viên thu mua lúa", "3", "trung_cap", [2]int{8, 12}, 4, [2]int{2, 5}, [2]int{1, 3}, ft(), false,
			"Am hiểu giống lúa, vùng nguyên liệu; có xe máy, chịu đi công tác.",
			"Liên hệ hợp tác xã, thương lái; kiểm tra chất lượng lúa và theo dõi hợp đồng bao tiêu."},
		{"Thủ kho", "4", "cao_dang", [2]int{8, 11}, 3, [2]int{1, 2}, [2]int{1, 3}, ft(), false,
			"Có kinh nghiệm quản lý kho hàng nông sản; sử dụng phần mềm kho.",
			"Quản lý nhập xuất tồn lúa gạo, kiểm kê định kỳ, bảo quản chống ẩm mốc."},
	},
	"retail": {
		{"Nhân viên bán hàng", "5", "upper_secondary", [2]int{6, 8}, 2, [2]int{5, 40}, [2]int{0, 1}, []string{"full_time", "part_time"}, false,
			"Nhanh nhẹn, giao tiếp tốt; nhận sinh viên làm bán thời gian theo ca.",
			"Tư vấn, bán hàng, sắp xếp hàng hóa trên kệ và kiểm tra hạn sử dụng."},
		{"Thu ngân", "5", "upper_secondary", [2]int{6, 8}, 2, [2]int{5, 25}, [2]int{0, 1}, []string{"full_time", "part_time"}, false,
			"Trung thực, cẩn thận; biết sử dụng máy tính cơ bản.",
			"Tính tiền, thanh toán thẻ và ví điện tử, xuất hóa đơn, bàn giao tiền cuối ca."},
		{"Quản lý cửa hàng", "1", "cao_dang", [2]int{14, 18}, 5, [2]int{1, 5}, [2]int{2, 5}, ft(), false,
			"Có ít nhất 2 năm quản lý cửa hàng bán lẻ hoặc siêu thị.",
			"Quản lý nhân sự, doanh số, hàng hóa và chất lượng phục vụ của cửa hàng."},
		{"Nhân viên giao hàng", "8", "lower_secondary", [2]int{7, 10}, 3, [2]int{3, 15}, [2]int{0, 1}, ft(), false,
			"Có xe máy và giấy phép lái xe hạng A1; thông thạo đường trong khu vực.",
			"Giao hàng cho khách đặt trực tuyến trong bán kính 10 km, thu tiền khi giao."},
		{"Nhân viên chăm sóc khách hàng", "4", "cao_dang", [2]int{7, 9}, 2, [2]int{2, 6}, [2]int{0, 2}, []string{"full_time", "part_time"}, false,
			"Giọng nói dễ nghe; sử dụng máy tính thành thạo.",
			"Tiếp nhận và xử lý phản hồi của khách hàng qua tổng đài và mạng xã hội."},
	},
	"logistics": {
		{"Tài xế xe tải", "8", "lower_secondary", [2]int{10, 14}, 4, [2]int{2, 8}, [2]int{1, 3}, ft(), false,
			"Có giấy phép lái xe hạng C; không vi phạm giao thông nghiêm trọng.",
			"Lái xe tải giao nhận hàng tuyến nội thành và tuyến Thành phố Hồ Chí Minh – Cần Thơ."},
		{"Tài xế xe đầu kéo container", "8", "lower_secondary", [2]int{15, 20}, 5, [2]int{2, 6}, [2]int{2, 5}, ft(), false,
			"Có giấy phép lái xe hạng CE (FC); kinh nghiệm chạy container từ 2 năm.",
			"Vận chuyển container từ cảng về kho khách hàng tại các khu công nghiệp."},
		{"Nhân viên điều phối vận tải", "4", "cao_dang", [2]int{9, 12}, 3, [2]int{1, 3}, [2]int{1, 3}, ft(), false,
			"Tốt nghiệp cao đẳng logistics hoặc quản trị kinh doanh.",
			"Lập lịch xe, theo dõi hành trình bằng GPS, phối hợp với kho và khách hàng."},
		{"Công nhân bốc xếp", "9", "none", [2]int{7, 10}, 3, [2]int{10, 30}, [2]int{0, 0}, []string{"full_time", "seasonal"}, true,
			"Sức khỏe tốt, chịu được công việc nặng; lương theo sản lượng.",
			"Bốc xếp hàng hóa, đóng rút container tại kho bãi."},
		{"Thợ sửa chữa ô tô", "7", "trung_cap", [2]int{9, 13}, 4, [2]int{1, 4}, [2]int{1, 3}, ft(), false,
			"Tốt nghiệp trung cấp công nghệ ô tô; ưu tiên có kinh nghiệm sửa xe tải, đầu kéo.",
			"Bảo dưỡng, sửa chữa đội xe tải và đầu kéo của công ty."},
		{"Nhân viên chứng từ xuất nhập khẩu", "3", "university", [2]int{10, 14}, 4, [2]int{1, 3}, [2]int{1, 3}, ft(), false,
			"Tốt nghiệp đại học ngoại thương, logistics; khai báo hải quan điện tử thành thạo.",
			"Chuẩn bị chứng từ, khai hải quan và theo dõi thông quan hàng hóa."},
	},
	"hotel": {
		{"Nhân viên phục vụ nhà hàng", "5", "upper_secondary", [2]int{6, 7}, 2, [2]int{3, 20}, [2]int{0, 1}, []string{"full_time", "part_time", "seasonal"}, false,
			"Giao tiếp tốt, thân thiện; biết tiếng Anh cơ bản là lợi thế.",
			"Đón khách, phục vụ món ăn, đồ uống và dọn bàn theo tiêu chuẩn nhà hàng."},
		{"Đầu bếp", "5", "trung_cap", [2]int{10, 15}, 5, [2]int{1, 4}, [2]int{2, 5}, ft(), false,
			"Tốt nghiệp trung cấp kỹ thuật chế biến món ăn; thành thạo món Việt và hải sản.",
			"Chế biến món ăn theo thực đơn, kiểm soát chất lượng và an toàn thực phẩm trong bếp."},
		{"Phụ bếp", "9", "none", [2]int{6, 7}, 2, [2]int{2, 8}, [2]int{0, 0}, []string{"full_time", "part_time"}, false,
			"Chăm chỉ, sạch sẽ; không yêu cầu kinh nghiệm.",
			"Sơ chế nguyên liệu, vệ sinh dụng cụ và hỗ trợ đầu bếp."},
		{"Lễ tân khách sạn", "4", "cao_dang", [2]int{8, 10}, 2, [2]int{1, 4}, [2]int{0, 2}, ft(), false,
			"Tiếng Anh giao tiếp tốt; tốt nghiệp cao đẳng quản trị khách sạn hoặc du lịch.",
			"Làm thủ tục nhận, trả phòng; giải đáp yêu cầu của khách và đặt dịch vụ."},
		{"Nhân viên buồng phòng", "9", "lower_secondary", [2]int{6, 7}, 2, [2]int{2, 10}, [2]int{0, 1}, []string{"full_time", "seasonal"}, false,
			"Cẩn thận, trung thực; làm việc theo ca.",
			"Dọn dẹp, bố trí phòng khách và khu vực công cộng theo tiêu chuẩn khách sạn."},
		{"Nhân viên pha chế", "5", "so_cap", [2]int{6, 8}, 2, [2]int{1, 4}, [2]int{0, 2}, []string{"full_time", "part_time"}, false,
			"Có chứng chỉ pha chế là lợi thế.",
			"Pha chế cà phê, cocktail, nước trái cây tại quầy bar và hồ bơi."},
	},
	"construction": {
		{"Thợ hàn", "7", "so_cap", [2]int{10, 14}, 4, [2]int{3, 15}, [2]int{1, 3}, []string{"full_time", "contract"}, false,
			"Hàn được hồ quang tay, hàn MIG; có chứng chỉ thợ hàn 3G là lợi thế.",
			"Hàn kết cấu thép nhà xưởng, lan can, khung mái tại công trình."},
		{"Thợ xây", "7", "none", [2]int{9, 12}, 3, [2]int{5, 25}, [2]int{1, 5}, []string{"full_time", "contract"}, false,
			"Có tay nghề xây, tô, ốp lát.",
			"Xây tô, ốp lát và hoàn thiện công trình dân dụng, nhà xưởng."},
		{"Kỹ sư xây dựng", "2", "university", [2]int{15, 20}, 5, [2]int{1, 3}, [2]int{2, 5}, []string{"full_time", "contract"}, false,
			"Tốt nghiệp đại học xây dựng dân dụng và công nghiệp; đọc bản vẽ, bóc khối lượng thành thạo.",
			"Giám sát kỹ thuật thi công, lập hồ sơ nghiệm thu và quản lý tiến độ công trình."},
		{"Thợ điện công trình", "7", "trung_cap", [2]int{9, 12}, 3, [2]int{2, 10}, [2]int{1, 3}, []string{"full_time", "contract"}, false,
			"Tốt nghiệp trung cấp điện; có chứng chỉ an toàn điện.",
			"Thi công hệ thống điện, chiếu sáng và điện nhẹ tại công trình."},
		{"Công nhân xây dựng", "9", "none", [2]int{8, 10}, 2, [2]int{10, 50}, [2]int{0, 0}, []string{"contract", "seasonal"}, false,
			"Sức khỏe tốt, chịu được công việc ngoài trời; được trang bị bảo hộ lao động.",
			"Phụ hồ, vận chuyển vật tư, làm cốt thép và coffa theo hướng dẫn của thợ chính."},
		{"Giám sát an toàn công trình", "3", "cao_dang", [2]int{12, 16}, 4, [2]int{1, 2}, [2]int{2, 4}, ft(), false,
			"Có chứng chỉ huấn luyện an toàn, vệ sinh lao động nhóm 2.",
			"Kiểm tra, nhắc nhở an toàn lao động, lập biên bản và huấn luyện công nhân tại công trình."},
	},
	"software": {
		{"Lập trình viên", "2", "university", [2]int{15, 25}, 10, [2]int{2, 10}, [2]int{1, 4}, []string{"full_time", "contract"}, false,
			"Thành thạo Go hoặc Java; hiểu cơ sở dữ liệu PostgreSQL; đọc hiểu tài liệu tiếng Anh.",
			"Phát triển, bảo trì các hệ thống phần mềm quản lý và dịch vụ công trực tuyến."},
		{"Lập trình viên ứng dụng di động", "2", "university", [2]int{15, 22}, 8, [2]int{1, 5}, [2]int{1, 3}, ft(), false,
			"Có kinh nghiệm Flutter hoặc Kotlin/Swift; đã phát hành ứng dụng là lợi thế.",
			"Xây dựng ứng dụng di động cho khách hàng doanh nghiệp và cơ quan nhà nước."},
		{"Kiểm thử phần mềm", "2", "university", [2]int{12, 18}, 5, [2]int{1, 4}, [2]int{0, 2}, ft(), false,
			"Hiểu quy trình kiểm thử; biết viết kịch bản kiểm thử tự động là lợi thế.",
			"Lập kế hoạch, thực hiện kiểm thử và báo lỗi cho nhóm phát triển."},
		{"Nhân viên hỗ trợ kỹ thuật", "3", "cao_dang", [2]int{8, 11}, 3, [2]int{1, 4}, [2]int{0, 2}, ft(), false,
			"Tốt nghiệp cao đẳng công nghệ thông tin; giao tiếp tốt.",
			"Cài đặt, hướng dẫn sử dụng phần mềm và hỗ trợ khách hàng qua điện thoại, trực tuyến."},
		{"Chuyên viên phân tích nghiệp vụ", "2", "university", [2]int{16, 24}, 6, [2]int{1, 2}, [2]int{2, 5}, ft(), false,
			"Có kinh nghiệm phân tích yêu cầu phần mềm; viết tài liệu tốt.",
			"Khảo sát, phân tích nghiệp vụ và viết đặc tả yêu cầu cho dự án chuyển đổi số."},
	},
	"hospital": {
		{"Điều dưỡng", "3", "cao_dang", [2]int{9, 12}, 3, [2]int{3, 20}, [2]int{0, 2}, ft(), false,
			"Tốt nghiệp cao đẳng điều dưỡng trở lên; có giấy phép hành nghề (hoặc đang hoàn thiện thực hành).",
			"Chăm sóc người bệnh, thực hiện y lệnh và theo dõi người bệnh tại các khoa lâm sàng."},
		{"Hộ lý", "5", "lower_secondary", [2]int{6, 7}, 2, [2]int{2, 10}, [2]int{0, 1}, ft(), false,
			"Chịu khó, làm việc theo ca; được đào tạo nghiệp vụ khi vào làm.",
			"Hỗ trợ chăm sóc người bệnh, vệ sinh buồng bệnh và vận chuyển người bệnh."},
		{"Kỹ thuật viên xét nghiệm", "3", "cao_dang", [2]int{9, 12}, 3, [2]int{1, 4}, [2]int{0, 2}, ft(), false,
			"Tốt nghiệp cao đẳng kỹ thuật xét nghiệm y học.",
			"Lấy mẫu, thực hiện xét nghiệm huyết học, sinh hóa và quản lý chất lượng xét nghiệm."},
		{"Dược sĩ", "2", "university", [2]int{12, 16}, 4, [2]int{1, 3}, [2]int{1, 3}, ft(), false,
			"Tốt nghiệp đại học dược; có chứng chỉ hành nghề dược là lợi thế.",
			"Cấp phát thuốc, tư vấn sử dụng thuốc an toàn, quản lý kho dược."},
		{"Bác sĩ đa khoa", "2", "university", [2]int{20, 25}, 10, [2]int{1, 3}, [2]int{2, 5}, ft(), false,
			"Tốt nghiệp bác sĩ đa khoa, có chứng chỉ hành nghề khám bệnh, chữa bệnh.",
			"Khám, điều trị ngoại trú và nội trú; tham gia trực cấp cứu theo lịch."},
		{"Nhân viên tiếp đón người bệnh", "4", "cao_dang", [2]int{7, 9}, 2, [2]int{2, 5}, [2]int{0, 1}, ft(), false,
			"Giao tiếp tốt, sử dụng máy tính thành thạo.",
			"Tiếp đón, hướng dẫn người bệnh, làm thủ tục khám bảo hiểm y tế."},
	},
	"mechanical": {
		{"Thợ hàn", "7", "so_cap", [2]int{10, 14}, 4, [2]int{10, 40}, [2]int{1, 3}, ft(), true,
			"Hàn được TIG, MIG; có chứng chỉ thợ hàn 3G/6G là lợi thế lớn.",
			"Hàn kết cấu thép, bồn bể và đường ống theo bản vẽ."},
		{"Thợ vận hành máy CNC", "7", "trung_cap", [2]int{10, 14}, 4, [2]int{3, 12}, [2]int{1, 3}, ft(), true,
			"Tốt nghiệp trung cấp cắt gọt kim loại; đọc bản vẽ cơ khí.",
			"Vận hành máy tiện, phay CNC gia công chi tiết máy chính xác."},
		{"Kỹ sư cơ khí", "2", "university", [2]int{15, 20}, 5, [2]int{1, 3}, [2]int{2, 5}, ft(), false,
			"Tốt nghiệp đại học cơ khí chế tạo máy; sử dụng AutoCAD, SolidWorks.",
			"Thiết kế, lập quy trình công nghệ gia công và kiểm soát chất lượng sản phẩm cơ khí."},
		{"Công nhân lắp ráp cơ khí", "8", "lower_secondary", [2]int{8, 10}, 3, [2]int{10, 40}, [2]int{0, 1}, ft(), true,
			"Sức khỏe tốt; chưa có kinh nghiệm được đào tạo.",
			"Lắp ráp kết cấu, chi tiết máy theo hướng dẫn của tổ trưởng."},
		{"Nhân viên kiểm tra chất lượng (QC) cơ khí", "3", "cao_dang", [2]int{10, 13}, 3, [2]int{1, 4}, [2]int{1, 3}, ft(), true,
			"Sử dụng thành thạo thước cặp, panme, đồng hồ so; biết đọc bản vẽ.",
			"Kiểm tra kích thước, mối hàn và bề mặt sản phẩm trước khi giao hàng."},
	},
	"aquaculture": {
		{"Công nhân nuôi trồng thủy sản", "6", "none", [2]int{7, 9}, 2, [2]int{3, 12}, [2]int{0, 2}, []string{"full_time", "seasonal"}, false,
			"Sức khỏe tốt; ưu tiên người sống gần vùng nuôi.",
			"Cho ăn, theo dõi sức khỏe vật nuôi, vệ sinh ao và thu hoạch."},
		{"Kỹ thuật viên nuôi trồng thủy sản", "3", "trung_cap", [2]int{9, 13}, 4, [2]int{1, 3}, [2]int{1, 3}, ft(), false,
			"Tốt nghiệp trung cấp trở lên ngành nuôi trồng thủy sản.",
			"Quản lý môi trường ao nuôi, phòng trị bệnh, ghi chép nhật ký theo tiêu chuẩn VietGAP."},
	},
	"plastics": {
		{"Công nhân vận hành máy ép nhựa", "8", "lower_secondary", [2]int{7, 9}, 3, [2]int{5, 20}, [2]int{0, 1}, ft(), true,
			"Sức khỏe tốt, làm việc theo ca.",
			"Vận hành máy thổi màng, máy ép; kiểm tra ngoại quan sản phẩm."},
		{"Công nhân in bao bì", "7", "lower_secondary", [2]int{8, 10}, 3, [2]int{2, 8}, [2]int{1, 2}, ft(), true,
			"Có kinh nghiệm in ống đồng hoặc in flexo là lợi thế.",
			"Chuẩn bị mực, vận hành máy in và kiểm tra màu sắc bản in."},
	},
}

// officeJobs are openings any employer may post.
var officeJobs = []jobTemplate{
	{"Kế toán", "3", "cao_dang", [2]int{9, 12}, 4, [2]int{1, 2}, [2]int{1, 3}, ft(), false,
		"Tốt nghiệp cao đẳng kế toán trở lên; sử dụng phần mềm kế toán, hóa đơn điện tử.",
		"Hạch toán chứng từ, theo dõi công nợ, lập báo cáo thuế và bảo hiểm xã hội."},
	{"Nhân viên kho", "4", "upper_secondary", [2]int{7, 9}, 2, [2]int{2, 8}, [2]int{0, 2}, ft(), false,
		"Biết sử dụng máy tính; có chứng chỉ lái xe nâng là lợi thế.",
		"Nhập xuất hàng hóa, sắp xếp kho, kiểm kê và cập nhật phần mềm quản lý kho."},
	{"Nhân viên nhân sự – tiền lương", "4", "cao_dang", [2]int{9, 12}, 3, [2]int{1, 2}, [2]int{1, 3}, ft(), false,
		"Am hiểu Bộ luật Lao động, bảo hiểm xã hội; sử dụng Excel thành thạo.",
		"Chấm công, tính lương, làm thủ tục bảo hiểm xã hội và tuyển dụng lao động phổ thông."},
	{"Nhân viên bảo vệ", "5", "lower_secondary", [2]int{6, 8}, 2, [2]int{2, 6}, [2]int{0, 2}, ft(), false,
		"Từ 20 đến 50 tuổi; ưu tiên bộ đội xuất ngũ.",
		"Bảo vệ tài sản, kiểm soát ra vào cổng, tuần tra và phòng cháy chữa cháy."},
	{"Tài xế xe đưa rước công nhân", "8", "lower_secondary", [2]int{10, 13}, 3, [2]int{1, 4}, [2]int{2, 5}, ft(), true,
		"Có giấy phép lái xe hạng D; không vi phạm giao thông nghiêm trọng.",
		"Lái xe đưa rước công nhân theo tuyến cố định, bảo dưỡng xe định kỳ."},
}

var (
	factoryBenefits = []string{
		"Cơm trưa (cơm ca) miễn phí tại nhà ăn công ty",
		"Xe đưa rước công nhân theo các tuyến",
		"Thưởng tháng 13 và thưởng Tết",
		"Phụ cấp chuyên cần 500.000 đồng/tháng",
		"Hỗ trợ tiền nhà trọ 400.000 đồng/tháng cho lao động ở xa",
		"Khám sức khỏe định kỳ hằng năm",
		"Đào tạo tay nghề miễn phí, có lương trong thời gian học việc",
		"Tăng ca được trả lương theo quy định của Bộ luật Lao động",
		"Công đoàn tặng quà sinh nhật, lễ, Tết; hỗ trợ vé xe về quê dịp Tết",
	}
	officeBenefits = []string{
		"Thưởng tháng 13 và thưởng theo kết quả kinh doanh",
		"Phụ cấp cơm trưa, xăng xe, điện thoại",
		"Khám sức khỏe định kỳ hằng năm",
		"Du lịch, nghỉ mát hằng năm",
		"12 ngày nghỉ phép năm, tăng lương định kỳ",
		"Được đào tạo nâng cao nghiệp vụ",
		"Bảo hiểm sức khỏe bổ sung",
	}
)

// offsiteShare is how often an employer of a profile posts an opening
// away from its own address.
var offsiteShare = map[string]float64{"construction": 1, "retail": 0.4, "logistics": 0.3}

// isOfficeJob tells an opening any employer may post, which is always at
// the employer's address.
func isOfficeJob(t jobTemplate) bool {
	for _, o := range officeJobs {
		if o.title == t.title {
			return true
		}
	}
	return false
}

// offsite are work places away from the employer's address, by city: a
// building site, a store or a second workshop.
var offsite = map[string][]struct{ ward, address string }{
	"hcm": {
		{"27439", "Đường số 18, Phường Bình Hưng Hòa, TP. Hồ Chí Minh"},
		{"27475", "Đường Nguyễn Thị Thập, Phường Tân Hưng, TP. Hồ Chí Minh"},
		{"26824", "Đường Võ Văn Ngân, Phường Thủ Đức, TP. Hồ Chí Minh"},
		{"25750", "Đường Phú Lợi, Phường Phú Lợi, TP. Hồ Chí Minh"},
		{"26560", "Đường 27 Tháng 4, Phường Bà Rịa, TP. Hồ Chí Minh"},
		{"25942", "Đường số 9, Phường Dĩ An, TP. Hồ Chí Minh"},
		{"26833", "Xa lộ Hà Nội, Phường Long Bình, TP. Hồ Chí Minh"},
	},
	"cantho": {
		{"31183", "Đường Võ Văn Kiệt, Phường Long Tuyền, TP. Cần Thơ"},
		{"31153", "Quốc lộ 91, Phường Ô Môn, TP. Cần Thơ"},
		{"31340", "Đường Hùng Vương, Phường Ngã Bảy, TP. Cần Thơ"},
		{"31333", "Đường 3 Tháng 2, Phường Vị Tân, TP. Cần Thơ"},
		{"31135", "Đường Hòa Bình, Phường Ninh Kiều, TP. Cần Thơ"},
		{"31186", "Đường Trần Hoàng Na, Phường Cái Răng, TP. Cần Thơ"},
	},
}

const (
	jobsPast      = 10 // deadline already passed
	jobsOpenEnded = 4  // no deadline: recruiting all year round
	jobsDraft     = 2
	totalDemoJobs = 160
	jobsNoWage    = 24 // 15 %: "thỏa thuận", no wage given
	jobsWageFloor = 8  // 5 %: only the lower wage given ("Từ …")
	jobsPriority  = 32 // 20 %: priority groups named
)

// buildJobs makes the openings of every employer.
func buildJobs(r *rand.Rand, now time.Time, companies []domain.Company) []seedJob {
	var out []seedJob
	for ci, s := range companySpecs {
		pool := templatePool(r, s.profile)
		contact := person(r)
		contactPhone := mobile(r)
		for k := 0; k < s.jobs; k++ {
			t := pool[k%len(pool)]
			out = append(out, makeJob(r, t, s, companies[ci], ci, contact, contactPhone))
		}
	}
	// Seeded permutations pick the openings without a (full) wage and
	// those that name priority groups.
	for rank, idx := range r.Perm(len(out)) {
		switch {
		case rank < jobsNoWage:
			out[idx].WageMin, out[idx].WageMax = nil, nil
		case rank < jobsNoWage+jobsWageFloor:
			out[idx].WageMax = nil
		}
	}
	for _, idx := range r.Perm(len(out))[:jobsPriority] {
		addPriorityGroups(r, &out[idx].Job)
	}

	// Deadlines and publishing: a seeded permutation picks which openings
	// have passed, which have no deadline and which are drafts.
	perm := r.Perm(len(out))
	day := today(now)
	for rank, idx := range perm {
		j := &out[idx]
		j.ExternalID = "demo-job-" + pad(idx+1, 3)
		company := companies[j.company]
		var pub time.Time
		switch {
		case rank < jobsPast:
			deadline := day.AddDate(0, 0, -between(r, 1, 60))
			j.Deadline = &deadline
			pub = randomMoment(r, deadline.AddDate(0, 0, -75), deadline.AddDate(0, 0, -20))
		case rank < jobsPast+jobsOpenEnded:
			j.Deadline = nil
			j.Description += " Công ty tuyển dụng thường xuyên trong năm."
			from := at(2024, time.July, 15, 8, 0)
			if company.PublishedAt != nil {
				from = *company.PublishedAt
			}
			pub = randomMoment(r, from, now.AddDate(0, 0, -10))
		default:
			deadline := day.AddDate(0, 0, between(r, 2, 90))
			j.Deadline = &deadline
			pub = randomMoment(r, now.AddDate(0, 0, -75), now.AddDate(0, 0, -3))
		}
		if company.PublishedAt != nil && pub.Before(*company.PublishedAt) {
			pub = company.PublishedAt.Add(2 * time.Hour)
		}
		if rank >= jobsPast+jobsOpenEnded && rank < jobsPast+jobsOpenEnded+jobsDraft {
			draft(&j.Meta, j.City, areaLabour, now)
		} else {
			published(&j.Meta, j.City, areaLabour, pub, now)
		}
	}
	return out
}

// addPriorityGroups names one or two groups the employer hires first.
func addPriorityGroups(r *rand.Rand, j *domain.Job) {
	groups := r.Perm(len(domain.PriorityGroups))[:between(r, 1, 2)]
	labels := make([]string, 0, len(groups))
	for _, g := range groups {
		opt := domain.PriorityGroups[g]
		j.PriorityGroups = append(j.PriorityGroups, opt.Code)
		labels = append(labels, strings.ToLower(opt.Label))
	}
	j.Description += " Ưu tiên tuyển dụng: " + strings.Join(labels, "; ") + "."
}

// templatePool is the list of openings an employer of profile posts, its
// main job first and the rest in a seeded order.
func templatePool(r *rand.Rand, profile string) []jobTemplate {
	own := jobProfiles[profile]
	rest := append([]jobTemplate{}, own[1:]...)
	seen := map[string]bool{}
	for _, t := range own {
		seen[t.title] = true
	}
	for _, t := range officeJobs {
		if !seen[t.title] {
			rest = append(rest, t)
		}
	}
	r.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
	return append([]jobTemplate{own[0]}, rest...)
}

// makeJob fills one opening from a template for company c.
func makeJob(r *rand.Rand, t jobTemplate, s companySpec, c domain.Company, ci int, contact, contactPhone string) seedJob {
	positions := between(r, t.positions[0], t.positions[1])
	if limit := max(1, s.employees/10); positions > limit {
		positions = limit
	}
	j := domain.Job{
		Title:             t.title,
		OccupationVersion: "VSCO2020",
		OccupationCode:    t.vsco,
		Positions:         positions,
		EmploymentType:    pick(r, t.types),
		Education:         t.edu,
		ExperienceYears:   between(r, t.experience[0], t.experience[1]),
		WorkAddress:       c.Address,
		WardCode:          ptr(*c.WardCode),
		City:              c.City,
		Contact: fmt.Sprintf("Phòng Hành chính – Nhân sự, %s, điện thoại %s – %s, email %s. Nộp hồ sơ trực tiếp tại %s hoặc gửi qua email.",
			contact, c.Phone, contactPhone, c.Email, c.Address),
	}

	// Building sites, stores of a chain and some depots are away from the
	// head office; every other opening is at the employer's address.
	if !isOfficeJob(t) && r.Float64() < offsiteShare[s.profile] {
		o := pick(r, offsite[c.City])
		j.WardCode = ptr(o.ward)
		if s.profile == "construction" {
			j.WorkAddress = "Công trình tại " + o.address
		} else {
			j.WorkAddress = o.address
		}
	}

	lo := int64(between(r, t.wage[0]*2, t.wage[1]*2)) * 500_000
	hi := lo + int64(between(r, 2, t.spread*2))*500_000
	j.WageMin, j.WageMax = ptr(lo), ptr(hi)

	var req []string
	if t.factory {
		req = append(req, "Từ đủ 18 tuổi trở lên, sức khỏe tốt, làm việc được theo ca.")
	} else {
		req = append(req, "Từ đủ 18 tuổi trở lên; trung thực, có tinh thần trách nhiệm.")
	}
	req = append(req, "Trình độ: "+domain.EducationLevels.Label(t.edu)+".")
	if j.ExperienceYears > 0 {
		req = append(req, fmt.Sprintf("Có ít nhất %d năm kinh nghiệm ở vị trí tương đương.", j.ExperienceYears))
	}
	req = append(req, t.requirements)
	req = append(req, "Hồ sơ: đơn xin việc, sơ yếu lý lịch, bản sao căn cước công dân, văn bằng, chứng chỉ (nếu có).")
	j.Requirements = bullets(req)

	benefits := []string{"Đóng BHXH, BHYT, BHTN đầy đủ theo quy định của pháp luật"}
	extra := officeBenefits
	if t.factory {
		extra = factoryBenefits
	}
	for _, i := range r.Perm(len(extra))[:between(r, 3, 5)] {
		benefits = append(benefits, extra[i])
	}
	j.Benefits = bullets(benefits)

	j.Description = t.description + " Địa điểm làm việc: " + j.WorkAddress + "."
	return seedJob{Job: j, company: ci}
}

// bullets writes items as a Markdown list.
func bullets(items []string) string {
	var b strings.Builder
	for i, it := range items {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("- ")
		b.WriteString(it)
	}
	return b.String()
}
