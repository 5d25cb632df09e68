package kinds_test

import (
	"slices"
	"testing"
	"time"

	"minhbach/internal/kinds"
	"minhbach/internal/model"
)

// TestRegistry checks the kinds registered: the eight content kinds the
// disclosure law asks about, each with its section and forms, counting an
// empty site as empty and a site with items by its items.
func TestRegistry(t *testing.T) {
	want := []string{"news", "gazette", "documents", "procedures", "statistics", "consultations", "budget", "projects"}
	if got := kinds.Names(); !slices.Equal(got, want) {
		t.Errorf("Names() = %v, want %v", got, want)
	}
	for _, k := range kinds.All() {
		if len(k.Forms) == 0 || k.Forms[0] != "HTML" {
			t.Errorf("%s: forms %v, want HTML first", k.Name, k.Forms)
		}
		if st := k.Status(&model.Site{}); st.Count != 0 || !st.Updated.IsZero() {
			t.Errorf("%s on an empty site: %+v", k.Name, st)
		}
	}
	d := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	s := &model.Site{Gazette: model.Gazette{Documents: []*model.Document{
		{Issued: d("2026-03-01")}, {Issued: d("2026-01-01"), PublishedOn: d("2026-04-02")}}}}
	k, _ := kinds.Lookup("documents")
	if st := k.Status(s); st.Count != 2 || !st.Updated.Equal(d("2026-04-02")) {
		t.Errorf("documents: %+v, want 2 items, newest 2026-04-02 (a published date counts over the issued one)", st)
	}
	if _, ok := kinds.Lookup("ngan-sach"); ok {
		t.Error("Lookup(ngan-sach) found a kind")
	}
}
