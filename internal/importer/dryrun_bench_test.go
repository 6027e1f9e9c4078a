package importer_test

import (
	"fmt"
	"strings"
	"testing"

	"hoptac/internal/importer"
	"hoptac/internal/testenv"
)

// BenchmarkDryRun2000 previews a file of 2000 companies, new and then
// unchanged: the dry run writes every row in one rolled-back transaction.
func BenchmarkDryRun2000(b *testing.B) {
	st := testenv.Store(b)
	var f strings.Builder
	f.WriteString("external_id,tax_code,name,industry,city\n")
	for i := range 2000 {
		fmt.Fprintf(&f, "B-%d,%s,Công ty %d,C,Cần Thơ\n", i, testenv.TaxCode(b, 100000+i*20), i)
	}
	file := f.String()
	run := func(b *testing.B, dry bool) {
		for b.Loop() {
			rep, err := importer.Import(ctx, st, strings.NewReader(file), importer.CSV, importer.Options{DryRun: dry})
			if err != nil || rep.Rows() != 2000 {
				b.Fatalf("import = %+v, %v", rep, err)
			}
		}
		b.ReportMetric(float64(2000*b.N)/b.Elapsed().Seconds(), "rows/s")
	}
	b.Run("new", func(b *testing.B) { run(b, true) })
	if _, err := importer.Import(ctx, st, strings.NewReader(file), importer.CSV, importer.Options{}); err != nil {
		b.Fatal(err)
	}
	b.Run("unchanged", func(b *testing.B) { run(b, true) })
	b.Run("import-unchanged", func(b *testing.B) { run(b, false) })
}
