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
