package config

import (
	"time"

	"minhbach/internal/diag"
	"minhbach/internal/meta"
)

// Notice is the site-wide notice banner (site.yaml's notice): planned
// maintenance or an urgent announcement, shown on every page from Start
// until End as of the build date.
type Notice struct {
	// Kind is NoticeMaintenance or NoticeUrgent.
	Kind string
	// Text is what the banner says.
	Text string
	// Start and End bound when the banner shows: from Start, before End.
	Start, End time.Time
	// DowntimeStart and DowntimeEnd are the planned suspension of a
	// maintenance notice: when the site or its services stop and when
	// they are expected back.
	DowntimeStart, DowntimeEnd time.Time
	// Pos is the notice's place in site.yaml, for the warnings about it.
	Pos diag.Pos
}

// The kinds of notice.
const (
	NoticeMaintenance = "maintenance"
	NoticeUrgent      = "urgent"
)

// NoticeKeys are the keys of site.yaml's notice.
var NoticeKeys = []string{"kind", "text", "start", "end", "downtime_start", "downtime_end"}

// ActiveAt reports whether the banner shows at t: from Start, before End.
func (n *Notice) ActiveAt(t time.Time) bool {
	return n != nil && !t.Before(n.Start) && t.Before(n.End)
}

// holidays reads site.yaml's holidays: the days off besides weekends
// that working days are counted without.
func holidays(m *meta.Map) []time.Time {
	n := m.Node("holidays")
	if n == nil {
		return nil
	}
	var out []time.Time
	for _, s := range m.Strings("holidays") {
		t, err := meta.ParseDate(s)
		if err != nil {
			m.Diags().Error(m.Pos(n), err.(*meta.DateError).Message("holidays"))
			continue
		}
		out = append(out, t)
	}
	return out
}

// notice reads site.yaml's notice.
func notice(m *meta.Map) *Notice {
	nm := m.Sub("notice")
	if nm == nil {
		return nil
	}
	nm.CheckKeys(NoticeKeys, diag.Error)
	n := &Notice{Kind: nm.String("kind", true), Text: nm.String("text", true), Start: nm.Date("start", true), End: nm.Date("end", true),
		DowntimeStart: nm.Date("downtime_start", false), DowntimeEnd: nm.Date("downtime_end", false), Pos: m.KeyPos("notice")}
	bad := n.Text == "" || n.Start.IsZero() || n.End.IsZero()
	switch n.Kind {
	case NoticeMaintenance:
		if n.DowntimeStart.IsZero() || n.DowntimeEnd.IsZero() {
			m.Diags().Errorf(n.Pos, "notice: a maintenance notice gives the planned downtime: downtime_start and downtime_end (when the site stops and when it is expected back)")
			bad = true
		} else if !n.DowntimeEnd.After(n.DowntimeStart) {
			m.Diags().Errorf(nm.Pos(nm.Node("downtime_end")), "notice: downtime_end is not after downtime_start")
			bad = true
		}
	case NoticeUrgent:
		if nm.Has("downtime_start") || nm.Has("downtime_end") {
			m.Diags().Errorf(nm.KeyPos("downtime_start"), "notice: downtime_start and downtime_end are for kind: maintenance")
		}
	case "":
		bad = true
	default:
		m.Diags().Errorf(nm.Pos(nm.Node("kind")), "notice: unknown kind %q (allowed: maintenance, urgent)", n.Kind)
		bad = true
	}
	if !n.Start.IsZero() && !n.End.IsZero() && !n.End.After(n.Start) {
		m.Diags().Errorf(nm.Pos(nm.Node("end")), "notice: end is not after start")
		bad = true
	}
	if bad {
		return nil
	}
	return n
}
