package vn

import (
	"errors"
	"testing"
)

// textCase is a text and what a function of package vn makes of it.
type textCase struct{ in, want string }

// TestTextForms: folding (no accents, lower case), slugs and the Telex
// form people type without a Vietnamese keyboard.
func TestTextForms(t *testing.T) {
	for _, f := range []struct {
		name  string
		fn    func(string) string
		cases []textCase
	}{
		{"Fold", Fold, []textCase{
			{"Cần Thơ", "can tho"},
			{"ĐÀO TẠO NGHỀ", "dao tao nghe"},
			{"Thủ Dầu Một", "thu dau mot"},
			{"lao động", "lao dong"},
			{"Quận 7", "quan 7"},
			{"", ""},
		}},
		{"Slug", Slug, []textCase{
			{"Cần Thơ", "can-tho"},
			{"Công nhân may – Bình Tân (50 người)", "cong-nhan-may-binh-tan-50-nguoi"},
			{"  TP.HCM  ", "tp-hcm"},
			{"Đường 3/2", "duong-3-2"},
			{"!!!", "muc"},
			{"", ""},
		}},
		{"Telex", Telex, []textCase{
			{"cộng", "coongj"},
			{"công", "coong"},
			{"cổng", "coongr"},
			{"cong", "cong"},
			{"Cần Thơ", "caanf thow"},
			{"nhân viên bán hàng", "nhaan vieen bans hangf"},
			{"Đà Nẵng", "ddaf nawngx"},
			{"người lao động", "nguwowif lao ddoongj"},
			{"TP.HCM", "tp.hcm"},
		}},
	} {
		for _, c := range f.cases {
			if got := f.fn(c.in); got != c.want {
				t.Errorf("%s(%q) = %q, want %q", f.name, c.in, got, c.want)
			}
		}
	}
	if !HasDiacritics("lao động") || HasDiacritics("lao dong") || !HasDiacritics("đi") {
		t.Error("HasDiacritics wrong")
	}
}

func TestValidateTaxCode(t *testing.T) {
	tests := []struct {
		code string
		want error
	}{
		{"0100109106", nil},
		{"0100109106-001", nil},
		{"0100109107", ErrTaxCodeCheckDigit},
		{"010010910", ErrTaxCodeFormat},
		{"01001091O6", ErrTaxCodeFormat},
		{"0100109106-0A1", ErrTaxCodeFormat},
		{"0100109106001", ErrTaxCodeFormat},
	}
	for _, tt := range tests {
		if got := ValidateTaxCode(tt.code); !errors.Is(got, tt.want) {
			t.Errorf("ValidateTaxCode(%q) = %v, want %v", tt.code, got, tt.want)
		}
	}
}

func TestTaxCodeCheckDigitAgreesWithValidate(t *testing.T) {
	for _, first9 := range []string{"010010910", "030123456", "180000001", "999999999"} {
		d, ok := TaxCodeCheckDigit(first9)
		if !ok {
			continue
		}
		if err := ValidateTaxCode(first9 + string(d)); err != nil {
			t.Errorf("ValidateTaxCode(%q+%q) = %v, want nil", first9, d, err)
		}
	}
}

func TestMoneyAndWage(t *testing.T) {
	i := func(v int64) *int64 { return &v }
	tests := []struct {
		min, max *int64
		want     string
	}{
		{nil, nil, "Thỏa thuận"},
		{i(8000000), i(8000000), "8.000.000 đ"},
		{i(8000000), i(12500000), "8.000.000 – 12.500.000 đ"},
		{i(7000000), nil, "Từ 7.000.000 đ"},
		{nil, i(950000), "Đến 950.000 đ"},
	}
	for _, tt := range tests {
		if got := WageRange(tt.min, tt.max); got != tt.want {
			t.Errorf("WageRange(%v, %v) = %q, want %q", tt.min, tt.max, got, tt.want)
		}
	}
	if got := Money(100); got != "100 đ" {
		t.Errorf("Money(100) = %q, want %q", got, "100 đ")
	}
}
