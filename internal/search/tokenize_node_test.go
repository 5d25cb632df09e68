package search_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"slices"
	"testing"

	"minhbach/internal/search"
	"minhbach/internal/vnfold"
)

// TestClientTokenize checks that the search client tokenizes as
// search.Tokenize does, so that a query finds what the index holds: the
// words of vnfold's i/y table (testdata/iy.json there), each alone and
// in a phrase, and texts with numbers, codes and mixed case.
func TestClientTokenize(t *testing.T) {
	node := needNode(t)
	data, err := os.ReadFile("../vnfold/testdata/iy.json")
	if err != nil {
		t.Fatal(err)
	}
	var tab struct{ Same, Apart [][2]string }
	if err := json.Unmarshal(data, &tab); err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"Đăng ký kết hôn", "dang ki ket hon", "ĐĂNG KÝ KHAI SINH", "Quỹ hỗ trợ, quĩ, QUÍ, quý I/2026",
		"Công ty TNHH, công ti; y tế, ý kiến, ỷ lại, ì ạch", "Thủy lợi, thuỷ, tuy nhiên, tui, huy động, hụi, khuya, yêu cầu",
		"Kế hoạch số 93/KH-UBND ngày 09/5/2018", "mã 1.004227; Nghị quyết 18-NQ/TW", "kinh-tế, xã hội… (v.v.)",
		"Thu\u0309 tu\u0323c ky\u0301", // NFD
	}
	for _, p := range append(tab.Same, tab.Apart...) {
		texts = append(texts, p[0], p[1], "thủ tục "+p[0]+" "+p[1]+"-"+p[0])
	}
	in, _ := json.Marshal(texts)
	cmd := exec.Command(node, "testdata/tokens.cjs", "../../assets/js/search.js")
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	var got [][]search.Token
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	for i, s := range texts {
		want := search.Tokenize(vnfold.NFC(s))
		if !slices.Equal(got[i], want) {
			t.Errorf("%q: the client gives %+v, search.Tokenize %+v", s, got[i], want)
		}
	}
	// The table's pairs: one word or two, in the client as in Go.
	for _, p := range tab.Same {
		a, b := search.Tokenize(p[0]), search.Tokenize(p[1])
		if len(a) != 1 || len(b) != 1 || a[0] != b[0] {
			t.Errorf("%q and %q tokenize to %+v and %+v, want one token", p[0], p[1], a, b)
		}
	}
	for _, p := range tab.Apart {
		a, b := search.Tokenize(p[0]), search.Tokenize(p[1])
		if len(a) == 1 && len(b) == 1 && a[0] == b[0] {
			t.Errorf("%q and %q both tokenize to %+v", p[0], p[1], a[0])
		}
	}
}
