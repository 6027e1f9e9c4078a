package web_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// TestDemoDataClickThrough follows, for both cities, every list page to its
// first entry's detail page, as a visitor would.
func TestDemoDataClickThrough(t *testing.T) {
	t.Parallel()
	st := demoStore(t)
	app := newApp(t, st)

	home := get(t, app, "/")
	if home.status != http.StatusOK || !strings.Contains(home.body, "Dữ liệu minh họa") {
		t.Fatalf("GET / = %d; want 200 with the demo data notice", home.status)
	}
	links := regexp.MustCompile(`href="(/(?:viec-lam|doanh-nghiep|truong-nghe|dao-tao|chinh-sach|du-an|hop-tac)/\d+-[a-z0-9-]+)"`)
	for _, list := range []string{"/viec-lam", "/doanh-nghiep", "/truong-nghe", "/dao-tao", "/chinh-sach", "/du-an"} {
		for _, city := range []string{"hcm", "cantho"} {
			path := list + "?city=" + city
			r := get(t, app, path)
			if r.status != http.StatusOK {
				t.Errorf("GET %s = %d", path, r.status)
				continue
			}
			m := links.FindStringSubmatch(r.body)
			if m == nil || !strings.Contains(r.body, "Tìm thấy") {
				t.Errorf("GET %s: no entries listed", path)
				continue
			}
			if d := get(t, app, m[1]); d.status != http.StatusOK || !strings.Contains(d.body, "Nguồn và lịch sử") {
				t.Errorf("GET %s (first entry of %s) = %d", m[1], path, d.status)
			}
		}
	}
	coop := get(t, app, "/hop-tac")
	if coop.status != http.StatusOK || !strings.Contains(coop.body, "28/6/2024") || strings.Count(coop.body, `id="nhiem-vu-`) != 7 {
		t.Errorf("GET /hop-tac = %d; want the program signed 28/6/2024 with its 7 commitments", coop.status)
	}
	if p := get(t, app, "/viec-lam?page=2"); p.status != http.StatusOK || !strings.Contains(p.body, `aria-current="page">2<`) {
		t.Errorf("GET /viec-lam?page=2 = %d; want page 2 marked current", p.status)
	}
}
