package codes_test

import (
	"context"
	"testing"

	"hoptac/internal/codes"
	"hoptac/internal/testenv"
)

func TestLoadReadsEveryTableOnce(t *testing.T) {
	st := testenv.Store(t)
	tables, err := codes.Load(context.Background(), st)
	if err != nil {
		t.Fatalf("Load = %v", err)
	}
	if len(tables.Cities) != 2 || len(tables.Wards) != 271 || len(tables.Industries) != 21 || len(tables.Occupations) != 10 || len(tables.Departments) == 0 {
		t.Fatalf("Load = %d cities, %d wards, %d industries, %d occupations, %d departments; want 2, 271, 21, 10 and some",
			len(tables.Cities), len(tables.Wards), len(tables.Industries), len(tables.Occupations), len(tables.Departments))
	}
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"CityName(cantho)", tables.CityName("cantho"), "TP. Cần Thơ"},
		{"CityName(both)", tables.CityName("both"), "Cả hai thành phố"},
		{"CityName(unknown)", tables.CityName("hanoi"), "hanoi"},
		{"IsWard(26740)", tables.IsWard("26740"), true},
		{"IsIndustryOf(VSIC2018, C)", tables.IsIndustryOf("VSIC2018", "C"), true},
		{"IsIndustryOf(VSIC2018, Z)", tables.IsIndustryOf("VSIC2018", "Z"), false},
		{"IsOccupation(8)", tables.IsOccupation("8"), true},
		{"len(WardsOf(cantho))", len(tables.WardsOf("cantho")), 103},
		{"Fold(\"  Phường  Tân Định \")", codes.Fold("  Phường  Tân Định "), "phuong tan dinh"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %v, want %v", tt.name, tt.got, tt.want)
		}
	}
	w, ok := tables.Ward("26740")
	if !ok || w.CityCode != "hcm" {
		t.Errorf("Ward(26740) = %+v, %v; want a ward of hcm", w, ok)
	}
}
