package kind

import (
	"context"
	"fmt"
	"time"

	"hoptac/internal/domain"
	"hoptac/internal/store"
	"hoptac/internal/vn"
)

// Usual monthly wages, in đồng: outside this range a wage is more likely
// a typo (a zero too many or too few) than an offer.
const (
	usualWageMin = 3_000_000
	usualWageMax = 100_000_000
)

// jobWarnings: a deadline already past, a wage far outside the usual
// range, a title the same company already uses on another open job.
func jobWarnings(ctx context.Context, st *store.Store, e *domain.Job) ([]Warning, error) {
	var out []Warning
	today := time.Now().In(vn.DateLocation)
	today = time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	if e.Deadline != nil && e.Deadline.Before(today) {
		out = append(out, Warning{"deadline", fmt.Sprintf("Hạn nộp hồ sơ %s đã qua: tin sẽ không hiện trong danh sách việc làm đang tuyển.", vn.Date(*e.Deadline))})
	}
	for _, w := range []struct {
		field string
		v     *int64
	}{{"wage_min", e.WageMin}, {"wage_max", e.WageMax}} {
		if w.v != nil && *w.v > 0 && (*w.v < usualWageMin || *w.v > usualWageMax) {
			out = append(out, Warning{w.field, fmt.Sprintf("Mức lương %s đồng/tháng khác xa mức thường gặp (%s – %s): kiểm tra số chữ số 0.",
				vn.GroupDigits(*w.v), vn.GroupDigits(usualWageMin), vn.GroupDigits(usualWageMax))})
		}
	}
	if e.CompanyID > 0 && e.Title != "" {
		taken, err := st.JobTitleTaken(ctx, e.CompanyID, e.Title, e.ID)
		if err != nil {
			return nil, err
		}
		if taken {
			out = append(out, Warning{"title", "Doanh nghiệp này đã có một tin tuyển dụng khác cùng chức danh: kiểm tra xem có trùng tin không."})
		}
	}
	return out, nil
}
