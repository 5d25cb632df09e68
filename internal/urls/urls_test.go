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
