package auth

import (
	"errors"
	"testing"
)

func TestCheckPassword(t *testing.T) {
	tests := []struct {
		password, email string
		want            error
	}{
		{"ngắn quá", "a@b.vn", ErrPasswordShort},
		{"Password1234", "a@b.vn", ErrPasswordCommon},
		{"matkhau12345", "a@b.vn", ErrPasswordCommon},
		{"Mật Khẩu 12345", "a@b.vn", ErrPasswordCommon},
		{"aaaaaaaaaaaaaa", "a@b.vn", ErrPasswordCommon},
		{"nguyenvanan2025", "nguyenvanan@sonoivu.vn", ErrPasswordCommon},
		{"sông Hậu chiều mưa 17", "an@cantho.gov.vn", nil},
		{"correct horse battery staple", "an@cantho.gov.vn", nil},
	}
	for _, tt := range tests {
		if got := CheckPassword(tt.password, tt.email); !errors.Is(got, tt.want) {
			t.Errorf("CheckPassword(%q, %q) = %v, want %v", tt.password, tt.email, got, tt.want)
		}
	}
}

func TestHashAndVerify(t *testing.T) {
	h, err := HashPassword("sông Hậu chiều mưa 17")
	if err != nil {
		t.Fatal(err)
	}
	if !VerifyPassword("sông Hậu chiều mưa 17", h) || VerifyPassword("song hau chieu mua 17", h) {
		t.Error("VerifyPassword accepts the wrong password or refuses the right one")
	}
	if h2, _ := HashPassword("sông Hậu chiều mưa 17"); h2 == h {
		t.Error("two hashes of one password are equal: no salt")
	}
}

func TestTokens(t *testing.T) {
	a, _ := NewToken()
	b, _ := NewToken()
	if len(a) != 43 || a == b {
		t.Errorf("NewToken() = %q, %q: want two different 256-bit tokens", a, b)
	}
	if !SameToken(a, a) || SameToken(a, b) || SameToken("", "") {
		t.Error("SameToken wrong")
	}
}

func TestCanEdit(t *testing.T) {
	admin := Official{Role: RoleAdmin}
	ct := Official{Role: RoleEditor, City: "cantho"}
	tests := []struct {
		o    Official
		city string
		want bool
	}{
		{admin, "hcm", true}, {admin, "both", true},
		{ct, "cantho", true}, {ct, "hcm", false}, {ct, "both", false},
		{Official{Role: RoleEditor}, "cantho", false},
		{Official{Role: "viewer", City: "cantho"}, "cantho", false},
	}
	for _, tt := range tests {
		if got := tt.o.CanEdit(tt.city); got != tt.want {
			t.Errorf("%+v.CanEdit(%q) = %v, want %v", tt.o, tt.city, got, tt.want)
		}
	}
}
