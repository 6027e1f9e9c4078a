package domain

// Option is one value of a fixed code list with its Vietnamese label.
type Option struct {
	Code  string
	Label string
}

// Options is an ordered code list; order is the order shown in forms.
type Options []Option

// Label returns the Vietnamese label of code, or code itself if unknown.
func (o Options) Label(code string) string {
	for _, opt := range o {
		if opt.Code == code {
			return opt.Label
		}
	}
	return code
}

// Has reports whether code is in the list.
func (o Options) Has(code string) bool {
	for _, opt := range o {
		if opt.Code == code {
			return true
		}
	}
	return false
}

// The fixed code lists of PRODUCT.md. Cities, wards, departments, VSIC and
// VSCO are tables in the database instead: they change with the law.
var (
	PolicyKinds = Options{
		{"program", "Chương trình hợp tác"},
		{"policy", "Chính sách"},
		{"guidance", "Hướng dẫn"},
		{"announcement", "Thông báo"},
	}
	PolicyFields = Options{
		{"labour", "Lao động"},
		{"employment", "Việc làm"},
		{"vocational", "Giáo dục nghề nghiệp"},
		{"meritorious", "Người có công"},
		{"social", "Bảo trợ xã hội"},
	}
	EmploymentTypes = Options{
		{"full_time", "Toàn thời gian"},
		{"part_time", "Bán thời gian"},
		{"seasonal", "Thời vụ"},
		{"contract", "Theo hợp đồng"},
	}
	EducationLevels = Options{
		{"none", "Không yêu cầu"},
		{"lower_secondary", "Tốt nghiệp THCS"},
		{"upper_secondary", "Tốt nghiệp THPT"},
		{"so_cap", "Sơ cấp nghề"},
		{"trung_cap", "Trung cấp"},
		{"cao_dang", "Cao đẳng"},
		{"university", "Đại học"},
	}
	PriorityGroups = Options{
		{"meritorious", "Người có công"},
		{"disabled", "Người khuyết tật"},
		{"veteran", "Bộ đội xuất ngũ"},
		{"poor_household", "Hộ nghèo, cận nghèo"},
	}
	SchoolKinds = Options{
		{"cao_dang", "Trường cao đẳng"},
		{"trung_cap", "Trường trung cấp"},
		{"trung_tam", "Trung tâm GDNN"},
		{"other", "Cơ sở khác"},
	}
	Ownerships = Options{
		{"public", "Công lập"},
		{"private", "Tư thục"},
		{"foreign", "Có vốn đầu tư nước ngoài"},
	}
	ProgramLevels = Options{
		{"so_cap", "Sơ cấp"},
		{"trung_cap", "Trung cấp"},
		{"cao_dang", "Cao đẳng"},
	}
	StudyModes = Options{
		{"full_time", "Chính quy"},
		{"work_study", "Vừa làm vừa học"},
		{"online", "Trực tuyến"},
	}
	ProjectKinds = Options{
		{"investment", "Đầu tư"},
		{"training", "Đào tạo"},
		{"employment", "Việc làm"},
		{"social_security", "An sinh xã hội"},
		{"ngo", "Tổ chức phi chính phủ"},
	}
	ProjectStages = Options{
		{"proposed", "Đề xuất"},
		{"seeking_partners", "Đang tìm đối tác"},
		{"ongoing", "Đang triển khai"},
		{"completed", "Đã hoàn thành"},
	}
	Progresses = Options{
		{"not_started", "Chưa bắt đầu"},
		{"in_progress", "Đang thực hiện"},
		{"done", "Đã hoàn thành"},
		{"delayed", "Chậm tiến độ"},
		{"moved", "Chuyển sang chương trình sau"},
	}
	// SupportGroups are who a training program's support is for.
	SupportGroups = Options{
		{"meritorious", "Người có công với cách mạng và thân nhân"},
		{"veteran", "Bộ đội xuất ngũ, công an xuất ngũ"},
		{"disabled", "Người khuyết tật"},
		{"poor_household", "Người thuộc hộ nghèo, hộ cận nghèo"},
		{"ethnic_minority", "Người dân tộc thiểu số"},
		{"rural_worker", "Lao động nông thôn"},
		{"lost_land", "Người bị thu hồi đất nông nghiệp"},
		{"unemployed", "Người lao động mất việc làm"},
		{"women", "Lao động nữ"},
	}
	// SupportBenefits are what they get.
	SupportBenefits = Options{
		{"fee_waiver", "miễn học phí"},
		{"fee_reduction", "giảm học phí"},
		{"meals", "hỗ trợ tiền ăn"},
		{"travel", "hỗ trợ tiền đi lại"},
		{"stipend", "trợ cấp trong thời gian học"},
		{"housing", "chỗ ở nội trú"},
	}
	ReviewKinds = Options{
		{"so_ket", "Sơ kết"},
		{"tong_ket", "Tổng kết"},
	}
	Statuses = Options{
		{"draft", "Bản nháp"},
		{"published", "Đã công bố"},
		{"archived", "Đã lưu trữ"},
	}
)

// City is a row of the cities table.
type City struct {
	Code         string `db:"code" json:"code"`
	ProvinceCode int    `db:"province_code" json:"province_code"`
	NameVI       string `db:"name_vi" json:"name_vi"`
	NameEN       string `db:"name_en" json:"name_en"`
	ShortVI      string `db:"short_vi" json:"short_vi"`
}

// Ward is a ward, commune or special zone after the 2025 reform.
type Ward struct {
	Code        string `db:"code" json:"code"`
	CityCode    string `db:"city_code" json:"city"`
	Name        string `db:"name" json:"name"`
	Kind        string `db:"kind" json:"kind"`
	FormerUnits string `db:"former_units" json:"former_units"`
}

// Department is a publishing body with the dates it was competent.
type Department struct {
	Code      string  `db:"code" json:"code"`
	CityCode  string  `db:"city_code" json:"city"`
	NameVI    string  `db:"name_vi" json:"name_vi"`
	NameEN    string  `db:"name_en" json:"name_en"`
	ShortVI   string  `db:"short_vi" json:"short_vi"`
	ValidFrom Date    `db:"valid_from" json:"valid_from"`
	ValidTo   *Date   `db:"valid_to" json:"valid_to"`
	Successor *string `db:"successor" json:"successor"`
}

// Classification is one code of a versioned table (VSIC section, VSCO group).
type Classification struct {
	Version string `db:"version" json:"version"`
	Code    string `db:"code" json:"code"`
	NameVI  string `db:"name_vi" json:"name_vi"`
	NameEN  string `db:"name_en" json:"name_en"`
}
