package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"minhbach/internal/publog"
	"minhbach/internal/render"
)

func TestPublicationLog(t *testing.T) {
	dir, keyPath, public := signedProofSite(t)
	build := func() {
		t.Helper()
		if code, _, errs := runCLI(t, "build", "--source", dir, "--build-date", "2026-11-23", "--signing-key", keyPath); code != 0 {
			t.Fatalf("build: %s", errs)
		}
	}
	logAppend := func(want string) {
		t.Helper()
		code, out, errs := runCLI(t, "log", "append", "--source", dir)
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("log append: exit %d, %q %q, want %q", code, out, errs, want)
		}
	}
	logAppend("minhbach log: entry 1 written to " + filepath.Join(dir, publog.File) + ": 1 added, 0 changed, 0 removed")
	logAppend("minhbach log: entry 1 already records this build: nothing added")

	// An edited news item and a new page.
	writeFile(t, filepath.Join(dir, "content/news/2026/hoi-nghi.md"), strings.Replace(goodNews, "Nội dung.", "Nội dung đã sửa.", 1))
	writeFile(t, filepath.Join(dir, "content/pages/gioi-thieu.md"), "---\ntitle: Giới thiệu\n---\nVăn phòng.\n")
	build()
	logAppend("entry 2 written to " + filepath.Join(dir, publog.File) + ": 1 added, 1 changed, 0 removed")
	build()

	page := string(mustRead(t, filepath.Join(public, "nhat-ky-cap-nhat/index.html")))
	for _, want := range []string{`id="lan-2"`, "Lần 2: ngày 23 tháng 11 năm 2026, lúc 16:00", `Trang: <a href="/gioi-thieu/">Giới thiệu</a>`, `Tin: <a href="/tin-tuc/2026/11/hoi-nghi/">Hội nghị trực tuyến</a>`, `id="lan-1"`} {
		if !strings.Contains(page, want) {
			t.Errorf("log page lacks %q", want)
		}
	}
	feed := string(mustRead(t, filepath.Join(public, "nhat-ky-cap-nhat/atom.xml")))
	if !strings.Contains(feed, "Cập nhật lần 2, ngày 23 tháng 11 năm 2026") || !strings.Contains(feed, "Thêm: Trang Giới thiệu") {
		t.Errorf("log feed:\n%s", feed)
	}
	entries, err := publog.ParseJSON(mustRead(t, filepath.Join(public, render.LogJSON)))
	if err != nil || len(entries) != 2 || entries[1].Changed[0].Title != "Hội nghị trực tuyến" {
		t.Errorf("published log: %v, %+v", err, entries)
	}
	verifyLines(t, "log intact", 0, []string{"publication log: 2 entries, each chained to the one before"}, public, "--source", dir)

	// The published log edited: verify names the entry.
	jsonPath := filepath.Join(public, render.LogJSON)
	os.WriteFile(jsonPath, []byte(strings.Replace(string(mustRead(t, jsonPath)), "Giới thiệu", "Giới thiệu mới", 1)), 0o644)
	verifyLines(t, "published log edited", 1, []string{
		"changed: " + render.LogJSON,
		"publication log: entry 2 of the published log was changed after it was written: it no longer matches its hash",
	}, public, "--source", dir)

	// The source log edited: the build names the entry and writes nothing.
	logPath := filepath.Join(dir, publog.File)
	os.WriteFile(logPath, []byte(strings.Replace(string(mustRead(t, logPath)), `"files":`, `"files":1`, 1)), 0o644)
	code, _, errs := runCLI(t, "build", "--source", dir, "--build-date", "2026-11-23", "--signing-key", keyPath)
	if want := "nhat-ky-cap-nhat.jsonl:1: entry 1 of the publication log was changed after it was written"; code != 1 || !strings.Contains(errs, want) {
		t.Errorf("build with an edited log: exit %d, %q, want %q", code, errs, want)
	}
	if code, _, errs := runCLI(t, "log", "append", "--source", dir); code != 1 || !strings.Contains(errs, "nhat-ky-cap-nhat.jsonl:1: entry 1 of the publication log was changed") {
		t.Errorf("log append to an edited log: exit %d, %q", code, errs)
	}
}

// TestDeployRecordsInTheLog: every deploy appends to the publication log;
// a deploy of the same build adds nothing.
func TestDeployRecordsInTheLog(t *testing.T) {
	dir := deploySite(t, "")
	target := "file://" + filepath.Join(t.TempDir(), "www")
	code, out, errs := runCLI(t, "deploy", "--source", dir, "--target", target)
	if code != 0 || !strings.Contains(out, "minhbach log: entry 1 written to "+filepath.Join(dir, publog.File)+": 3 added, 0 changed, 0 removed") {
		t.Fatalf("first deploy: exit %d, %s%s", code, out, errs)
	}
	if code, out, _ := runCLI(t, "deploy", "--source", dir, "--target", target); code != 0 || !strings.Contains(out, "minhbach log: entry 1 already records this build: nothing added") {
		t.Errorf("second deploy of the same build: exit %d, %s", code, out)
	}
	os.Remove(filepath.Join(dir, "content/pages/gioi-thieu.md"))
	rebuild(t, dir)
	if code, out, _ := runCLI(t, "deploy", "--source", dir, "--target", target); code != 0 || !strings.Contains(out, ": 0 added, 0 changed, 1 removed") {
		t.Errorf("deploy after removing a page: exit %d, %s", code, out)
	}
	entries, d := publog.Read(os.DirFS(dir))
	if d.HasErrors() || len(entries) != 2 || entries[1].Removed[0].Title != "Giới thiệu" {
		t.Errorf("log after two deploys: %v %+v", d, entries)
	}
}
