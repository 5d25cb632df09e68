package main

import (
	"io"
	"strings"

	"minhbach/internal/diag"
	"minhbach/internal/model"
	"minhbach/internal/render"
)

// nextConsultation prints the line that tells when a draft for comment
// next opens or closes, since pages show the state as of the build
// (their script follows the reader's date, a page without it does not):
// "Dự thảo lấy ý kiến thay đổi tiếp theo: ngày 11/12/2026 (hết hạn góp ý
// “…”)". It prints nothing for a site without drafts, or when none will
// change.
func nextConsultation(w io.Writer, s *model.Site) {
	if s == nil || s.Consultations.Next.IsZero() {
		return
	}
	cs := &s.Consultations
	var causes []string
	for _, c := range cs.NextItems[:min(3, len(cs.NextItems))] {
		var m diag.Message
		if c.State == model.ConsultUpcoming {
			m = diag.Msgf("comments on %q open", c.Title)
		} else {
			m = diag.Msgf("comments on %q have closed", c.Title)
		}
		causes = append(causes, m.In(lang))
	}
	if n := len(cs.NextItems) - 3; n > 0 {
		causes = append(causes, lang.Sprintf("and %d more drafts", n))
	}
	say(w, "next change of a draft for comment: %s (%s): rebuild the site on that day", render.LegalDate(cs.Next), strings.Join(causes, "; "))
}
