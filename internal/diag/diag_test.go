package diag_test

import (
	"testing"

	"minhbach/internal/diag"
)

func TestFormatSortsDedupesAndCaps(t *testing.T) {
	var l diag.List
	l.Errorf(diag.Pos{Path: "b.md", Line: 2, Col: 1}, "second")
	l.Warnf(diag.Pos{Path: "a.md", Line: 3}, "unknown key %q", "catgory")
	l.Errorf(diag.Pos{Path: "b.md", Line: 2, Col: 1}, "second")
	l.Errorf(diag.Pos{Path: "site.yaml"}, "no position")
	got := l.Format(0)
	want := "a.md:3: warning: unknown key \"catgory\"\nb.md:2:1: second\nsite.yaml: no position\n"
	if got != want {
		t.Errorf("Format(0) =\n%s\nwant\n%s", got, want)
	}
	if got := l.Format(1); got != "a.md:3: warning: unknown key \"catgory\"\n… and 2 more\n" {
		t.Errorf("Format(1) = %q", got)
	}
	if e, w := l.Count(); e != 3 || w != 1 {
		t.Errorf("Count() = %d, %d, want 3, 1", e, w)
	}
}

func TestLineColCountsRunes(t *testing.T) {
	src := []byte("a\nĐiều 1: x")
	line, col := diag.LineCol(src, len("a\nĐiều 1: "))
	if line != 2 || col != 9 {
		t.Errorf("LineCol = %d:%d, want 2:9", line, col)
	}
}
