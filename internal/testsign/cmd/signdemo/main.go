// Command signdemo digitally signs the demo site's gazette PDFs with a
// freshly made self-signed test certificate, so that the demo shows signed
// issues as a real portal does (Thông tư 02/2025/TT-VPCP) and builds
// without warnings:
//
//	go run ./internal/testsign/cmd/signdemo [-name NAME] [DIR]
//
// It signs every unsigned PDF under DIR (content/gazette by default) in
// place, as an incremental update, and leaves signed ones alone. The
// private key exists only in memory while it runs: it is never written
// anywhere, so nobody can sign with the demo certificate later. It is a
// development tool, not part of the minhbach command.
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"minhbach/internal/pdfsig"
	"minhbach/internal/testsign"
)

// zone is Vietnam's time zone, in which the signing time is written.
var zone = time.FixedZone("ICT", 7*3600)

func main() {
	name := flag.String("name", "Văn phòng UBND tỉnh Sơn Hà (chứng thư thử nghiệm)", "the certificate's subject common name (the signer shown on pages)")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: signdemo [-name NAME] [DIR]  (DIR defaults to content/gazette)")
		flag.PrintDefaults()
	}
	flag.Parse()
	dir := "content/gazette"
	if flag.NArg() > 1 {
		flag.Usage()
		os.Exit(2)
	} else if flag.NArg() == 1 {
		dir = flag.Arg(0)
	}
	if err := run(dir, *name, time.Now().In(zone)); err != nil {
		fmt.Fprintln(os.Stderr, "signdemo:", err)
		os.Exit(1)
	}
}

func run(dir, name string, now time.Time) error {
	s, err := testsign.New(name, now.Add(-time.Hour))
	if err != nil {
		return err
	}
	return filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.EqualFold(filepath.Ext(p), ".pdf") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if f, err := pdfsig.Read(data); err != nil || f.Signed() {
			fmt.Printf("skip %s: already signed or damaged (%v)\n", p, err)
			return nil
		}
		out, err := s.Sign(data, strings.TrimSuffix(name, " (chứng thư thử nghiệm)"), now)
		if err != nil {
			return fmt.Errorf("sign %s: %w", p, err)
		}
		if err := os.WriteFile(p, out, 0o644); err != nil {
			return err
		}
		fmt.Printf("signed %s (%d → %d bytes)\n", p, len(data), len(out))
		return nil
	})
}
