package kind

import (
	"time"

	"hoptac/internal/codes"
	"hoptac/internal/domain"
	"hoptac/internal/vn"
)

// Field is one field of a kind's back-office form. Its name is the column
// name of the bulk import, so a form is one row of a spreadsheet, read by
// the same rules.
type Field struct {
	Name     string
	Label    string
	Hint     string
	Kind     string // text, textarea, markdown, number, money, date, select, ward, picker, program, checkbox, checks, email, url
	Required bool
	// Options lists the choices of a select or checks field.
	Options func(c *codes.Tables) domain.Options
	// City marks the field that decides the entry's city: editors do not
	// get it, their city is theirs.
	City bool
	// Pick is the kind a picker field names (a job's company): the form
	// finds it by part of its name or key, the value is its key.
	Pick string
}

func fixed(o domain.Options) func(*codes.Tables) domain.Options {
	return func(*codes.Tables) domain.Options { return o }
}

func cityOptions(withBoth bool) func(*codes.Tables) domain.Options {
	return func(c *codes.Tables) domain.Options {
		var out domain.Options
		for _, x := range c.Cities {
			out = append(out, domain.Option{Code: x.Code, Label: x.ShortVI})
		}
		if withBoth {
			out = append(out, domain.Option{Code: domain.Both, Label: "Cả hai thành phố"})
		}
		return out
	}
}

func wardOptions(c *codes.Tables) domain.Options {
	out := domain.Options{{Code: "", Label: "— Chưa chọn —"}}
	for _, w := range c.Wards {
		out = append(out, domain.Option{Code: w.Code, Label: w.Name + " (" + c.CityName(w.CityCode) + ")"})
	}
	return out
}

func industryOptions(c *codes.Tables) domain.Options {
	var out domain.Options
	for _, x := range c.Industries {
		out = append(out, domain.Option{Code: x.Code, Label: x.Code + " – " + x.NameVI})
	}
	return out
}

func occupationOptions(c *codes.Tables) domain.Options {
	var out domain.Options
	for _, x := range c.Occupations {
		out = append(out, domain.Option{Code: x.Code, Label: x.Code + " – " + x.NameVI})
	}
	return out
}

// currentDepartments are the departments competent today: who may be
// made responsible for a task now.
func currentDepartments(c *codes.Tables) domain.Options {
	return c.CurrentDepartments(time.Now().In(vn.DateLocation))
}

var externalIDField = Field{Name: "external_id", Label: "Mã tham chiếu", Hint: "Mã trong bảng tính của sở, dùng để nhập lại từ tệp mà không tạo bản trùng.", Kind: "text"}
