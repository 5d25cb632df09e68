package schema_test

import (
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"minhbach/internal/config"
	"minhbach/internal/model"
	"minhbach/internal/schema"
)

// contract is the content contract that staff and developers read.
const contract = "../../docs/noi-dung.md"

// keyTables maps each "<!-- keys: NAME -->" marker of the contract to the
// keys the code accepts there.
func keyTables() map[string][]string {
	var cells, projectCells []string
	for k := range schema.ProcedureCells {
		cells = append(cells, k)
	}
	for k := range schema.ProjectCells {
		projectCells = append(projectCells, k)
	}
	return map[string][]string{
		"site":                config.Keys,
		"site-contact":        config.ContactKeys,
		"site-menu-item":      config.MenuItemKeys,
		"site-deploy":         config.DeployKeys,
		"site-deploy-header":  config.HeaderRuleKeys,
		"news":                schema.NewsKeys,
		"page":                schema.PageKeys,
		"issue":               schema.IssueKeys,
		"document":            schema.DocumentKeys,
		"attachment":          schema.AttachmentKeys,
		"citation":            schema.CitationKeys,
		"relation":            schema.RelationKeys,
		"procedure":           schema.ProcedureKeys,
		"dossier-item":        schema.DossierItemKeys,
		"procedure-csv-cells": cells,
		"statistics":          schema.StatisticsKeys,
		// The disclosure kinds.
		"consultation":             schema.ConsultationKeys,
		"consultation-file":        schema.ConsultationFileKeys,
		"budget":                   schema.BudgetKeys,
		"budget-table":             schema.TableKeys,
		"site-budget-deadlines":    config.BudgetDeadlineKeys,
		"project":                  schema.ProjectKeys,
		"package":                  schema.PackageKeys,
		"project-csv-cells":        projectCells,
		"site-notice":              config.NoticeKeys,
		"site-translation":         config.TranslationKeys,
		"site-translation-contact": config.TranslatedContactKeys,
		"translation":              schema.TranslationKeys,
		"cong-khai":                schema.PublicListKeys,
		"cong-khai-category":       schema.PublicCategoryKeys,
	}
}

var (
	marker   = regexp.MustCompile(`^<!-- keys: ([a-z-]+) -->$`)
	firstKey = regexp.MustCompile("^\\|\\s*`([a-z0-9_]+)`")
)

// documentedKeys reads, for each marker, the keys named in the first column
// of the table that follows it.
func documentedKeys(t *testing.T, text string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	lines := strings.Split(text, "\n")
	for i := 0; i < len(lines); i++ {
		m := marker.FindStringSubmatch(strings.TrimSpace(lines[i]))
		if m == nil {
			continue
		}
		if _, dup := out[m[1]]; dup {
			t.Errorf("%s: marker %q appears twice", contract, m[1])
		}
		out[m[1]] = []string{}
		for i++; i < len(lines) && strings.HasPrefix(lines[i], "|"); i++ {
			if k := firstKey.FindStringSubmatch(lines[i]); k != nil {
				out[m[1]] = append(out[m[1]], k[1])
			}
		}
		if len(out[m[1]]) == 0 {
			t.Errorf("%s: no table of keys follows marker %q", contract, m[1])
		}
	}
	return out
}

// TestContractKeys keeps docs/noi-dung.md true to the code: every key the
// code accepts has its row, and every row names a key the code accepts.
func TestContractKeys(t *testing.T) {
	data, err := os.ReadFile(contract)
	if err != nil {
		t.Fatal(err)
	}
	documented := documentedKeys(t, string(data))
	for name, keys := range keyTables() {
		doc, ok := documented[name]
		if !ok {
			t.Errorf("%s has no table for %q (want a line <!-- keys: %s --> before it)", contract, name, name)
			continue
		}
		for _, k := range keys {
			if !slices.Contains(doc, k) {
				t.Errorf("%s: key %q of %q is not documented: add a row to its table", contract, k, name)
			}
		}
		for _, k := range doc {
			if !slices.Contains(keys, k) {
				t.Errorf("%s: the table of %q documents %q, which the code does not accept", contract, name, k)
			}
		}
	}
	for name := range documented {
		if _, ok := keyTables()[name]; !ok {
			t.Errorf("%s: marker %q names no key list of the code", contract, name)
		}
	}
}

// TestContractValues checks that the contract names every allowed value of
// the enumerations, by code and Vietnamese label.
func TestContractValues(t *testing.T) {
	data, err := os.ReadFile(contract)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(data)), " ") // labels may wrap across lines
	var want []string
	want = append(want, schema.DocTypes...)
	want = append(want, schema.ReservedSlugs...)
	for _, s := range model.Statuses {
		want = append(want, "`"+string(s)+"`", s.Label())
	}
	for _, o := range model.Onlines {
		want = append(want, "`"+string(o)+"`", o.Label())
	}
	for _, s := range model.ProcedureStatuses {
		want = append(want, "`"+string(s)+"`", s.Label())
	}
	for _, k := range model.RelationKinds {
		want = append(want, "`"+string(k)+"`", k.Label(), k.BackLabel())
	}
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%s does not mention %q", contract, w)
		}
	}
}

// guides maps each role guide to the key tables it must cover: a guide
// shows every key of its kinds, so each appears there as `key`.
var guides = map[string][]string{
	"../../docs/huong-dan-tin-tuc.md":  {"news", "page"},
	"../../docs/huong-dan-cong-bao.md": {"issue", "document", "attachment", "relation"},
	"../../docs/huong-dan-thu-tuc.md":  {"procedure", "dossier-item", "citation", "procedure-csv-cells"},
	"../../docs/trien-khai.md":         {"site-deploy", "site-deploy-header"},
	"../../docs/huong-dan-cong-khai.md": {"consultation", "consultation-file", "budget", "budget-table", "site-budget-deadlines", "project", "package", "project-csv-cells",
		"statistics", "cong-khai", "cong-khai-category", "site-notice"},
}

// TestGuidesKeys checks that each role guide names every key of its kinds.
func TestGuidesKeys(t *testing.T) {
	tables := keyTables()
	files := make([]string, 0, len(guides))
	for f := range guides {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Error(err)
			continue
		}
		for _, name := range guides[f] {
			for _, k := range tables[name] {
				if !strings.Contains(string(data), "`"+k+"`") && !strings.Contains(string(data), k+":") {
					t.Errorf("%s does not show key %q (%s): add it with an example", f, k, name)
				}
			}
		}
	}
}
