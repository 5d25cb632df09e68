package build

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"minhbach/internal/config"
	"minhbach/internal/diag"
	"minhbach/internal/disclose"
	"minhbach/internal/model"
	"minhbach/internal/render"
	"minhbach/internal/workday"
)

// NoticeDays is how many working days ahead planned maintenance must be
// announced: Nghị định 224/2026/NĐ-CP, Điều 13 khoản 1 điểm a ("chậm
// nhất là 07 ngày làm việc trước thời điểm tạm ngừng").
const NoticeDays = 7

// publicList reads content/cong-khai.yaml, when the site has one, and
// makes the catalogue of information the office must publish (nil
// without the file).
func publicList(fsys fs.FS, site *config.Site, s *model.Site, now time.Time) (*model.PublicList, diag.List, error) {
	data, err := fs.ReadFile(fsys, disclose.File)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", disclose.File, err)
	}
	cats, d := disclose.Load(data)
	return disclose.List(cats, s, now, calendar(site)), d, nil
}

// calendar is the site's working-day calendar.
func calendar(site *config.Site) workday.Calendar { return workday.New(site.Holidays) }

// checkNotice warns when planned maintenance is announced fewer than
// NoticeDays working days before the downtime begins, as long as the
// downtime is not over.
func checkNotice(site *config.Site, now time.Time) diag.List {
	var d diag.List
	n := site.Notice
	if n == nil || n.Kind != config.NoticeMaintenance || !now.Before(n.DowntimeEnd) {
		return d
	}
	if days := calendar(site).Between(n.Start, n.DowntimeStart); days < NoticeDays {
		d.Warnf(n.Pos, "notice: planned maintenance from %s is announced from %s, %d working days ahead: Nghị định 224/2026/NĐ-CP Điều 13 asks for at least %d (start the notice on %s or earlier)",
			render.ShortDate(n.DowntimeStart), render.ShortDate(n.Start), days, NoticeDays, render.ShortDate(latestStart(calendar(site), n.DowntimeStart)))
	}
	return d
}

// latestStart is the last day a notice can begin and still be NoticeDays
// working days ahead of t.
func latestStart(cal workday.Calendar, t time.Time) time.Time {
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
	for cal.Between(d, t) < NoticeDays {
		d = d.AddDate(0, 0, -1)
	}
	return d
}

// disclosure checks the built site against its catalogue of information
// to publish: pages are the output paths of the site's pages.
func disclosure(pl *model.PublicList, s *model.Site, site *config.Site, paths []string) *disclose.Findings {
	if pl == nil {
		return nil
	}
	pages := map[string]bool{}
	for _, p := range paths {
		if strings.HasSuffix(p, "index.html") {
			pages["/"+strings.TrimSuffix(p, "index.html")] = true
		}
	}
	f := disclose.Check(pl, s, calendar(site), func(u string) bool { return pages[u] })
	return &f
}
