package seed

import (
	"time"

	"hoptac/internal/domain"
)

// buildProjects makes the projects and organisations seeking partners:
// five per city.
func buildProjects(now time.Time) []domain.Project {
	const billion = int64(1_000_000_000)
	type p struct {
		title, org, kind, field, city, stage string
		budget                               int64
		start, end                           *domain.Date
		description, contact                 string
		published                            time.Time
	}
	list := []p{
		{
			title: "Đào tạo nghề gắn với giải quyết việc làm cho thanh niên khu vực Bình Tân – Tân Tạo",
			org:   "Trung tâm Giáo dục nghề nghiệp Nam Sài Gòn", kind: "training", field: "Giáo dục nghề nghiệp", city: "hcm",
			stage: "seeking_partners", budget: 4_500_000_000, start: date(2026, time.March, 1), end: date(2027, time.December, 31),
			description: "Đào tạo sơ cấp may công nghiệp, điện công nghiệp và hàn cho 600 thanh niên, bộ đội xuất ngũ; doanh nghiệp tại Khu công nghiệp Tân Tạo cam kết tuyển dụng sau đào tạo. Dự án tìm doanh nghiệp đồng tài trợ thiết bị thực hành và nhận học viên thực tập.",
			contact:     "Phòng Đào tạo – Tuyển sinh, ĐT 028 3773 1188, email lienhe@gdnnnamsaigon.edu.vn",
			published:   at(2025, time.November, 12, 9, 0),
		},
		{
			title: "Đầu tư ký túc xá công nhân Khu công nghiệp Tân Tạo",
			org:   "Công ty TNHH May mặc Phú Thịnh", kind: "investment", field: "Nhà ở công nhân", city: "hcm",
			stage: "seeking_partners", budget: 320 * billion, start: date(2026, time.June, 1), end: date(2028, time.June, 30),
			description: "Xây dựng ký túc xá 1.200 chỗ ở cho công nhân, trong đó 30% dành cho lao động đến từ Cần Thơ và các tỉnh Đồng bằng sông Cửu Long theo Chương trình hợp tác. Tìm nhà đầu tư góp vốn theo hình thức hợp tác kinh doanh.",
			contact:     "Ban Dự án, ĐT 028 3750 2468, email duan@phuthinh.vn",
			published:   at(2025, time.December, 3, 14, 30),
		},
		{
			title: "Sàn giao dịch việc làm trực tuyến liên thông Thành phố Hồ Chí Minh – Đồng bằng sông Cửu Long",
			org:   "Trung tâm Dịch vụ việc làm Thành phố Hồ Chí Minh", kind: "employment", field: "Việc làm", city: "hcm",
			stage: "ongoing", budget: 12 * billion, start: date(2024, time.October, 1), end: date(2026, time.December, 31),
			description: "Tổ chức phiên giao dịch việc làm trực tuyến định kỳ hằng tháng, kết nối doanh nghiệp Thành phố với người lao động tại Cần Thơ và các tỉnh; đã tổ chức 18 phiên với hơn 25.000 lượt người tham gia.",
			contact:     "Phòng Thông tin thị trường lao động, ĐT 028 3829 1001",
			published:   at(2024, time.October, 8, 10, 0),
		},
		{
			title: "Mô hình chăm sóc người cao tuổi dựa vào cộng đồng tại Phường Tân Thuận",
			org:   "Hội Người cao tuổi Phường Tân Thuận", kind: "social_security", field: "Bảo trợ xã hội", city: "hcm",
			stage: "proposed", budget: 850_000_000, start: date(2027, time.January, 1), end: date(2028, time.December, 31),
			description: "Thành lập câu lạc bộ liên thế hệ tự giúp nhau, chăm sóc tại nhà cho người cao tuổi cô đơn, người cao tuổi là người có công; đề xuất nhân rộng sang TP. Cần Thơ.",
			contact:     "Ông Lê Văn Hòa, Chủ tịch Hội, ĐT 0903 456 789",
			published:   at(2026, time.September, 18, 8, 40),
		},
		{
			title: "Hỗ trợ sinh kế và việc làm cho người khuyết tật",
			org:   "Tổ chức Hỗ trợ Người khuyết tật Ánh Dương", kind: "ngo", field: "Việc làm cho người khuyết tật", city: "hcm",
			stage: "completed", budget: 6_200_000_000, start: date(2023, time.January, 1), end: date(2025, time.June, 30),
			description: "Đào tạo nghề may, tin học, làm bánh và giới thiệu việc làm cho 420 người khuyết tật; 65% học viên có việc làm sau 6 tháng. Tổ chức tìm đối tác cho giai đoạn mở rộng sang TP. Cần Thơ.",
			contact:     "Văn phòng dự án, email lienhe@anhduong.org.vn, ĐT 028 3512 7788",
			published:   at(2024, time.August, 20, 15, 10),
		},
		{
			title: "Trung tâm đào tạo kỹ thuật chế biến thủy sản xuất khẩu",
			org:   "Công ty Cổ phần Thủy sản Tây Đô Xanh", kind: "investment", field: "Giáo dục nghề nghiệp", city: "cantho",
			stage: "seeking_partners", budget: 45 * billion, start: date(2026, time.April, 1), end: date(2027, time.September, 30),
			description: "Xây dựng xưởng thực hành chế biến thủy sản đạt chuẩn HACCP, đào tạo 1.000 lao động mỗi năm cho các nhà máy tại Cần Thơ, Sóc Trăng, Hậu Giang. Tìm trường cao đẳng hợp tác đào tạo và nhà đầu tư thiết bị.",
			contact:     "Phòng Nhân sự, ĐT 0292 384 2266, email daotao@taydoxanh.vn",
			published:   at(2025, time.August, 26, 9, 20),
		},
		{
			title: "Đào tạo nghề nuôi trồng thủy sản cho lao động nông thôn khu vực Sóc Trăng – Hậu Giang",
			org:   "Trường Trung cấp Kỹ thuật – Nông nghiệp Sóc Trăng", kind: "training", field: "Giáo dục nghề nghiệp", city: "cantho",
			stage: "ongoing", budget: 3_200_000_000, start: date(2025, time.January, 15), end: date(2026, time.December, 31),
			description: "Mở 24 lớp sơ cấp nuôi tôm, nuôi cá tra cho lao động nông thôn, hộ nghèo và đồng bào Khmer; liên kết bao tiêu sản phẩm với doanh nghiệp thủy sản.",
			contact:     "Phòng Đào tạo, ĐT 0299 382 1212",
			published:   at(2025, time.February, 10, 10, 45),
		},
		{
			title: "Đưa lao động Cần Thơ đến làm việc tại doanh nghiệp Thành phố Hồ Chí Minh có bảo đảm chỗ ở",
			org:   "Trung tâm Dịch vụ việc làm TP. Cần Thơ", kind: "employment", field: "Việc làm", city: "cantho",
			stage: "seeking_partners", budget: 2_800_000_000, start: date(2026, time.January, 1), end: date(2027, time.December, 31),
			description: "Tuyển chọn, đào tạo định hướng và đưa 2.000 lao động đến làm việc tại các doanh nghiệp may, giày da, điện tử ở Thành phố Hồ Chí Minh; tìm doanh nghiệp có ký túc xá hoặc hỗ trợ nhà ở cho người lao động.",
			contact:     "Phòng Tư vấn – Giới thiệu việc làm, ĐT 0292 382 8585",
			published:   at(2025, time.December, 15, 8, 15),
		},
		{
			title: "Xây dựng, sửa chữa nhà tình nghĩa cho gia đình người có công",
			org:   "Ban Vận động Quỹ Đền ơn đáp nghĩa TP. Cần Thơ", kind: "social_security", field: "Người có công", city: "cantho",
			stage: "completed", budget: 9_600_000_000, start: date(2024, time.July, 1), end: date(2025, time.July, 27),
			description: "Xây mới 80 căn và sửa chữa 120 căn nhà tình nghĩa cho gia đình người có công; Thành phố Hồ Chí Minh hỗ trợ 2 tỷ đồng trong khuôn khổ Chương trình hợp tác.",
			contact:     "Văn phòng Ban vận động, ĐT 0292 382 0123",
			published:   at(2024, time.July, 22, 9, 0),
		},
		{
			title: "Nước sạch và sinh kế cho hộ nghèo ven sông Hậu",
			org:   "Quỹ Phát triển Cộng đồng Mê Kông Xanh", kind: "ngo", field: "Giảm nghèo bền vững", city: "cantho",
			stage: "seeking_partners", budget: 5_400_000_000, start: date(2026, time.July, 1), end: date(2028, time.June, 30),
			description: "Lắp đặt hệ thống lọc nước hộ gia đình và hỗ trợ sinh kế (nuôi cá, trồng rau an toàn) cho 500 hộ nghèo, hộ cận nghèo ven sông Hậu; tìm nhà tài trợ và doanh nghiệp bao tiêu sản phẩm.",
			contact:     "Điều phối dự án, email duan@mekongxanh.org.vn, ĐT 0939 112 233",
			published:   at(2026, time.May, 6, 13, 30),
		},
	}
	out := make([]domain.Project, 0, len(list))
	for i, it := range list {
		pr := domain.Project{
			Meta:         domain.Meta{ExternalID: "demo-project-" + pad(i+1, 3)},
			Title:        it.title,
			Organization: it.org,
			Kind:         it.kind,
			Field:        it.field,
			City:         it.city,
			BudgetVND:    ptr(it.budget),
			StartOn:      it.start,
			EndOn:        it.end,
			Stage:        it.stage,
			Description:  it.description,
			Contact:      it.contact,
		}
		published(&pr.Meta, it.city, areaLabour, it.published, now)
		out = append(out, pr)
	}
	return out
}
