package seed

import (
	"time"

	"hoptac/internal/domain"
)

// buildProjects makes the projects and organisations seeking partners:
// five per city.
func buildProjects(now time.Time) []domain.Project {
	const billion = 1_000_000_000
	vnd := func(n int64) *int64 { return &n }
	list := []struct {
		domain.Project
		published time.Time
	}{
		{domain.Project{Title: "Đào tạo nghề gắn với giải quyết việc làm cho thanh niên khu vực Bình Tân – Tân Tạo", Organization: "Trung tâm Giáo dục nghề nghiệp Nam Sài Gòn",
			Kind: "training", Field: "Giáo dục nghề nghiệp", City: "hcm", Stage: "seeking_partners", BudgetVND: vnd(4_500_000_000), StartOn: date(2026, time.March, 1), EndOn: date(2027, time.December, 31),
			Description: "Đào tạo sơ cấp may công nghiệp, điện công nghiệp và hàn cho 600 thanh niên, bộ đội xuất ngũ; doanh nghiệp tại Khu công nghiệp Tân Tạo cam kết tuyển dụng sau đào tạo. Dự án tìm doanh nghiệp đồng tài trợ thiết bị thực hành và nhận học viên thực tập.",
			Contact:     "Phòng Đào tạo – Tuyển sinh, ĐT 028 3773 1188, email lienhe@gdnnnamsaigon.edu.vn"}, at(2025, time.November, 12, 9, 0)},
		{domain.Project{Title: "Đầu tư ký túc xá công nhân Khu công nghiệp Tân Tạo", Organization: "Công ty TNHH May mặc Phú Thịnh",
			Kind: "investment", Field: "Nhà ở công nhân", City: "hcm", Stage: "seeking_partners", BudgetVND: vnd(320 * billion), StartOn: date(2026, time.June, 1), EndOn: date(2028, time.June, 30),
			Description: "Xây dựng ký túc xá 1.200 chỗ ở cho công nhân, trong đó 30% dành cho lao động đến từ Cần Thơ và các tỉnh Đồng bằng sông Cửu Long theo Chương trình hợp tác. Tìm nhà đầu tư góp vốn theo hình thức hợp tác kinh doanh.",
			Contact:     "Ban Dự án, ĐT 028 3750 2468, email duan@phuthinh.vn"}, at(2025, time.December, 3, 14, 30)},
		{domain.Project{Title: "Sàn giao dịch việc làm trực tuyến liên thông Thành phố Hồ Chí Minh – Đồng bằng sông Cửu Long", Organization: "Trung tâm Dịch vụ việc làm Thành phố Hồ Chí Minh",
			Kind: "employment", Field: "Việc làm", City: "hcm", Stage: "ongoing", BudgetVND: vnd(12 * billion), StartOn: date(2024, time.October, 1), EndOn: date(2026, time.December, 31),
			Description: "Tổ chức phiên giao dịch việc làm trực tuyến định kỳ hằng tháng, kết nối doanh nghiệp Thành phố với người lao động tại Cần Thơ và các tỉnh; đã tổ chức 18 phiên với hơn 25.000 lượt người tham gia.",
			Contact:     "Phòng Thông tin thị trường lao động, ĐT 028 3829 1001"}, at(2024, time.October, 8, 10, 0)},
		{domain.Project{Title: "Mô hình chăm sóc người cao tuổi dựa vào cộng đồng tại Phường Tân Thuận", Organization: "Hội Người cao tuổi Phường Tân Thuận",
			Kind: "social_security", Field: "Bảo trợ xã hội", City: "hcm", Stage: "proposed", BudgetVND: vnd(850_000_000), StartOn: date(2027, time.January, 1), EndOn: date(2028, time.December, 31),
			Description: "Thành lập câu lạc bộ liên thế hệ tự giúp nhau, chăm sóc tại nhà cho người cao tuổi cô đơn, người cao tuổi là người có công; đề xuất nhân rộng sang TP. Cần Thơ.",
			Contact:     "Ông Lê Văn Hòa, Chủ tịch Hội, ĐT 0903 456 789"}, at(2026, time.September, 18, 8, 40)},
		{domain.Project{Title: "Hỗ trợ sinh kế và việc làm cho người khuyết tật", Organization: "Tổ chức Hỗ trợ Người khuyết tật Ánh Dương",
			Kind: "ngo", Field: "Việc làm cho người khuyết tật", City: "hcm", Stage: "completed", BudgetVND: vnd(6_200_000_000), StartOn: date(2023, time.January, 1), EndOn: date(2025, time.June, 30),
			Description: "Đào tạo nghề may, tin học, làm bánh và giới thiệu việc làm cho 420 người khuyết tật; 65% học viên có việc làm sau 6 tháng. Tổ chức tìm đối tác cho giai đoạn mở rộng sang TP. Cần Thơ.",
			Contact:     "Văn phòng dự án, email lienhe@anhduong.org.vn, ĐT 028 3512 7788"}, at(2024, time.August, 20, 15, 10)},
		{domain.Project{Title: "Trung tâm đào tạo kỹ thuật chế biến thủy sản xuất khẩu", Organization: "Công ty Cổ phần Thủy sản Tây Đô Xanh",
			Kind: "investment", Field: "Giáo dục nghề nghiệp", City: "cantho", Stage: "seeking_partners", BudgetVND: vnd(45 * billion), StartOn: date(2026, time.April, 1), EndOn: date(2027, time.September, 30),
			Description: "Xây dựng xưởng thực hành chế biến thủy sản đạt chuẩn HACCP, đào tạo 1.000 lao động mỗi năm cho các nhà máy tại Cần Thơ, Sóc Trăng, Hậu Giang. Tìm trường cao đẳng hợp tác đào tạo và nhà đầu tư thiết bị.",
			Contact:     "Phòng Nhân sự, ĐT 0292 384 2266, email daotao@taydoxanh.vn"}, at(2025, time.August, 26, 9, 20)},
		{domain.Project{Title: "Đào tạo nghề nuôi trồng thủy sản cho lao động nông thôn khu vực Sóc Trăng – Hậu Giang", Organization: "Trường Trung cấp Kỹ thuật – Nông nghiệp Sóc Trăng",
			Kind: "training", Field: "Giáo dục nghề nghiệp", City: "cantho", Stage: "ongoing", BudgetVND: vnd(3_200_000_000), StartOn: date(2025, time.January, 15), EndOn: date(2026, time.December, 31),
			Description: "Mở 24 lớp sơ cấp nuôi tôm, nuôi cá tra cho lao động nông thôn, hộ nghèo và đồng bào Khmer; liên kết bao tiêu sản phẩm với doanh nghiệp thủy sản.",
			Contact:     "Phòng Đào tạo, ĐT 0299 382 1212"}, at(2025, time.February, 10, 10, 45)},
		{domain.Project{Title: "Đưa lao động Cần Thơ đến làm việc tại doanh nghiệp Thành phố Hồ Chí Minh có bảo đảm chỗ ở", Organization: "Trung tâm Dịch vụ việc làm TP. Cần Thơ",
			Kind: "employment", Field: "Việc làm", City: "cantho", Stage: "seeking_partners", BudgetVND: vnd(2_800_000_000), StartOn: date(2026, time.January, 1), EndOn: date(2027, time.December, 31),
			Description: "Tuyển chọn, đào tạo định hướng và đưa 2.000 lao động đến làm việc tại các doanh nghiệp may, giày da, điện tử ở Thành phố Hồ Chí Minh; tìm doanh nghiệp có ký túc xá hoặc hỗ trợ nhà ở cho người lao động.",
			Contact:     "Phòng Tư vấn – Giới thiệu việc làm, ĐT 0292 382 8585"}, at(2025, time.December, 15, 8, 15)},
		{domain.Project{Title: "Xây dựng, sửa chữa nhà tình nghĩa cho gia đình người có công", Organization: "Ban Vận động Quỹ Đền ơn đáp nghĩa TP. Cần Thơ",
			Kind: "social_security", Field: "Người có công", City: "cantho", Stage: "completed", BudgetVND: vnd(9_600_000_000), StartOn: date(2024, time.July, 1), EndOn: date(2025, time.July, 27),
			Description: "Xây mới 80 căn và sửa chữa 120 căn nhà tình nghĩa cho gia đình người có công; Thành phố Hồ Chí Minh hỗ trợ 2 tỷ đồng trong khuôn khổ Chương trình hợp tác.",
			Contact:     "Văn phòng Ban vận động, ĐT 0292 382 0123"}, at(2024, time.July, 22, 9, 0)},
		{domain.Project{Title: "Nước sạch và sinh kế cho hộ nghèo ven sông Hậu", Organization: "Quỹ Phát triển Cộng đồng Mê Kông Xanh",
			Kind: "ngo", Field: "Giảm nghèo bền vững", City: "cantho", Stage: "seeking_partners", BudgetVND: vnd(5_400_000_000), StartOn: date(2026, time.July, 1), EndOn: date(2028, time.June, 30),
			Description: "Lắp đặt hệ thống lọc nước hộ gia đình và hỗ trợ sinh kế (nuôi cá, trồng rau an toàn) cho 500 hộ nghèo, hộ cận nghèo ven sông Hậu; tìm nhà tài trợ và doanh nghiệp bao tiêu sản phẩm.",
			Contact:     "Điều phối dự án, email duan@mekongxanh.org.vn, ĐT 0939 112 233"}, at(2026, time.May, 6, 13, 30)},
	}
	out := make([]domain.Project, 0, len(list))
	for i, it := range list {
		pr := it.Project
		pr.ExternalID = "demo-project-" + pad(i+1, 3)
		published(&pr.Meta, pr.City, areaLabour, it.published, now)
		out = append(out, pr)
	}
	return out
}
