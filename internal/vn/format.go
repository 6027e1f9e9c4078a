package vn

import (
	"strconv"
	"time"
)

// Money writes an amount the Vietnamese way: 8000000 → "8.000.000 đ".
func Money(v int64) string {
	return GroupDigits(v) + " đ"
}

// GroupDigits writes an integer with dots between thousands: 12500 → "12.500".
func GroupDigits(v int64) string {
	neg := v < 0
	if neg {
		v = -v
	}
	s := strconv.FormatInt(v, 10)
	out := make([]byte, 0, len(s)+len(s)/3+1)
	if neg {
		out = append(out, '-')
	}
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, '.')
		}
		out = append(out, s[i])
	}
	return string(out)
}

// WageRange writes a monthly wage range; both ends empty is "Thỏa thuận".
func WageRange(min, max *int64) string {
	switch {
	case min == nil && max == nil:
		return "Thỏa thuận"
	case min != nil && max != nil && *min == *max:
		return Money(*min)
	case min != nil && max != nil:
		return GroupDigits(*min) + " – " + Money(*max)
	case min != nil:
		return "Từ " + Money(*min)
	default:
		return "Đến " + Money(*max)
	}
}

// Date writes dd/mm/yyyy, the form every Vietnamese reader expects.
func Date(t time.Time) string {
	return t.Format("02/01/2006")
}

// DateLocation is the time zone dates are shown and compared in.
var DateLocation = time.FixedZone("ICT", 7*60*60)
