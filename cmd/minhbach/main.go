// Command minhbach builds the static portal of a Vietnamese provincial
// People's Committee Office from Markdown and catalogue files.
//
//	minhbach build   [--source DIR] [--destination DIR] [--base-url URL] [--drafts] [--build-date DATE] [--gzip]
//	minhbach check   [--source DIR] [--drafts] [--build-date DATE]
//	minhbach serve   [--source DIR] [--port 1313] [--bind 127.0.0.1] [--drafts]
//	minhbach new     news|page "Tiêu đề" [--source DIR] [--category NAME]
//	minhbach new     issue 2026/50 [--date dd/mm/yyyy]
//	minhbach new     document "62/2026/QĐ-UBND" [--issue 2026/50] [--type "Quyết định"] [--field dat-dai]
//	minhbach new     procedure 1.000894 [--field dat-dai]
//	minhbach deploy  [--source DIR] [--public DIR] [--target URL] [--dry-run] [--max-deletes N] [--force]
//	minhbach version
package main

import (
	"cmp"
	"context"
	"crypto/ed25519"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"minhbach"
	"minhbach/internal/build"
	"minhbach/internal/diag"
	"minhbach/internal/disclose"
	"minhbach/internal/meta"
	"minhbach/internal/model"
	"minhbach/internal/output"
	"minhbach/internal/proof"
	"minhbach/internal/render"
	"minhbach/internal/serve"
	"minhbach/internal/tmplexec"
	"minhbach/internal/wholefile"
)

// version is set at link time (-ldflags "-X main.version=…").
var version = "0.1.0-dev"

// lang is the language of every message: Vietnamese, unless the
// environment variable MINHBACH_LANG says "en" (for developers).
var lang = diag.Vietnamese

// usage returns the help of the whole command, in lang.
func usage() string {
	return lang.Sprintf(`minhbach: a static site generator for the portal of a provincial People's Committee Office.

Usage:
  minhbach build    build the site into public/
  minhbach check    check the content and report every problem; write nothing
  minhbach serve    preview the site at http://127.0.0.1:1313/, rebuilt on every save
  minhbach new      create a news item, page, gazette issue, document or procedure:
                    minhbach new news "Tiêu đề", minhbach new issue 2026/50,
                    minhbach new document "62/2026/QĐ-UBND", minhbach new procedure 1.000894
  minhbach deploy   publish public/ to an S3 bucket or a folder (run build first)
  minhbach key new  make the key pair that signs the manifest of every build
  minhbach verify   check a published site (URL or folder) against its signed manifest
  minhbach log append  record in the publication log that the build was published
  minhbach version  print the version
  minhbach help CMD show the options of a command

Messages are in Vietnamese; MINHBACH_LANG=en shows them in English.
Exit status: 0 on success (warnings allowed), 1 when the content has errors, 2 on bad usage.
`) + "\n"
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	lang = diag.ParseLang(os.Getenv("MINHBACH_LANG"))
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr, time.Now))
}

// say prints one line of the catalogue's message format with args, in lang.
func say(w io.Writer, format string, args ...any) {
	fmt.Fprintln(w, lang.Sprintf(format, args...))
}

// run is main without the process: it returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, now func() time.Time) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage())
		return 2
	}
	// MINHBACH_TEMPLATES=html executes the layouts with html/template
	// alone (README: a way round, should tmplexec ever print a page
	// differently).
	tmplexec.Off.Store(os.Getenv("MINHBACH_TEMPLATES") == "html")
	cmd, args := args[0], args[1:]
	switch cmd {
	case "build":
		return cmdBuild(ctx, args, stdout, stderr, now, false)
	case "check":
		return cmdBuild(ctx, args, stdout, stderr, now, true)
	case "serve":
		return cmdServe(ctx, args, stdout, stderr, now)
	case "new":
		return cmdNew(args, stdout, stderr, now)
	case "deploy":
		return cmdDeploy(ctx, args, stdout, stderr, now)
	case "key":
		return cmdKey(args, stdout, stderr)
	case "verify":
		return cmdVerify(ctx, args, stdout, stderr, now)
	case "log":
		return cmdLog(args, stdout, stderr, now)
	case "version", "--version":
		fmt.Fprintln(stdout, versionString())
		return 0
	case "help", "-h", "--help":
		if len(args) == 1 {
			return run(ctx, []string{args[0], "-h"}, stdout, stderr, now)
		}
		fmt.Fprint(stdout, usage())
		return 0
	}
	say(stderr, "minhbach: unknown command %q", cmd)
	fmt.Fprint(stderr, "\n"+usage())
	return 2
}

func versionString() string {
	v := "minhbach " + version
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += " (" + s.Value[:12] + ")"
			}
		}
	}
	return v + " " + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH
}

// newFlags returns the flag set of a command whose help begins with
// summary (a message of the catalogue, shown in lang).
func newFlags(name string, summary diag.Phrase, stderr io.Writer) *flag.FlagSet {
	fl := flag.NewFlagSet(name, flag.ContinueOnError)
	fl.SetOutput(io.Discard) // parse errors are printed in lang by parseFlags
	fl.Usage = func() {
		fmt.Fprintf(stderr, "%s\n\n%s\n", lang.Text(summary), lang.Sprintf("Options:"))
		fl.VisitAll(func(f *flag.Flag) {
			arg, help := flag.UnquoteUsage(f)
			line := "  --" + f.Name
			if arg != "" {
				line += " " + lang.Text(diag.Phrase(arg))
			}
			help = lang.Text(diag.Phrase(help))
			if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
				help += " " + lang.Sprintf("(default %s)", f.DefValue)
			}
			fmt.Fprintf(stderr, "%s\n      %s\n", line, help)
		})
	}
	return fl
}

// parseFlags parses args and reports, in lang, what is wrong with them. It
// returns the exit status to end with (0 after -h), or -1 to go on.
func parseFlags(fl *flag.FlagSet, args []string, stderr io.Writer) int {
	err := fl.Parse(args)
	switch {
	case err == nil:
		return -1
	case errors.Is(err, flag.ErrHelp):
		return 0
	}
	msg := err.Error()
	if f, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		say(stderr, "minhbach %s: there is no option %s (see minhbach help %s)", fl.Name(), f, fl.Name())
	} else if f, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		say(stderr, "minhbach %s: the option %s needs a value", fl.Name(), f)
	} else {
		say(stderr, "minhbach %s: bad option: %v", fl.Name(), err)
	}
	return 2
}

func cmdBuild(ctx context.Context, args []string, stdout, stderr io.Writer, now func() time.Time, checkOnly bool) int {
	name, summary := "build", diag.Phrase("minhbach build: check the site and write it to the destination folder.\nThe previous output stays untouched unless the whole build succeeds.")
	if checkOnly {
		name, summary = "check", diag.Phrase("minhbach check: check the site and report every problem; write nothing.")
	}
	fl := newFlags(name, summary, stderr)
	src := fl.String("source", ".", "the site's `FOLDER` (with site.yaml, content/, layouts/, assets/)")
	dest := fl.String("destination", "", "output `FOLDER` (default: public/ inside --source)")
	baseURL := fl.String("base-url", "", "the `URL` the site is served from, replacing site.yaml's base_url")
	drafts := fl.Bool("drafts", false, "include news marked draft: true")
	buildDate := fl.String("build-date", "", "decide what is published (publish_date, expiry_date) and the legal status as of this `DATE` (dd/mm/yyyy or yyyy-mm-dd) instead of today")
	gz := fl.Bool("gzip", false, "also write a precompressed .gz beside each text file (for nginx gzip_static)")
	noMinify := fl.Bool("no-minify", false, "write HTML, CSS, JS, XML and JSON unminified")
	var signing *string
	var congKhai *bool
	if checkOnly {
		congKhai = fl.Bool("cong-khai", false, "also list every problem of the disclosure catalogue (content/cong-khai.yaml): required information with no content or nothing new in time, documents published after the deadline; exit status 1 when there is any")
	} else {
		signing = fl.String("signing-key", "", "the private key `FILE` that signs the manifest /xac-thuc/manifest.json (default: the file named by MINHBACH_SIGNING_KEY)")
	}
	if code := parseFlags(fl, args, stderr); code >= 0 {
		return code
	}
	if fl.NArg() > 0 {
		say(stderr, "minhbach %s: unexpected argument %q", name, fl.Arg(0))
		return 2
	}
	when := now()
	if *buildDate != "" {
		t, err := meta.ParseDate(*buildDate)
		if err != nil {
			say(stderr, "minhbach %s: %s", name, err.(*meta.DateError).Message("--build-date"))
			return 2
		}
		when = t
	}
	if *dest == "" {
		*dest = filepath.Join(*src, "public")
	}
	var key ed25519.PrivateKey
	if !checkOnly {
		p := cmp.Or(*signing, os.Getenv(signingKeyEnv))
		if key = loadSigningKey(p, stderr); key == nil && p != "" {
			return 1
		}
		if where, ok := insideSite(p, *src); key != nil && ok {
			say(stderr, "minhbach build: warning: the private key %s is inside %s: move it out of the site, where it could be published or committed", p, where)
		}
	}
	defer limitMemory()()
	start := time.Now()
	prog, stderr, stopProgress := startProgress(stderr)
	defer stopProgress()
	pictures, closePictures := openPictures(*src, stderr, checkOnly)
	defer closePictures()
	opt := build.Options{Source: wholefile.DirFS(*src), Theme: minhbach.Theme, Now: when, Drafts: *drafts, BaseURL: *baseURL, NoMinify: *noMinify,
		Pictures: pictures, Progress: prog}

	var sink output.Sink
	var dir *output.Dir
	if checkOnly {
		sink = discard{}
	} else {
		var err error
		if dir, err = output.NewDir(*dest, *gz); err != nil {
			say(stderr, "minhbach: %v", err)
			return 1
		}
		sink = dir
	}
	res, err := build.Build(ctx, opt, sink)
	stopProgress()
	fmt.Fprint(stderr, res.Diags.FormatIn(lang, 50))
	errs, warns := res.Diags.Count()
	if err != nil || errs > 0 {
		if dir != nil {
			_ = dir.Abort()
		}
		if err != nil {
			say(stderr, "minhbach: %v", err)
		}
		if errs > 0 {
			if checkOnly {
				say(stderr, "minhbach: %d errors, %d warnings: nothing written", errs, warns)
			} else {
				say(stderr, "minhbach: %d errors, %d warnings: nothing written (%s is unchanged)", errs, warns, *dest)
			}
		}
		return 1
	}
	secs := time.Since(start).Seconds()
	if checkOnly {
		say(stdout, "minhbach check: %d pages, 0 errors, %d warnings%s in %.2f s", res.Pages, warns, withheld(res.Withheld), secs)
		nextChange(stdout, res.Site)
		nextConsultation(stdout, res.Site)
		if *congKhai && res.Disclosure != nil {
			fmt.Fprint(stdout, res.Disclosure.Diags.FormatIn(lang, 0))
		}
		disclosureLine(stdout, res)
		requiredLine(stdout, res)
		if *congKhai && (res.Disclosure == nil || res.Disclosure.Count() > 0) {
			return 1
		}
		return 0
	}
	if !keyMatches(key, res.Config) {
		_ = dir.Abort()
		say(stderr, "minhbach build: the signing key does not match site.yaml's signing_public_key: the signature could not be checked with the published key; sign with the key that minhbach key new made with this public key")
		say(stderr, "minhbach: nothing written (%s is unchanged)", *dest)
		return 1
	}
	if err := writeProof(dir, wholefile.DirFS(*src), res, when, key); err != nil {
		_ = dir.Abort()
		say(stderr, "minhbach: %v", err)
		say(stderr, "minhbach: nothing written (%s is unchanged)", *dest)
		return 1
	}
	if err := dir.Commit(); err != nil {
		say(stderr, "minhbach: %v", err)
		return 1
	}
	st := dir.Stats()
	secs = time.Since(start).Seconds()
	say(stdout, "minhbach build: %d pages, %d files, %d bytes, %d warnings%s in %.2f s → %s",
		res.Pages, st.Files, st.Bytes, warns, withheld(res.Withheld), secs, *dest)
	// On stdout, after the summary: it is the state of the build, not a
	// problem of the content.
	if key == nil {
		say(stdout, "minhbach build: warning: no signing key (--signing-key or MINHBACH_SIGNING_KEY): the manifest %s is written unsigned, so no one can prove the files came from the office (see minhbach key new)", "/"+proof.ManifestPath)
	}
	nextChange(stdout, res.Site)
	nextConsultation(stdout, res.Site)
	disclosureLine(stdout, res)
	requiredLine(stdout, res)
	return 0
}

// requiredLine prints the line that sums up the check of the pages the
// law requires in English (internal/required), whose warnings name each
// page; nothing for a site in one language.
func requiredLine(w io.Writer, res *build.Result) {
	f := res.Required
	switch {
	case f == nil:
	case f.Count() == 0:
		say(w, "translations the law requires (%s): %d pages declare required_en, all translated and up to date", strings.Join(f.Langs, ", "), f.Pages)
	default:
		say(w, "translations the law requires (%s): %d missing or out of date: %d kinds of information no page declares, %d pages without translation, %d translations older than their original (the warnings above list them)",
			strings.Join(f.Langs, ", "), f.Count(), f.Undeclared, f.Untranslated, f.Stale)
	}
}

// disclosureLine prints the one line that sums up the check of the
// disclosure catalogue (see minhbach check --cong-khai).
func disclosureLine(w io.Writer, res *build.Result) {
	f := res.Disclosure
	switch {
	case f == nil:
		say(w, "disclosure: no %s, so no catalogue of the information to publish (see docs/huong-dan-cong-khai.md)", disclose.File)
	case f.Count() == 0:
		say(w, "disclosure: %d categories, all with content and up to date; no document published late", len(res.PublicList.Categories))
	default:
		say(w, "disclosure: %d categories: %d without content, %d not updated in time, %d pages not found; %d documents published late (minhbach check --cong-khai lists them)",
			len(res.PublicList.Categories), f.Empty, f.Stale, f.Pages, f.Late)
	}
}

// nextChange prints the line that tells when the legal status of a
// gazette document next changes and why, since the pages show the status
// as of the build: "Hiệu lực thay đổi tiếp theo: ngày 05/12/2026
// (62/2026/QĐ-UBND có hiệu lực) — hãy tạo lại trang vào ngày đó". It
// prints nothing for a site without documents.
func nextChange(w io.Writer, s *model.Site) {
	if s == nil || len(s.Gazette.Documents) == 0 {
		return
	}
	g := &s.Gazette
	if len(g.Next) == 0 {
		say(w, "next change of legal status: none known after %s (no document takes effect, ends or is changed later)", render.LegalDate(g.AsOf))
		return
	}
	var causes []string
	for _, c := range g.Next[:min(3, len(g.Next))] {
		causes = append(causes, cause(c).In(lang))
	}
	if n := len(g.Next) - 3; n > 0 {
		causes = append(causes, lang.Sprintf("and %d more changes", n))
	}
	say(w, "next change of legal status: %s (%s): rebuild the site on that day", render.LegalDate(g.Next[0].Date), strings.Join(causes, "; "))
}

// cause says what changes a document's status: "62/2026/QĐ-UBND takes
// effect", "Khoản 3 Điều 2 of 10/2025/QĐ-UBND is repealed by
// 62/2026/QĐ-UBND".
func cause(c model.StatusChange) diag.Message {
	switch {
	case c.By == nil && c.Date.Equal(c.Doc.Effective):
		return diag.Msgf("%s takes effect", c.Doc.Number)
	case c.By == nil:
		return diag.Msgf("%s reaches the end of its term", c.Doc.Number)
	}
	var subject any = c.Doc.Number
	if c.Scope != "" {
		subject = diag.Msgf("%s of %s", c.Scope, c.Doc.Number)
	}
	switch c.Kind {
	case model.Replaces:
		return diag.Msgf("%s is replaced by %s", subject, c.By.Number)
	case model.Suspends:
		return diag.Msgf("%s is suspended by %s", subject, c.By.Number)
	}
	return diag.Msgf("%s is repealed by %s", subject, c.By.Number)
}

// discard is the sink of `check`: it checks output paths and keeps nothing.
type discard struct{}

func (discard) Put(p string, _ []byte) error { return output.CheckPath(p) }

func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer, now func() time.Time) int {
	fl := newFlags("serve", diag.Phrase("minhbach serve: build the site in memory and serve it for preview, rebuilding on every save\n(public/ is never touched). Stop with Ctrl-C."), stderr)
	src := fl.String("source", ".", "the site's `FOLDER` (with site.yaml, content/, layouts/, assets/)")
	port := fl.Int("port", 1313, "the `PORT` to listen on (0: any free port)")
	bind := fl.String("bind", "127.0.0.1", "the `ADDRESS` to listen on (0.0.0.0 shows the preview to the whole network)")
	drafts := fl.Bool("drafts", false, "include news marked draft: true")
	if code := parseFlags(fl, args, stderr); code >= 0 {
		return code
	}
	if fl.NArg() > 0 {
		say(stderr, "minhbach serve: unexpected argument %q", fl.Arg(0))
		return 2
	}
	if *port == 0 {
		*port = -1
	}
	prog, stderr, stopProgress := startProgress(stderr)
	defer stopProgress()
	pictures, closePictures := openPictures(*src, stderr, false)
	defer closePictures()
	opt := serve.Options{Dir: *src, Theme: minhbach.Theme, Bind: *bind, Port: *port, Drafts: *drafts, Now: now(), Log: stderr, Lang: lang,
		Pictures: pictures, Progress: prog}
	err := serve.Run(ctx, opt, func(url string) {
		say(stdout, "minhbach serve: preview at %s (Ctrl-C to stop)", url)
	})
	if err != nil {
		say(stderr, "minhbach serve: %v", err)
		return 1
	}
	return 0
}
