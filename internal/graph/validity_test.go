package graph

import (
	"testing"
	"time"

	"minhbach/internal/model"
)

func date(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02", s, model.Zone)
	if err != nil {
		panic(err)
	}
	return t
}

func TestStatusAt(t *testing.T) {
	by := &model.Document{Number: "35/2026/QĐ-UBND"}
	back := func(kind model.RelationKind, scope, from string) model.BackRelation {
		return model.BackRelation{Kind: kind, From: by, Scope: scope, Effect: date(from)}
	}
	tests := []struct {
		name    string
		expires string
		back    []model.BackRelation
		want    model.Status
	}{
		{"amended and corrected: in force", "", []model.BackRelation{back(model.Amends, "Điều 2", "2026-01-01"), back(model.Corrects, "", "2026-02-01")}, model.InForce},
		{"replaced whole: ended", "", []model.BackRelation{back(model.Replaces, "", "2026-03-01")}, model.Expired},
		{"replaced whole ahead: in force", "", []model.BackRelation{back(model.Replaces, "", "2026-07-01")}, model.InForce},
		{"term over: ended even if partly repealed", "2026-05-01", []model.BackRelation{back(model.Repeals, "Điều 5", "2026-02-01")}, model.Expired},
		{"a part repealed: partly in force", "", []model.BackRelation{back(model.Repeals, "Điều 5", "2026-02-01")}, model.PartiallyInForce},
		{"a part replaced: partly in force", "", []model.BackRelation{back(model.Replaces, "Phụ lục I", "2026-02-01")}, model.PartiallyInForce},
		{"a part repealed ahead: in force", "", []model.BackRelation{back(model.Repeals, "Điều 5", "2026-06-02")}, model.InForce},
		{"suspended whole and a part repealed: suspended", "", []model.BackRelation{back(model.Repeals, "Điều 5", "2026-02-01"), back(model.Suspends, "", "2026-03-01")}, model.Suspended},
		{"a part suspended: partly suspended", "", []model.BackRelation{back(model.Suspends, "Điều 6", "2026-03-01")}, model.PartiallySuspended},
		{"a part repealed, another suspended: partly in force", "", []model.BackRelation{back(model.Suspends, "Điều 6", "2026-03-01"), back(model.Repeals, "Điều 5", "2026-02-01")}, model.PartiallyInForce},
		{"repealed whole on the day itself: ended", "", []model.BackRelation{back(model.Repeals, "", "2026-06-01")}, model.Expired},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &model.Document{Number: "10/2025/QĐ-UBND", Effective: date("2025-04-01"), Back: tt.back}
			if tt.expires != "" {
				doc.Expires = date(tt.expires)
			}
			if got := statusAt(doc, date("2026-06-01")); got != tt.want {
				t.Errorf("statusAt = %s, want %s", got, tt.want)
			}
		})
	}
	doc := &model.Document{Effective: date("2026-07-01"), Back: []model.BackRelation{back(model.Repeals, "", "2026-06-01")}}
	if got := statusAt(doc, date("2026-06-15")); got != model.NotYetInForce {
		t.Errorf("not yet effective: statusAt = %s, want %s", got, model.NotYetInForce)
	}
}

func TestValidity(t *testing.T) {
	a := &model.Document{Number: "62/2026/QĐ-UBND"}
	b := &model.Document{Number: "70/2026/QĐ-UBND"}
	doc := &model.Document{Number: "10/2025/QĐ-UBND", Effective: date("2025-04-01"), Expires: date("2027-06-30"), Back: []model.BackRelation{
		{Kind: model.Repeals, From: a, Scope: "Khoản 3 Điều 2", Effect: date("2026-12-05")},
		{Kind: model.Amends, From: a, Scope: "Điều 4", Effect: date("2026-01-22")},
		{Kind: model.Replaces, From: b, Effect: date("2027-03-01")},
	}}
	validity(doc, date("2026-11-23"))
	if doc.Status != model.InForce {
		t.Errorf("Status = %s, want %s", doc.Status, model.InForce)
	}
	if !doc.Ends.Equal(date("2027-03-01")) {
		t.Errorf("Ends = %s, want the replacement's date 2027-03-01, before the term's end", doc.Ends)
	}
	var got []string
	for _, c := range doc.Upcoming() {
		got = append(got, c.Date.Format("2006-01-02")+" "+string(c.Status)+" "+c.Cause())
	}
	want := []string{
		"2026-12-05 partially_in_force Khoản 3 Điều 2 của 10/2025/QĐ-UBND bị bãi bỏ bởi 62/2026/QĐ-UBND",
		"2027-03-01 expired 10/2025/QĐ-UBND bị thay thế bởi 70/2026/QĐ-UBND",
		"2027-06-30 expired 10/2025/QĐ-UBND hết thời hạn hiệu lực",
	}
	if len(got) != len(want) {
		t.Fatalf("Upcoming = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Upcoming[%d] = %q, want %q", i, got[i], want[i])
		}
	}
	if !doc.Back[0].Effect.Equal(date("2027-03-01")) || !doc.Back[2].Effect.Equal(date("2026-01-22")) {
		t.Errorf("Back is not ordered latest first: %v", doc.Back)
	}

	doc.MakeExtra().StatusOverride, doc.Extra.Upcoming = model.Expired, nil
	validity(doc, date("2026-11-23"))
	if doc.Status != model.Expired || len(doc.Upcoming()) != 0 {
		t.Errorf("with an override: Status = %s with %d changes ahead, want %s and none", doc.Status, len(doc.Upcoming()), model.Expired)
	}
}
