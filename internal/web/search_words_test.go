package web_test

import (
	"net/http"
	"strings"
	"testing"
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
