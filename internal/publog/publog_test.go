package publog_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"minhbach/internal/proof"
	"minhbach/internal/publog"
)

func manifest(items ...proof.Item) []byte {
	m := proof.Manifest{Format: proof.Format, Site: "https://vp.example.gov.vn/", Built: "2026-11-23T00:00:00+07:00",
		Files: []proof.File{{Path: "index.html", Size: 10, SHA256: strings.Repeat("a", 64)}}, Items: items}
	return m.Marshal()
}

var (
	doc  = proof.Item{Kind: "document", ID: "62/2026/QĐ-UBND", Title: "Quyết định", URL: "/van-ban/62-2026-qd-ubnd/", Sum: "1111111111111111"}
	proc = proof.Item{Kind: "procedure", ID: "1.000894", Title: "Đăng ký khai sinh", URL: "/thu-tuc/1.000894/", Sum: "2222222222222222"}
	news = proof.Item{Kind: "news", ID: "/tin-tuc/2026/11/hoi-nghi/", Title: "Hội nghị", URL: "/tin-tuc/2026/11/hoi-nghi/", Sum: "3333333333333333"}
)

func add(t *testing.T, dir string, at int, items ...proof.Item) publog.Entry {
	t.Helper()
	e, err := publog.FromManifest(manifest(items...), time.Date(2026, 11, at, 8, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	got, err := publog.Add(dir, e)
	if err != nil {
		t.Fatalf("Add: %v", err)
	}
	return got
}

func keys(items []proof.Item) string {
	var s []string
	for _, it := range items {
		s = append(s, it.ID)
	}
	return strings.Join(s, ",")
}

func TestLogDiffsAndChains(t *testing.T) {
	dir := t.TempDir()
	e1 := add(t, dir, 20, doc, proc)
	if e1.N != 1 || e1.Prev != "" || keys(e1.Added) != "62/2026/QĐ-UBND,1.000894" || e1.Time != "2026-11-20T15:00:00+07:00" {
		t.Errorf("first entry = %+v", e1)
	}
	changedProc := proc
	changedProc.Sum = "9999999999999999"
	e2 := add(t, dir, 21, news, changedProc)
	if e2.N != 2 || e2.Prev != e1.Hash || keys(e2.Added) != news.ID || keys(e2.Changed) != "1.000894" || keys(e2.Removed) != doc.ID {
		t.Errorf("second entry: added %q changed %q removed %q prev %q", keys(e2.Added), keys(e2.Changed), keys(e2.Removed), e2.Prev)
	}
	// The same manifest again adds nothing.
	e, _ := publog.FromManifest(manifest(news, changedProc), time.Now())
	if _, err := publog.Add(dir, e); !errors.Is(err, publog.ErrSameManifest) {
		t.Errorf("same manifest: %v", err)
	}
	if err := publog.Append(dir, e); err != nil {
		t.Errorf("Append of the same manifest: %v", err)
	}
	e3 := add(t, dir, 22, news, changedProc, doc)
	if keys(e3.Added) != doc.ID || len(e3.Changed)+len(e3.Removed) != 0 {
		t.Errorf("third entry = %+v", e3)
	}

	entries, d := publog.Read(os.DirFS(dir))
	if d.HasErrors() || len(entries) != 3 || entries[2].Hash != e3.Hash {
		t.Fatalf("Read: %d entries, %v", len(entries), d)
	}
	if got := keys(publog.State(entries)); got != "62/2026/QĐ-UBND,/tin-tuc/2026/11/hoi-nghi/,1.000894" {
		t.Errorf("State = %s", got)
	}
}

func TestEditedEntryBreaksTheChain(t *testing.T) {
	dir := t.TempDir()
	add(t, dir, 20, doc)
	add(t, dir, 21, doc, proc)
	add(t, dir, 22, doc, proc, news)
	p := filepath.Join(dir, publog.File)
	data, _ := os.ReadFile(p)
	lines := strings.Split(string(data), "\n")

	// Quietly change the title of the procedure added by entry 2.
	edited := slices(lines)
	edited[1] = strings.Replace(edited[1], "Đăng ký khai sinh", "Đăng ký khai tử", 1)
	os.WriteFile(p, []byte(strings.Join(edited, "\n")), 0o644)
	_, d := publog.Read(os.DirFS(dir))
	want := "nhat-ky-cap-nhat.jsonl:2: entry 2 of the publication log was changed after it was written: its hash no longer matches what the next entry recorded (restore it from version control)"
	if got := strings.TrimSpace(d.Format(5)); got != want {
		t.Errorf("edited entry 2:\n got %s\nwant %s", got, want)
	}
	e, _ := publog.FromManifest(manifest(doc), time.Now())
	var ce *publog.ChainError
	if err := publog.Append(dir, e); !errors.As(err, &ce) || ce.N != 2 {
		t.Errorf("Append to a broken chain: %v", err)
	}

	// Removing entry 2 is found too.
	removed := []string{lines[0], lines[2], ""}
	os.WriteFile(p, []byte(strings.Join(removed, "\n")), 0o644)
	if _, d := publog.Read(os.DirFS(dir)); !strings.Contains(d.Format(5), "entry 2 of the publication log is missing or out of order") {
		t.Errorf("removed entry 2: %s", d.Format(5))
	}
}

func slices(s []string) []string { return append([]string(nil), s...) }
