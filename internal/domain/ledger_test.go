package domain

import (
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// TestDerivedStatusWithAFixedClock: past its due date and not done is
// overdue; on the due date it is not late yet; done is done whenever.
func TestDerivedStatusWithAFixedClock(t *testing.T) {
	due := day(2025, time.December, 31)
	vnTime := func(d time.Time, hour int) time.Time { // a moment late in the day in Vietnam
		return time.Date(d.Year(), d.Month(), d.Day(), hour, 30, 0, 0, time.FixedZone("ICT", 7*3600))
	}
	for _, tt := range []struct {
		name     string
		progress string
		due      *time.Time
		now      time.Time
		want     string
	}{
		{"before, not done", "in_progress", &due, vnTime(day(2025, time.December, 30), 23), "in_progress"},
		{"on the day, not done", "in_progress", &due, vnTime(due, 23), "in_progress"},
		{"after, not done", "in_progress", &due, vnTime(day(2026, time.January, 1), 0), StatusOverdue},
		{"after, not started", "not_started", &due, vnTime(day(2026, time.November, 1), 9), StatusOverdue},
		{"after, delayed", "delayed", &due, vnTime(day(2026, time.November, 1), 9), StatusOverdue},
		{"before, done", "done", &due, vnTime(day(2025, time.June, 1), 9), "done"},
		{"on the day, done", "done", &due, vnTime(due, 9), "done"},
		{"after, done", "done", &due, vnTime(day(2027, time.June, 1), 9), "done"},
		{"after, moved to the next program", "moved", &due, vnTime(day(2026, time.November, 1), 9), "moved"},
		{"no due date", "in_progress", nil, vnTime(day(2040, time.June, 1), 9), "in_progress"},
	} {
		c := Commitment{Progress: tt.progress, DueOn: tt.due}
		if got := c.StatusOn(tt.now); got != tt.want {
			t.Errorf("%s: StatusOn(%s) = %q, want %q", tt.name, tt.now, got, tt.want)
		}
	}
}

// TestSummaryRoundsHalfUp: 3 of 7 is 43 %, and the shares count every
// commitment once.
func TestSummaryRoundsHalfUp(t *testing.T) {
	for _, tt := range []struct{ n, total, want int }{{3, 7, 43}, {1, 3, 33}, {2, 3, 67}, {1, 8, 13}, {1, 200, 1}, {0, 0, 0}, {7, 7, 100}} {
		if got := Percent(tt.n, tt.total); got != tt.want {
			t.Errorf("Percent(%d, %d) = %d, want %d", tt.n, tt.total, got, tt.want)
		}
	}
	due := day(2025, time.December, 31)
	now := day(2026, time.December, 1)
	w := 3
	cs := []Commitment{
		{Progress: "done", DueOn: &due}, {Progress: "done"}, {Progress: "done", Weight: &w},
		{Progress: "in_progress", DueOn: &due}, {Progress: "in_progress", DueOn: &due}, {Progress: "delayed", DueOn: &due},
		{Progress: "not_started"},
	}
	s := Summarize(cs, now)
	if s.Total != 7 || s.Count("done") != 3 || s.Of("done").Percent != 43 || s.Count(StatusOverdue) != 3 || s.Count("not_started") != 1 {
		t.Errorf("summary = %+v", s)
	}
	sum := 0
	for _, x := range s.ByStatus {
		sum += x.Count
	}
	if sum != s.Total {
		t.Errorf("shares add up to %d of %d", sum, s.Total)
	}
	if s.WeightedDonePercent != Percent(5, 9) {
		t.Errorf("weighted done = %d, want %d", s.WeightedDonePercent, Percent(5, 9))
	}
}
