package urls

import (
	"strings"
	"testing"
)

// TestRoots checks that every root begins and ends with '/' and that no
// two sections share one.
func TestRoots(t *testing.T) {
	roots := []string{News, Gazette, Document, Procedure, Form, Statistics, Consultation, Budget, Project, Proof, Log, Search}
	seen := map[string]bool{}
	for _, r := range roots {
		if !strings.HasPrefix(r, "/") || !strings.HasSuffix(r, "/") || len(r) < 3 {
			t.Errorf("root %q must begin and end with '/'", r)
		}
		if seen[r] {
			t.Errorf("root %q is given twice", r)
		}
		seen[r] = true
	}
}

// TestEnglishSections checks the URL table of the English edition.
func TestEnglishSections(t *testing.T) {
	for vi, en := range map[string]string{"/": "/en/", News: "/en/news/", Document: "/en/documents/", Procedure: "/en/procedures/", Search: "/en/search/"} {
		if got, ok := Section("en", vi); !ok || got != en {
			t.Errorf("Section(en, %s) = %q, %v; want %s", vi, got, ok, en)
		}
		if got, ok := Section("vi", vi); !ok || got != vi {
			t.Errorf("Section(vi, %s) = %q, %v", vi, got, ok)
		}
	}
	if _, ok := Section("en", Gazette); ok {
		t.Errorf("the gazette has an English section")
	}
	if Home("") != "/" || Home("en") != "/en/" {
		t.Errorf("Home = %q, %q", Home(""), Home("en"))
	}
	if got := strings.Join(ReservedIn("en"), ","); got != "documents,news,procedures,search" {
		t.Errorf("ReservedIn(en) = %s", got)
	}
}
