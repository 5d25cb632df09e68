package proof_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"minhbach"
	"minhbach/internal/build"
	"minhbach/internal/proof"
)

// discard is a build sink that keeps nothing.
type discard struct{}

func (discard) Put(string, []byte) error { return nil }

const csvHead = "code,title,field,level,agency,processing_time,online\n"

func items(t *testing.T, csv, news string) map[string]string {
	t.Helper()
	fsys := fstest.MapFS{
		"site.yaml":                       {Data: []byte("title: T\nfields:\n  ho-tich: Hộ tịch\n")},
		"content/procedures/danh-muc.csv": {Data: []byte(csv)},
		"content/news/2026/a.md":          {Data: []byte(news)},
	}
	res, err := build.Build(context.Background(), build.Options{Source: fsys, Theme: minhbach.Theme, Now: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)}, discard{})
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("build: %v\n%s", err, res.Diags.Format(10))
	}
	list, err := proof.Items(fsys, res.Site)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, it := range list {
		out[it.Kind+" "+it.ID] = it.Sum
	}
	return out
}

// TestItemSums: editing one row of a catalogue changes that row's sum
// only; editing a news item changes its own.
func TestItemSums(t *testing.T) {
	row1 := "1.000001,Đăng ký khai sinh,ho-tich,xa,UBND cấp xã,Trong ngày,none\n"
	row2 := "1.000002,Đăng ký kết hôn,ho-tich,xa,UBND cấp xã,03 ngày làm việc,none\n"
	news := "---\ntitle: Hội nghị\ndate: 2026-11-20\ncategory: Tin\n---\nNội dung.\n"
	a := items(t, csvHead+row1+row2, news)
	if len(a) != 3 {
		t.Fatalf("items = %v", a)
	}
	b := items(t, csvHead+row1+strings.Replace(row2, "03 ngày", "05 ngày", 1), news)
	if a["procedure 1.000001"] != b["procedure 1.000001"] || a["procedure 1.000002"] == b["procedure 1.000002"] {
		t.Errorf("editing row 2: sums %v → %v", a, b)
	}
	c := items(t, csvHead+row1+row2, news+"Thêm một đoạn.\n")
	if a["procedure 1.000002"] != c["procedure 1.000002"] || a["news /tin-tuc/2026/11/a/"] == c["news /tin-tuc/2026/11/a/"] {
		t.Errorf("editing the news item: sums %v → %v", a, c)
	}
}
