package serve

import (
	"testing"

	"minhbach/internal/proof"
)

// TestManifest: the preview serves the manifest a build would write,
// unsigned, listing every file it serves with its hash.
func TestManifest(t *testing.T) {
	dir, _ := site(t, 5)
	base, s := start(t, dir)
	code, body := get(t, base+"/"+proof.ManifestPath)
	if code != 200 {
		t.Fatalf("GET manifest: %d", code)
	}
	m, err := proof.Parse([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	s.mu.RLock()
	files := s.files
	s.mu.RUnlock()
	if len(m.Files) != len(files) || len(m.Items) == 0 {
		t.Errorf("manifest lists %d files and %d items; the preview serves %d files", len(m.Files), len(m.Items), len(files))
	}
	for _, f := range m.Files {
		if proof.SumHex(files[f.Path]) != f.SHA256 {
			t.Errorf("%s: manifest hash differs from the served file", f.Path)
		}
	}
	if code, _ := get(t, base+"/"+proof.SignaturePath); code != 404 {
		t.Errorf("the preview serves a signature (%d)", code)
	}
}
