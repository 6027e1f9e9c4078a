package search

// WageBand is one band of the wage facet: jobs whose best wage is in
// [From, Below) (Below 0: no upper bound).
type WageBand struct {
	Code        string
	Label       string
	From, Below int64
}

// WageBands are the wage facet's bands, in the order the page lists them.
var WageBands = []WageBand{
	{"lt_7m", "Dưới 7 triệu", 0, 7_000_000},
	{"7_10m", "7–10 triệu", 7_000_000, 10_000_000},
	{"10_15m", "10–15 triệu", 10_000_000, 15_000_000},
	{"15_20m", "15–20 triệu", 15_000_000, 20_000_000},
	{"20m_plus", "Từ 20 triệu", 20_000_000, 0},
}

// WageBandOf is the band of a best wage; "" for 0 (negotiable).
func WageBandOf(wage int64) string {
	if wage <= 0 {
		return ""
	}
	for _, b := range WageBands {
		if wage >= b.From && (b.Below == 0 || wage < b.Below) {
			return b.Code
		}
	}
	return ""
}

// WageBandByCode finds a band.
func WageBandByCode(code string) (WageBand, bool) {
	for _, b := range WageBands {
		if b.Code == code {
			return b, true
		}
	}
	return WageBand{}, false
}

// IsWageBand tells whether code names a band (the values wage_band= accepts).
func IsWageBand(code string) bool { _, ok := WageBandByCode(code); return ok }

// WageBandLabel is a band's label, the code itself when unknown.
func WageBandLabel(code string) string {
	if b, ok := WageBandByCode(code); ok {
		return b.Label
	}
	return code
}
