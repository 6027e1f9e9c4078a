package search

import "testing"

func TestWageIntent(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in       string
		wantRest string
		wantWage int64
	}{
		{"viec lam luong 10 trieu", "viec lam", 10_000_000},
		{"việc làm lương 10 triệu", "việc làm", 10_000_000},
		{"cong nhan may 8tr", "cong nhan may", 8_000_000},
		{"ke toan luong tu 12,5 trieu", "ke toan", 12_500_000},
		{"lai xe tren 15 tr dong", "lai xe", 15_000_000},
		{"cong nhan may binh tan", "cong nhan may binh tan", 0},
		{"quan 7", "quan 7", 0},
	}
	for _, tt := range tests {
		rest, wage := WageIntent(tt.in)
		if rest != tt.wantRest || wage != tt.wantWage {
			t.Errorf("WageIntent(%q) = %q, %d; want %q, %d", tt.in, rest, wage, tt.wantRest, tt.wantWage)
		}
	}
}

func TestJobIntent(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, want string
		job      bool
	}{
		{"tuyển kế toán", "kế toán", true},
		{"Tuyển dụng lái xe", "lái xe", true},
		{"tim viec ban hang", "ban hang", true},
		{"viec lam", "", true},
		{"việc làm cần thơ", "cần thơ", true},
		{"ke toan", "ke toan", false},
		{"tuyensinh cao dang", "tuyensinh cao dang", false},
	}
	for _, tt := range tests {
		got, job := JobIntent(tt.in)
		if got != tt.want || job != tt.job {
			t.Errorf("JobIntent(%q) = %q, %v; want %q, %v", tt.in, got, job, tt.want, tt.job)
		}
	}
}
