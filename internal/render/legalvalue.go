package render

import (
	"fmt"
	"html/template"
	"path"
	"strings"

	"minhbach/internal/model"
)

// The schema.org LegalValueLevel members (https://schema.org/LegalValueLevel),
// from the ELI ontology. legislationLegalValue is a property of a
// LegislationObject, a file that holds a Legislation; each level implies
// the ones below it.
const (
	// DefinitiveLegalValue: the text is conclusively what the law says and
	// is legally binding, schema.org's example being "the digitally signed
	// version of an Official Journal": a signed công báo issue, whose text
	// Vietnamese law gives the value of the original.
	definitiveValue = "https://schema.org/DefinitiveLegalValue"
	// AuthoritativeLegalValue: the publisher gives the file a special
	// status: a document's own PDF that carries a digital signature.
	authoritativeValue = "https://schema.org/AuthoritativeLegalValue"
	// OfficialLegalValue: published by an organisation with the public task
	// of making it available, the least any file of this portal has: the
	// HTML text of a page and unsigned files. UnofficialLegalValue ("no
	// particular standing, e.g. a republication by a private publisher")
	// describes other sites' copies, not the office's own.
	officialValue = "https://schema.org/OfficialLegalValue"
)

// encodings returns the files that hold a document, as schema.org
// LegislationObjects with their legal value: the HTML page (official, for
// reading), the document's attachments (a signed PDF is authoritative;
// other files are plain MediaObjects) and the PDF of the gazette issue
// that published it (definitive when signed).
func (r *Renderer) encodings(doc *model.Document) []map[string]any {
	enc := []map[string]any{{
		"@type":                 "LegislationObject",
		"contentUrl":            r.absURL(doc.URL),
		"encodingFormat":        "text/html",
		"inLanguage":            "vi",
		"legislationLegalValue": officialValue,
	}}
	for _, a := range doc.Attachments {
		m := map[string]any{"@type": "MediaObject", "name": a.Title, "contentUrl": r.absURL(a.URL), "contentSize": fmt.Sprint(a.Size), "sha256": a.SHA256}
		if strings.EqualFold(path.Ext(a.File), ".pdf") {
			m["@type"], m["encodingFormat"] = "LegislationObject", "application/pdf"
			m["legislationLegalValue"] = officialValue
			if len(a.Signatures) > 0 {
				m["legislationLegalValue"] = authoritativeValue
			}
		}
		enc = append(enc, m)
	}
	if is := doc.Issue; is != nil && is.PDF != nil && is.PDF.URL != "" {
		value := officialValue
		if len(is.PDF.Signatures) > 0 {
			value = definitiveValue
		}
		enc = append(enc, map[string]any{"@type": "LegislationObject", "name": is.Title, "contentUrl": r.absURL(is.PDF.URL),
			"encodingFormat": "application/pdf", "contentSize": fmt.Sprint(is.PDF.Size), "sha256": is.PDF.SHA256, "legislationLegalValue": value})
	}
	return enc
}

// publicationIssue returns the schema.org PublicationIssue JSON-LD of a
// gazette issue: its number and date, the documents it publishes, and its
// PDF with its legal value.
func (r *Renderer) publicationIssue(is *model.Issue) template.JS {
	ld := map[string]any{
		"@context":      "https://schema.org",
		"@type":         "PublicationIssue",
		"@id":           r.absURL(is.URL),
		"url":           r.absURL(is.URL),
		"name":          is.Title,
		"issueNumber":   is.Number,
		"datePublished": day(is.Date),
		"inLanguage":    "vi",
		"publisher":     map[string]any{"@type": "GovernmentOrganization", "name": r.site.Agency},
	}
	var parts []map[string]any
	for _, d := range is.Documents {
		parts = append(parts, map[string]any{"@type": "Legislation", "legislationIdentifier": d.Number, "name": d.Title, "url": r.absURL(d.URL)})
	}
	if len(parts) > 0 {
		ld["hasPart"] = parts
	}
	if is.PDF != nil && is.PDF.URL != "" {
		value := officialValue
		if len(is.PDF.Signatures) > 0 {
			value = definitiveValue
		}
		ld["encoding"] = map[string]any{"@type": "LegislationObject", "contentUrl": r.absURL(is.PDF.URL), "encodingFormat": "application/pdf",
			"contentSize": fmt.Sprint(is.PDF.Size), "sha256": is.PDF.SHA256, "legislationLegalValue": value}
	}
	return jsonLD(ld)
}
