package build

import (
	"minhbach/internal/model"
	"minhbach/internal/render"
	"minhbach/internal/search"
)

// SearchDocs lists every page the search index holds, with the labels
// of their results (render.SearchDocs makes them, as it makes pages).
func SearchDocs(s *model.Site) []search.Doc { return render.SearchDocs(s) }
