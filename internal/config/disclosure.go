package config

import (
	"minhbach/internal/diag"
	"minhbach/internal/meta"
)

// BudgetDeadlineKeys are the keys of site.yaml's budget_deadlines: the
// stages of a budget disclosure (model.BudgetStages).
var BudgetDeadlineKeys = []string{"du_toan", "thuc_hien_quy", "thuc_hien_6_thang", "thuc_hien_nam", "quyet_toan"}

// DefaultBudgetDeadlines are the days allowed to publish a budget
// disclosure, by stage, when site.yaml says nothing: those of Luật Ngân
// sách nhà nước 83/2015/QH13 Điều 15 as the project's research
// summarises it (docs/noi-dung.md says what was and was not verified).
// The approved estimate and the final accounts count from the deciding
// document, the quarterly and half-year reports from the end of the
// period. 0 means the stage is not checked: no fixed day count was found
// for the annual report.
var DefaultBudgetDeadlines = map[string]int{"du_toan": 30, "thuc_hien_quy": 15, "thuc_hien_6_thang": 15, "thuc_hien_nam": 0, "quyet_toan": 30}

// budgetDeadlines reads budget_deadlines over the defaults.
func budgetDeadlines(m *meta.Map) map[string]int {
	out := map[string]int{}
	for k, v := range DefaultBudgetDeadlines {
		out[k] = v
	}
	sub := m.Sub("budget_deadlines")
	if sub == nil {
		return out
	}
	sub.CheckKeys(BudgetDeadlineKeys, diag.Error)
	for _, k := range BudgetDeadlineKeys {
		if !sub.Has(k) {
			continue
		}
		n := sub.Int(k, out[k])
		if n < 0 {
			m.Diags().Errorf(sub.Pos(sub.Node(k)), "budget_deadlines.%s: want a number of days, 0 or more, got %d", k, n)
			continue
		}
		out[k] = n
	}
	return out
}
