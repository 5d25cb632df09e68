package main

import (
	"minhbach/internal/diag"
	"minhbach/internal/model"
)

// withheld words the news items a build left out, for its summary line:
// nothing when none, else " (left out: drafts 2, scheduled 1, expired 0)":
// drafts, news whose publish_date is ahead and news past expiry_date.
func withheld(w model.Withheld) diag.Message {
	if w == (model.Withheld{}) {
		return diag.Message{}
	}
	return diag.Msgf(" (left out: drafts %d, scheduled %d, expired %d)", w.Drafts, w.Scheduled, w.Expired)
}
