package main

import (
	"fmt"

	"minhbach/internal/model"
)

// withheld words the news items a build left out, for its summary line:
// "" when none, else " (left out: drafts 2, scheduled 1, expired 0)":
// drafts, news whose publish_date is ahead and news past expiry_date.
func withheld(w model.Withheld) string {
	if w == (model.Withheld{}) {
		return ""
	}
	return fmt.Sprintf(" (left out: drafts %d, scheduled %d, expired %d)", w.Drafts, w.Scheduled, w.Expired)
}
