package render

import (
	"encoding/json"
	"time"

	"minhbach/internal/i18n"
	"minhbach/internal/model"
)

// LegalDate formats t as legal databases do: "01/07/2026" (dd/mm/yyyy).
func LegalDate(t time.Time) string { return vi.LegalDate(t) }

// StatusStep is one known change of a document's status as a page carries
// it for assets/js/app.js, which reads the attribute data-hieu-luc: a JSON
// array of steps in date order. From the day From (YYYY-MM-DD, Vietnam
// time) on, the status is Status (a model.Status key), shown as Mark and
// Label. The script shows the last step whose day has come on the
// reader's date.
type StatusStep struct {
	From   string `json:"from"`
	Status string `json:"status"`
	Label  string `json:"label"`
	Mark   string `json:"mark"`
}

// StatusSteps returns a document's known status changes after the build
// date as the JSON of data-hieu-luc, or "" when none is known, with the
// Vietnamese labels.
func StatusSteps(doc *model.Document) string {
	s, _ := statusSteps(nil)(doc)
	return s
}

// statusSteps returns StatusSteps with the labels of tab (nil: the
// model's Vietnamese labels).
func statusSteps(tab *i18n.Table) func(doc *model.Document) (string, error) {
	return func(doc *model.Document) (string, error) {
		if len(doc.Upcoming()) == 0 {
			return "", nil
		}
		steps := make([]StatusStep, len(doc.Upcoming()))
		for i, c := range doc.Upcoming() {
			label := c.Status.Label()
			if tab != nil {
				var err error
				if label, err = tab.Text("status." + string(c.Status)); err != nil {
					return "", err
				}
			}
			steps[i] = StatusStep{From: day(c.Date), Status: string(c.Status), Label: label, Mark: c.Status.Mark()}
		}
		b, _ := json.Marshal(steps)
		return string(b), nil
	}
}

// PartNote is a part of a document out of force or suspended: "Hết hiệu
// lực một phần: Điều 5, khoản 2 — bãi bỏ bởi 35/2026/QĐ-UBND, từ ngày
// 01/07/2026".
type PartNote struct {
	// Label is "Hết hiệu lực một phần" or "Ngưng hiệu lực một phần", the
	// label of Status.
	Label  string
	Status model.Status
	Scope  string
	// Verb names the change: "bãi bỏ bởi", the verb of Kind.
	Verb        string
	Kind        model.RelationKind
	Number, URL string
	From        time.Time
	// Ahead tells that the change takes effect after the build date:
	// the page hides the line until the reader's date reaches From.
	Ahead bool
}

// PartNotes returns the parts of doc that other documents repeal,
// replace or suspend, the latest to take effect first.
func PartNotes(doc *model.Document, asOf time.Time) []PartNote {
	var out []PartNote
	for _, b := range doc.Back {
		if b.Scope == "" || !(b.Kind.Ends() || b.Kind == model.Suspends) {
			continue
		}
		st := model.PartiallyInForce
		if b.Kind == model.Suspends {
			st = model.PartiallySuspended
		}
		out = append(out, PartNote{Label: st.Label(), Status: st, Scope: b.Scope, Verb: b.Kind.Verb(), Kind: b.Kind, Number: b.From.Number, URL: b.From.URL,
			From: b.Effect, Ahead: b.Effect.After(asOf)})
	}
	return out
}

// HistoryItem is one row of a document's history of validity (lịch sử
// hiệu lực): on From, the document Number (URL empty for the document
// itself) did What.
type HistoryItem struct {
	From        time.Time
	Number, URL string
	// What is the change and its scope: "Bãi bỏ Điều 5, khoản 2",
	// "Thay thế toàn bộ văn bản", "Văn bản có hiệu lực". Layouts write
	// it from Key (the string key of the change), Scope and Whole (the
	// change is to the whole document).
	What  string
	Key   string
	Scope string
	Whole bool
	// Ahead tells that the change takes effect after the build date.
	Ahead bool
}

// History returns the history of a document's validity, newest first:
// every amending, replacing, repealing, suspending and correcting
// document with the date its change takes effect and its scope, then the
// document's own expiry and entry into force. It is empty when no other
// document changes this one.
func History(doc *model.Document, asOf time.Time) []HistoryItem {
	var out []HistoryItem
	for _, b := range doc.Back {
		if !b.Kind.Changes() {
			continue
		}
		out = append(out, HistoryItem{From: b.Effect, Number: b.From.Number, URL: b.From.URL, What: changeText(b), Ahead: b.Effect.After(asOf),
			Key: "relation.label." + string(b.Kind), Scope: b.Scope, Whole: b.Scope == "" && (b.Kind.Ends() || b.Kind == model.Suspends)})
	}
	if len(out) == 0 {
		return nil
	}
	own := []HistoryItem{{From: doc.Effective, Number: doc.Number, What: "Văn bản có hiệu lực", Key: "document.history.entry.effective", Ahead: doc.Effective.After(asOf)}}
	if !doc.Expires.IsZero() {
		own = append([]HistoryItem{{From: doc.Expires, Number: doc.Number, What: "Hết thời hạn hiệu lực", Key: "document.history.entry.expired", Ahead: doc.Expires.After(asOf)}}, own...)
	}
	// Back is ordered latest first; put the document's own dates in place.
	for _, it := range own {
		i := len(out)
		for i > 0 && it.From.After(out[i-1].From) {
			i--
		}
		out = append(out[:i], append([]HistoryItem{it}, out[i:]...)...)
	}
	return out
}
