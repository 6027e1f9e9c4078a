package web_test

import (
	"html"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/search"
)

// TestSearchSaysWhenNotEveryWordMatched: a query no entry matches in full
// shows the nearest matches under a notice; one that matches does not.
func TestSearchSaysWhenNotEveryWordMatched(t *testing.T) {
	st, engine := indexedDemo(t)
	app := newApp(t, st, withEngine(engine))
	const notice = "Không có kết quả khớp đủ các từ — đây là kết quả gần đúng"
	r := get(t, app, "/tim-kiem?q=cong+nhan+zqxwv")
	if r.status != http.StatusOK || !strings.Contains(r.body, notice) || !strings.Contains(r.body, "result-count") {
		t.Errorf("partial search = %d, want results under the notice; body %.300s", r.status, r.body)
	}
	r = get(t, app, "/tim-kiem?q=cong+nhan")
	if r.status != http.StatusOK || strings.Contains(r.body, notice) {
		t.Errorf("full match = %d, want no notice", r.status)
	}
}

// TestSearchShowsWhatItUnderstood: intent read from the words is shown
// with a link that undoes it, on Meilisearch and on the fallback alike;
// the undone search takes the words as typed.
func TestSearchShowsWhatItUnderstood(t *testing.T) {
	st, engine := indexedDemo(t)
	for name, app := range map[string]*fiber.App{"meilisearch": newApp(t, st, withEngine(engine)), "postgresql": newApp(t, st)} {
		r := get(t, app, "/tim-kiem?q=phu+bep+khong+can+kinh+nghiem")
		if r.status != http.StatusOK || !strings.Contains(r.body, "Đã hiểu:") || !strings.Contains(r.body, "Không cần kinh nghiệm") {
			t.Fatalf("%s: status %d, want the understood intent shown", name, r.status)
		}
		undo := regexp.MustCompile(`<a class="chip" href="([^"]+)"`).FindStringSubmatch(r.body)
		if undo == nil || !strings.Contains(undo[1], "skip=experience") {
			t.Fatalf("%s: no undo link in %.500s", name, r.body)
		}
		again := get(t, app, html.UnescapeString(undo[1]))
		if again.status != http.StatusOK || strings.Contains(again.body, "Không cần kinh nghiệm <span") {
			t.Errorf("%s: after undo = %d, still understood", name, again.status)
		}
		if !strings.Contains(again.body, `value="phu bep khong can kinh nghiem"`) {
			t.Errorf("%s: the box lost the typed words", name)
		}
	}
}

// TestWageFieldsReadMillions: "8 triệu", "8tr", "7,5 tr" and "8.000.000"
// are the same kind of amount in a wage field.
func TestWageFieldsReadMillions(t *testing.T) {
	st, _ := indexedDemo(t)
	app := newApp(t, st)
	for in, want := range map[string]string{"8+tri%E1%BB%87u": "8.000.000", "8tr": "8.000.000", "7%2C5+tr": "7.500.000", "8.000.000": "8.000.000"} {
		r := get(t, app, "/tim-kiem?q=cong+nhan&wage_min="+in)
		if r.status != http.StatusOK || !strings.Contains(r.body, "lương từ "+want) {
			t.Errorf("wage_min=%s: status %d, want “lương từ %s” on the page", in, r.status, want)
		}
	}
}

// TestWageFacet: the job results offer wage bands with counts; a band's
// link gives as many results as its count says, each within the band, on
// Meilisearch; the fallback applies the same band.
func TestWageFacet(t *testing.T) {
	st, engine := indexedDemo(t)
	app := newApp(t, st, withEngine(engine))
	r := get(t, app, "/tim-kiem?q=nhan+vien&type=job")
	if r.status != http.StatusOK || !strings.Contains(r.body, "<h2>Mức lương</h2>") {
		t.Fatalf("job search = %d, want a wage facet", r.status)
	}
	link := regexp.MustCompile(`<a href="([^"]*wage_band=([a-z0-9_]+)[^"]*)"[^>]*>[^<]*</a> <span class="count">([0-9.]+)</span>`).FindStringSubmatch(r.body)
	if link == nil {
		t.Fatalf("no wage band link in %.400s", r.body)
	}
	band, _ := search.WageBandByCode(link[2])
	for name, a := range map[string]*fiber.App{"meilisearch": app, "postgresql": newApp(t, st)} {
		status, res := apiGet(t, a, "/api/v1/search?q=nhan+vien&type=job&per_page=50&wage_band="+band.Code)
		if status != http.StatusOK || res.Total == 0 {
			t.Fatalf("%s: wage_band=%s = %d, %d results", name, band.Code, status, res.Total)
		}
		if name == "meilisearch" && strings.ReplaceAll(link[3], ".", "") != strconv.Itoa(res.Total) {
			t.Errorf("band %s: facet says %s, results %d", band.Code, link[3], res.Total)
		}
		for _, h := range res.Hits {
			best := h.WageMax
			if best == nil {
				best = h.WageMin
			}
			if best == nil || *best < band.From || band.Below > 0 && *best >= band.Below {
				t.Errorf("%s: band %s returned %q with wage %v", name, band.Code, h.Title, best)
			}
		}
	}
}

// TestAllTabUndoesATypeReadFromTheWords: "học hàn" shows programs; the
// "Tất cả" tab then shows every type, not programs again.
func TestAllTabUndoesATypeReadFromTheWords(t *testing.T) {
	st, engine := indexedDemo(t)
	app := newApp(t, st, withEngine(engine))
	r := get(t, app, "/tim-kiem?q=hoc+han")
	all := regexp.MustCompile(`<a href="([^"]+)"[^>]*>Tất cả <span`).FindStringSubmatch(r.body)
	if r.status != http.StatusOK || all == nil || !strings.Contains(all[1], "skip=learn") {
		t.Fatalf("học hàn = %d; the all-types tab %v should undo the learning intent", r.status, all)
	}
	again := get(t, app, html.UnescapeString(all[1]))
	if again.status != http.StatusOK || !regexp.MustCompile(`<a href="[^"]+" aria-current="page">Tất cả`).MatchString(again.body) {
		t.Errorf("the all-types tab = %d, want it selected", again.status)
	}
}
