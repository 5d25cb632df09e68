package build_test

import (
	"testing"

	"minhbach/internal/sitetest"
)

func TestSites(t *testing.T) {
	sitetest.Run(t, "testdata/sites/*.txtar")
}
