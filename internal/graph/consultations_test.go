package graph

import (
	"testing"
	"time"

	"minhbach/internal/model"
)

func TestConsultationState(t *testing.T) {
	opens, closes := date("2026-11-20"), date("2026-12-20")
	tests := []struct {
		now   time.Time
		state model.ConsultationState
		left  int
	}{
		{date("2026-11-19"), model.ConsultUpcoming, 0},
		{date("2026-11-20"), model.ConsultOpen, 30},
		{date("2026-11-23").Add(23 * time.Hour), model.ConsultOpen, 27}, // late evening, still the 23rd in Vietnam
		{date("2026-12-20").Add(23*time.Hour + 59*time.Minute), model.ConsultOpen, 0},
		{date("2026-12-21"), model.ConsultClosed, 0},
		// 20:00 UTC on 20 December is 03:00 on 21 December in Vietnam.
		{time.Date(2026, 12, 20, 20, 0, 0, 0, time.UTC), model.ConsultClosed, 0},
	}
	for _, tt := range tests {
		st, left := ConsultationState(opens, closes, tt.now)
		if st != tt.state || left != tt.left {
			t.Errorf("ConsultationState(%s) = %s, %d days left; want %s, %d", tt.now.Format(time.RFC3339), st, left, tt.state, tt.left)
		}
	}
}
