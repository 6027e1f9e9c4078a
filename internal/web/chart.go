package web

import (
	"unicode/utf8"
)

// A chart drawn as SVG on the server: horizontal bars, one group per
// category, one bar per column (city), each column with its own fill
// pattern as well as colour, and the value written at the bar's end, so
// colour alone never carries the meaning.

type svgBar struct {
	X, Y, W, H int
	Class      string
	Value      string
	TX, TY     int
	Title      string
}

type svgText struct {
	X, Y  int
	Text  string
	Title string
}

type legendItem struct {
	X, Y  int
	Class string
	Label string
}

// chartView is a chart with its drawing and its table's cells.
type chartView struct {
	chart
	Width, Height int
	Bars          []svgBar
	Labels        []svgText
	Legend        []legendItem
	Cells         [][]string // per row: each column's measures, formatted
	Empty         bool
}

const (
	chartWidth  = 680
	labelWidth  = 250
	barArea     = 330
	barHeight   = 13
	legendSpace = 28
	maxLabel    = 40
)

func drawChart(ch chart) chartView {
	v := chartView{chart: ch, Width: chartWidth}
	var top int64
	for _, r := range ch.Rows {
		for _, vals := range r.Values {
			top = max(top, vals[ch.Bar])
		}
	}
	v.Empty = top == 0
	// The legend wraps onto as many lines as it needs.
	x, ly := 10, 6
	for i, col := range ch.Columns {
		w := 30 + utf8.RuneCountInString(col)*7
		if x+w > chartWidth && x > 10 {
			x, ly = 10, ly+18
		}
		v.Legend = append(v.Legend, legendItem{X: x, Y: ly, Class: barClass(i), Label: col})
		x += w
	}
	y := ly + legendSpace - 6
	for _, r := range ch.Rows {
		group := len(ch.Columns)*(barHeight+2) + 10
		label := r.Label
		if utf8.RuneCountInString(label) > maxLabel {
			label = string([]rune(label)[:maxLabel-1]) + "…"
		}
		v.Labels = append(v.Labels, svgText{X: labelWidth - 8, Y: y + group/2, Text: label, Title: r.Label})
		cells := make([]string, 0, len(r.Values)*len(ch.Measures))
		for i, vals := range r.Values {
			w := 0
			if top > 0 {
				w = int(vals[ch.Bar] * barArea / top)
			}
			if vals[ch.Bar] > 0 && w < 2 {
				w = 2
			}
			by := y + i*(barHeight+2)
			text := ch.cell(ch.Measures[ch.Bar], vals[ch.Bar])
			v.Bars = append(v.Bars, svgBar{X: labelWidth, Y: by, W: w, H: barHeight, Class: barClass(i),
				Value: text, TX: labelWidth + w + 4, TY: by + barHeight - 2, Title: ch.Columns[i] + ": " + text})
			for m, val := range vals {
				cells = append(cells, ch.cell(ch.Measures[m], val))
			}
		}
		v.Cells = append(v.Cells, cells)
		y += group
	}
	v.Height = y + 6
	return v
}

func barClass(i int) string {
	return [...]string{"bar-a", "bar-b", "bar-c", "bar-d"}[i%4]
}
