package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"minhbach/internal/proof"
)

// verifyLines runs minhbach verify and checks its exit status and that
// its output holds every wanted line.
func verifyLines(t *testing.T, name string, wantCode int, want []string, args ...string) string {
	t.Helper()
	code, out, errs := runCLI(t, append([]string{"verify"}, args...)...)
	if code != wantCode {
		t.Errorf("%s: exit %d, want %d\n%s%s", name, code, wantCode, out, errs)
	}
	for _, w := range want {
		if !strings.Contains(out, w+"\n") {
			t.Errorf("%s: output lacks line %q:\n%s", name, w, out)
		}
	}
	return out
}

func TestVerifyFolder(t *testing.T) {
	dir, _, public := signedProofSite(t)
	pem := filepath.Join(public, proof.PublicKeyPath)
	keyFile := filepath.Join(t.TempDir(), "khoa.pem")
	data, _ := os.ReadFile(pem)
	os.WriteFile(keyFile, data, 0o644)

	out := verifyLines(t, "intact", 0, nil, public, "--key", keyFile)
	if !strings.Contains(out, "signature: valid, by the key of fingerprint ") || !strings.Contains(out, "minhbach verify: all is well: ") {
		t.Errorf("intact site:\n%s", out)
	}
	// The key from site.yaml of --source, and a sample.
	out = verifyLines(t, "sample", 0, nil, public, "--source", dir, "--sample", "3", "--seed", "7")
	if !strings.Contains(out, "checked a random sample of 3 of ") || !strings.Contains(out, "repeat it with --seed 7") {
		t.Errorf("sample:\n%s", out)
	}

	// One changed byte, one missing file, one extra file.
	page := filepath.Join(public, "tin-tuc/2026/11/hoi-nghi/index.html")
	b, _ := os.ReadFile(page)
	b[len(b)/2] ^= 0x20
	os.WriteFile(page, b, 0o644)
	os.Remove(filepath.Join(public, "404.html"))
	writeFile(t, filepath.Join(public, "them/ghi-chu.txt"), "không có trong bản kê")
	verifyLines(t, "tampered", 1, []string{
		"changed: tin-tuc/2026/11/hoi-nghi/index.html",
		"missing: 404.html",
		"not in the manifest: them/ghi-chu.txt",
		"minhbach verify: NOT VERIFIED: 1 missing, 1 changed, 1 not in the manifest, of " + countFiles(t, public) + " files checked",
	}, public, "--key", keyFile)

	// A forged manifest: lists the changed page, signed with another key.
	mpath := filepath.Join(public, proof.ManifestPath)
	m, _ := proof.Parse(mustRead(t, mpath))
	for i, f := range m.Files {
		if f.Path == "tin-tuc/2026/11/hoi-nghi/index.html" {
			m.Files[i].SHA256, m.Files[i].Size = proof.SumHex(b), int64(len(b))
		}
	}
	_, otherPEM, _ := proof.NewKey(rand.Reader)
	other, _ := proof.ParsePrivateKey(otherPEM)
	forged := m.Marshal()
	os.WriteFile(mpath, forged, 0o644)
	os.WriteFile(filepath.Join(public, proof.SignaturePath), proof.Sign(other, forged), 0o644)
	out = verifyLines(t, "forged", 1, nil, public, "--key", keyFile)
	if !strings.Contains(out, "signature: NOT VALID: the manifest was changed after signing, or signed with another key") || strings.Contains(out, "changed: tin-tuc") {
		t.Errorf("forged manifest:\n%s", out)
	}
	// Unsigned: exit 1 even when every file matches.
	os.Remove(filepath.Join(public, proof.SignaturePath))
	verifyLines(t, "unsigned", 1, []string{"signature: none: the manifest is not signed, so it proves nothing about who published it"}, public, "--key", keyFile)
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// countFiles returns how many files the manifest in public lists, as text.
func countFiles(t *testing.T, public string) string {
	t.Helper()
	m, err := proof.Parse(mustRead(t, filepath.Join(public, proof.ManifestPath)))
	if err != nil {
		t.Fatal(err)
	}
	return strconv.Itoa(len(m.Files))
}

func TestVerifyOverHTTP(t *testing.T) {
	_, keyPath, public := signedProofSite(t, "--gzip")
	srv := httptest.NewServer(http.StripPrefix("/portal", http.FileServer(http.Dir(public))))
	defer srv.Close()
	priv, err := proof.ParsePrivateKey(mustRead(t, keyPath))
	if err != nil {
		t.Fatal(err)
	}
	keyText := proof.PublicKeyText(priv.Public().(ed25519.PublicKey))
	base := srv.URL + "/portal"
	verifyLines(t, "intact over HTTP", 0, []string{
		"over the web, files published but missing from the manifest cannot be seen: check the folder to find them",
		"minhbach verify: all is well: " + countFiles(t, public) + " files checked match the signed manifest",
	}, base, "--key", keyText)

	page := filepath.Join(public, "tin-tuc/2026/11/hoi-nghi/index.html")
	b := mustRead(t, page)
	b[len(b)/2] ^= 0x20
	os.WriteFile(page, b, 0o644)
	os.Remove(filepath.Join(public, "404.html"))
	verifyLines(t, "tampered over HTTP", 1, []string{
		"changed: tin-tuc/2026/11/hoi-nghi/index.html",
		"missing: 404.html",
		"minhbach verify: NOT VERIFIED: 1 missing, 1 changed, 0 not in the manifest, of " + countFiles(t, public) + " files checked",
	}, base+"/", "--key", keyText, "--sample", "100000")

	// No manifest at the address.
	if code, _, errs := runCLI(t, "verify", srv.URL+"/khong-co/", "--key", keyText); code != 1 || !strings.Contains(errs, "has no manifest /xac-thuc/manifest.json") {
		t.Errorf("no manifest: exit %d, %q", code, errs)
	}
}
