package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"minhbach/internal/build"
	"minhbach/internal/config"
	"minhbach/internal/diag"
	"minhbach/internal/model"
	"minhbach/internal/output"
	"minhbach/internal/proof"
)

// signingKeyEnv names the environment variable that gives the path of the
// private key a build signs its manifest with, when --signing-key does not.
const signingKeyEnv = "MINHBACH_SIGNING_KEY"

// cmdKey runs `minhbach key new`.
func cmdKey(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
		args = []string{"new", "-h"}
	}
	if len(args) == 0 || args[0] != "new" {
		say(stderr, "minhbach key: want \"minhbach key new [--out FILE] [--source FOLDER] [--write-config]\"")
		return 2
	}
	fl := newFlags("key new", diag.Phrase("minhbach key new: make the key pair that signs the manifest of every build (/xac-thuc/).\nThe private key goes to a file outside the site, readable by you only; the public key goes into site.yaml."), stderr)
	out := fl.String("out", "", "the private key's `FILE`, outside the site and its repository (default: minhbach/khoa-ky.pem in your configuration folder)")
	src := fl.String("source", ".", "the site's `FOLDER` (with site.yaml, content/, layouts/, assets/)")
	write := fl.Bool("write-config", false, "also add the public key to site.yaml (which must not have one yet)")
	if code := parseFlags(fl, args[1:], stderr); code >= 0 {
		return code
	}
	if fl.NArg() > 0 {
		say(stderr, "minhbach key new: unexpected argument %q", fl.Arg(0))
		return 2
	}
	if *out == "" {
		dir, err := os.UserConfigDir()
		if err != nil {
			say(stderr, "minhbach key new: no configuration folder (%v): name the key's file with --out", err)
			return 2
		}
		*out = filepath.Join(dir, "minhbach", "khoa-ky.pem")
	}
	if where, ok := insideSite(*out, *src); ok {
		say(stderr, "minhbach key new: refusing to write the private key to %s: it is inside %s, from where it could be published or committed; choose a file outside the site, e.g. --out ~/.config/minhbach/khoa-ky.pem", *out, where)
		return 2
	}
	yamlPath := filepath.Join(*src, config.File)
	var yamlData []byte
	if *write {
		var err error
		if yamlData, err = os.ReadFile(yamlPath); err != nil {
			say(stderr, "minhbach key new: %v", err)
			return 1
		}
		if site, _ := config.Load(yamlData); site.SigningKey != "" || bytes.Contains(yamlData, []byte("\nsigning_public_key:")) || bytes.HasPrefix(yamlData, []byte("signing_public_key:")) {
			say(stderr, "minhbach key new: %s already has a signing_public_key: replacing a key is done by hand (remove the line first), since files signed with the old key can no longer be checked against the site", yamlPath)
			return 1
		}
	}
	pub, privPEM, err := proof.NewKey(rand.Reader)
	if err != nil {
		say(stderr, "minhbach key new: %v", err)
		return 1
	}
	if err := writeSecret(*out, privPEM); errors.Is(err, fs.ErrExist) {
		say(stderr, "minhbach key new: %s already exists: a key is never overwritten (choose another --out)", *out)
		return 1
	} else if err != nil {
		say(stderr, "minhbach key new: %v", err)
		return 1
	}
	line := fmt.Sprintf("signing_public_key: %q", proof.PublicKeyText(pub))
	say(stdout, "minhbach key new: private key written to %s (readable by you only): keep it secret and keep a copy in a safe place; never put it in the site or its repository", *out)
	say(stdout, "fingerprint of the public key (SHA-256): %s", proof.Fingerprint(pub))
	if *write {
		if !bytes.HasSuffix(yamlData, []byte("\n")) && len(yamlData) > 0 {
			yamlData = append(yamlData, '\n')
		}
		yamlData = append(yamlData, []byte("# "+lang.Sprintf("public key that checks the signature of the manifest (minhbach key new)")+"\n"+line+"\n")...)
		if err := os.WriteFile(yamlPath, yamlData, 0o644); err != nil {
			say(stderr, "minhbach key new: %v", err)
			return 1
		}
		say(stdout, "public key added to %s", yamlPath)
	} else {
		say(stdout, "add this line to site.yaml:")
		fmt.Fprintln(stdout, line)
	}
	say(stdout, "build with --signing-key %s (or set %s) to sign the manifest", *out, signingKeyEnv)
	return 0
}

// writeSecret writes a new file readable by its owner only; it never
// replaces a file.
func writeSecret(p string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return fmt.Errorf("create %s: %w", filepath.Dir(p), err)
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(p)
		return fmt.Errorf("write %s: %w", p, err)
	}
	return f.Close()
}

// resolve returns p absolute, with the symbolic links of its longest
// existing ancestor resolved (the rest of p may not exist yet).
func resolve(p string) string {
	p, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	rest := ""
	for dir := p; ; dir = filepath.Dir(dir) {
		if r, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(r, rest)
		}
		if filepath.Dir(dir) == dir {
			return p
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

// within reports whether p is dir or below it (both resolved).
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// insideSite reports whether file p lies inside the site folder src, its
// public/ (which may be a link elsewhere) or the git repository holding
// the site, and names that folder.
func insideSite(p, src string) (string, bool) {
	rp, site := resolve(p), resolve(src)
	if within(rp, site) {
		return site, true
	}
	if pub := resolve(filepath.Join(src, "public")); within(rp, pub) {
		return pub, true
	}
	for dir := site; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			if within(rp, dir) {
				return dir, true
			}
			break
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	return "", false
}

// loadSigningKey reads the private key at p (from --signing-key or
// MINHBACH_SIGNING_KEY). It returns nil for p == "", and nil after saying
// why on stderr when the key cannot be read.
func loadSigningKey(p string, stderr io.Writer) ed25519.PrivateKey {
	if p == "" {
		return nil
	}
	data, err := os.ReadFile(p)
	if err != nil {
		say(stderr, "minhbach build: cannot read the signing key: %v", err)
		return nil
	}
	key, err := proof.ParsePrivateKey(data)
	if err != nil {
		say(stderr, "minhbach build: %s is not a private key made by minhbach key new (Ed25519, PEM PKCS #8)", p)
		return nil
	}
	return key
}

// writeProof writes the manifest of everything dir received, and its
// signature when key is set, as the last files of the build: the file
// list is final once the build has succeeded and before Commit.
func writeProof(dir *output.Dir, fsys fs.FS, res *build.Result, built time.Time, key ed25519.PrivateKey) error {
	items, err := proof.Items(fsys, res.Site)
	if err != nil {
		return err
	}
	m := proof.Manifest{Format: proof.Format, Site: res.Config.BaseURL, Built: built.In(model.Zone).Format(time.RFC3339), Items: items}
	for _, s := range dir.Sums() {
		m.Files = append(m.Files, proof.File{Path: s.Path, Size: s.Size, SHA256: fmt.Sprintf("%x", s.SHA256)})
	}
	data := m.Marshal()
	if err := dir.PutExact(proof.ManifestPath, data); err != nil {
		return err
	}
	if key == nil {
		return nil
	}
	return dir.PutExact(proof.SignaturePath, proof.Sign(key, data))
}

// keyMatches reports whether key's public half is the one site.yaml
// publishes (true when either is missing): a signature made with another
// key could not be checked on the site.
func keyMatches(key ed25519.PrivateKey, site *config.Site) bool {
	if key == nil || site == nil || site.SigningKey == "" {
		return true
	}
	return proof.PublicKeyText(key.Public().(ed25519.PublicKey)) == site.SigningKey
}
