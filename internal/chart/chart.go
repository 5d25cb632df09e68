// Package chart draws the charts of statistics pages as SVG at build
// time: horizontal bars, one a line, each part of a bar filled by a
// pattern as well as a tone so that it reads without colour, and drawn in
// currentColor so that it follows the page's text colour, high-contrast
// and forced-colors modes included. A chart is a picture of a table the
// page shows beside it: the table stays the source of truth. It knows
// nothing of the site.
package chart

import (
	"fmt"
	"html"
	"strings"
	"unicode/utf8"
)

// Bar is one line of a chart.
type Bar struct {
	// Label names the bar (a period, an agency).
	Label string
	// Parts are fractions of the whole, from 0 to 1, drawn one after
	// another in the styles of Legend's entries; they should sum to at
	// most 1.
	Parts []float64
	// Value is the text written at the end of the label line ("97,8 %").
	Value string
}

// Chart is a bar chart.
type Chart struct {
	// ID prefixes the ids of the chart's elements; unique in its page.
	ID string
	// Title is the chart's accessible name; Desc its description, which
	// should give the figures in words.
	Title, Desc string
	// Legend names the parts of the bars, in order: a solid part, a
	// hatched part, an outlined part. None: no legend is drawn.
	Legend []string
	Bars   []Bar
}

// Geometry, in the viewBox's units: a page shows the chart at its
// column's width (CSS), so that the text is about the page's own size on
// a phone.
const (
	width    = 400
	rowH     = 46
	barH     = 16
	fontSize = 15
	legendH  = 24
	maxLabel = 40
)

// styles are the fills of a bar's parts: solid, hatched, outlined.
var styles = []string{`fill="currentColor"`, `fill="url(#%s-soc)" stroke="currentColor"`, `fill="none" stroke="currentColor"`}

// SVG returns the chart as an inline <svg> element with role="img", named
// by its <title> (aria-labelledby) and described by its <desc>, which
// gives the figures (aria-describedby): a screen reader says the short
// name, and the figures when asked.
func (c Chart) SVG() string {
	var b strings.Builder
	top := 8 + legendH*len(c.Legend)
	h := top + rowH*len(c.Bars) + 4
	id := html.EscapeString(c.ID)
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 %d %d" width="%d" height="%d" aria-labelledby="%s-t" aria-describedby="%s-d" font-size="%d">`,
		width, h, width, h, id, id, fontSize)
	fmt.Fprintf(&b, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, id, html.EscapeString(c.Title), id, html.EscapeString(c.Desc))
	fmt.Fprintf(&b, `<defs><pattern id="%s-soc" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="none"/><line x1="0" y1="0" x2="0" y2="6" stroke="currentColor" stroke-width="3"/></pattern></defs>`, id)
	for i, name := range c.Legend {
		y := 8 + legendH*i
		fmt.Fprintf(&b, `<rect x="1" y="%d" width="14" height="14" %s/>`, y, style(i, id))
		fmt.Fprintf(&b, `<text x="22" y="%d" fill="currentColor">%s</text>`, y+12, html.EscapeString(name))
	}
	for i, bar := range c.Bars {
		y := top + rowH*i
		fmt.Fprintf(&b, `<text x="0" y="%d" fill="currentColor">%s</text>`, y+fontSize, html.EscapeString(clip(bar.Label)))
		if bar.Value != "" {
			fmt.Fprintf(&b, `<text x="%d" y="%d" fill="currentColor" text-anchor="end" font-weight="bold">%s</text>`, width, y+fontSize, html.EscapeString(bar.Value))
		}
		by := y + fontSize + 6
		// The frame of the whole, so that a short bar shows how short it is.
		fmt.Fprintf(&b, `<rect x="0.5" y="%d.5" width="%d" height="%d" fill="none" stroke="currentColor" stroke-opacity="0.45"/>`, by, width-1, barH)
		x := 0.0
		for j, part := range bar.Parts {
			w := max(0, min(part, 1)) * (width - 1)
			if x+w > width-1 {
				w = width - 1 - x
			}
			if w > 0 {
				fmt.Fprintf(&b, `<rect x="%s" y="%d.5" width="%s" height="%d" %s/>`, num(x+0.5), by, num(w), barH, style(j, id))
			}
			x += w
		}
	}
	b.WriteString(`</svg>`)
	return b.String()
}

func style(i int, id string) string {
	s := styles[i%len(styles)]
	if strings.Contains(s, "%s") {
		return fmt.Sprintf(s, id)
	}
	return s
}

// num writes a coordinate with at most two decimals.
func num(f float64) string {
	s := fmt.Sprintf("%.2f", f)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s
}

// clip shortens a label that would run into its value; the table beside
// the chart has it whole.
func clip(s string) string {
	if utf8.RuneCountInString(s) <= maxLabel {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:maxLabel-1])) + "…"
}
