package graph

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/collate"

	"minhbach/internal/config"
	"minhbach/internal/diag"
	"minhbach/internal/model"
	"minhbach/internal/urls"
	"minhbach/internal/vnfold"
	"minhbach/internal/vnnum"
)

// budgets gives each budget disclosure its URL, links it to its deciding
// document both ways, reads its tables, checks the publication deadline
// and builds the browse lists.
func budgets(site *config.Site, e *model.Entries, fsys fs.FS, s *model.Site, claim claimFunc,
	byNumber map[string]*model.Document, known *numbers, col *collate.Collator, d *diag.List) {
	bs := &s.Budgets
	items := slices.Clone(e.Budgets)
	slices.SortFunc(items, func(a, b *model.Budget) int { return cmp.Compare(a.Path, b.Path) })
	for _, b := range items {
		if b.Slug == "" || b.Year == 0 || b.Stage == "" {
			for _, tb := range b.Tables { // no page, but every problem in one run
				readTable(fsys, tb, d)
			}
			continue
		}
		b.URL = urls.Budget + b.Slug + "/"
		if !claim(b.URL, b.Path, b.SlugPos) {
			continue
		}
		if b.Decision != nil {
			if t := cite(b.Decision, "decision", byNumber, known, d); t != nil {
				t.MakeExtra().Budgets = append(t.Budgets(), b)
				if !b.Decided.IsZero() && !dayOf(b.Decided).Equal(dayOf(t.Issued)) {
					d.Warnf(b.DecidedPos, "decided %s differs from the date %s of %s in the gazette: the gazette's date is used", b.Decided.Format("02/01/2006"),
						t.Issued.Format("02/01/2006"), t.Number)
				}
				b.Decided = t.Issued
			}
		}
		for _, tb := range b.Tables {
			copies, ok := publish(fsys, tb.File, b.Path, b.URL, "table", d)
			s.Copies = append(s.Copies, copies...)
			if ok {
				readTable(fsys, tb, d)
			}
		}
		for _, a := range b.Attachments {
			copies, _ := publish(fsys, a, b.Path, b.URL, "attachment", d)
			s.Copies = append(s.Copies, copies...)
		}
		deadline(site, b, d)
		bs.Items = append(bs.Items, b)
	}
	stage := func(st model.BudgetStage) int { return slices.Index(model.BudgetStages, st) }
	slices.SortStableFunc(bs.Items, func(a, b *model.Budget) int {
		return cmp.Or(cmp.Compare(b.Year, a.Year), cmp.Compare(stage(b.Stage), stage(a.Stage)), cmp.Compare(b.Period, a.Period),
			b.Published.Compare(a.Published), cmp.Compare(a.URL, b.URL))
	})
	for _, doc := range s.Gazette.Documents {
		slices.SortFunc(doc.Budgets(), func(a, b *model.Budget) int { return cmp.Compare(a.URL, b.URL) })
	}
	per := site.Paginate
	bs.Years = facets(bs.Items, urls.Budget+"nam/", func(b *model.Budget) (string, string) { y := fmt.Sprint(b.Year); return y, y })
	slices.SortFunc(bs.Years, func(a, b *model.Facet[*model.Budget]) int { return cmp.Compare(b.Name, a.Name) })
	bs.Agencies = facets(bs.Items, urls.Budget+"co-quan/", func(b *model.Budget) (string, string) { return b.Agency, vnfold.Slug(b.Agency) })
	sortByName(col, bs.Agencies)
	bs.Stages = facets(bs.Items, urls.Budget+"giai-doan/", func(b *model.Budget) (string, string) { return b.Stage.Label(), b.Stage.Slug() })
	slices.SortFunc(bs.Stages, func(a, b *model.Facet[*model.Budget]) int {
		return cmp.Compare(stage(a.Items[0].Stage), stage(b.Items[0].Stage))
	})
	bs.Lists = paginate(nil, "all", "Công khai ngân sách", nil, urls.Budget, bs.Items, per)
	for _, group := range []struct {
		kind, prefix string
		facets       []*model.Facet[*model.Budget]
	}{{"year", "Công khai ngân sách năm ", bs.Years}, {"stage", "Công khai ngân sách: ", bs.Stages}, {"agency", "Công khai ngân sách của ", bs.Agencies}} {
		for _, f := range group.facets {
			bs.Lists = paginate(bs.Lists, group.kind, group.prefix+f.Name, &f.Term, f.URL, f.Items, per)
		}
	}
}

// deadline sets the last day allowed to publish b and warns when it was
// published later (site.yaml budget_deadlines; 0 days: not checked).
func deadline(site *config.Site, b *model.Budget, d *diag.List) {
	if !b.Decided.IsZero() && !b.Published.IsZero() && dayOf(b.Published).Before(dayOf(b.Decided)) {
		d.Warnf(b.PublishedPos, "published %s, before the decision of %s: check both dates", b.Published.Format("02/01/2006"), b.Decided.Format("02/01/2006"))
	}
	days := site.BudgetDeadlines[string(b.Stage)]
	if days <= 0 || b.Published.IsZero() {
		return
	}
	from, what := b.Decided, diag.Phrase("the decision")
	if b.Stage.FromPeriodEnd() {
		from, what = b.PeriodEnd(), diag.Phrase("the end of the period")
	}
	if from.IsZero() {
		return
	}
	b.Deadline = dayOf(from).AddDate(0, 0, days)
	if dayOf(b.Published).After(b.Deadline) {
		b.Late = true
		d.Warnf(b.PublishedPos, "published %s, %d days after %s (%s): the deadline for %s is %d days, until %s (site.yaml budget_deadlines)",
			b.Published.Format("02/01/2006"), daysBetween(from, b.Published), what, from.Format("02/01/2006"),
			b.Stage, days, b.Deadline.Format("02/01/2006"))
	}
}

// readTable reads a budget table's CSV file: a header row, then one row
// a line. The first column names the row, or the second when the first is
// "STT"; every other cell is an amount in Vietnamese format (1.234.567,5),
// empty, or "-" for none. Every bad cell is an error at its line and
// column.
func readTable(fsys fs.FS, tb *model.Table, d *diag.List) {
	p := tb.File.File
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		d.Errorf(tb.Pos, "table %q: %v", tb.File.Src, err)
		return
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !utf8.Valid(data) {
		d.Errorf(diag.Pos{Path: p}, "invalid UTF-8: save the sheet as \"CSV UTF-8 (comma delimited)\"")
		return
	}
	data = []byte(vnfold.NFC(string(data)))
	lines := bytes.Split(data, []byte("\n"))
	pos := func(line, col int) diag.Pos {
		if line >= 1 && line <= len(lines) && col >= 1 && col-1 <= len(lines[line-1]) {
			col = utf8.RuneCount(lines[line-1][:col-1]) + 1
		}
		return diag.Pos{Path: p, Line: line, Col: col}
	}
	first, _, _ := bytes.Cut(data, []byte("\n"))
	if !bytes.Contains(first, []byte(",")) && bytes.Contains(first, []byte(";")) {
		d.Errorf(diag.Pos{Path: p, Line: 1}, `the cells are separated by ";": save the sheet as "CSV UTF-8 (comma delimited)" so that cells are separated by ","`)
		return
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err == io.EOF {
		d.Errorf(diag.Pos{Path: p}, "empty table: write a header row, then one row a line")
		return
	}
	if err != nil {
		d.Error(diag.Pos{Path: p, Line: 1}, csvProblem(err))
		return
	}
	for i := range head {
		head[i] = strings.TrimSpace(head[i])
	}
	if len(head) < 2 {
		d.Errorf(diag.Pos{Path: p, Line: 1}, "table has %d column: want a column naming the rows and at least one column of amounts", len(head))
		return
	}
	if vnfold.Key(head[0]) == "stt" && len(head) > 2 {
		tb.Label = 1
	}
	for i, h := range head {
		if h == "" {
			d.Errorf(pos(1, 1), "column %d has no name in the header row: name it or delete it", i+1)
		}
	}
	tb.Head = head
	bad := false
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		line, _ := r.FieldPos(0)
		if err != nil {
			d.Error(diag.Pos{Path: p, Line: line}, csvProblem(err))
			break
		}
		if blankRow(rec) {
			continue
		}
		if len(rec) > len(head) && !blankRow(rec[len(head):]) {
			d.Errorf(pos(line, 1), "row has %d cells but the header names %d columns: quote a cell that contains a comma (\"…, …\")", len(rec), len(head))
			continue
		}
		row := make([]model.Cell, len(head))
		for i := range head {
			v := ""
			if i < len(rec) {
				v = strings.TrimSpace(rec[i])
			}
			switch {
			case i <= tb.Label:
				row[i] = model.Cell{Text: v}
				if i == tb.Label && v == "" {
					l, c := r.FieldPos(min(i, len(rec)-1))
					d.Errorf(pos(l, c), "row has no name in column %q: say what the row's figures are", head[i])
				}
			case v == "":
			case v == "-" || v == "–" || v == "—":
				row[i] = model.Cell{Text: "–"}
			default:
				a, ok := vnnum.Parse(v)
				if !ok {
					l, c := r.FieldPos(i)
					d.Errorf(pos(l, c), "cell %q in column %q is not an amount: write it as 1.234.567 (a dot between thousands, a comma before decimals), or leave it empty", v, head[i])
					bad = true
					continue
				}
				row[i] = model.Cell{Text: a.String(), Value: a.Plain(), Amount: true}
			}
		}
		tb.Rows = append(tb.Rows, row)
	}
	if len(tb.Rows) == 0 && !bad {
		d.Errorf(diag.Pos{Path: p}, "table has a header row but no rows of figures")
	}
}

func blankRow(rec []string) bool {
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// csvProblem words encoding/csv's errors for staff.
func csvProblem(err error) diag.Message {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(pe.Err, csv.ErrBareQuote):
			return diag.Msgf(`a cell holds a quote (") but does not begin with one: put the whole cell in quotes and double the quotes inside ("Mẫu ""01""")`)
		case errors.Is(pe.Err, csv.ErrQuote):
			return diag.Msgf(`a quoted cell is not closed (from line %d of the file): add the closing quote (")`, pe.StartLine)
		}
		return diag.Msgf("cannot read the sheet: %v", pe.Err)
	}
	return diag.Msgf("cannot read the sheet: %v", err)
}
