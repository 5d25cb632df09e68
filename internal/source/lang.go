package source

import (
	"path"
	"slices"
	"strings"
)

// Translations: a content file in a language other than Vietnamese is
// either X.<lang>.md beside its original X.md, or X.md in the parallel
// tree content/<lang>/<same folders>/. Either is a translation only when
// site.yaml declares the language; otherwise it is an ordinary file
// (X.en.md) or outside the known sections (content/en/…), as before
// languages existed.

// Translation reports whether the content path p is a translation in one
// of langs (the site's languages other than Vietnamese): it returns the
// language and the path the original would have ("content/pages/x.md").
func Translation(p string, langs []string) (lang, orig string, ok bool) {
	if len(langs) == 0 || path.Ext(p) != ".md" {
		return "", "", false
	}
	rest, found := strings.CutPrefix(p, ContentDir+"/")
	if !found {
		return "", "", false
	}
	if l, sub, cut := strings.Cut(rest, "/"); cut && slices.Contains(langs, l) {
		return l, ContentDir + "/" + sub, true
	}
	stem := strings.TrimSuffix(p, ".md")
	if ext := path.Ext(stem); len(ext) > 1 && slices.Contains(langs, ext[1:]) {
		return ext[1:], strings.TrimSuffix(stem, ext) + ".md", true
	}
	return "", "", false
}

// kindOfTree returns the section of a path in a language's parallel tree
// (content/en/pages/x.md → pages), or "".
func kindOfTree(rest string) Kind {
	l, sub, ok := strings.Cut(rest, "/")
	if !ok || len(l) != 2 || strings.ToLower(l) != l {
		return ""
	}
	for _, k := range Kinds {
		if strings.HasPrefix(sub, string(k)+"/") {
			return k
		}
	}
	return ""
}
