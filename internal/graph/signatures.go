package graph

import (
	"errors"
	"path"
	"strings"
	"time"

	"minhbach/internal/diag"
	"minhbach/internal/model"
	"minhbach/internal/pdfsig"
	"minhbach/internal/vnfold"
)

// signedSince is the first day from which a gazette issue is published as
// a digitally signed PDF (Thông tư 02/2025/TT-VPCP); an older issue's PDF
// may be a scan of the printed gazette.
var signedSince = time.Date(2025, 1, 1, 0, 0, 0, 0, model.Zone)

// signatures records the digital signatures of a PDF that a page
// publishes. A file whose signed bytes were changed, or whose signature
// does not verify, is an error: the site would offer as signed a file
// that a PDF reader shows as broken. It reports whether the file passed.
func signatures(data []byte, a *model.Attachment, what string, d *diag.List) bool {
	if !strings.EqualFold(path.Ext(a.File), ".pdf") {
		return true
	}
	f, err := pdfsig.Read(data)
	switch {
	case errors.Is(err, pdfsig.ErrChanged):
		d.Errorf(a.Pos, "%s %q was changed after it was signed: its digital signature no longer matches the file (publish the file exactly as the signer sent it)", what, a.Src)
		return false
	case err != nil:
		d.Errorf(a.Pos, "%s %q: %v (ask the signer for the signed file again)", what, a.Src, err)
		return false
	}
	for _, s := range f.Signatures {
		if s.TimeStamp {
			continue // no signer: a time-stamp authority's proof of time
		}
		a.Signatures = append(a.Signatures, model.Signature{Signer: vnfold.NFC(s.Signer), Time: s.Time})
	}
	if f.Appended > 0 {
		d.Warnf(a.Pos, "%s %q has %d bytes added after its last digital signature, which no signature covers: check that this is the file as signed", what, a.Src, f.Appended)
	}
	return true
}

// unsignedIssue warns when the PDF of an issue dated from signedSince on
// carries no digital signature.
func unsignedIssue(is *model.Issue, d *diag.List) {
	if len(is.PDF.Signatures) == 0 && !is.Date.Before(signedSince) {
		d.Warnf(is.PDF.Pos, "pdf %q has no digital signature: a gazette issue from 2025 on is published as a digitally signed PDF (Thông tư 02/2025/TT-VPCP); put the signed file in its place", is.PDF.Src)
	}
}
