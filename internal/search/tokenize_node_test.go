package search_test

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"minhbach/internal/search"
	"minhbach/internal/vnfold"
)

// TestClientTokenize checks that the search client tokenizes as
// search.Tokenize does, so that a query finds what the index holds: the
// words of vnfold's i/y table (testdata/iy.json there), each alone and
// in a phrase, and texts with numbers, codes and mixed case; and, with
// the English analyzer, the same texts and English ones with apostrophes.
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
		// Letters that fold to an initial, marks that begin a word or follow a joiner.
		"ȐY, ñy, Ḱy", "\u0610.0, 0.\u0610, a.\u0610b, \u0301a",
	}
	for _, p := range append(tab.Same, tab.Apart...) {
		texts = append(texts, p[0], p[1], "thủ tục "+p[0]+" "+p[1]+"-"+p[0])
	}
	clientAlike(t, node, "", texts)
	// The English analyzer, on the same texts and on English ones.
	english := slices.Concat(texts, []string{"People's Committee of Sơn Hà Province", "Vietnam’s investors don't wait; O'Brien's",
		"by my try, Ký Sỹ quí", "'quoted' words' ends", "93/KH-UBND's plan", "rock 'n' roll", "l'\u0301a", "x''y", "a'-b"})
	clientAlike(t, node, search.LangEN, english)
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

// clientAlike requires the client, under Node, to tokenize each of texts
// as search.TokenizeLang(lang) does.
func clientAlike(t *testing.T, node, lang string, texts []string) {
	t.Helper()
	in, _ := json.Marshal(texts)
	cmd := exec.Command(node, "testdata/tokens.cjs", "../../assets/js/search.js", "--lang="+lang)
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
		want := search.TokenizeLang(lang, vnfold.NFC(s))
		if !slices.Equal(got[i], want) {
			t.Errorf("lang %q, %q: the client gives %+v, search.TokenizeLang %+v", lang, s, got[i], want)
		}
	}
}

// TestTokenizeCorpus feeds a varied corpus to the Go tokenizer and to the
// client's under Node, and requires identical tokens: the strings of
// testdata/tokenize-corpus.txt (Vietnamese with and without diacritics,
// English, numbers, codes, URLs, program text, other scripts, NFD), the
// fuzz test's seeds and every line of the demo's content. The client's
// highlighter walks text as its tokenizer does: given every token of a
// line to mark, the pieces it marks must tokenize, in Go, to the line's
// tokens.
func TestTokenizeCorpus(t *testing.T) {
	node := needNode(t)
	data, err := os.ReadFile("testdata/tokenize-corpus.txt")
	if err != nil {
		t.Fatal(err)
	}
	// The file spells combining marks as \uXXXX escapes (NFD text).
	text := strings.NewReplacer(`\u0309`, "\u0309", `\u0323`, "\u0323").Replace(strings.TrimSpace(string(data)))
	corpus := append(strings.Split(text, "\n"), text, "Thủ tục đất đai", "93/KH-UBND", "1.004227", "a/-b", "Đ.Đ/1", "ờ-ở/1.ỡ",
		"Thu\u0309 tu\u0323c ky\u0301")
	demo := 0
	err = filepath.WalkDir("../../content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.Contains(".md .csv .yaml .json .txt", filepath.Ext(p)) || filepath.Ext(p) == "" {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, l := range strings.Split(string(data), "\n") {
			if strings.TrimSpace(l) != "" {
				corpus = append(corpus, l)
				demo++
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if demo < 500 {
		t.Fatalf("%d lines of demo content, want hundreds: the test reads the wrong folder", demo)
	}
	for _, lang := range []string{"", search.LangEN} {
		t.Run("lang="+lang, func(t *testing.T) { corpusAlike(t, node, lang, corpus) })
	}
	t.Logf("%d strings (%d lines of demo content) tokenized alike", len(corpus), demo)
}

// corpusAlike requires the client, under Node, to tokenize and highlight
// every string of corpus as search.TokenizeLang(lang) does.
func corpusAlike(t *testing.T, node, lang string, corpus []string) {
	var marks [][]string
	for _, s := range corpus {
		var m []string
		for _, tok := range search.TokenizeLang(lang, vnfold.NFC(s)) {
			m = append(m, tok.Folded)
		}
		marks = append(marks, m)
	}
	in, _ := json.Marshal(map[string]any{"texts": corpus, "marks": marks})
	cmd := exec.Command(node, "testdata/tokens.cjs", "../../assets/js/search.js", "marked", "--lang="+lang)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	var got []struct {
		Tokens []search.Token `json:"tokens"`
		Marked []string       `json:"marked"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	bad := 0
	for i, s := range corpus {
		want := search.TokenizeLang(lang, vnfold.NFC(s))
		if !slices.Equal(got[i].Tokens, want) {
			t.Errorf("%.200q: the client gives %.300v, search.Tokenize %.300v", s, got[i].Tokens, want)
			bad++
		}
		var hl []search.Token
		for _, piece := range got[i].Marked {
			hl = append(hl, search.TokenizeLang(lang, piece)...)
		}
		if !slices.Equal(hl, want) {
			t.Errorf("%.200q: the highlighter marks %.300q, which tokenize to %.300v, want %.300v", s, got[i].Marked, hl, want)
			bad++
		}
		if bad > 10 {
			t.Fatal("too many differences")
		}
	}
}
