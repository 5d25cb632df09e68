package main

import (
	"encoding/csv"
	"io/fs"
	"os"
	"path"
	"strconv"
	"strings"

	"minhbach/internal/diag"
	"minhbach/internal/model"
	"minhbach/internal/schema"
	"minhbach/internal/source"
)

// newStatistics writes the sheet of a period: its header row of keys and
// a row for each agency of the site's latest earlier period, with the
// period, the agency and carried_over (that period's pending dossiers)
// filled in, the figures left empty; without earlier sheets, one row to
// fill in.
func newStatistics(arg, dir string) (scaffold, diag.Message) {
	p, ok := schema.ParsePeriod(arg)
	if !ok {
		return scaffold{}, diag.Msgf("period %q: write a year (2026), a quarter (2026-Q3), a half year (2026-H1) or a month (2026-09 or 09/2026)", arg)
	}
	site := siteConfig(dir)
	var rows []*model.StatRow
	fsys := os.DirFS(dir)
	_ = fs.WalkDir(fsys, path.Join(source.ContentDir, string(source.Statistics)), func(f string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !source.IsSheet(f) {
			return nil
		}
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil
		}
		docs, _ := source.ParseSheet(f, data)
		var ent model.Entries
		for _, d := range docs {
			schema.Decode(d, site, &ent)
		}
		rows = append(rows, ent.Statistics...)
		return nil
	})
	// The latest period of the same kind that ends before this one.
	var last model.Period
	for _, r := range rows {
		if r.Agency != "" && r.Period.Kind == p.Kind && r.Period.End.Before(p.Start) && r.Period.End.After(last.End) {
			last = r.Period
		}
	}
	var b strings.Builder
	b.WriteString("\uFEFF") // so that Excel reads the Vietnamese names as UTF-8
	w := csv.NewWriter(&b)
	_ = w.Write([]string{"period", "agency", "received", "carried_over", "on_time", "late", "pending", "online", "note"})
	n := 0
	for _, r := range rows {
		if r.Agency != "" && r.Period.Code == last.Code && last.Code != "" {
			_ = w.Write([]string{p.Code, r.Agency, "", strconv.Itoa(r.Pending), "", "", "", "", ""})
			n++
		}
	}
	if n == 0 {
		_ = w.Write([]string{p.Code, "", "", "", "", "", "", "", ""})
	}
	w.Flush()
	return scaffold{rel: "content/statistics/" + strings.ToLower(p.Code) + ".csv", text: b.String(), unfilled: true, sheet: true}, diag.Message{}
}
