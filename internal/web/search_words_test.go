package web_test

import (
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"
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
