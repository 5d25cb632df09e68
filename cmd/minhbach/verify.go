package main

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"minhbach/internal/config"
	"minhbach/internal/diag"
	"minhbach/internal/output"
	"minhbach/internal/proof"
	"minhbach/internal/publog"
	"minhbach/internal/render"
)

// cmdVerify runs `minhbach verify URL|FOLDER`.
func cmdVerify(ctx context.Context, args []string, stdout, stderr io.Writer, now func() time.Time) int {
	fl := newFlags("verify", diag.Phrase("minhbach verify URL|FOLDER: check that a published site is what its signed manifest (/xac-thuc/manifest.json) lists:\nthe signature, then every file (or a random sample). Exit status 0 when all is well, 1 otherwise."), stderr)
	sample := fl.Int("sample", 0, "check only `N` files drawn at random (0: every file)")
	seed := fl.Int("seed", 0, "the `NUMBER` that draws the sample, to repeat a check (default: from the clock)")
	keyArg := fl.String("key", "", "the public `KEY` that checks the signature: a PEM file (khoa-cong-khai.pem) or the text of site.yaml's signing_public_key (default: site.yaml of --source)")
	src := fl.String("source", ".", "the site's `FOLDER`, whose site.yaml gives the public key when --key does not")
	// Flags may follow the target: minhbach verify https://… --sample 100.
	var target string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		target, args = args[0], args[1:]
	}
	if code := parseFlags(fl, args, stderr); code >= 0 {
		return code
	}
	if target == "" && fl.NArg() > 0 {
		target = fl.Arg(0)
	} else if fl.NArg() > 0 {
		say(stderr, "minhbach verify: unexpected argument %q", fl.Arg(0))
		return 2
	}
	if target == "" {
		say(stderr, "minhbach verify: name the site to check: its address (https://…) or the folder of a build (public)")
		return 2
	}
	if *seed <= 0 {
		*seed = int(now().UnixNano() % 1e9)
	}
	key, keyFrom, ok := verifyKey(*keyArg, *src, stderr)
	if !ok {
		return 2
	}

	opt := proof.CheckOptions{Key: key, Sample: *sample, Seed: uint64(*seed)}
	var rd proof.Reader
	remote := strings.HasPrefix(target, "http://") || strings.HasPrefix(target, "https://")
	if remote {
		u, err := url.Parse(target)
		if err != nil || u.Host == "" {
			say(stderr, "minhbach verify: %q is not a web address", target)
			return 2
		}
		if !strings.HasSuffix(u.Path, "/") {
			u.Path += "/"
		}
		rd = &httpReader{ctx: ctx, base: u, client: &http.Client{Timeout: 60 * time.Second}}
	} else {
		root, err := os.OpenRoot(target)
		if err != nil {
			say(stderr, "minhbach verify: cannot open the folder %s: %v", target, err)
			return 1
		}
		defer root.Close()
		rd = dirReader{root}
		opt.List = func() ([]string, error) { return listFiles(target) }
		opt.Workers = 4
	}
	rep, err := proof.Check(ctx, rd, opt)
	if errors.Is(err, fs.ErrNotExist) {
		say(stderr, "minhbach verify: %s has no manifest %s: was it built by minhbach 0.1 or later?", target, "/"+proof.ManifestPath)
		return 1
	}
	if err != nil {
		say(stderr, "minhbach verify: %v", err)
		return 1
	}
	m := rep.Manifest
	say(stdout, "manifest: site %s, built %s, %d files, %d content items", m.Site, m.Built, len(m.Files), len(m.Items))
	switch {
	case !rep.Signed:
		say(stdout, "signature: none: the manifest is not signed, so it proves nothing about who published it")
	case key == nil:
		say(stdout, "signature: not checked: no public key (give --key khoa-cong-khai.pem, or --source with a site.yaml that has signing_public_key)")
	case rep.Valid:
		say(stdout, "signature: valid, by the key of fingerprint %s (%s)", proof.Fingerprint(key), keyFrom)
	default:
		say(stdout, "signature: NOT VALID: the manifest was changed after signing, or signed with another key than the one of fingerprint %s (%s)", proof.Fingerprint(key), keyFrom)
	}
	const most = 50
	for _, p := range rep.Missing[:min(len(rep.Missing), most)] {
		say(stdout, "missing: %s", p)
	}
	for _, p := range rep.Changed[:min(len(rep.Changed), most)] {
		say(stdout, "changed: %s", p)
	}
	for _, p := range rep.Extra[:min(len(rep.Extra), most)] {
		say(stdout, "not in the manifest: %s", p)
	}
	if n := max(len(rep.Missing), len(rep.Changed), len(rep.Extra)); n > most {
		say(stdout, "(at most %d files of each kind are named)", most)
	}
	if rep.Checked < len(m.Files) {
		say(stdout, "checked a random sample of %d of %d files (repeat it with --seed %d)", rep.Checked, len(m.Files), *seed)
	}
	if remote {
		say(stdout, "over the web, files published but missing from the manifest cannot be seen: check the folder to find them")
	}
	logOK := true
	if data, err := rd.ReadFile(render.LogJSON); err == nil {
		entries, err := publog.ParseJSON(data)
		var ce *publog.ChainError
		switch {
		case errors.As(err, &ce):
			logOK = false
			say(stdout, "publication log: %s", ce.Message().In(lang))
		case err != nil:
			logOK = false
			say(stdout, "publication log: %v", err)
		default:
			say(stdout, "publication log: %d entries, each chained to the one before", len(entries))
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		say(stderr, "minhbach verify: %v", err)
		return 1
	}
	if rep.OK() && logOK {
		say(stdout, "minhbach verify: all is well: %d files checked match the signed manifest", rep.Checked)
		return 0
	}
	if !logOK && rep.OK() {
		say(stdout, "minhbach verify: NOT VERIFIED: the publication log was altered")
		return 1
	}
	say(stdout, "minhbach verify: NOT VERIFIED: %d missing, %d changed, %d not in the manifest, of %d files checked", len(rep.Missing), len(rep.Changed), len(rep.Extra), rep.Checked)
	return 1
}

// verifyKey finds the public key: --key (a PEM file or the key's text),
// else site.yaml in src. It returns nil without a key, and false after
// saying why a key given is unusable.
func verifyKey(arg, src string, stderr io.Writer) (ed25519.PublicKey, string, bool) {
	if arg != "" {
		text, from := arg, "--key"
		if data, err := os.ReadFile(arg); err == nil {
			text, from = string(data), arg
		}
		k, err := proof.ParsePublicKey(text)
		if err != nil {
			say(stderr, "minhbach verify: --key %s is not an Ed25519 public key (a PEM file such as khoa-cong-khai.pem, or site.yaml's signing_public_key): %v", arg, err)
			return nil, "", false
		}
		return k, from, true
	}
	p := filepath.Join(src, config.File)
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, "", true
	}
	site, d := config.Load(data)
	if site.SigningKey == "" {
		if d.HasErrors() {
			fmt.Fprint(stderr, d.FormatIn(lang, 5))
			return nil, "", false
		}
		return nil, "", true
	}
	k, _ := proof.ParsePublicKey(site.SigningKey)
	return k, p, true
}

// dirReader reads a built site from its folder, never outside it.
type dirReader struct{ root *os.Root }

func (d dirReader) ReadFile(p string) ([]byte, error) {
	if err := output.CheckPath(p); err != nil {
		return nil, fmt.Errorf("the manifest lists an unsafe path: %w", err)
	}
	return d.root.ReadFile(p)
}

// listFiles returns every file under dir, slash-separated.
func listFiles(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	return out, err
}

// httpReader reads a published site over HTTP(S).
type httpReader struct {
	ctx    context.Context
	base   *url.URL
	client *http.Client
}

func (h *httpReader) ReadFile(p string) ([]byte, error) {
	if err := output.CheckPath(p); err != nil {
		return nil, fmt.Errorf("the manifest lists an unsafe path: %w", err)
	}
	u := h.base.JoinPath(p)
	req, err := http.NewRequestWithContext(h.ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	resp, err := h.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusGone:
		return nil, fmt.Errorf("GET %s: %s: %w", u, resp.Status, fs.ErrNotExist)
	case resp.StatusCode != http.StatusOK:
		return nil, fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	return io.ReadAll(resp.Body)
}
