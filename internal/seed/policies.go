package seed

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/lib/pq"

	"hoptac/internal/domain"
)

const programTitle = "Chương trình hợp tác giữa Sở Lao động – Thương binh và Xã hội Thành phố Hồ Chí Minh và Sở Lao động – Thương binh và Xã hội Thành phố Cần Thơ giai đoạn 2024 – 2025"

const programSummary = "Ngày 28/6/2024, tại Hội trường Ủy ban nhân dân TP. Cần Thơ, ông Lê Văn Thinh, Giám đốc Sở Lao động – Thương binh và Xã hội Thành phố Hồ Chí Minh, và bà Trần Thị Xuân Mai, Giám đốc Sở Lao động – Thương binh và Xã hội Thành phố Cần Thơ, đã ký kết Chương trình hợp tác giai đoạn 2024 – 2025 trong các lĩnh vực lao động, người có công và xã hội. Chương trình nhằm để các tổ chức, doanh nghiệp tiếp cận, đầu tư và hỗ trợ giáo dục nghề nghiệp, giải quyết việc làm, quản lý lao động và thực hiện chính sách an sinh xã hội của hai thành phố."

const programBody = `## Mục đích

- Giúp các tổ chức, doanh nghiệp tiếp cận, đầu tư và hỗ trợ giáo dục nghề nghiệp, giải quyết việc làm, quản lý lao động và thực hiện chính sách an sinh xã hội tại hai thành phố.
- Tăng cường phối hợp giữa hai Sở trong thực hiện nhiệm vụ quản lý nhà nước về lao động, việc làm, giáo dục nghề nghiệp, người có công và bảo trợ xã hội.
- Phát huy tiềm năng, lợi thế của mỗi địa phương; góp phần hình thành thị trường lao động liên thông giữa Thành phố Hồ Chí Minh và Đồng bằng sông Cửu Long.
- Chia sẻ kinh nghiệm, mô hình hay trong tổ chức thực hiện chính sách; nâng cao chất lượng nguồn nhân lực, bảo đảm an sinh xã hội cho người dân hai thành phố.

## Lĩnh vực hợp tác

- Lao động (lao động, việc làm, giáo dục nghề nghiệp).
- Người có công.
- Xã hội (bảo trợ xã hội, giảm nghèo, trẻ em, bình đẳng giới).

## Nguyên tắc hợp tác

- Tự nguyện, bình đẳng, cùng có lợi.
- Phù hợp với chức năng, nhiệm vụ, quyền hạn của mỗi bên và tuân thủ quy định của pháp luật.
- Bảo đảm tính thiết thực, hiệu quả; nội dung hợp tác được cụ thể hóa bằng kế hoạch hằng năm.
- Thông tin trao đổi giữa hai bên được sử dụng đúng mục đích, bảo đảm bí mật nhà nước và dữ liệu cá nhân theo quy định.

## Nội dung hợp tác

1. Cụ thể hóa Chương trình hợp tác thành kế hoạch thực hiện theo từng lĩnh vực: lao động – việc làm, giáo dục nghề nghiệp, người có công, bảo trợ xã hội.
2. Trao đổi thông tin định kỳ về tình hình thực hiện chính sách lao động, việc làm, giáo dục nghề nghiệp và an sinh xã hội trên địa bàn mỗi thành phố.
3. Tổ chức sơ kết, tổng kết định kỳ việc thực hiện Chương trình; đánh giá kết quả, rút kinh nghiệm và thống nhất nội dung cho giai đoạn tiếp theo.
4. Phối hợp nghiên cứu, đề xuất với cấp có thẩm quyền các cơ chế, chính sách mới phù hợp với thực tiễn của hai địa phương.
5. Công khai các chính sách, danh sách doanh nghiệp sử dụng nhiều lao động, cơ sở giáo dục nghề nghiệp, các dự án và tổ chức đang tìm kiếm đối tác trên cổng thông tin chung.
6. Kết nối thị trường lao động vùng thông qua các phiên giao dịch việc làm liên thông, chia sẻ thông tin cung – cầu lao động giữa hai thành phố.
7. Phối hợp chăm lo cho người có công với cách mạng, người khuyết tật, hộ nghèo, hộ cận nghèo và các nhóm yếu thế khác.

## Tổ chức thực hiện

- Mỗi bên phân công một lãnh đạo Sở phụ trách và một phòng chuyên môn làm đầu mối theo dõi, đôn đốc thực hiện Chương trình.
- Hằng năm, hai bên thống nhất kế hoạch cụ thể; định kỳ 6 tháng trao đổi thông tin về kết quả thực hiện.
- Tổ chức sơ kết vào đầu năm 2025 và tổng kết khi kết thúc giai đoạn 2024 – 2025.
- Kinh phí thực hiện được bố trí từ dự toán ngân sách hằng năm của mỗi bên và các nguồn hợp pháp khác.
- Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, hai bên kịp thời trao đổi, thống nhất điều chỉnh, bổ sung cho phù hợp.

> Ghi chú: từ ngày 01/3/2025, sau khi sắp xếp tổ chức bộ máy, nhiệm vụ của Sở Lao động – Thương binh và Xã hội được chuyển giao: lao động, việc làm, người có công cho Sở Nội vụ; giáo dục nghề nghiệp cho Sở Giáo dục và Đào tạo; bảo trợ xã hội cho Sở Y tế. Các cơ quan tiếp nhận tiếp tục thực hiện Chương trình.`

// cooperation is the program of 28/6/2024 and its seven commitments (the
// program's tasks), kept apart from the other policies: the commitments
// name the program.
type cooperation struct {
	program     domain.Policy
	commitments []domain.Commitment // PolicyID set on write
}

// each takes the program and then its commitments through p.
func (c *cooperation) each(ctx context.Context, p pass) error {
	ids, err := each(ctx, p, "policy", []domain.Policy{c.program}, nil, create)
	if err != nil {
		return err
	}
	if c.program.Kind != "program" {
		return fmt.Errorf("seed: policy %s must be of kind program", c.program.ExternalID)
	}
	_, err = each(ctx, p, "commitment", c.commitments, func(m *domain.Commitment) error {
		m.PolicyID = ids[0]
		return nil
	}, create)
	return err
}

// buildProgram makes the cooperation program and its commitments.
// Progress updates and reviews dated after now are left out.
func buildProgram(now time.Time) cooperation {
	p := domain.Policy{
		Meta:          domain.Meta{ExternalID: "demo-program-2024"},
		Title:         programTitle,
		Kind:          "program",
		Field:         "employment",
		DocNumber:     "01/CTrHT-SLĐTBXH",
		Issuer:        "Sở Lao động – Thương binh và Xã hội Thành phố Hồ Chí Minh; Sở Lao động – Thương binh và Xã hội Thành phố Cần Thơ",
		IssuedOn:      date(2024, time.June, 28),
		EffectiveFrom: date(2024, time.June, 28),
		EffectiveTo:   date(2025, time.December, 31),
		Summary:       programSummary,
		Body:          programBody,
		SourceURL:     "https://cantho.gov.vn/tin-tuc/ky-ket-chuong-trinh-hop-tac-nganh-lao-dong-tphcm-can-tho-2024-2025",
		City:          domain.Both,
	}
	published(&p.Meta, domain.Both, areaLabour, at(2024, time.June, 28, 16, 30), now)

	list := []struct {
		domain.Commitment
		area    area
		updates []pu
		reviews []rv
	}{
		{
			Commitment: domain.Commitment{
				Title:       "Cụ thể hóa Chương trình hợp tác thành kế hoạch thực hiện theo từng lĩnh vực",
				Description: "Mỗi bên ban hành kế hoạch triển khai Chương trình theo từng lĩnh vực (lao động – việc làm, giáo dục nghề nghiệp, người có công, bảo trợ xã hội), phân công phòng, đơn vị chủ trì và thời hạn thực hiện.",
				Lead:        domain.Both,
				Progress:    "done",
				DueOn:       date(2024, time.September, 30),
			},
			updates: []pu{
				{Date: "2024-08-12", Note: "Sở LĐ-TB&XH TP.HCM ban hành kế hoạch triển khai Chương trình hợp tác, giao Phòng Việc làm – An toàn lao động làm đầu mối.", EvidenceURL: "https://hochiminhcity.gov.vn/van-ban/ke-hoach-trien-khai-chuong-trinh-hop-tac-can-tho-2024"},
				{City: "cantho", Date: "2024-09-18", Note: "Sở LĐ-TB&XH TP. Cần Thơ ban hành kế hoạch thực hiện; hai bên thống nhất danh sách đầu mối liên hệ theo từng lĩnh vực.", EvidenceURL: "https://cantho.gov.vn/van-ban/ke-hoach-thuc-hien-chuong-trinh-hop-tac-tphcm-2024"},
			},
		},
		{
			Commitment: domain.Commitment{
				Title:       "Trao đổi thông tin về tình hình thực hiện chính sách lao động, việc làm, giáo dục nghề nghiệp và an sinh xã hội",
				Description: "Định kỳ 6 tháng, hai bên trao đổi số liệu và báo cáo về thị trường lao động, kết quả giải quyết việc làm, tuyển sinh giáo dục nghề nghiệp, chi trả chính sách người có công và trợ giúp xã hội.",
				Lead:        domain.Both,
				Progress:    "in_progress",
				DueOn:       date(2025, time.December, 31),
			},
			updates: []pu{
				{Date: "2024-12-20", Note: "Trao đổi báo cáo 6 tháng cuối năm 2024 về cung – cầu lao động và kết quả tuyển sinh giáo dục nghề nghiệp."},
				{Date: "2025-04-15", Note: "Sau sắp xếp bộ máy từ 01/3/2025, hai bên cập nhật đầu mối trao đổi thông tin tại Sở Nội vụ, Sở Giáo dục và Đào tạo, Sở Y tế của mỗi thành phố."},
				{Date: "2026-03-10", Note: "Tiếp tục trao đổi số liệu định kỳ trong thời gian chờ ký kết chương trình giai đoạn mới.", EvidenceURL: "https://hochiminhcity.gov.vn/tin-tuc/trao-doi-thong-tin-thi-truong-lao-dong-tphcm-can-tho-2026"},
			},
		},
		{
			Commitment: domain.Commitment{
				Title:       "Sơ kết, tổng kết định kỳ việc thực hiện Chương trình hợp tác",
				Description: "Tổ chức hội nghị sơ kết sau 6 tháng thực hiện và tổng kết khi kết thúc giai đoạn 2024 – 2025; đánh giá kết quả, hạn chế và đề xuất nội dung hợp tác giai đoạn tiếp theo.",
				Lead:        "hcm",
				Progress:    "done",
				DueOn:       date(2026, time.January, 31),
			},
			updates: []pu{
				{Date: "2025-01-16", Note: "Tổ chức Hội nghị sơ kết 6 tháng thực hiện Chương trình tại TP. Hồ Chí Minh.", EvidenceURL: "https://hochiminhcity.gov.vn/tin-tuc/so-ket-6-thang-chuong-trinh-hop-tac-tphcm-can-tho"},
				{Date: "2026-01-22", Note: "Tổ chức Hội nghị tổng kết giai đoạn 2024 – 2025 tại TP. Cần Thơ.", EvidenceURL: "https://cantho.gov.vn/tin-tuc/tong-ket-chuong-trinh-hop-tac-tphcm-can-tho-2024-2025"},
			},
			reviews: []rv{
				{Date: "2025-01-16", Kind: "so_ket", Summary: "Sau 6 tháng, hai bên đã ban hành kế hoạch triển khai, tổ chức 2 phiên giao dịch việc làm liên thông với hơn 120 doanh nghiệp tham gia, kết nối trên 3.500 lượt người lao động. Hạn chế: chưa có công cụ công khai thông tin chung; đề nghị xây dựng cổng thông tin hợp tác.", DocumentURL: "https://hochiminhcity.gov.vn/van-ban/bao-cao-so-ket-chuong-trinh-hop-tac-can-tho-2025"},
				{Date: "2026-01-22", Kind: "tong_ket", Summary: "Hoàn thành 3/7 nhiệm vụ; 3 nhiệm vụ chưa xong khi hết thời hạn 31/12/2025 (trao đổi thông tin định kỳ, cổng thông tin chung, chăm lo người có công và nhóm yếu thế) được tiếp tục thực hiện; nhiệm vụ đề xuất chính sách mới chuyển sang chương trình giai đoạn 2026 – 2030.", DocumentURL: "https://cantho.gov.vn/van-ban/bao-cao-tong-ket-chuong-trinh-hop-tac-tphcm-2024-2025"},
			},
		},
		{
			Commitment: domain.Commitment{
				Title:       "Nghiên cứu, đề xuất cơ chế, chính sách mới về lao động, việc làm và giáo dục nghề nghiệp",
				Description: "Phối hợp nghiên cứu, đề xuất với Ủy ban nhân dân hai thành phố chính sách hỗ trợ người lao động di chuyển làm việc giữa hai địa phương (nhà ở, đào tạo lại, chuyển tiếp bảo hiểm xã hội).",
				Lead:        "cantho",
				Progress:    "moved",
				DueOn:       date(2026, time.December, 31),
			},
			updates: []pu{
				{Date: "2026-01-22", Note: "Tại hội nghị tổng kết, hai bên thống nhất chuyển nội dung này sang chương trình hợp tác giai đoạn 2026 – 2030."},
			},
		},
		{
			Commitment: domain.Commitment{
				Title:       "Công khai chính sách, doanh nghiệp sử dụng nhiều lao động, cơ sở giáo dục nghề nghiệp, dự án và tổ chức tìm đối tác",
				Description: "Xây dựng và vận hành cổng thông tin chung, công khai chính sách của hai thành phố, danh sách doanh nghiệp sử dụng nhiều lao động và nhu cầu tuyển dụng, cơ sở giáo dục nghề nghiệp, các dự án và tổ chức đang tìm kiếm đối tác.",
				Lead:        domain.Both,
				Progress:    "in_progress",
				DueOn:       date(2025, time.December, 31),
			},
			updates: []pu{
				{Date: "2025-02-20", Note: "Thống nhất yêu cầu cổng thông tin hợp tác và danh mục dữ liệu công khai."},
				{Date: "2025-09-05", Note: "Cổng thông tin hợp tác được đưa vào vận hành thử nghiệm với dữ liệu doanh nghiệp, việc làm và cơ sở giáo dục nghề nghiệp.", EvidenceURL: "https://hochiminhcity.gov.vn/tin-tuc/van-hanh-thu-cong-thong-tin-hop-tac-lao-dong-tphcm-can-tho"},
				{Date: "2026-06-30", Note: "Bổ sung dữ liệu dự án tìm đối tác; tiếp tục cập nhật theo địa giới hành chính mới từ 01/7/2025."},
			},
		},
		{
			Commitment: domain.Commitment{
				Title:       "Kết nối thị trường lao động vùng qua các phiên giao dịch việc làm liên thông",
				Description: "Tổ chức phiên giao dịch việc làm liên thông trực tiếp và trực tuyến giữa Thành phố Hồ Chí Minh, Thành phố Cần Thơ và các tỉnh Đồng bằng sông Cửu Long; chia sẻ thông tin cung – cầu lao động.",
				Lead:        "cantho",
				Progress:    "done",
				DueOn:       date(2025, time.December, 31),
			},
			updates: []pu{
				{Date: "2024-09-27", Note: "Phiên giao dịch việc làm liên thông lần 1 tại TP. Cần Thơ, 68 doanh nghiệp tham gia, hơn 4.200 vị trí tuyển dụng.", EvidenceURL: "https://cantho.gov.vn/tin-tuc/phien-giao-dich-viec-lam-lien-thong-lan-1-2024"},
				{Date: "2025-05-23", Note: "Phiên giao dịch việc làm liên thông trực tuyến kết nối 12 điểm cầu tại hai thành phố và các tỉnh lân cận."},
				{Date: "2025-10-17", Note: "Phiên giao dịch việc làm liên thông lần 4 tại TP. Hồ Chí Minh; hơn 1.100 người lao động được phỏng vấn trực tiếp.", EvidenceURL: "https://hochiminhcity.gov.vn/tin-tuc/phien-giao-dich-viec-lam-lien-thong-thang-10-2025"},
			},
		},
		{
			Commitment: domain.Commitment{
				Title:       "Phối hợp chăm lo người có công với cách mạng và các nhóm yếu thế",
				Description: "Phối hợp thăm hỏi, tặng quà người có công nhân dịp 27/7 và Tết Nguyên đán; trao đổi kinh nghiệm về trợ giúp xã hội, hỗ trợ người khuyết tật, hộ nghèo, hộ cận nghèo.",
				Lead:        domain.Both,
				Progress:    "delayed",
				DueOn:       date(2025, time.July, 27),
			},
			updates: []pu{
				{Date: "2024-07-24", Note: "Đoàn công tác TP. Hồ Chí Minh thăm, tặng quà gia đình chính sách tại TP. Cần Thơ nhân kỷ niệm 77 năm Ngày Thương binh – Liệt sĩ."},
				{Date: "2025-07-10", Note: "Chương trình trao đổi kinh nghiệm trợ giúp xã hội lùi thời gian do sắp xếp tổ chức bộ máy và đơn vị hành chính."},
			},
		},
	}

	commitments := make([]domain.Commitment, 0, len(list))
	for i, it := range list {
		m := it.Commitment
		m.ExternalID = "demo-commitment-" + pad(i+1, 2)
		m.SortOrder = i + 1
		for _, u := range it.updates {
			if onOrBefore(u.Date, now) {
				m.Updates = append(m.Updates, u.line("update", m.Lead, it.area))
			}
		}
		for _, r := range it.reviews {
			if onOrBefore(r.Date, now) {
				m.Updates = append(m.Updates, pu{Date: r.Date, Note: r.Summary, EvidenceURL: r.DocumentURL}.line(r.Kind, m.Lead, it.area))
			}
		}
		sort.SliceStable(m.Updates, func(a, b int) bool { return m.Updates[a].Date.Before(m.Updates[b].Date) })
		m.Departments = responsible(m.Lead, it.area, now)
		// The commitments were published together a few days after signing.
		published(&m.Meta, m.Lead, areaLabour, at(2024, time.July, 5, 9, 10+i), now)
		commitments = append(commitments, m)
	}
	return cooperation{program: p, commitments: commitments}
}

// pu is a demo progress update; its evidence link, if any, illustrates.
// City names the city whose body did it when not the lead's.
type pu struct{ Date, Note, EvidenceURL, City string }

// rv is a demo sơ kết or tổng kết review.
type rv struct{ Date, Kind, Summary, DocumentURL string }

// line is the ledger line of a demo update, signed by the body of the lead
// city that was competent on its date. Its link is marked as an example:
// the demo does not pass it off as a real government page.
func (u pu) line(kind, lead string, a area) domain.LedgerUpdate {
	day, _ := time.Parse(time.DateOnly, u.Date)
	if u.City != "" {
		lead = u.City
	}
	l := domain.LedgerUpdate{Date: day, Kind: kind, Text: u.Note, DepartmentCode: department(lead, a, day.Add(12*time.Hour))}
	if u.EvidenceURL != "" {
		title := "Bản tin về hoạt động"
		if kind != "update" {
			title = "Báo cáo " + strings.ToLower(domain.UpdateKinds.Label(kind))
		}
		l.Evidence = []domain.Evidence{{Title: title + " (ví dụ minh họa)", Source: exampleSource(u.EvidenceURL), URL: u.EvidenceURL, Example: true}}
	}
	return l
}

// exampleSource names the portal a demo link imitates.
func exampleSource(link string) string {
	if strings.Contains(link, "cantho.gov.vn") {
		return "Cổng TTĐT TP. Cần Thơ (ví dụ)"
	}
	return "Cổng TTĐT TP. Hồ Chí Minh (ví dụ)"
}

// responsible are the bodies now in charge of a commitment: the lead
// city's (both cities' for a joint one) competent department for its area.
func responsible(lead string, a area, now time.Time) pq.StringArray {
	if lead == domain.Both {
		return pq.StringArray{department("hcm", a, now), department("cantho", a, now)}
	}
	return pq.StringArray{department(lead, a, now)}
}

// onOrBefore tells whether the yyyy-mm-dd day is not after now's date in Vietnam.
func onOrBefore(day string, now time.Time) bool {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return false
	}
	return !t.After(today(now))
}

// buildPolicies makes the eleven other policies, guidance and announcements.
func buildPolicies(now time.Time) []domain.Policy {
	const (
		hcmLabour  = "Sở Lao động – Thương binh và Xã hội Thành phố Hồ Chí Minh"
		hcmCouncil = "Hội đồng nhân dân Thành phố Hồ Chí Minh"
		hcmPeople  = "Ủy ban nhân dân Thành phố Hồ Chí Minh"
		ctPeople   = "Ủy ban nhân dân Thành phố Cần Thơ"
	)
	list := []struct {
		domain.Policy
		published time.Time
	}{
		{Policy: domain.Policy{
			Title: "Hướng dẫn thực hiện mức lương tối thiểu vùng từ ngày 01/7/2024 đối với doanh nghiệp trên địa bàn Thành phố",
			Kind:  "guidance", Field: "labour", City: "hcm",
			DocNumber: "2876/SLĐTBXH-LĐ", Issuer: hcmLabour,
			IssuedOn: date(2024, time.July, 8), EffectiveFrom: date(2024, time.July, 1),
			Summary: "Hướng dẫn doanh nghiệp rà soát, điều chỉnh thang lương, bảng lương và hợp đồng lao động theo mức lương tối thiểu vùng quy định tại Nghị định số 74/2024/NĐ-CP.",
			Body: `## Phạm vi áp dụng

Doanh nghiệp, hợp tác xã, tổ chức, cá nhân có thuê mướn lao động theo hợp đồng lao động trên địa bàn Thành phố.

## Nội dung hướng dẫn

- Áp dụng mức lương tối thiểu vùng I, vùng II theo địa bàn nơi người lao động làm việc.
- Mức lương trả cho người lao động làm công việc giản đơn nhất trong điều kiện bình thường không thấp hơn mức lương tối thiểu vùng.
- Doanh nghiệp rà soát các khoản phụ cấp, trợ cấp; không được xóa bỏ hoặc cắt giảm chế độ khi điều chỉnh lương.

## Tổ chức thực hiện

Doanh nghiệp báo cáo kết quả điều chỉnh tiền lương về Sở trước ngày 30/9/2024.`,
			SourceURL: "https://hochiminhcity.gov.vn/van-ban/huong-dan-luong-toi-thieu-vung-01-7-2024",
		}, published: at(2024, time.July, 9, 10, 0)},
		{Policy: domain.Policy{
			Title: "Kế hoạch thăm, tặng quà người có công với cách mạng nhân kỷ niệm 77 năm Ngày Thương binh – Liệt sĩ (27/7/1947 – 27/7/2024)",
			Kind:  "policy", Field: "meritorious", City: "cantho",
			DocNumber: "145/KH-UBND", Issuer: ctPeople,
			IssuedOn: date(2024, time.July, 2), EffectiveFrom: date(2024, time.July, 2), EffectiveTo: date(2024, time.July, 31),
			Summary: "Tổ chức thăm, tặng quà thương binh, bệnh binh, thân nhân liệt sĩ và người có công trên địa bàn thành phố; phối hợp với Thành phố Hồ Chí Minh đón đoàn công tác thăm gia đình chính sách.",
			Body: `## Đối tượng

- Thương binh, bệnh binh, người hưởng chính sách như thương binh.
- Thân nhân liệt sĩ; Bà mẹ Việt Nam Anh hùng còn sống.
- Người hoạt động kháng chiến bị nhiễm chất độc hóa học.

## Mức quà

Mức quà của thành phố được chi từ ngân sách và Quỹ Đền ơn đáp nghĩa; các phường, xã vận động thêm nguồn xã hội hóa.

## Thời gian

Hoàn thành việc thăm, tặng quà trước ngày 25/7/2024.`,
			SourceURL: "https://cantho.gov.vn/van-ban/ke-hoach-tham-tang-qua-nguoi-co-cong-27-7-2024",
		}, published: at(2024, time.July, 3, 14, 20)},
		{Policy: domain.Policy{
			Title: "Thông báo tổ chức Phiên giao dịch việc làm liên thông Thành phố Hồ Chí Minh – Thành phố Cần Thơ lần 1 năm 2024",
			Kind:  "announcement", Field: "employment", City: domain.Both,
			DocNumber: "3312/TB-SLĐTBXH", Issuer: hcmLabour,
			IssuedOn: date(2024, time.September, 5),
			Summary:  "Phiên giao dịch việc làm liên thông được tổ chức ngày 27/9/2024 tại Cần Thơ, kết nối trực tuyến với Thành phố Hồ Chí Minh; doanh nghiệp đăng ký tham gia miễn phí.",
			Body: `## Thời gian, địa điểm

- Ngày 27/9/2024, từ 7 giờ 30.
- Điểm cầu chính: Trung tâm Dịch vụ việc làm TP. Cần Thơ; điểm cầu trực tuyến: Trung tâm Dịch vụ việc làm Thành phố Hồ Chí Minh.

## Đối tượng tham gia

- Doanh nghiệp có nhu cầu tuyển dụng lao động tại hai thành phố.
- Người lao động, sinh viên sắp tốt nghiệp, bộ đội xuất ngũ có nhu cầu tìm việc.

## Đăng ký

Doanh nghiệp đăng ký vị trí tuyển dụng trước ngày 20/9/2024.`,
			SourceURL: "https://hochiminhcity.gov.vn/thong-bao/phien-giao-dich-viec-lam-lien-thong-tphcm-can-tho-2024",
		}, published: at(2024, time.September, 6, 8, 45)},
		{Policy: domain.Policy{
			Title: "Quyết định quy định chính sách hỗ trợ người lao động đi làm việc tại các doanh nghiệp ngoài thành phố theo Chương trình hợp tác với Thành phố Hồ Chí Minh",
			Kind:  "policy", Field: "employment", City: "cantho",
			DocNumber: "28/2024/QĐ-UBND", Issuer: ctPeople,
			IssuedOn: date(2024, time.October, 14), EffectiveFrom: date(2024, time.November, 1), EffectiveTo: date(2025, time.December, 31),
			Summary: "Hỗ trợ chi phí đi lại và ổn định chỗ ở ban đầu cho người lao động thuộc hộ nghèo, hộ cận nghèo, thân nhân người có công và bộ đội xuất ngũ của thành phố đi làm việc theo hợp đồng tại doanh nghiệp ở Thành phố Hồ Chí Minh.",
			Body: `## Đối tượng

Người lao động có hộ khẩu thường trú tại TP. Cần Thơ thuộc hộ nghèo, hộ cận nghèo, thân nhân người có công, bộ đội xuất ngũ, có hợp đồng lao động từ 12 tháng trở lên.

## Mức hỗ trợ

- Chi phí đi lại một lần: 500.000 đồng/người.
- Hỗ trợ tiền thuê nhà 3 tháng đầu: 700.000 đồng/người/tháng.

## Hồ sơ

Nộp tại Trung tâm Dịch vụ việc làm thành phố trong vòng 60 ngày kể từ ngày ký hợp đồng lao động.`,
			SourceURL: "https://cantho.gov.vn/van-ban/quyet-dinh-28-2024-qd-ubnd-ho-tro-nguoi-lao-dong",
		}, published: at(2024, time.October, 16, 9, 30)},
		{Policy: domain.Policy{
			Title: "Nghị quyết quy định chính sách hỗ trợ đào tạo trình độ sơ cấp, đào tạo dưới 03 tháng trên địa bàn Thành phố Hồ Chí Minh",
			Kind:  "policy", Field: "vocational", City: "hcm",
			DocNumber: "15/2024/NQ-HĐND", Issuer: hcmCouncil,
			IssuedOn: date(2024, time.December, 10), EffectiveFrom: date(2025, time.January, 1), EffectiveTo: date(2026, time.December, 31),
			Summary: "Hỗ trợ chi phí đào tạo trình độ sơ cấp và đào tạo dưới 03 tháng cho người có công và thân nhân, bộ đội xuất ngũ, người khuyết tật, người thuộc hộ nghèo, hộ cận nghèo và lao động bị mất việc làm.",
			Body: `## Đối tượng và mức hỗ trợ

| Đối tượng | Mức hỗ trợ tối đa |
|---|---|
| Người có công, thân nhân người có công | 6.000.000 đồng/khóa |
| Người khuyết tật | 6.000.000 đồng/khóa |
| Người thuộc hộ nghèo, hộ cận nghèo | 4.500.000 đồng/khóa |
| Lao động bị mất việc làm | 4.000.000 đồng/khóa |

Ngoài ra, người học được hỗ trợ tiền ăn 50.000 đồng/ngày thực học và tiền đi lại nếu cơ sở đào tạo cách nơi cư trú từ 15 km trở lên.

## Nguyên tắc

Mỗi người chỉ được hỗ trợ đào tạo một lần; người đã được hỗ trợ nhưng bị mất việc làm được xem xét hỗ trợ lần thứ hai, tối đa 3 lần.`,
			SourceURL: "https://hochiminhcity.gov.vn/van-ban/nghi-quyet-15-2024-nq-hdnd",
		}, published: at(2024, time.December, 18, 15, 0)},
		{Policy: domain.Policy{
			Title: "Thông báo tổ chức Hội nghị sơ kết 6 tháng thực hiện Chương trình hợp tác giữa hai Sở",
			Kind:  "announcement", Field: "labour", City: domain.Both,
			DocNumber: "84/TB-SLĐTBXH", Issuer: hcmLabour,
			IssuedOn: date(2025, time.January, 6),
			Summary:  "Hội nghị sơ kết 6 tháng thực hiện Chương trình hợp tác được tổ chức ngày 16/01/2025 tại Thành phố Hồ Chí Minh, với sự tham gia của các doanh nghiệp và cơ sở giáo dục nghề nghiệp tiêu biểu.",
			Body: `## Nội dung hội nghị

- Đánh giá kết quả 6 tháng thực hiện 7 nhiệm vụ của Chương trình.
- Ghi nhận ý kiến của doanh nghiệp sử dụng nhiều lao động và cơ sở giáo dục nghề nghiệp.
- Thống nhất kế hoạch năm 2025.

## Thành phần

Lãnh đạo hai Sở, các phòng chuyên môn, Trung tâm Dịch vụ việc làm hai thành phố, đại diện doanh nghiệp và cơ sở giáo dục nghề nghiệp.`,
			SourceURL: "https://hochiminhcity.gov.vn/thong-bao/hoi-nghi-so-ket-chuong-trinh-hop-tac-can-tho-2025",
		}, published: at(2025, time.January, 7, 10, 15)},
		{Policy: domain.Policy{
			Title: "Hướng dẫn công tác tuyển sinh giáo dục nghề nghiệp năm 2025 trên địa bàn thành phố",
			Kind:  "guidance", Field: "vocational", City: "cantho",
			DocNumber: "1120/SGDĐT-GDNN", Issuer: "Sở Giáo dục và Đào tạo Thành phố Cần Thơ",
			IssuedOn: date(2025, time.April, 8), EffectiveFrom: date(2025, time.April, 8), EffectiveTo: date(2025, time.December, 31),
			Summary: "Hướng dẫn các trường cao đẳng, trung cấp và trung tâm giáo dục nghề nghiệp xây dựng chỉ tiêu, tổ chức tư vấn, phân luồng học sinh sau trung học cơ sở và liên kết tuyển sinh với Thành phố Hồ Chí Minh.",
			Body: `## Yêu cầu

- Công khai chỉ tiêu, ngành nghề, học phí và chính sách miễn, giảm học phí trước ngày 15/5/2025.
- Phối hợp với trường trung học cơ sở tư vấn phân luồng; học sinh tốt nghiệp THCS học trung cấp được miễn học phí theo quy định.
- Ưu tiên tuyển sinh bộ đội xuất ngũ, con của người có công, người thuộc hộ nghèo, hộ cận nghèo.

## Liên kết vùng

Khuyến khích liên kết đào tạo, thực tập với doanh nghiệp tại Thành phố Hồ Chí Minh trong khuôn khổ Chương trình hợp tác.`,
			SourceURL: "https://cantho.gov.vn/van-ban/huong-dan-tuyen-sinh-giao-duc-nghe-nghiep-2025",
		}, published: at(2025, time.April, 9, 9, 0)},
		{Policy: domain.Policy{
			Title: "Quyết định ban hành chuẩn hộ nghèo, hộ cận nghèo Thành phố Hồ Chí Minh giai đoạn 2026 – 2030",
			Kind:  "policy", Field: "social", City: "hcm",
			DocNumber: "45/2025/QĐ-UBND", Issuer: hcmPeople,
			IssuedOn: date(2025, time.September, 22), EffectiveFrom: date(2026, time.January, 1), EffectiveTo: date(2030, time.December, 31),
			Summary: "Quy định chuẩn thu nhập và mức thiếu hụt dịch vụ xã hội cơ bản để xác định hộ nghèo, hộ cận nghèo của Thành phố giai đoạn 2026 – 2030, áp dụng thống nhất trên địa bàn Thành phố sau sắp xếp đơn vị hành chính.",
			Body: `## Chuẩn thu nhập

- Hộ nghèo: thu nhập bình quân đầu người từ 6.000.000 đồng/người/năm trở xuống và thiếu hụt từ 3 chỉ số dịch vụ xã hội cơ bản.
- Hộ cận nghèo: thu nhập bình quân đầu người trên chuẩn hộ nghèo đến 8.000.000 đồng/người/năm.

## Các chiều thiếu hụt

Việc làm, y tế, giáo dục, nhà ở, nước sạch và vệ sinh, thông tin.

## Tổ chức thực hiện

Ủy ban nhân dân phường, xã, đặc khu tổ chức rà soát hộ nghèo, hộ cận nghèo hằng năm.`,
			SourceURL: "https://hochiminhcity.gov.vn/van-ban/quyet-dinh-45-2025-qd-ubnd-chuan-ngheo",
		}, published: at(2025, time.September, 25, 14, 0)},
		{Policy: domain.Policy{
			Title: "Hướng dẫn hồ sơ, thủ tục hưởng trợ cấp thất nghiệp theo Luật Việc làm năm 2025",
			Kind:  "guidance", Field: "employment", City: "hcm",
			DocNumber: "215/SNV-VL", Issuer: "Sở Nội vụ Thành phố Hồ Chí Minh",
			IssuedOn: date(2026, time.January, 12), EffectiveFrom: date(2026, time.January, 1),
			Summary: "Hướng dẫn người lao động nộp hồ sơ hưởng trợ cấp thất nghiệp, hỗ trợ học nghề và tư vấn giới thiệu việc làm theo Luật Việc làm năm 2025, có hiệu lực từ ngày 01/01/2026.",
			Body: `## Hồ sơ đề nghị hưởng trợ cấp thất nghiệp

1. Đề nghị hưởng trợ cấp thất nghiệp theo mẫu.
2. Bản sao quyết định thôi việc hoặc giấy tờ chứng minh chấm dứt hợp đồng lao động.
3. Sổ bảo hiểm xã hội hoặc thông tin đóng bảo hiểm thất nghiệp.

## Nơi nộp

Trung tâm Dịch vụ việc làm Thành phố hoặc nộp trực tuyến trên Cổng Dịch vụ công quốc gia, trong vòng 3 tháng kể từ ngày chấm dứt hợp đồng.

## Hỗ trợ học nghề

Người đang hưởng trợ cấp thất nghiệp có nhu cầu học nghề được hỗ trợ chi phí đào tạo tại các cơ sở giáo dục nghề nghiệp của Thành phố và TP. Cần Thơ.`,
			SourceURL: "https://hochiminhcity.gov.vn/van-ban/huong-dan-tro-cap-that-nghiep-luat-viec-lam-2025",
		}, published: at(2026, time.January, 14, 8, 30)},
		{Policy: domain.Policy{
			Title: "Kế hoạch trợ giúp người khuyết tật trên địa bàn thành phố năm 2026",
			Kind:  "policy", Field: "social", City: "cantho",
			DocNumber: "52/KH-UBND", Issuer: ctPeople,
			IssuedOn: date(2026, time.March, 3), EffectiveFrom: date(2026, time.March, 3), EffectiveTo: date(2026, time.December, 31),
			Summary: "Hỗ trợ người khuyết tật tiếp cận dịch vụ y tế, giáo dục nghề nghiệp, việc làm và trợ giúp xã hội; phối hợp với Thành phố Hồ Chí Minh giới thiệu việc làm phù hợp cho người khuyết tật.",
			Body: `## Chỉ tiêu

- 100% người khuyết tật đủ điều kiện được hưởng trợ cấp xã hội hằng tháng.
- Ít nhất 300 người khuyết tật được tư vấn học nghề, giới thiệu việc làm.

## Nhiệm vụ

- Rà soát, cập nhật dữ liệu người khuyết tật theo đơn vị hành chính mới.
- Đặt hàng đào tạo nghề phù hợp tại các trường cao đẳng trên địa bàn.
- Kết nối doanh nghiệp sẵn sàng tuyển dụng người khuyết tật tại hai thành phố.`,
			SourceURL: "https://cantho.gov.vn/van-ban/ke-hoach-tro-giup-nguoi-khuyet-tat-2026",
		}, published: at(2026, time.March, 5, 10, 40)},
		{Policy: domain.Policy{
			Title: "Thông báo danh mục nghề đào tạo hỗ trợ bộ đội xuất ngũ năm 2027",
			Kind:  "announcement", Field: "vocational", City: "hcm",
			DocNumber: "3045/TB-SGDĐT", Issuer: "Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh",
			IssuedOn: date(2026, time.October, 20),
			Summary:  "Công bố danh mục nghề và cơ sở giáo dục nghề nghiệp tiếp nhận bộ đội xuất ngũ học nghề bằng thẻ đề nghị học nghề theo Luật Nghĩa vụ quân sự, áp dụng cho đợt xuất ngũ năm 2027.",
			Body: `## Danh mục nghề

- Công nghệ ô tô; Điện công nghiệp; Hàn.
- Logistics; Công nghệ thông tin.
- Kỹ thuật chế biến món ăn.

## Chế độ

Bộ đội xuất ngũ có thẻ đề nghị học nghề còn giá trị được hỗ trợ học phí theo quy định và hưởng các chính sách hỗ trợ khác của Thành phố.

## Đăng ký

Liên hệ trực tiếp cơ sở giáo dục nghề nghiệp trong danh mục hoặc Trung tâm Dịch vụ việc làm Thành phố.`,
			SourceURL: "https://hochiminhcity.gov.vn/thong-bao/danh-muc-nghe-dao-tao-bo-doi-xuat-ngu-2027",
		}, published: at(2026, time.October, 22, 9, 15)},
	}
	out := make([]domain.Policy, 0, len(list))
	for i, it := range list {
		pol := it.Policy
		pol.ExternalID = "demo-policy-" + pad(i+1, 3)
		published(&pol.Meta, pol.City, fieldArea(pol.Field), it.published, now)
		out = append(out, pol)
	}
	return out
}
