package main

import (
	"bytes"
	"crypto/ed25519"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"minhbach/internal/proof"
)

// newKey runs `minhbach key new --out <tmp>/key.pem` for the site in dir
// and returns the key's path and the site.yaml line it printed.
func newKey(t *testing.T, dir string) (keyPath, line string) {
	t.Helper()
	keyPath = filepath.Join(t.TempDir(), "keys", "key.pem")
	code, out, errs := runCLI(t, "key", "new", "--out", keyPath, "--source", dir)
	if code != 0 {
		t.Fatalf("key new exit %d: %s", code, errs)
	}
	m := regexp.MustCompile(`(?m)^signing_public_key: "[A-Za-z0-9+/=]+"$`).FindString(out)
	if m == "" {
		t.Fatalf("key new printed no site.yaml line:\n%s", out)
	}
	data, err := os.ReadFile(keyPath)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, strings.TrimSpace(string(data[28:60]))) {
		t.Errorf("key new printed the private key:\n%s", out)
	}
	if st, _ := os.Stat(keyPath); st.Mode().Perm() != 0o600 {
		t.Errorf("private key mode %v, want 0600", st.Mode().Perm())
	}
	return keyPath, m
}

func TestKeyNewRefusesPathsInsideTheSite(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "site.yaml"), siteYAML)
	elsewhere := t.TempDir()
	// public/ is a link to the web server's folder, outside the site.
	if err := os.Symlink(elsewhere, filepath.Join(dir, "public")); err != nil {
		t.Fatal(err)
	}
	// A link outside the site that points into it.
	sneaky := filepath.Join(t.TempDir(), "into-site")
	if err := os.Symlink(filepath.Join(dir, "content"), sneaky); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	for _, out := range []string{
		filepath.Join(dir, "key.pem"),
		filepath.Join(dir, "content", "key.pem"),
		filepath.Join(dir, "public", "key.pem"),
		filepath.Join(elsewhere, "xac-thuc", "key.pem"),
		filepath.Join(sneaky, "key.pem"),
	} {
		code, _, errs := runCLI(t, "key", "new", "--source", dir, "--out", out)
		if code != 2 || !strings.Contains(errs, "refusing to write the private key to "+out) {
			t.Errorf("key new --out %s: exit %d, %q", out, code, errs)
		}
		if _, err := os.Lstat(out); err == nil {
			t.Errorf("key new wrote %s", out)
		}
	}
	// A folder above the site inside the same git repository is refused too.
	repo := t.TempDir()
	os.Mkdir(filepath.Join(repo, ".git"), 0o755)
	site := filepath.Join(repo, "portal")
	writeFile(t, filepath.Join(site, "site.yaml"), siteYAML)
	if code, _, errs := runCLI(t, "key", "new", "--source", site, "--out", filepath.Join(repo, "key.pem")); code != 2 || !strings.Contains(errs, "refusing") {
		t.Errorf("key new into the repository: exit %d, %q", code, errs)
	}

	// Outside: written once, never overwritten.
	keyPath, _ := newKey(t, dir)
	if code, _, errs := runCLI(t, "key", "new", "--source", dir, "--out", keyPath); code != 1 || !strings.Contains(errs, "already exists") {
		t.Errorf("second key new over %s: exit %d, %q", keyPath, code, errs)
	}
}

func TestKeyNewWriteConfig(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "site.yaml"), strings.TrimSuffix(siteYAML, "\n"))
	out := filepath.Join(t.TempDir(), "k.pem")
	code, stdout, errs := runCLI(t, "key", "new", "--source", dir, "--out", out, "--write-config")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	yaml, _ := os.ReadFile(filepath.Join(dir, "site.yaml"))
	if !regexp.MustCompile(`\nsigning_public_key: "MCowBQYDK2VwAyEA[A-Za-z0-9+/=]+"\n$`).Match(yaml) || !strings.HasPrefix(string(yaml), siteYAML) {
		t.Errorf("site.yaml after --write-config:\n%s\nstdout:\n%s", yaml, stdout)
	}
	// A second key is refused: site.yaml already has one.
	code, _, errs = runCLI(t, "key", "new", "--source", dir, "--out", out+"2", "--write-config")
	if code != 1 || !strings.Contains(errs, "already has a signing_public_key") {
		t.Errorf("second --write-config: exit %d, %q", code, errs)
	}
	if _, err := os.Stat(out + "2"); err == nil {
		t.Errorf("a key was written although site.yaml was not updated")
	}
}

// signedSite builds a small site signed with a new key and returns the
// site folder, the key's path and the output folder.
func signedProofSite(t *testing.T, extra ...string) (dir, keyPath, public string) {
	t.Helper()
	dir = t.TempDir()
	writeFile(t, filepath.Join(dir, "site.yaml"), siteYAML)
	writeFile(t, filepath.Join(dir, "content/news/2026/hoi-nghi.md"), goodNews)
	keyPath, line := newKey(t, dir)
	writeFile(t, filepath.Join(dir, "site.yaml"), siteYAML+line+"\n")
	public = filepath.Join(dir, "public")
	args := append([]string{"build", "--source", dir, "--build-date", "2026-11-23", "--signing-key", keyPath}, extra...)
	if code, _, errs := runCLI(t, args...); code != 0 || errs != "" {
		t.Fatalf("signed build exit %d:\n%s", code, errs)
	}
	return dir, keyPath, public
}

func TestBuildSignsManifest(t *testing.T) {
	dir, keyPath, public := signedProofSite(t, "--gzip")
	manifest, err := os.ReadFile(filepath.Join(public, proof.ManifestPath))
	if err != nil {
		t.Fatal(err)
	}
	sig, err := os.ReadFile(filepath.Join(public, proof.SignaturePath))
	if err != nil {
		t.Fatal(err)
	}
	keyPEM, _ := os.ReadFile(keyPath)
	priv, err := proof.ParsePrivateKey(keyPEM)
	if err != nil {
		t.Fatal(err)
	}
	if !proof.Verify(priv.Public().(ed25519.PublicKey), manifest, sig) {
		t.Fatalf("the signature does not verify")
	}
	m, err := proof.Parse(manifest)
	if err != nil {
		t.Fatal(err)
	}
	// Every other published file is listed, .gz twins included, with its size and hash.
	listed := map[string]string{}
	for _, f := range m.Files {
		listed[f.Path] = f.SHA256
	}
	for p, h := range tree(t, public) {
		if p == proof.ManifestPath || p == proof.SignaturePath {
			if _, ok := listed[p]; ok {
				t.Errorf("the manifest lists %s", p)
			}
			continue
		}
		if listed[p] != h {
			t.Errorf("%s: manifest has %q, file hashes to %s", p, listed[p], h)
		}
		delete(listed, p)
	}
	for p := range listed {
		t.Errorf("the manifest lists %s, which was not published", p)
	}
	if _, ok := tree(t, public)["index.html.gz"]; !ok {
		t.Errorf("no .gz twin with --gzip")
	}
	if m.Site != "https://vp.example.gov.vn/" || m.Built != "2026-11-23T00:00:00+07:00" {
		t.Errorf("manifest site %q, built %q", m.Site, m.Built)
	}
	if len(m.Items) != 1 || m.Items[0].Kind != "news" || m.Items[0].Title != "Hội nghị trực tuyến" {
		t.Errorf("manifest items = %+v", m.Items)
	}
	// The Xác thực page shows the key and its fingerprint; the PEM is published.
	raw, _ := os.ReadFile(filepath.Join(public, "xac-thuc/index.html"))
	page := []byte(html.UnescapeString(string(raw)))
	pemFile, _ := os.ReadFile(filepath.Join(public, proof.PublicKeyPath))
	fp := proof.Fingerprint(priv.Public().(ed25519.PublicKey))
	if !bytes.Contains(page, []byte(fp)) || !bytes.Contains(page, pemFile[27:80]) {
		t.Errorf("the Xác thực page lacks the fingerprint %s or the key", fp)
	}

	// A second build with the same date is byte-identical, manifest and signature included.
	dest2 := filepath.Join(t.TempDir(), "again")
	if code, _, errs := runCLI(t, "build", "--source", dir, "--destination", dest2, "--build-date", "2026-11-23", "--signing-key", keyPath, "--gzip"); code != 0 {
		t.Fatalf("second build: %s", errs)
	}
	a, b := tree(t, public), tree(t, dest2)
	if len(a) != len(b) {
		t.Errorf("builds wrote %d and %d files", len(a), len(b))
	}
	for p, h := range a {
		if b[p] != h {
			t.Errorf("%s differs between two builds", p)
		}
	}
}

// TestOpenSSLRecipe runs the commands the Xác thực page gives for checking
// by hand, when openssl is installed.
func TestOpenSSLRecipe(t *testing.T) {
	openssl, err := exec.LookPath("openssl")
	if err != nil {
		t.Skip("openssl is not installed: the by-hand recipe is not checked")
	}
	_, keyPath, public := signedProofSite(t)
	x := filepath.Join(public, "xac-thuc")
	cmd := exec.Command(openssl, "pkeyutl", "-verify", "-pubin", "-inkey", "khoa-cong-khai.pem", "-rawin", "-in", "manifest.json", "-sigfile", "manifest.sig")
	cmd.Dir = x
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "Signature Verified Successfully") {
		t.Errorf("openssl pkeyutl -verify: %v\n%s", err, out)
	}
	// The fingerprint recipe prints the page's fingerprint.
	fpCmd := exec.Command("sh", "-c", openssl+" pkey -pubin -in khoa-cong-khai.pem -outform DER | sha256sum")
	fpCmd.Dir = x
	out, err = fpCmd.Output()
	keyPEM, _ := os.ReadFile(keyPath)
	priv, _ := proof.ParsePrivateKey(keyPEM)
	if fp := proof.Fingerprint(priv.Public().(ed25519.PublicKey)); err != nil || !strings.HasPrefix(string(out), fp+" ") {
		t.Errorf("fingerprint recipe printed %q (%v), want %s", out, err, fp)
	}
	// One changed byte and openssl refuses.
	data, _ := os.ReadFile(filepath.Join(x, "manifest.json"))
	data[10] ^= 1
	os.WriteFile(filepath.Join(x, "manifest.json"), data, 0o644)
	cmd = exec.Command(openssl, "pkeyutl", "-verify", "-pubin", "-inkey", "khoa-cong-khai.pem", "-rawin", "-in", "manifest.json", "-sigfile", "manifest.sig")
	cmd.Dir = x
	if out, err := cmd.CombinedOutput(); err == nil {
		t.Errorf("openssl verified a changed manifest:\n%s", out)
	}
}

func TestUnsignedBuildWarns(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "site.yaml"), siteYAML)
	writeFile(t, filepath.Join(dir, "content/news/2026/hoi-nghi.md"), goodNews)
	t.Setenv(signingKeyEnv, "")
	code, out, errs := runCLI(t, "build", "--source", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "\nminhbach build: warning: no signing key (--signing-key or MINHBACH_SIGNING_KEY): the manifest /xac-thuc/manifest.json is written unsigned") {
		t.Errorf("no unsigned warning after the summary:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", proof.ManifestPath)); err != nil {
		t.Errorf("unsigned build wrote no manifest: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", proof.SignaturePath)); err == nil {
		t.Errorf("unsigned build wrote a signature")
	}
	// The key from the environment; a key that is not site.yaml's is refused.
	keyPath, _ := newKey(t, dir)
	t.Setenv(signingKeyEnv, keyPath)
	if code, out, errs := runCLI(t, "build", "--source", dir); code != 0 || errs != "" || strings.Contains(out, "no signing key") {
		t.Errorf("build with %s: exit %d, %q, %q", signingKeyEnv, code, out, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", proof.SignaturePath)); err != nil {
		t.Errorf("build with %s wrote no signature", signingKeyEnv)
	}
	other, line := newKey(t, dir)
	_ = other
	writeFile(t, filepath.Join(dir, "site.yaml"), siteYAML+line+"\n")
	before := tree(t, filepath.Join(dir, "public"))
	if code, _, errs := runCLI(t, "build", "--source", dir); code != 1 || !strings.Contains(errs, "does not match site.yaml's signing_public_key") {
		t.Errorf("build with a key not site.yaml's: exit %d, %q", code, errs)
	}
	if after := tree(t, filepath.Join(dir, "public")); len(after) != len(before) {
		t.Errorf("public/ changed after a refused build")
	}
}
