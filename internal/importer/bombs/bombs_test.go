package bombs

import (
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"testing"
)

// TestRepeated: the repeated deflate block decodes to exactly what it
// claims, with the claimed CRC (so the bombs are what they say).
func TestRepeated(t *testing.T) {
	for _, unit := range []string{" ", "<row/>", `<row><c t="inlineStr"><is><t>Công ty</t></is></c></row>`} {
		const n = 3*mb + 12345
		r := repeated("<head>", []byte(unit), n, "</tail>")
		got, err := io.ReadAll(flate.NewReader(bytes.NewReader(r.data)))
		if err != nil {
			t.Fatalf("repeated(%q): inflate: %v", unit, err)
		}
		want := "<head>" + string(bytes.Repeat([]byte(unit), n)) + "</tail>"
		if string(got) != want || uint64(len(got)) != r.uncompressed || crc32.ChecksumIEEE(got) != r.crc {
			t.Errorf("repeated(%q) inflates to %d bytes (claims %d), equal = %v, CRC ok = %v",
				unit, len(got), r.uncompressed, string(got) == want, crc32.ChecksumIEEE(got) == r.crc)
		}
		if len(r.data) > len(want)/100 {
			t.Errorf("repeated(%q): %d bytes compressed for %d, want a bomb", unit, len(r.data), len(want))
		}
	}
}
