package render

import (
	"os"
	"testing"

	"minhbach/internal/tmplexec"
)

// TestMain runs the package's tests with every page that tmplexec runs
// also executed by html/template and compared byte for byte.
func TestMain(m *testing.M) {
	tmplexec.Verify.Store(true)
	os.Exit(m.Run())
}
