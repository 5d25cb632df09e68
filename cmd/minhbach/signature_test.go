package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"minhbach/internal/model"
	"minhbach/internal/testsign"
)

const signerCN = "Văn phòng UBND tỉnh Sơn Hà (chứng thư thử nghiệm)"

// signedSite writes a site with three gazette issues: 2026/28 with a
// signed PDF and a document whose attachment is signed, 2026/29 with an
// unsigned PDF, and 2019/1 (before signed issues) with an unsigned PDF.
// It returns the site folder and the time window the signatures were made in.
func signedSite(t *testing.T) (dir string, from, to time.Time) {
	t.Helper()
	dir = t.TempDir()
	s, err := testsign.New(signerCN, time.Now().Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	from = time.Now().Truncate(time.Second)
	issuePDF, err := s.Sign(testsign.PDF("Cong bao so 28 nam 2026"), "Văn phòng UBND tỉnh Sơn Hà", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	docPDF, err := s.Sign(testsign.PDF("Quyet dinh 31/2026/QD-UBND"), "Văn phòng UBND tỉnh Sơn Hà", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	to = time.Now()
	writeFile(t, filepath.Join(dir, "site.yaml"), siteYAML+"fields:\n  xay-dung: Xây dựng\n")
	for _, is := range []struct{ name, number, date string }{{"2026-so-28", "28", "2026-06-24"}, {"2026-so-29", "29", "2026-07-01"}, {"2019-so-1", "1", "2019-01-05"}} {
		writeFile(t, filepath.Join(dir, "content/gazette/issues", is.name+".md"),
			fmt.Sprintf("---\nnumber: %q\nyear: %s\ndate: %s\npdf: pdf/%s.pdf\n---\n", is.number, is.date[:4], is.date, is.name))
	}
	writeFile(t, filepath.Join(dir, "content/gazette/issues/pdf/2026-so-28.pdf"), string(issuePDF))
	writeFile(t, filepath.Join(dir, "content/gazette/issues/pdf/2026-so-29.pdf"), string(testsign.PDF("Cong bao so 29")))
	writeFile(t, filepath.Join(dir, "content/gazette/issues/pdf/2019-so-1.pdf"), string(testsign.PDF("Cong bao so 1 nam 2019")))
	writeFile(t, filepath.Join(dir, "content/gazette/documents/31-2026-qd-ubnd.md"), `---
number: 31/2026/QĐ-UBND
title: Quy định phân cấp cấp giấy phép xây dựng
doc_type: Quyết định
agency: Ủy ban nhân dân tỉnh Sơn Hà
signer: Nguyễn Văn An — Chủ tịch
issued: 2026-06-10
effective: 2026-06-20
issue: 2026/28
field: xay-dung
attachments:
  - {file: tep/31-2026-qd-ubnd.pdf, title: Toàn văn Quyết định}
---
Nội dung.
`)
	writeFile(t, filepath.Join(dir, "content/gazette/documents/tep/31-2026-qd-ubnd.pdf"), string(docPDF))
	return dir, from, to
}

// signedLine finds "Đã ký số: NAME, lúc HH:MM dd/mm/yyyy" in a page and
// returns the name and the time it shows.
func signedLine(t *testing.T, page []byte) (string, time.Time) {
	t.Helper()
	m := regexp.MustCompile(`Đã ký số: ([^<,]+(?:\([^)]*\))?), lúc <time datetime="[^"]+">(\d\d:\d\d \d\d/\d\d/\d{4})</time>`).FindSubmatch(page)
	if m == nil {
		t.Fatalf("no \"Đã ký số: …, lúc …\" line in the page")
	}
	at, err := time.ParseInLocation("15:04 02/01/2006", string(m[2]), model.Zone)
	if err != nil {
		t.Fatal(err)
	}
	return string(m[1]), at
}

func TestSignedGazettePDF(t *testing.T) {
	dir, from, to := signedSite(t)
	code, out, errs := runCLI(t, "build", "--source", dir)
	if code != 0 {
		t.Fatalf("build exit %d:\n%s", code, errs)
	}
	// Only the unsigned issue of 2026 is warned about.
	if !strings.Contains(out, " 1 warnings ") && !strings.Contains(out, " 1 warning ") {
		t.Errorf("summary = %q, want 1 warning", out)
	}
	want := `content/gazette/issues/2026-so-29.md:5:6: warning: pdf "pdf/2026-so-29.pdf" has no digital signature`
	if !strings.Contains(errs, want) || strings.Contains(errs, "2019-so-1") || strings.Contains(errs, "2026-so-28") {
		t.Errorf("diagnostics:\n%s\nwant only %q", errs, want)
	}

	public := filepath.Join(dir, "public")
	read := func(p string) []byte {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(public, p))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	for _, p := range []string{"cong-bao/2026/so-28/index.html", "van-ban/31-2026-qd-ubnd/index.html"} {
		name, at := signedLine(t, read(p))
		if name != signerCN {
			t.Errorf("%s: signer %q, want %q", p, name, signerCN)
		}
		if at.Before(from.Truncate(time.Minute)) || at.After(to) {
			t.Errorf("%s: signed at %v, want between %v and %v", p, at, from, to)
		}
	}
	if bytes.Contains(read("cong-bao/2026/so-29/index.html"), []byte("Đã ký số")) {
		t.Errorf("the unsigned issue's page says it is signed")
	}

	// The PDFs are published byte for byte (minify is on).
	for src, dst := range map[string]string{
		"content/gazette/issues/pdf/2026-so-28.pdf":         "cong-bao/2026/so-28/pdf/2026-so-28.pdf",
		"content/gazette/documents/tep/31-2026-qd-ubnd.pdf": "van-ban/31-2026-qd-ubnd/tep/31-2026-qd-ubnd.pdf",
		"content/gazette/issues/pdf/2026-so-29.pdf":         "cong-bao/2026/so-29/pdf/2026-so-29.pdf",
	} {
		data, err := os.ReadFile(filepath.Join(dir, src))
		if err != nil {
			t.Fatal(err)
		}
		if a, b := sha256.Sum256(data), sha256.Sum256(read(dst)); a != b {
			t.Errorf("public/%s has SHA-256 %x, its source %x", dst, b, a)
		}
	}

	// JSON-LD: the signed issue PDF is the definitive text, the signed
	// attachment authoritative, the HTML page official.
	values := map[string]string{}
	for _, enc := range jsonLD(t, read("van-ban/31-2026-qd-ubnd/index.html"))["encoding"].([]any) {
		e := enc.(map[string]any)
		values[e["contentUrl"].(string)] = fmt.Sprint(e["@type"], " ", e["legislationLegalValue"])
	}
	for url, v := range map[string]string{
		"https://vp.example.gov.vn/van-ban/31-2026-qd-ubnd/":                        "LegislationObject https://schema.org/OfficialLegalValue",
		"https://vp.example.gov.vn/van-ban/31-2026-qd-ubnd/tep/31-2026-qd-ubnd.pdf": "LegislationObject https://schema.org/AuthoritativeLegalValue",
		"https://vp.example.gov.vn/cong-bao/2026/so-28/pdf/2026-so-28.pdf":          "LegislationObject https://schema.org/DefinitiveLegalValue",
	} {
		if values[url] != v {
			t.Errorf("encoding %s = %q, want %q", url, values[url], v)
		}
	}
	issue := jsonLD(t, read("cong-bao/2026/so-29/index.html"))
	if got := fmt.Sprint(issue["encoding"].(map[string]any)["legislationLegalValue"]); got != "https://schema.org/OfficialLegalValue" {
		t.Errorf("unsigned issue PDF legal value = %s, want OfficialLegalValue", got)
	}
}

// TestTamperedGazettePDF: a signed issue PDF edited after signing stops
// the build with a positioned error, and public/ stays as it was.
func TestTamperedGazettePDF(t *testing.T) {
	dir, _, _ := signedSite(t)
	if code, _, errs := runCLI(t, "build", "--source", dir); code != 0 {
		t.Fatalf("build exit %d:\n%s", code, errs)
	}
	before := tree(t, filepath.Join(dir, "public"))

	p := filepath.Join(dir, "content/gazette/issues/pdf/2026-so-28.pdf")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	tampered := bytes.Replace(data, []byte("so 28 nam 2026"), []byte("so 29 nam 2026"), 1)
	if bytes.Equal(tampered, data) {
		t.Fatal("the edit was not applied")
	}
	if err := os.WriteFile(p, tampered, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := runCLI(t, "build", "--source", dir)
	if code != 1 {
		t.Fatalf("build of a tampered PDF exit %d, want 1:\n%s", code, errs)
	}
	want := `content/gazette/issues/2026-so-28.md:5:6: pdf "pdf/2026-so-28.pdf" was changed after it was signed`
	if !strings.Contains(errs, want) {
		t.Errorf("stderr lacks %q:\n%s", want, errs)
	}
	if fmt.Sprint(tree(t, filepath.Join(dir, "public"))) != fmt.Sprint(before) {
		t.Errorf("public/ changed after the failed build")
	}
}

// jsonLD returns the schema.org data of a page.
func jsonLD(t *testing.T, page []byte) map[string]any {
	t.Helper()
	m := regexp.MustCompile(`<script type=["]?application/ld\+json["]?>(.*?)</script>`).FindSubmatch(page)
	if m == nil {
		t.Fatal("no JSON-LD in the page")
	}
	var ld map[string]any
	if err := json.Unmarshal(m[1], &ld); err != nil {
		t.Fatalf("JSON-LD: %v", err)
	}
	return ld
}
