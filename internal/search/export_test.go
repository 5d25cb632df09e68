package search

// TokenizeTwice tokenizes s twice with one remembering tokenizer and
// returns the second result, which comes from its memory.
func TokenizeTwice(s string) []Token {
	z := &tokenizer{}
	z.tokenize(s, nil)
	return z.tokenize(s, nil)
}

// TokenizeTwiceLang is TokenizeTwice with lang's analyzer.
func TokenizeTwiceLang(lang, s string) []Token {
	z := &tokenizer{english: !vietnamese(lang)}
	z.tokenize(s, nil)
	return z.tokenize(s, nil)
}

// FormatSpec is formatSpec, for TestFormatPositions.
var FormatSpec = formatSpec

// SpilledSegments returns how many segments of postings Build put in
// its spill file for docs with opt: 0 when it kept them all in memory.
func SpilledSegments(docs []Doc, opt Options) int {
	n := 0
	spilled = func() { n++ }
	defer func() { spilled = func() {} }()
	if _, err := Build(docs, opt, func(string, []byte) error { return nil }); err != nil {
		panic(err)
	}
	return n
}
