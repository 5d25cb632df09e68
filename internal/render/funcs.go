package render

import (
	"fmt"
	"html/template"
	"net/url"
	"path"
	"strings"
	"time"

	"minhbach/internal/i18n"
	"minhbach/internal/model"
	"minhbach/internal/vnfold"
)

// vi writes dates and numbers the Vietnamese way for the Go side
// (summaries, feeds, JSON-LD); layouts use their language's functions.
var vi = i18n.New("vi", nil)

// LongDate formats t as Vietnamese administrative documents write dates:
// "ngày 08 tháng 8 năm 2018".
func LongDate(t time.Time) string { return vi.LongDate(t) }

// DayDate formats t as news bylines do: "Thứ Ba, ngày 02/8/2022".
func DayDate(t time.Time) string { return vi.DayDate(t) }

// ShortDate formats t as "02/8/2022".
func ShortDate(t time.Time) string { return vi.ShortDate(t) }

// SignedAt formats the time of a digital signature as "08:05 24/06/2026",
// in Vietnam's time zone.
func SignedAt(t time.Time) string { return vi.SignedAt(t) }

// srcset lists a picture's smaller copies and the picture itself with
// their widths ("/a-320.jpg 320w, /a.jpg 800w"), or "" when it has no
// copies.
func (r *Renderer) srcset(img *model.Image) string {
	if img == nil || len(img.Variants) == 0 {
		return ""
	}
	return r.srcsetOf(img.Variants, r.relURL(img.URL), img.Width)
}

// srcsetOf lists the copies vs and the picture itself, at url (already
// relative to the base path), w pixels wide.
func (r *Renderer) srcsetOf(vs []model.Variant, url string, w int) string {
	var b strings.Builder
	for _, v := range vs {
		fmt.Fprintf(&b, "%s %dw, ", r.relURL(v.URL), v.Width)
	}
	fmt.Fprintf(&b, "%s %dw", url, w)
	return b.String()
}

func (r *Renderer) funcs() template.FuncMap {
	return template.FuncMap{
		"relURL":    r.relURL,
		"chrome":    r.chrome,
		"absURL":    r.absURL,
		"asset":     r.asset,
		"isoDay":    day,
		"partNotes": PartNotes,
		"history":   History,
		"isoDate":   func(t time.Time) string { return t.In(model.Zone).Format(time.RFC3339) },
		"clock":     func(t time.Time) string { return t.In(model.Zone).Format("15:04") },
		"hasTime": func(t time.Time) bool {
			t = t.In(model.Zone)
			return t.Hour() != 0 || t.Minute() != 0
		},
		"safeHTML":   func(s string) template.HTML { return template.HTML(s) },
		"truncate":   truncate,
		"add":        func(a, b int) int { return a + b },
		"pagerLinks": PagerLinks,
		"hasPrefix":  strings.HasPrefix,
		"srcset":     r.srcset,
		"lower":      strings.ToLower,
		"fileType": func(name string) string {
			return strings.ToUpper(strings.TrimPrefix(path.Ext(name), "."))
		},
		"tel": func(s string) string {
			return strings.Map(func(r rune) rune {
				if r >= '0' && r <= '9' || r == '+' {
					return r
				}
				return -1
			}, s)
		},
		"dict": dict,
		// For the disclosure kinds' layouts.
		"slug":          vnfold.Slug,
		"roles":         func() []model.FileRole { return model.FileRoles },
		"projectPeriod": ProjectPeriod,
		"dayAfter":      func(t time.Time) time.Time { return t.AddDate(0, 0, 1) },
		"host": func(u string) string {
			if p, err := url.Parse(u); err == nil {
				return p.Host
			}
			return ""
		},
		"seq": func(n int) []int {
			s := make([]int, n)
			for i := range s {
				s[i] = i + 1
			}
			return s
		},
		"first": func(n int, items any) any {
			switch v := items.(type) {
			case []*model.News:
				return v[:min(n, len(v))]
			case []*model.Document:
				return v[:min(n, len(v))]
			case []*model.Consultation:
				return v[:min(n, len(v))]
			}
			return items
		},
	}
}

// dict makes a map of its arguments, taken as key and value pairs, so
// that a partial can receive more than one value:
// {{template "news-item" (dict "News" . "Level" 2)}}.
func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, fmt.Errorf("dict: want key and value pairs, got %d arguments", len(kv))
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
		}
		m[k] = kv[i+1]
	}
	return m, nil
}

// truncate cuts s to at most n runes at a word boundary, adding "…".
func truncate(n int, s string) string {
	if len(s) <= n {
		return s // no more bytes than runes allowed
	}
	runes := 0
	for i := range s {
		if runes < n {
			runes++
			continue
		}
		cut := s[:i]
		if j := strings.LastIndexByte(cut, ' '); j > len(cut)/2 {
			cut = cut[:j]
		}
		return strings.TrimRight(cut, " ,.;:") + "…"
	}
	return s
}

// FileSize formats a size in bytes the Vietnamese way: "12,3 KB".
func FileSize(n int64) string { return vi.FileSize(n) }

// PagerLink is one entry of a pager: a page number with its URL, or a gap
// (Number 0) standing for the pages left out.
type PagerLink struct {
	Number int
	URL    string
}

// PagerLinks returns the links a pager shows: the first and last pages and
// two on each side of the current one, with gaps between, so that a list
// of 500 pages does not print 500 links on each of them.
func PagerLinks(p model.Pager) []PagerLink {
	var out []PagerLink
	for i := 1; i <= p.Total; i++ {
		if i == 1 || i == p.Total || (i >= p.Number-2 && i <= p.Number+2) {
			out = append(out, PagerLink{Number: i, URL: p.Pages[i-1]})
		} else if len(out) > 0 && out[len(out)-1].Number != 0 {
			out = append(out, PagerLink{})
		}
	}
	return out
}
