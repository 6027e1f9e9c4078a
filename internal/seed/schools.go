package seed

import (
	"fmt"
	"math/rand/v2"
	"time"
	"unicode"
	"unicode/utf8"

	"hoptac/internal/domain"
)

// schoolSpec is one vocational education institution. trades are indexes
// into tradeCatalog: the programs it offers.
type schoolSpec struct {
	code, name, kind, ownership string
	city, ward, address         string
	founded                     int // 0: unknown
	website, phone, email       string
	description                 string
	accredited, seeksPartners   bool
	draft                       bool
	trades                      []trade
}

// trade is one program a school offers: the catalogue entry and the level.
type trade struct {
	name, level string
}

// The demo schools: 7 per city, one HCMC school still a draft. Their
// programs add up to 56.
var schoolSpecs = []schoolSpec{
	{code: "CDKT-CAOTHANG", name: "Trường Cao đẳng Kỹ thuật Cao Thắng", kind: "cao_dang", ownership: "public",
		city: "hcm", ward: "26740", address: "Số 65 Huỳnh Thúc Kháng, Phường Sài Gòn, TP. Hồ Chí Minh", founded: 1906,
		website: "https://caothang.edu.vn", phone: "028 3821 2360", email: "tuyensinh@caothang.edu.vn",
		description: "Trường cao đẳng công lập đào tạo các ngành kỹ thuật cơ khí, điện – điện tử, ô tô và công nghệ thông tin; đạt chuẩn kiểm định chất lượng giáo dục nghề nghiệp.",
		accredited:  true, seeksPartners: true,
		trades: []trade{{"Công nghệ ô tô", "cao_dang"}, {"Điện công nghiệp", "cao_dang"}, {"Cơ điện tử", "cao_dang"}, {"Công nghệ thông tin", "cao_dang"},
			{"Hàn", "trung_cap"}, {"Cắt gọt kim loại", "trung_cap"}, {"Điện tử công nghiệp", "cao_dang"}}},
	{code: "CDKT-LYTUTRONG", name: "Trường Cao đẳng Kỹ thuật Lý Tự Trọng", kind: "cao_dang", ownership: "public",
		city: "hcm", ward: "26968", address: "Số 390 Hoàng Văn Thụ, Phường Tân Sơn Nhất, TP. Hồ Chí Minh",
		website: "https://lttc.edu.vn", phone: "028 3811 8767", email: "tuyensinh@lttc.edu.vn",
		description: "Trường cao đẳng công lập đào tạo nhân lực kỹ thuật cho các khu công nghiệp; liên kết đào tạo theo đơn đặt hàng của doanh nghiệp.",
		accredited:  true,
		trades: []trade{{"Điện công nghiệp", "trung_cap"}, {"Công nghệ ô tô", "trung_cap"}, {"Kỹ thuật máy lạnh và điều hòa không khí", "cao_dang"},
			{"Hàn", "so_cap"}, {"Kế toán doanh nghiệp", "cao_dang"}, {"Logistics", "cao_dang"}}},
	{code: "CDCN-THUDUC", name: "Trường Cao đẳng Công nghệ Thủ Đức", kind: "cao_dang", ownership: "public",
		city: "hcm", ward: "26824", address: "Số 53 Võ Văn Ngân, Phường Thủ Đức, TP. Hồ Chí Minh",
		website: "https://tdc.edu.vn", phone: "028 3897 0023", email: "tuyensinh@tdc.edu.vn",
		description: "Trường cao đẳng công lập khu vực phía Đông Thành phố; đào tạo công nghệ thông tin, điện tử, kế toán, du lịch và cơ khí.",
		accredited:  true,
		trades: []trade{{"Công nghệ thông tin", "cao_dang"}, {"Điện tử công nghiệp", "cao_dang"}, {"Kế toán doanh nghiệp", "cao_dang"},
			{"Quản trị khách sạn", "cao_dang"}, {"Kỹ thuật chế biến món ăn", "trung_cap"}, {"Logistics", "trung_cap"}}},
	{code: "79-TC-021", name: "Trường Trung cấp Nghề Bình Tân Việt", kind: "trung_cap", ownership: "private",
		city: "hcm", ward: "27442", address: "Số 210 Đường số 7, Phường Bình Tân, TP. Hồ Chí Minh", founded: 2008,
		website: "https://binhtanviet.edu.vn", phone: "028 3765 4321", email: "tuyensinh@binhtanviet.edu.vn",
		description: "Trường trung cấp tư thục gần các khu công nghiệp Tân Tạo, Vĩnh Lộc; đào tạo nghề ngắn hạn và trung cấp cho công nhân.",
		accredited:  false, seeksPartners: true,
		trades: []trade{{"May thời trang", "trung_cap"}, {"May thời trang", "so_cap"}, {"Điện công nghiệp", "so_cap"}, {"Chăm sóc sắc đẹp", "so_cap"}}},
	{code: "79-TT-007", name: "Trung tâm Giáo dục nghề nghiệp Nam Sài Gòn", kind: "trung_tam", ownership: "public",
		city: "hcm", ward: "27475", address: "Số 15 Đường Tân Mỹ, Phường Tân Hưng, TP. Hồ Chí Minh", founded: 1998,
		website: "https://gdnnnamsaigon.edu.vn", phone: "028 3773 1188", email: "lienhe@gdnnnamsaigon.edu.vn",
		description: "Trung tâm công lập đào tạo sơ cấp và dưới 3 tháng; thực hiện đặt hàng đào tạo cho người có công, người khuyết tật, hộ nghèo.",
		accredited:  true,
		trades:      []trade{{"Kỹ thuật chế biến món ăn", "so_cap"}, {"Chăm sóc sắc đẹp", "so_cap"}, {"Tin học văn phòng", "so_cap"}}},
	{code: "CDCNQT-TDM", name: "Trường Cao đẳng Công nghệ Quốc tế Thủ Dầu Một", kind: "cao_dang", ownership: "foreign",
		city: "hcm", ward: "25750", address: "Số 45 Đường Phú Lợi, Phường Phú Lợi, TP. Hồ Chí Minh", founded: 2012,
		website: "https://tdmtech.edu.vn", phone: "0274 382 5566", email: "admissions@tdmtech.edu.vn",
		description: "Trường cao đẳng có vốn đầu tư nước ngoài, chương trình chuyển giao từ Hàn Quốc; thực tập tại doanh nghiệp FDI khu vực Bình Dương cũ.",
		accredited:  true,
		trades:      []trade{{"Cơ điện tử", "cao_dang"}, {"Điện tử công nghiệp", "cao_dang"}, {"Logistics", "cao_dang"}, {"Công nghệ ô tô", "so_cap"}}},
	{code: "79-TC-034", name: "Trường Trung cấp Du lịch – Khách sạn Vũng Tàu Xanh", kind: "trung_cap", ownership: "private",
		city: "hcm", ward: "26506", address: "Số 12 Lê Lợi, Phường Vũng Tàu, TP. Hồ Chí Minh", founded: 2015,
		website: "https://dulichvungtauxanh.edu.vn", phone: "0254 385 9090", email: "tuyensinh@dulichvungtauxanh.edu.vn",
		description: "Hồ sơ đang chờ Sở Giáo dục và Đào tạo thẩm định sau khi chuyển địa điểm đào tạo.",
		draft:       true},

	{code: "CDCT", name: "Trường Cao đẳng Cần Thơ", kind: "cao_dang", ownership: "public",
		city: "cantho", ward: "31147", address: "Số 413 Đường 30 Tháng 4, Phường Tân An, TP. Cần Thơ",
		website: "https://cdct.edu.vn", phone: "0292 383 1530", email: "tuyensinh@cdct.edu.vn",
		description: "Trường cao đẳng công lập đa ngành của thành phố: kỹ thuật, nông nghiệp, kinh tế và sư phạm.",
		accredited:  true, seeksPartners: true,
		trades: []trade{{"Nuôi trồng thủy sản", "cao_dang"}, {"Công nghệ thông tin", "cao_dang"}, {"Kế toán doanh nghiệp", "cao_dang"},
			{"Chế biến và bảo quản thủy sản", "trung_cap"}, {"Điện công nghiệp", "trung_cap"}, {"Tin học văn phòng", "so_cap"}}},
	{code: "CDKTKT-CT", name: "Trường Cao đẳng Kinh tế – Kỹ thuật Cần Thơ", kind: "cao_dang", ownership: "public",
		city: "cantho", ward: "31120", address: "Số 9 Cách Mạng Tháng Tám, Phường Cái Khế, TP. Cần Thơ",
		website: "https://ctet.edu.vn", phone: "0292 389 1324", email: "tuyensinh@ctet.edu.vn",
		description: "Trường cao đẳng công lập đào tạo kinh tế, kỹ thuật và nông nghiệp cho vùng Đồng bằng sông Cửu Long.",
		accredited:  true,
		trades: []trade{{"Logistics", "cao_dang"}, {"Kế toán doanh nghiệp", "trung_cap"}, {"Công nghệ ô tô", "cao_dang"},
			{"Chế biến và bảo quản thủy sản", "cao_dang"}, {"Điện tử công nghiệp", "trung_cap"}}},
	{code: "CDN-CT", name: "Trường Cao đẳng Nghề Cần Thơ", kind: "cao_dang", ownership: "public",
		city: "cantho", ward: "31168", address: "Số 57 Cách Mạng Tháng Tám, Phường Bình Thủy, TP. Cần Thơ",
		website: "https://cdnct.edu.vn", phone: "0292 382 6456", email: "tuyensinh@cdnct.edu.vn",
		description: "Trường cao đẳng công lập chuyên đào tạo nghề kỹ thuật; trung tâm sát hạch kỹ năng nghề quốc gia của khu vực.",
		accredited:  true, seeksPartners: true,
		trades: []trade{{"Hàn", "cao_dang"}, {"Công nghệ ô tô", "trung_cap"}, {"Điện công nghiệp", "cao_dang"},
			{"Kỹ thuật máy lạnh và điều hòa không khí", "trung_cap"}, {"May thời trang", "so_cap"}, {"Hàn", "so_cap"}}},
	{code: "CDYT-CT", name: "Trường Cao đẳng Y tế Cần Thơ", kind: "cao_dang", ownership: "public",
		city: "cantho", ward: "31120", address: "Số 340 Nguyễn Văn Cừ, Phường Cái Khế, TP. Cần Thơ",
		website: "https://cdytct.edu.vn", phone: "0292 389 0250", email: "tuyensinh@cdytct.edu.vn",
		description: "Trường cao đẳng công lập đào tạo điều dưỡng, dược, xét nghiệm; thực hành tại các bệnh viện của thành phố.",
		accredited:  true,
		trades:      []trade{{"Điều dưỡng", "cao_dang"}, {"Dược", "cao_dang"}, {"Kỹ thuật xét nghiệm y học", "cao_dang"}}},
	{code: "92-CS-003", name: "Cơ sở đào tạo nghề Công ty Cổ phần Thủy sản Tây Đô Xanh", kind: "other", ownership: "private",
		city: "cantho", ward: "31174", address: "Lô 2–14, Khu công nghiệp Trà Nóc 1, Phường Thới An Đông, TP. Cần Thơ", founded: 2016,
		website: "https://taydoxanh.vn", phone: "0292 384 2266", email: "daotao@taydoxanh.vn",
		description: "Cơ sở giáo dục nghề nghiệp trong doanh nghiệp: đào tạo sơ cấp, học xong được tuyển dụng vào nhà máy.",
		accredited:  false,
		trades:      []trade{{"Chế biến và bảo quản thủy sản", "so_cap"}, {"Vận hành máy lạnh công nghiệp", "so_cap"}}},
	{code: "92-TC-011", name: "Trường Trung cấp Kỹ thuật – Nông nghiệp Sóc Trăng", kind: "trung_cap", ownership: "public",
		city: "cantho", ward: "31507", address: "Số 82 Lê Duẩn, Phường Sóc Trăng, TP. Cần Thơ", founded: 1978,
		website: "https://tcktnnsoctrang.edu.vn", phone: "0299 382 1212", email: "tuyensinh@tcktnnsoctrang.edu.vn",
		description: "Trường trung cấp công lập đào tạo nông nghiệp, thủy sản và kỹ thuật cho lao động nông thôn, đồng bào dân tộc Khmer.",
		accredited:  true, seeksPartners: true,
		trades: []trade{{"Nuôi trồng thủy sản", "trung_cap"}, {"May thời trang", "trung_cap"}}},
	{code: "92-TT-004", name: "Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên Vị Thanh", kind: "trung_tam", ownership: "public",
		city: "cantho", ward: "31321", address: "Số 20 Đường 1 Tháng 5, Phường Vị Thanh, TP. Cần Thơ", founded: 2019,
		website: "https://gdnnvithanh.edu.vn", phone: "0293 387 6655", email: "lienhe@gdnnvithanh.edu.vn",
		description: "Trung tâm công lập đào tạo nghề ngắn hạn cho lao động nông thôn và bổ túc văn hóa khu vực Hậu Giang cũ.",
		accredited:  false,
		trades:      []trade{{"Nuôi trồng thủy sản", "so_cap"}, {"Kỹ thuật chế biến món ăn", "so_cap"}}},
}

// tradeInfo is what a program of some trade is about.
type tradeInfo struct {
	description string
	online      bool // can be taught online
}

var tradeCatalog = map[string]tradeInfo{
	"Công nghệ ô tô":      {"Bảo dưỡng, chẩn đoán và sửa chữa động cơ, gầm, điện ô tô; thực hành trên xe và thiết bị chẩn đoán của hãng.", false},
	"Điện công nghiệp":    {"Lắp đặt, vận hành, bảo trì hệ thống điện nhà máy, tủ điện, động cơ và điều khiển PLC cơ bản.", false},
	"Cơ điện tử":          {"Tích hợp cơ khí, điện tử và điều khiển; lập trình PLC, robot công nghiệp, hệ thống khí nén.", false},
	"Công nghệ thông tin": {"Lập trình ứng dụng web, cơ sở dữ liệu, mạng máy tính và an toàn thông tin.", true},
	"Hàn":                 {"Hàn hồ quang tay, MIG/MAG, TIG các tư thế; đọc bản vẽ kết cấu; thi chứng chỉ thợ hàn 3G.", false},
	"Cắt gọt kim loại":    {"Tiện, phay, mài và gia công CNC chi tiết máy theo bản vẽ.", false},
	"Điện tử công nghiệp": {"Lắp ráp, sửa chữa mạch điện tử, thiết bị đo lường và điều khiển trong dây chuyền sản xuất.", false},
	"Kỹ thuật máy lạnh và điều hòa không khí": {"Lắp đặt, bảo trì hệ thống lạnh công nghiệp, kho lạnh và điều hòa không khí.", false},
	"Kế toán doanh nghiệp":                    {"Kế toán tài chính, thuế, tiền lương – bảo hiểm; thực hành trên phần mềm kế toán và hóa đơn điện tử.", true},
	"Logistics":                               {"Quản lý kho, vận tải đa phương thức, chứng từ xuất nhập khẩu và khai báo hải quan điện tử.", true},
	"Quản trị khách sạn":                      {"Nghiệp vụ lễ tân, buồng phòng, nhà hàng; tiếng Anh chuyên ngành; thực tập tại khách sạn 4–5 sao.", false},
	"Kỹ thuật chế biến món ăn":                {"Chế biến món ăn Việt Nam và Á – Âu, an toàn thực phẩm, xây dựng thực đơn.", false},
	"May thời trang":                          {"May các sản phẩm áo sơ mi, quần tây, áo khoác; thiết kế rập cơ bản; sử dụng máy may công nghiệp.", false},
	"Chăm sóc sắc đẹp":                        {"Chăm sóc da, trang điểm, chăm sóc móng; mở cơ sở dịch vụ làm đẹp.", false},
	"Tin học văn phòng":                       {"Soạn thảo văn bản, bảng tính, trình chiếu; sử dụng dịch vụ công trực tuyến và chữ ký số.", true},
	"Nuôi trồng thủy sản":                     {"Kỹ thuật nuôi cá tra, tôm thẻ chân trắng, quản lý môi trường ao nuôi, phòng trị bệnh theo VietGAP.", false},
	"Chế biến và bảo quản thủy sản":           {"Quy trình chế biến thủy sản đông lạnh, HACCP, kiểm soát chất lượng và an toàn thực phẩm.", false},
	"Vận hành máy lạnh công nghiệp":           {"Vận hành, bảo dưỡng tủ đông, băng chuyền IQF và kho lạnh trong nhà máy chế biến.", false},
	"Điều dưỡng":                              {"Chăm sóc người bệnh, kỹ thuật điều dưỡng cơ bản và chuyên khoa; thực hành tại bệnh viện.", false},
	"Dược":                                    {"Bào chế, quản lý và cung ứng thuốc, tư vấn sử dụng thuốc tại nhà thuốc và bệnh viện.", false},
	"Kỹ thuật xét nghiệm y học":               {"Xét nghiệm huyết học, hóa sinh, vi sinh; quản lý chất lượng phòng xét nghiệm.", false},
}

// trungCapOffer is the fee waiver only trung cấp programs have.
var trungCapOffer = supportOffer{"Học sinh tốt nghiệp THCS học tiếp trình độ trung cấp được miễn học phí; con của người có công được hỗ trợ thêm chi phí học tập.",
	[]string{"meritorious"}, []string{"fee_waiver"}}

// supportOffer is a program's support: who qualifies, what they get
// (codes of domain.SupportGroups and SupportBenefits) and the details.
type supportOffer struct {
	text             string
	groups, benefits []string
}

// supportOffers say who studies for free or with support, in both cities.
var supportOffers = []supportOffer{
	{"Miễn học phí cho người có công với cách mạng và con của người có công; hỗ trợ học phí cho bộ đội xuất ngũ có thẻ đề nghị học nghề theo Luật Nghĩa vụ quân sự.",
		[]string{"meritorious", "veteran"}, []string{"fee_waiver"}},
	{"Miễn học phí cho người khuyết tật, người thuộc hộ nghèo; giảm 70% học phí cho người thuộc hộ cận nghèo.",
		[]string{"disabled", "poor_household"}, []string{"fee_waiver", "fee_reduction"}},
	{"Lao động nông thôn, người thuộc hộ nghèo, hộ cận nghèo được hỗ trợ chi phí đào tạo, tiền ăn và tiền đi lại theo chính sách của thành phố.",
		[]string{"poor_household", "rural_worker"}, []string{"fee_reduction", "meals", "travel"}},
	{"Bộ đội xuất ngũ, người khuyết tật và người thuộc hộ nghèo được miễn học phí; ký túc xá miễn phí cho học sinh ở xa.",
		[]string{"veteran", "disabled", "poor_household"}, []string{"fee_waiver", "housing"}},
	{"Người đang hưởng trợ cấp thất nghiệp được hỗ trợ chi phí học nghề; người có công và thân nhân được ưu tiên xét tuyển.",
		[]string{"unemployed"}, []string{"fee_reduction"}},
}

// canThoOffers are the support of Cần Thơ's rural and Khmer programs,
// added to the common ones there so the city's programs differ.
var canThoOffers = []supportOffer{
	{"Người dân tộc thiểu số (Khmer, Hoa) được miễn học phí, hỗ trợ tiền ăn 30.000 đ/ngày và tiền đi lại cho người ở cách trường từ 15 km.",
		[]string{"ethnic_minority"}, []string{"fee_waiver", "meals", "travel"}},
	{"Lao động nông thôn và người bị thu hồi đất nông nghiệp học nghề sơ cấp được hỗ trợ học phí tối đa 4 triệu đồng/khóa và tiền ăn.",
		[]string{"rural_worker", "lost_land"}, []string{"fee_reduction", "meals"}},
	{"Phụ nữ thuộc hộ nghèo, hộ cận nghèo ở các xã Phong Điền, Thới Lai, Cờ Đỏ, Vĩnh Thạnh được trợ cấp 500.000 đ/tháng trong thời gian học.",
		[]string{"women", "poor_household"}, []string{"stipend"}},
}

// offerFor picks a program's support; Cần Thơ draws from more offers.
func offerFor(r *rand.Rand, city string) supportOffer {
	if city == "cantho" {
		return pick(r, append(append([]supportOffer{}, supportOffers...), canThoOffers...))
	}
	return pick(r, supportOffers)
}

// applyOffer sets a program's support from an offer.
func applyOffer(p *domain.Program, o supportOffer) {
	p.Support, p.SupportGroups, p.SupportBenefits = o.text, o.groups, o.benefits
}

// tradeOccupations are the VSCO 2020 major groups each trade leads to.
var tradeOccupations = map[string][]string{
	"Công nghệ ô tô": {"7"}, "Điện công nghiệp": {"7"}, "Cơ điện tử": {"3", "7"}, "Công nghệ thông tin": {"2", "3"},
	"Hàn": {"7"}, "Cắt gọt kim loại": {"7", "8"}, "Điện tử công nghiệp": {"7"}, "Kỹ thuật máy lạnh và điều hòa không khí": {"7"},
	"Kế toán doanh nghiệp": {"3", "4"}, "Logistics": {"4"}, "Quản trị khách sạn": {"5"}, "Kỹ thuật chế biến món ăn": {"5"},
	"May thời trang": {"7", "8"}, "Chăm sóc sắc đẹp": {"5"}, "Tin học văn phòng": {"4"}, "Nuôi trồng thủy sản": {"6"},
	"Chế biến và bảo quản thủy sản": {"8", "9"}, "Vận hành máy lạnh công nghiệp": {"8"}, "Điều dưỡng": {"3"}, "Dược": {"3"},
	"Kỹ thuật xét nghiệm y học": {"3"},
}

// buildSchools makes the schools.
func buildSchools(r *rand.Rand, now time.Time) []domain.School {
	out := make([]domain.School, 0, len(schoolSpecs))
	for i, s := range schoolSpecs {
		sc := domain.School{
			Meta:          domain.Meta{ExternalID: "demo-school-" + pad(i+1, 3)},
			Code:          s.code,
			Name:          s.name,
			Kind:          s.kind,
			Ownership:     s.ownership,
			Address:       s.address,
			WardCode:      ptr(s.ward),
			City:          s.city,
			Website:       s.website,
			Phone:         s.phone,
			Email:         s.email,
			Description:   s.description,
			Accredited:    s.accredited,
			SeeksPartners: s.seeksPartners,
		}
		if s.founded != 0 {
			sc.FoundedYear = ptr(s.founded)
		}
		if s.draft {
			draft(&sc.Meta, s.city, areaEducation, now)
		} else {
			t := randomMoment(r, at(2024, time.July, 15, 8, 0), at(2025, time.October, 31, 17, 0))
			published(&sc.Meta, s.city, areaEducation, t, now)
		}
		out = append(out, sc)
	}
	return out
}

// buildPrograms makes the programs of every school.
func buildPrograms(r *rand.Rand, now time.Time, schools []domain.School) []seedProgram {
	var out []seedProgram
	for si, s := range schoolSpecs {
		for _, t := range s.trades {
			p := domain.Program{
				Meta:  domain.Meta{ExternalID: "demo-training-" + pad(len(out)+1, 3)},
				Name:  t.name,
				Level: t.level,
				City:  s.city,
			}
			setTerms(r, &p, s.kind)

			school := schools[si]
			if school.PublishedAt == nil {
				draft(&p.Meta, s.city, areaEducation, now)
			} else {
				t := randomMoment(r, school.PublishedAt.AddDate(0, 0, 1), school.PublishedAt.AddDate(0, 0, 90))
				published(&p.Meta, s.city, areaEducation, t, now)
			}
			out = append(out, seedProgram{Program: p, school: si})
		}
	}
	return out
}

// setTerms draws a program's terms from its trade, level and city and its
// school's kind: mode, duration, quota, tuition, intake, support, the
// occupations it leads to and its description. The demo and Generate draw
// them alike.
func setTerms(r *rand.Rand, p *domain.Program, schoolKind string) {
	info := tradeCatalog[p.Name]
	p.Mode = "full_time"
	var months, quota int
	var tuition int64
	switch p.Level {
	case "so_cap":
		months = between(r, 3, 6)
		quota = between(r, 2, 8) * 10
		tuition = int64(between(r, 0, 12)) * 500_000 // 0–6 triệu/khóa
		p.Intake = pick(r, []string{"Hằng tháng", "Tháng 3, tháng 6, tháng 9", "Khai giảng khi đủ 20 học viên"})
		if r.IntN(4) == 0 {
			p.Mode = "work_study"
		}
	case "trung_cap":
		months = pick(r, []int{12, 18, 24})
		quota = between(r, 4, 15) * 10
		tuition = int64(between(r, 12, 30)) * 500_000 // 6–15 triệu/năm
		p.Intake = pick(r, []string{"Tháng 3, tháng 9", "Tháng 9", "Tháng 6, tháng 10"})
		if r.IntN(3) == 0 {
			p.Mode = "work_study"
		}
	default: // cao_dang
		months = pick(r, []int{24, 30, 36})
		quota = between(r, 5, 30) * 10
		tuition = int64(between(r, 20, 50)) * 500_000 // 10–25 triệu/năm
		p.Intake = pick(r, []string{"Tháng 3, tháng 9", "Tháng 9", "Tháng 8, tháng 12"})
	}
	if info.online && r.IntN(3) == 0 {
		p.Mode = "online"
	}
	// Trung cấp is free for lower-secondary graduates; some centres
	// train for free under the city's commissioning.
	if (p.Level == "trung_cap" && r.IntN(3) == 0) || (schoolKind == "trung_tam" && r.IntN(2) == 0) {
		tuition = 0
	}
	p.DurationMonths, p.Quota, p.TuitionVND = ptr(months), ptr(quota), ptr(tuition)
	applyOffer(p, offerFor(r, p.City))
	p.Occupations = tradeOccupations[p.Name]
	if p.Level == "trung_cap" && r.IntN(2) == 0 {
		applyOffer(p, trungCapOffer)
	}
	p.Description = fmt.Sprintf("%s Thời gian đào tạo %d tháng, hình thức %s.", info.description, months,
		lowerFirst(domain.StudyModes.Label(p.Mode)))
}

// lowerFirst lower-cases the first letter: "Chính quy" → "chính quy".
func lowerFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToLower(r)) + s[size:]
}
